package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/entigraph/entigraph/internal/corpus"
)

// BenchmarkBuild runs `entigraph build` end to end on a seeded synthetic
// corpus of 500 articles with one and two workers. Compare the two in
// the same run:
//
//	go test ./cmd/entigraph -run '^$' -bench Build -count 6 | tee build.txt
//	benchstat build.txt
func BenchmarkBuild(b *testing.B) {
	path := filepath.Join(b.TempDir(), "corpus.jsonl")
	var buf bytes.Buffer
	if err := corpus.WriteJSONL(&buf, corpus.Options{Docs: 500, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, jobs := range []int{1, 2} {
		b.Run("j"+strconv.Itoa(jobs), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				err := run([]string{"build", path, "-q", "-j", strconv.Itoa(jobs)}, nil, io.Discard, io.Discard)
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(500*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
