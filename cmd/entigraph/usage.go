package main

const mainUsage = `entigraph turns news articles into a graph of the people, organizations and
places they mention.

Usage:
  entigraph extract [flags] PATH...   print entity mentions as JSON Lines
  entigraph build   [flags] PATH...   write the co-occurrence graph (DOT)
  entigraph train   [flags]           train the recognizer on CoNLL data
  entigraph eval    [flags] FILE      score a recognizer on CoNLL data
  entigraph help COMMAND              show a command's flags

PATH is a file, a directory (walked for .txt and .md), or - for stdin.

Example:
  entigraph build testdata/articles -o sample.dot && dot -Tsvg sample.dot -o sample.svg

Exit status: 0 success; 1 some inputs failed (output still written);
2 usage error; 3 fatal error (no output written).
`

const extractUsage = `Usage: entigraph extract [flags] PATH...

Prints one JSON object per document, in input order:
  {"doc": "a.txt", "entities": [{"text": "Ismail Haniyeh", "type": "PERSON",
   "start": 312, "end": 326, "sentence": 2}]}
start and end are byte offsets into the document as read.

Example:
  entigraph extract testdata/articles > mentions.jsonl

Flags:
`

const buildUsage = `Usage: entigraph build [flags] PATH...

Writes the co-occurrence graph of the entities in PATH... as Graphviz DOT:
one node per entity, one edge per pair that occurs in the same scope unit.

Example:
  entigraph build testdata/articles -o graph.dot --scope paragraph
  dot -Tsvg graph.dot -o graph.svg

Flags:
`
