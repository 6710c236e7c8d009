package rel_test

import (
	"testing"
	"time"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/internal/corpus"
	"github.com/entigraph/entigraph/nlp"
	"github.com/entigraph/entigraph/nlp/rel"
)

// benchTexts returns n seeded synthetic articles and their token count.
func benchTexts(b *testing.B, n int) ([]string, int) {
	b.Helper()
	var texts []string
	tokens := 0
	err := corpus.Each(corpus.Options{Docs: n, Seed: 42}, func(a corpus.Article) error {
		t := a.Title + "\n\n" + a.Text
		doc, err := nlp.Segment(t)
		if err != nil {
			return err
		}
		tokens += len(doc.Tokens)
		texts = append(texts, t)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return texts, tokens
}

func benchPipeline(b *testing.B, p *nlp.Pipeline) {
	texts, tokens := benchTexts(b, 100)
	if _, err := p.Process("Warm up, Ann Lee of Acme."); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			if _, err := p.Process(t); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportTokens(b, tokens, cpuTime()-cpu0)
}

// reportTokens reports tokens per second of wall time and, because the
// machine may be shared, per second of the process's CPU time, which
// other processes' load does not inflate.
func reportTokens(b *testing.B, tokens int, cpu time.Duration) {
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(tokens)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkExtract and BenchmarkExtractRelations run the extract path
// (segment, tokenize, recognize) on the same seeded text, without and
// with relation extraction. Compare them in one run, on one core:
//
//	go test ./nlp/rel -run '^$' -bench 'Extract$' -cpu 1 -count 6 | tee bench.txt
//	benchstat -col /relations bench.txt
//
// On a shared machine compare tokens/cpu-s, the process's CPU time, which
// the load of other processes does not inflate as it does wall time.
func BenchmarkExtract(b *testing.B) {
	b.Run("relations=off", func(b *testing.B) { benchPipeline(b, &nlp.Pipeline{}) })
	b.Run("relations=on", func(b *testing.B) {
		m, err := rel.Default()
		if err != nil {
			b.Fatal(err)
		}
		benchPipeline(b, &nlp.Pipeline{Relations: m})
	})
}

// BenchmarkRelationsOnly times Extract alone on recognized documents.
func BenchmarkRelationsOnly(b *testing.B) {
	texts, tokens := benchTexts(b, 100)
	var p nlp.Pipeline
	m, err := rel.Default()
	if err != nil {
		b.Fatal(err)
	}
	var docs []*annot.Document
	for _, t := range texts {
		d, err := p.Process(t)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			m.Extract(d)
		}
	}
	reportTokens(b, tokens, cpuTime()-cpu0)
}
