// Package ner is entigraph's own named-entity recognizer for PERSON, ORG and
// LOC mentions in English news text.
//
// The model is a first-order averaged structured perceptron over BILOU
// labels, decoded with constrained Viterbi (Tag reports BIO). Its features are hashed (no per-token
// allocation): the lowercased word and its neighbours within two tokens,
// word shapes, prefixes and suffixes, sentence and document casing evidence
// (so headlines in capitals and all-lowercase text are handled), gazetteer
// membership of the token and of the n-grams containing it (countries,
// cities, regions, first and last names, known organizations and people,
// demonyms, common English words, organization and person cue words),
// personal pronouns nearby, Roman numerals after a name (Charles III), word
// clusters of the token and its neighbours (k-means over GloVe-derived word
// vectors, at 64, 256 and 1024 clusters, looked up by the word's hash; see
// clusters.go), the class of a descriptor noun before the name or in an
// apposition after it ("the channel Al Mayadeen", "chief executive of
// Apple", ", a company"; descriptors.go) and, in a second pass, document-level consistency features: the entity
// types that the first pass gave to the same word elsewhere in the
// document. The second pass is trained on jackknifed first-pass output, so
// it learns how far to trust the first pass on unseen text, and sees some
// sentences as if alone, so that a lone surname is not taken for a place or
// an organization because no full name precedes it.
//
// Training generalises beyond CoNLL's names with word dropout, with
// copies of training documents whose names are replaced by gazetteer names,
// with sentences rewritten in capitals or lowercase, and with down-weighted
// extra corpora of other styles (TrainOptions.Extra; ReadCoNLL also reads
// Universal NER's IOB2 files, ReadSpanJSON CoNLL04's JSON).
//
// After decoding, rules repair spans where the model breaks CoNLL's own
// conventions on unfamiliar text (repair.go): titles leave person spans
// ("Duke of [York]"), an adjective joins the polity noun it names
// ("Ottoman Empire"), a formal state name is one location ("Kingdom of
// France"), titles of works and names of events ("the Treaty of London")
// are not entities, a descriptor noun types the name after it, and a name
// before a role and a person is an employer ("OpenAI chief executive Sam
// Altman"). Then the document is made consistent (consistency.go): a name
// the document labels somewhere is labelled where the model left it out,
// and short forms of organization names ("Mekong Star" of "Mekong Star
// Shipping Corp.") are organizations.
//
// Default loads the model embedded in the package (trained on CoNLL-2003 by
// `entigraph train`); a Model is safe for concurrent use. The package also
// reads CoNLL files (ReadCoNLL) and scores predictions with conlleval
// semantics (Scorer).
//
// Package ner depends on nothing else in entigraph, so package nlp can wrap
// it as a Recognizer.
package ner
