package graph

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/nlp"
	"github.com/entigraph/entigraph/nlp/prosener"
	"github.com/entigraph/entigraph/resolve"
)

// bcubed scores a clustering of items against a gold clustering: for each
// item, precision is the share of its predicted cluster that is in its
// gold cluster and recall the share of its gold cluster that is in its
// predicted cluster; both are averaged over items. pred and gold give
// each item's cluster label.
func bcubed(pred, gold []string) (p, r, f float64) {
	if len(pred) != len(gold) || len(pred) == 0 {
		return 0, 0, 0
	}
	type pair struct{ p, g string }
	both := map[pair]int{}
	np, ng := map[string]int{}, map[string]int{}
	for i := range pred {
		both[pair{pred[i], gold[i]}]++
		np[pred[i]]++
		ng[gold[i]]++
	}
	for i := range pred {
		c := float64(both[pair{pred[i], gold[i]}])
		p += c / float64(np[pred[i]])
		r += c / float64(ng[gold[i]])
	}
	p /= float64(len(pred))
	r /= float64(len(pred))
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func TestBCubedScore(t *testing.T) {
	p, r, f := bcubed([]string{"a", "a", "b"}, []string{"x", "x", "x"})
	if p != 1 || r < 0.555 || r > 0.556 || f < 0.714 || f > 0.715 {
		t.Errorf("bcubed = %v %v %v", p, r, f)
	}
}

// goldMention is a line of testdata/gold/mentions.jsonl.
type goldDoc struct {
	Doc      string `json:"doc"`
	Mentions []struct {
		Text   string `json:"text"`
		Type   string `json:"type"`
		Start  int    `json:"start"`
		End    int    `json:"end"`
		Entity string `json:"entity"`
	} `json:"mentions"`
}

func readGold(t *testing.T) ([]goldDoc, map[string]string) {
	t.Helper()
	f, err := os.Open("../testdata/gold/mentions.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []goldDoc
	texts := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d goldDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		text, err := os.ReadFile(filepath.Join("../testdata/articles", d.Doc))
		if err != nil {
			t.Fatal(err)
		}
		texts[d.Doc] = string(text)
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs, texts
}

// sentenceAt returns the index of the sentence holding byte offset off.
func sentenceAt(doc *annot.Document, off int) int {
	i := sort.Search(len(doc.Sentences), func(i int) bool { return doc.Sentences[i].End > off })
	return min(i, max(len(doc.Sentences)-1, 0))
}

// resolveCorpus runs a Builder over docs and returns each mention's
// entity name, document by document.
func resolveCorpus(t *testing.T, docs []*annot.Document, al *resolve.Aliases) [][]string {
	t.Helper()
	b := NewPartial(Options{Aliases: al})
	var keys [][]string
	for i, d := range docs {
		if d.ID == "" {
			d.ID = fmt.Sprintf("doc%d", i)
		}
		keys = append(keys, slices.Clone(addDocument(t, b, d)))
	}
	for _, ks := range keys {
		for i, k := range ks {
			ks[i] = b.EntityName(k)
		}
	}
	return keys
}

// TestBCubed scores the resolver's mention clustering on the gold mentions
// of testdata/articles against the gold entity of each mention, and
// compares with plain string matching (one entity per Key).
//
//	go test ./graph -run TestBCubed -v
func TestBCubed(t *testing.T) {
	gold, texts := readGold(t)
	var docs []*annot.Document
	var goldIDs, baseline []string
	for _, g := range gold {
		doc, err := nlp.Segment(texts[g.Doc])
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range g.Mentions {
			typ, _ := annot.ParseType(m.Type)
			doc.Mentions = append(doc.Mentions, annot.Mention{
				Text: doc.Text[m.Start:m.End], Type: typ, Start: m.Start, End: m.End, Sentence: sentenceAt(doc, m.Start),
			})
			goldIDs = append(goldIDs, m.Entity)
			baseline = append(baseline, resolve.CleanName(m.Text))
		}
		docs = append(docs, doc)
	}
	var pred []string
	for _, names := range resolveCorpus(t, docs, nil) {
		pred = append(pred, names...)
	}
	bp, br, bf := bcubed(baseline, goldIDs)
	p, r, f := bcubed(pred, goldIDs)
	t.Logf("gold mentions: %d in %d documents", len(goldIDs), len(docs))
	t.Logf("string matching: B-cubed P %.3f R %.3f F1 %.3f", bp, br, bf)
	t.Logf("resolver:        B-cubed P %.3f R %.3f F1 %.3f", p, r, f)
	for i := range pred {
		if pred[i] != goldIDs[i] {
			t.Logf("  %q resolved to %q, gold %q", baseline[i], pred[i], goldIDs[i])
		}
	}
	const minP, minF = 0.98, 0.97
	if p < minP || f < minF {
		t.Errorf("B-cubed P %.3f F1 %.3f, want P >= %.2f and F1 >= %.2f", p, f, minP, minF)
	}
}

// TestBCubedRecognizer scores the clustering of the mentions the default
// recognizer finds, on those whose span matches a gold mention exactly.
// Recognizer errors make this lower than TestBCubed, so its floors are
// looser: they catch a broken recognizer or resolver, not a small change.
func TestBCubedRecognizer(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the recognizer")
	}
	gold, texts := readGold(t)
	pipe := recognizerPipeline(t)
	var docs []*annot.Document
	for _, g := range gold {
		doc, err := pipe.Process(texts[g.Doc])
		if err != nil {
			t.Skipf("recognizer: %v", err)
		}
		docs = append(docs, doc)
	}
	var pred, goldIDs []string
	found, total := 0, 0
	for di, names := range resolveCorpus(t, docs, nil) {
		entity := map[[2]int]string{}
		for _, m := range gold[di].Mentions {
			entity[[2]int{m.Start, m.End}] = m.Entity
		}
		total += len(gold[di].Mentions)
		for i, m := range docs[di].Mentions {
			found++
			if g, ok := entity[[2]int{m.Start, m.End}]; ok && names[i] != "" {
				pred = append(pred, names[i])
				goldIDs = append(goldIDs, g)
			}
		}
	}
	p, r, f := bcubed(pred, goldIDs)
	t.Logf("recognizer: %d mentions found, %d of the %d gold mentions matched exactly", found, len(pred), total)
	t.Logf("resolver on matched recognizer mentions: B-cubed P %.3f R %.3f F1 %.3f", p, r, f)
	const minMatched, minF = 0.85, 0.95
	if matched := float64(len(pred)) / float64(total); matched < minMatched || f < minF {
		t.Errorf("%.2f of gold mentions matched, B-cubed F1 %.3f; want at least %.2f and %.2f", matched, f, minMatched, minF)
	}
}

// recognizerPipeline returns a pipeline with the default recognizer, or
// the prose recognizer when the default one cannot be loaded.
func recognizerPipeline(t *testing.T) *nlp.Pipeline {
	t.Helper()
	rec, err := nlp.DefaultRecognizer()
	if err != nil {
		t.Logf("default recognizer: %v; using the prose recognizer", err)
		if rec, err = prosener.New(); err != nil {
			t.Skipf("no recognizer: %v", err)
		}
	}
	return &nlp.Pipeline{Recognizer: rec}
}
