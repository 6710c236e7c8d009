// Command entigraph turns news articles into a graph of the people,
// organizations and places they mention.
//
// Usage:
//
//	entigraph extract [flags] PATH...   print entity mentions as JSON Lines
//	entigraph build   [flags] PATH...   write the co-occurrence graph
//	entigraph index   --db FILE PATH... add documents to a corpus store
//	entigraph build   --db FILE [flags] write the graph of a corpus store
//	entigraph render  [flags] GRAPH.dot draw a DOT graph as SVG or PNG
//	entigraph train   [flags]           train the recognizer on CoNLL data
//	entigraph eval    [flags] FILE      score a recognizer on CoNLL data
//
// PATH is a file, a directory (walked recursively, in sorted order, for
// .txt, .md, .html, .htm, .jsonl, .ndjson and .csv files, each optionally
// gzip-compressed), a glob pattern, or - for standard input. Flags may come
// before or after paths; `entigraph COMMAND --help` lists them with an
// example.
//
// extract prints one JSON object per document, in input order:
//
//	{"doc": "a.txt", "entities": [{"text": "Ismail Haniyeh", "type": "PERSON",
//	 "start": 312, "end": 326, "sentence": 2, "entity": "Ismail Haniyeh"}],
//	 "relations": []}
//
// start and end are byte offsets into the document text as entigraph read
// it: the file itself for text and Markdown; for HTML, JSON Lines and CSV
// records, the title, a blank line and the article text (--text includes
// it in the line). entity is the canonical name of the graph node the
// mention resolved to.
//
// build writes a Graphviz DOT graph (to stdout, or atomically to -o FILE):
// one node per resolved entity ("Haniyeh" and "Ismail Haniyeh" are one),
// one undirected edge per pair of entities that occur in the same sentence
// (--scope paragraph, document or window:N for N consecutive sentences),
// weighted by the number of such units (a unit with k entities adds
// 1/(k-1) to each of its pairs, so lists and tables do not swamp real
// sentences) and carrying the passages that support it. Copies of an
// article count once (--keep-duplicates keeps them). --format gexf, graphml, json or csv writes the other formats;
// --weight, --top-nodes, --top-edges, --focus, --giant and --backbone
// choose what to keep; --render svg or png draws it in-process.
//
// index analyses documents and keeps the results in a SQLite file (a
// corpus store, package store): per document its partial graph and its
// annotated text, not the graph. Documents already stored with the same id
// and content are not analysed again; a changed one replaces its results;
// it prints how many were added, unchanged, replaced and failed. build
// --db FILE writes the graph of the stored documents, byte for byte the
// graph build writes over the same inputs, without reading the texts.
//
// Every problem with an input is reported on stderr as one line,
// "entigraph: PATH: why" (PATH:LINE for a record), and the other inputs go
// on. Exit status: 0 when everything succeeded; 1 when some inputs failed
// or were truncated (the output is still written); 2 for a usage error;
// 3 for a fatal error, when no output was written.
package main
