module github.com/entigraph/entigraph

go 1.26.8

require (
	codeberg.org/readeck/go-readability/v2 v2.1.3 // input: main article text of HTML pages, without navigation and footers
	github.com/dominikbraun/graph v0.23.0 // graph: breadth-first search for --giant's components (the graph itself is graph.Graph, sorted slices; its draw.DOT is unsorted and unescaped, so we write DOT ourselves)
	github.com/goccy/go-graphviz v0.2.10 // render: Graphviz compiled to WebAssembly, so SVG/PNG need no system Graphviz
	github.com/gogs/chardet v0.0.0-20211120154057-b7413eaefb8f // input: guess the encoding of text that is not UTF-8 (ICU's detector; readability already pulled it in)
	github.com/google/go-cmp v0.7.0 // tests: readable want/got diffs
	github.com/jdkato/prose/v2 v2.0.0 // nlp: tokenizer; nlp/prosener: the baseline recognizer for eval --ner prose
	github.com/schollz/progressbar/v3 v3.19.1 // cmd: progress bar on a terminal
	github.com/spf13/pflag v1.0.10 // cmd: GNU-style flags, accepted before or after paths
	golang.org/x/net v0.41.0 // input: HTML tokenizer and parser, charset labels
	golang.org/x/term v0.48.0 // cmd: is stderr a terminal (progress bar or not)
	gonum.org/v1/gonum v0.17.0 // graph: Louvain communities (gonum/graph/community, over a read-only view of graph.Graph), PageRank cross-check in tests; prose needed v0.7.0
	gopkg.in/neurosnap/sentences.v1 v1.0.6 // nlp: punkt sentence segmenter (prose's), built once per process
	modernc.org/sqlite v1.62.0 // store: the corpus store (index, build --db); SQLite translated to Go, so no cgo and entigraph stays one static, cross-compiling binary; the most used pure-Go SQLite driver (database/sql)
)

require (
	github.com/fogleman/gg v1.3.0 // internal/raster: draws PNG from Graphviz xdot operations
	golang.org/x/image v0.25.0 // internal/raster: the Go fonts
	golang.org/x/text v0.26.0 // internal/raster: folding letters the fonts lack to their base letter; input: decoding UTF-16 and legacy encodings
)

require (
	github.com/chromedp/cdproto v0.160.1 // tests: the DevTools protocol types chromedp speaks (the version chromedp v0.23.1 asks for)
	github.com/chromedp/chromedp v0.23.1 // tests: drives headless Chromium to test graph/htmlview's page in a real browser
)

require (
	github.com/andybalholm/cascadia v1.3.3 // indirect
	github.com/deckarep/golang-set v1.7.1 // indirect
	github.com/disintegration/imaging v1.6.2 // indirect
	github.com/dustin/go-humanize v1.1.0 // indirect
	github.com/flopp/go-findfont v0.1.0 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/go-shiori/dom v0.0.0-20230515143342-73569d674e1c // indirect
	github.com/golang/freetype v0.0.0-20170609003504-e2365dfdc4a0 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/itlightning/dateparse v0.2.1 // indirect
	github.com/mattn/go-isatty v0.0.24 // indirect
	github.com/mingrammer/commonregex v1.0.1 // indirect
	github.com/mitchellh/colorstring v0.0.0-20190213212951-d06e56a500db // indirect
	github.com/ncruces/go-strftime v1.1.0 // indirect
	github.com/remyoudompheng/bigfft v0.0.0-20230129092748-24d4a6f8daec // indirect
	github.com/rivo/uniseg v0.4.7 // indirect
	github.com/tetratelabs/wazero v1.10.1 // indirect
	golang.org/x/sys v0.50.0 // indirect
	modernc.org/libc v1.80.1 // indirect
	modernc.org/mathutil v1.7.1 // indirect
	modernc.org/memory v1.12.1 // indirect
)
