// Package nlp turns text into sentences, tokens and entity mentions, each
// carrying byte offsets into the original text.
//
// A Pipeline segments a document into paragraphs and sentences, tokenizes
// each sentence with prose's tokenizer, recovers the byte offsets that prose
// drops, and hands the result to a Recognizer, which labels PERSON, ORG and
// LOC mentions. Where prose's tokens differ from news conventions, Segment
// corrects them: abbreviations such as "Corp." and initials keep their
// period, a capitalised word ending a sentence gives its period back
// ("Black Sea."), and em and en dashes are tokens of their own.
//
// After the default recognizer, news-wire conventions are typed by their
// place in the document rather than by the sentence around them
// (newswire.go, dateline.go): a news agency that signs off the story
// ("Reuter" alone on the last line), is credited ("© AFP", "-- Reuters",
// "Photo: Bloomberg") or is a dateline's source ("WASHINGTON (Reuters) -")
// is an ORG; the places of a dateline ("SAN FRANCISCO, Calif., March 3 -")
// are LOC; an agency's unambiguous name the model took for a person is an
// ORG unless the document names a person with it as a surname. The
// agencies are a short list of facts in internal/newswire. These
// mentions, with bylines and "Reporting by ..." staff lines (credits.go),
// are marked annot.Mention.Credit: they say who sent the story and from
// where, so the graph counts them for their entity but links them to
// nothing the story names.
//
// Text that arrives already tokenized (punctuation and clitics spaced
// apart and never glued, as CoNLL and Treebank corpora write it) keeps its
// white-space tokens (pretokenized.go).
//
// Pipelines are safe for concurrent use: models are loaded once per
// process and shared read-only.
package nlp
