package main

const mainUsage = `entigraph turns news articles into a graph of the people, organizations and
places they mention.

Usage:
  entigraph extract [flags] PATH...   print entity mentions as JSON Lines
  entigraph build   [flags] PATH...   write the co-occurrence graph (DOT, GEXF, GraphML, JSON, CSV)
  entigraph index   --db FILE PATH... add documents to a corpus store (SQLite)
  entigraph build   --db FILE [flags] write the graph of a store, without reading the texts again
  entigraph render  [flags] GRAPH.dot draw a DOT graph as SVG or PNG (no Graphviz needed)
  entigraph train   [flags]           train the recognizer on CoNLL data
  entigraph eval    [flags] FILE      score a recognizer on CoNLL data
  entigraph help COMMAND              show a command's flags

PATH is a file, a directory (walked for .txt, .md, .html, .jsonl, .csv and
their .gz forms), a glob pattern, or - for stdin.

Example:
  entigraph build testdata/articles -o sample.dot && dot -Tsvg sample.dot -o sample.svg

Exit status: 0 success; 1 some inputs failed (output still written), or
no document could be analysed (nothing written); 2 usage error; 3 fatal
error or interrupted (no output written, no temporary file left).
`

const extractUsage = `Usage: entigraph extract [flags] PATH...

Prints one JSON object per document, in input order:
  {"doc": "a.txt", "entities": [{"text": "Ismail Haniyeh", "type": "PERSON",
   "start": 312, "end": 326, "sentence": 2, "entity": "Ismail Haniyeh"}],
   "relations": [{"type": "lives_in", "head": 0, "tail": 3, "score": 0.91,
   "trigger": "based in", "sentence": 2}]}
start and end are byte offsets into the document as read (--text adds
that text); entity is the canonical name of the graph node the mention
resolved to; a relation's head and tail index the line's entities.

Example:
  entigraph extract testdata/articles > mentions.jsonl

Flags:
`

const buildUsage = `Usage: entigraph build [flags] PATH...

Writes the graph of the entities in PATH... (Graphviz DOT by default): one
node per entity, one edge per pair that occurs in the same scope unit, one
labelled arrow per relation ("works for"), each with the passages that
support it. With --db FILE instead of PATH..., the graph of the documents
in a store that entigraph index made, byte for byte the graph of build over
the same inputs (copies are dropped, first indexed first kept).

Examples:
  entigraph build testdata/articles -o graph.dot --scope paragraph
  dot -Tsvg graph.dot -o graph.svg
  entigraph build testdata/articles --focus Kenya --depth 1 --render svg -o kenya.svg
  entigraph build news.jsonl.gz --format gexf --slice month -o graph.gexf
  entigraph build news.jsonl.gz --since 1987-03-01 --until 1987-03-31 --edges relations
  entigraph build news.jsonl.gz --slice month -o 'graph-{period}.dot' 
  entigraph build --db corpus.db --since 2024-01-01 -o january.dot

Flags:
`

const indexUsage = `Usage: entigraph index --db FILE [flags] PATH...

Analyses the documents of PATH... and stores their results in FILE, a
SQLite database made when it does not exist: per document its id, a digest
of its text and date, its date, its partial graph and its annotated text.
A document already stored with the same id and content is not analysed
again; one with the same id and other content replaces it. Prints how
many documents were added, unchanged, replaced and failed. Each batch of
documents is one transaction: an interrupted index keeps what it
committed, and running it again finishes the job. entigraph build --db
FILE writes the graph from the store, while an index may be writing.

--scope, --evidence and --aliases shape the stored partial graphs and are
fixed for the store; a build --db with others resolves the stored
documents again (slower, the same result).

Examples:
  entigraph index --db corpus.db articles/
  entigraph index --db corpus.db news-2024-06-02.jsonl.gz
  entigraph build --db corpus.db --format gexf -o graph.gexf

Flags:
`
