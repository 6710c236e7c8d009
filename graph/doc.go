// Package graph turns entity mentions into a co-occurrence graph and
// encodes it.
//
// A Builder takes analysed documents one at a time, in input order, and
// accumulates one node per entity and one undirected, weighted edge per pair
// of entities that occur in the same scope unit (sentence, paragraph,
// document, or window of sentences). The accumulated graph is held in a
// github.com/dominikbraun/graph store; Graph returns a sorted snapshot that
// the encoders (WriteDOT) write deterministically.
package graph
