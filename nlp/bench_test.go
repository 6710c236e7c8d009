package nlp

import (
	"bytes"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/internal/corpus"
)

// benchTexts returns n seeded synthetic articles.
func benchTexts(b *testing.B, n int) []string {
	b.Helper()
	var texts []string
	err := corpus.Each(corpus.Options{Docs: n, Seed: 42}, func(a corpus.Article) error {
		texts = append(texts, a.Title+"\n\n"+a.Text)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return texts
}

// BenchmarkExtract compares, on the same seeded text in one run, the
// whole extract path (read + segment + tokenize + recognize) of entigraph
// with prose's default pipeline with its model reused. Run on one core:
//
//	go test ./nlp -run '^$' -bench Extract -cpu 1 -count 6 | tee bench.txt
//	benchstat bench.txt
func BenchmarkExtract(b *testing.B) {
	texts := benchTexts(b, 100)
	read := func(s string) string {
		data, err := io.ReadAll(bytes.NewReader([]byte(s)))
		if err != nil {
			b.Fatal(err)
		}
		return string(data)
	}
	// Both sides count tokens the same way: our tokenizer's count.
	tokens := 0
	for _, t := range texts {
		doc, err := Segment(t)
		if err != nil {
			b.Fatal(err)
		}
		tokens += len(doc.Tokens)
	}
	b.Run("entigraph", func(b *testing.B) {
		var p Pipeline
		if _, err := p.Process("Warm up."); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			for _, t := range texts {
				if _, err := p.Process(read(t)); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
	})
	b.Run("prose", func(b *testing.B) {
		model := prose.ModelFromData("en-v2.0.0")
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			for _, t := range texts {
				doc, err := prose.NewDocument(read(t), prose.UsingModel(model))
				if err != nil {
					b.Fatal(err)
				}
				_ = doc.Entities()
			}
		}
		b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
	})
}

// BenchmarkSegment measures paragraph and sentence segmentation plus
// tokenization alone.
func BenchmarkSegment(b *testing.B) {
	texts := benchTexts(b, 100)
	tokens := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tokens = 0
		for _, t := range texts {
			doc, err := Segment(t)
			if err != nil {
				b.Fatal(err)
			}
			tokens += len(doc.Tokens)
		}
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkProcessMemory processes one large document (2 MB of news text
// joined into a single paragraph, the worst case for segmentation) and
// reports the bytes allocated and the heap kept alive by the analysed
// document, each per byte of input:
//
//	go test ./nlp -run '^$' -bench ProcessMemory -benchtime 3x
func BenchmarkProcessMemory(b *testing.B) {
	var sb strings.Builder
	for _, t := range benchTexts(b, 1000) {
		sb.WriteString(strings.Join(strings.Fields(t), " "))
		sb.WriteByte(' ')
		if sb.Len() > 2<<20 {
			break
		}
	}
	text := sb.String()
	var pipe Pipeline
	if _, err := pipe.Process("Warm up in Nairobi."); err != nil {
		b.Fatal(err)
	}
	var before, after, live runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var doc *annot.Document
	for b.Loop() {
		var err error
		if doc, err = pipe.Process(text); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	runtime.GC()
	runtime.ReadMemStats(&live)
	in := float64(len(text))
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/in, "alloc-B/input-B")
	b.ReportMetric(float64(live.HeapAlloc-before.HeapAlloc)/in, "live-B/input-B")
	runtime.KeepAlive(doc)
}
