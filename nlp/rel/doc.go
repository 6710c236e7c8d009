// Package rel extracts typed, directed relations between the entity
// mentions of a sentence: works_for (PERSON → ORG), based_in (ORG → LOC),
// located_in (LOC → LOC), lives_in (PERSON → LOC), killed (PERSON →
// PERSON) and the symmetric met (PERSON ↔ PERSON or ORG).
//
// The first five are learned: an averaged perceptron over hashed features
// of each candidate pair (words, stems and bigrams between the mentions,
// the path between them with other names replaced by their types, the
// words around them, their head words, a trigger lexicon and patterns
// such as "Perugia, Italy", "X's leader", "X of Y" and "X-based Y"),
// trained on CoNLL04 (Roth and Yih 2004) by Train and embedded in the
// binary (model/rel.model.gz). met has no public training data, so it is
// found by rules over meeting verbs and nouns.
//
// Entity and relation types are decided jointly in one narrow case (after
// Roth and Yih): a PERSON mention that an organization noun names ("the
// TV channel Al Mayadeen") becomes ORG when a confident relation needs it
// to; Model.NoRetype turns this off.
//
// A Model is safe for concurrent use; Default loads the embedded one once
// per process.
package rel
