// Package store keeps the analysed documents of a corpus in a SQLite
// file, so that a graph is built from them without reading or analysing
// the texts again, and a corpus grows by the documents added to it.
//
// Index analyses documents and stores, per document: its id, a digest of
// its text and date (a change replaces the document), its
// entigraph.ContentHash (copies share it), its date, its own partial
// graph (graph.Partial, JSON, gzip) and the annotated document without
// tokens (text, sentences, mentions, relations; JSON, gzip). Documents
// already stored with the same content are not analysed again. Corpus and
// Partial merge the stored partial graphs, dropping copies and filtering
// by date as a batch run does, so the graph equals, byte for byte, the
// graph of one entigraph.Build over the same documents in the same order.
// A build whose scope, evidence or aliases differ from the store's
// resolves the stored documents again instead.
//
// Guarantees: one transaction per batch of documents (a crash or kill
// leaves the store as of the last commit, and indexing again finishes
// the job); WAL mode (a build reads a consistent snapshot while an index
// writes); the schema version is kept in PRAGMA user_version and a store
// of another version is refused, as is any file that is not a store,
// before anything is written to it. Errors name the file.
//
// The driver is modernc.org/sqlite, SQLite translated to Go: no cgo, so
// entigraph stays one static binary that cross-compiles.
package store
