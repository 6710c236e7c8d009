// Command corpusgen writes a synthetic, seeded news-like corpus as JSON
// Lines, for benchmarking entigraph:
//
//	go run ./cmd/corpusgen -n 10000 -seed 1 > corpus.jsonl
//	entigraph build corpus.jsonl -o graph.dot
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/entigraph/entigraph/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	w := bufio.NewWriter(os.Stdout)
	err := corpus.WriteJSONL(w, corpus.Options{Docs: *n, Seed: *seed})
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpusgen:", err)
		os.Exit(1)
	}
}
