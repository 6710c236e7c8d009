// Package graph turns analysed documents into an entity graph and encodes
// it.
//
// A Partial accumulates documents in any order: Prepare resolves one
// document's mentions to entities (package resolve) and splits it into
// scope units (sentence, paragraph, document or window of sentences), and
// AddPrepared counts its entities, the pairs of entities that share a unit
// and its typed relations. A unit naming k entities adds 1/(k-1) to each
// of its pairs, so a list or a team sheet does not outweigh the sentences
// that state a link. Mentions marked annot.Mention.Credit (datelines,
// sign-offs, bylines) count for their entity but join no pair and no
// relation. Sums are integers, so Merge is associative and commutative,
// and a Partial serializes to deterministic JSON: the store and the Beam
// runner build on it.
//
// Graph returns a sorted snapshot; Weigh, Prune (top nodes and edges,
// focus, giant component, backbone) and Analyse (communities, PageRank)
// work on it, and the encoders (WriteDOT,
// WriteGEXF, WriteGraphML, WriteJSON, WriteCSV) write it byte for byte the
// same for the same input. github.com/dominikbraun/graph finds the
// components; gonum runs Louvain.
package graph
