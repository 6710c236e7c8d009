// Package resolve decides which mentions name the same entity.
//
// Document resolves the mentions of one document: names are cleaned and
// folded into keys, a short form joins the one longer name of the
// document it belongs to (a surname, the start of a company name, a
// defined acronym), and each local entity gets the key of its most
// complete name. A small built-in variant table joins well-known forms
// (U.S./United States, the forms of a news agency such as "Reuter" and
// "Reuters", wire-style state abbreviations such as "Calif."). Entity sums the local entities of a key over a corpus;
// sums merge in any order.
//
// Clusters resolves the corpus: entities with different keys are merged
// with evidence in proportion to the risk (see crossDocMerges: support
// from documents that used both names first, cheap guesses of the same
// type second, salience among rivals), and each cluster is named by the
// form readers use, frequent and complete, never a rare extension. User
// rules (Aliases) apply before both.
//
// resolve/internal/reuterscheck measures the result on Reuters-21578
// against the hand-annotated check set testdata/reuters-check.tsv.
package resolve
