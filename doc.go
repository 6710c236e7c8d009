// Package entigraph is the whole path from news articles to a graph of
// the people, organizations and places they mention, as one library call:
// the command-line tool (cmd/entigraph) is a thin layer of flags over it,
// so a program that calls it gets the same graph, byte for byte.
//
// The path:
//
//	Source (input.Document)  read: files, directories, JSON Lines, CSV, HTML, gzip
//	→ Run / Build            analyse on Config.Workers goroutines, in input order:
//	                         segment, tokenize, recognize (nlp), relations,
//	                         resolve within the document, accumulate (graph.Partial)
//	→ Corpus.Graph(View)     corpus-level resolution, then weigh → prune → analyse
//	→ graph.WriteDOT, ...    or Render for SVG and PNG
//
// Documents that cannot be read or analysed are failures, returned as
// values (Corpus.Failures, Result.Err), never panics; the run goes on.
// Results, and so every output, are identical for any number of workers.
//
// A Corpus's partial graph (graph.Partial) merges with others, so corpora
// built in pieces, by an incremental store or on many machines, give the
// graph of one run over all their documents.
package entigraph
