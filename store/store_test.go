package store

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/input"
)

// readDocs reads up to limit documents (0: all) of paths.
func readDocs(t testing.TB, limit int, paths ...string) []input.Document {
	t.Helper()
	var docs []input.Document
	for d, err := range entigraph.Paths(paths, nil, input.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
		if limit > 0 && len(docs) == limit {
			break
		}
	}
	if len(docs) == 0 {
		t.Fatalf("no documents in %v", paths)
	}
	return docs
}

func source(docs []input.Document) entigraph.Source {
	return func(yield func(input.Document, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
}

// sampleCorpus is the sample articles, then dated variants of them and
// exact copies, so that windows and duplicates have something to do; a
// copy in the second half repeats a document of the first.
func sampleCorpus(t testing.TB) []input.Document {
	docs := readDocs(t, 0, "../testdata/articles")
	n := len(docs)
	for i := range n {
		d := docs[i]
		d.ID = fmt.Sprintf("dated-%02d", i)
		d.Date = time.Date(2024, 1, 1+i, 9, 0, 0, 0, time.UTC)
		d.Text = "UPDATE. " + d.Text
		docs = append(docs, d)
	}
	for _, i := range []int{1, n + 3, 2} { // copies: same words, other spacing and case
		d := docs[i]
		d.ID += "-copy"
		d.Text = "  " + d.Text + "\n"
		docs = append(docs, d)
	}
	return docs
}

// outputs writes g in every format.
func outputs(t testing.TB, g *graph.Graph) map[string]string {
	t.Helper()
	out := map[string]string{}
	var nodes, edges bytes.Buffer
	for name, write := range map[string]func(io.Writer, *graph.Graph) error{
		"dot": graph.WriteDOT, "gexf": graph.WriteGEXF, "graphml": graph.WriteGraphML, "json": graph.WriteJSON,
		"csv": func(_ io.Writer, g *graph.Graph) error { return graph.WriteCSV(&nodes, &edges, g) },
	} {
		var b bytes.Buffer
		if err := write(&b, g); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = b.String()
	}
	out["nodes.csv"], out["edges.csv"] = nodes.String(), edges.String()
	return out
}

func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "corpus.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// equalCase is a way to index a corpus and build from the store.
type equalCase struct {
	name    string
	index   graph.Options // what the store is indexed with
	build   graph.Options // what the graph is built with
	keepDup bool
	since   time.Time
	until   time.Time
	view    entigraph.View
	// noRel builds without relations; idxNoRel indexes without them.
	noRel, idxNoRel bool
}

var equalCases = []equalCase{
	{name: "default"},
	{name: "all nodes and edges", view: entigraph.View{TopNodes: -1, TopEdges: -1}},
	{name: "keep duplicates", keepDup: true},
	{name: "window", since: time.Date(2024, 1, 3, 0, 0, 0, 0, time.UTC), until: time.Date(2024, 1, 9, 0, 0, 0, 0, time.UTC)},
	{name: "types and min mentions", build: graph.Options{MinMentions: 2, Types: nil}, index: graph.Options{}},
	{name: "paragraph scope indexed", index: graph.Options{Scope: graph.Scope{Kind: graph.ScopeParagraph}},
		build: graph.Options{Scope: graph.Scope{Kind: graph.ScopeParagraph}}},
	{name: "other scope: resolved again", build: graph.Options{Scope: graph.Scope{Kind: graph.ScopeWindow, Window: 2}}},
	{name: "no relations at build: resolved again", noRel: true},
	{name: "indexed without relations", noRel: true, idxNoRel: true},
	{name: "other evidence: resolved again", build: graph.Options{Evidence: -1}, view: entigraph.View{Measure: graph.MeasureNPMI}},
}

// TestSplitEqualsBatch indexes the first half of a corpus, then the
// second, and checks that the graph built from the store is the graph of
// one batch run, in every format.
func TestSplitEqualsBatch(t *testing.T) {
	docs := sampleCorpus(t)
	for _, tc := range equalCases {
		t.Run(tc.name, func(t *testing.T) { checkSplit(t, docs, tc) })
	}
}

// TestReutersSplitEqualsBatch does the same on a few hundred Reuters
// articles, which are dated and hold copies.
func TestReutersSplitEqualsBatch(t *testing.T) {
	path := "../../shared/data/reuters21578/reuters21578.jsonl.gz"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("the Reuters corpus is not beside the checkout (%v)", err)
	}
	n := 400
	if testing.Short() {
		n = 100
	}
	docs := readDocs(t, n, path)
	for _, tc := range []equalCase{
		{name: "default"},
		{name: "window, all nodes", since: time.Date(1987, 3, 1, 0, 0, 0, 0, time.UTC), view: entigraph.View{TopNodes: -1}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkSplit(t, docs, tc) })
	}
}

func checkSplit(t *testing.T, docs []input.Document, tc equalCase) {
	ctx := context.Background()
	batchCfg := entigraph.Config{Workers: 2, Graph: tc.build, KeepDuplicates: tc.keepDup, Since: tc.since, Until: tc.until, NoRelations: tc.noRel}
	batch, err := entigraph.Build(ctx, batchCfg, source(docs))
	if err != nil {
		t.Fatal(err)
	}
	want, err := batch.Graph(tc.view)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := openTemp(t)
	cfg := Config{Config: entigraph.Config{Workers: 2, Graph: tc.index, NoRelations: tc.idxNoRel}, Batch: 5}
	half := len(docs) / 2
	for _, part := range [][]input.Document{docs[:half], docs[half:]} {
		rep, err := s.Index(ctx, cfg, source(part))
		if err != nil {
			t.Fatal(err)
		}
		if rep.Added != len(part) {
			t.Fatalf("index added %d of %d documents: %+v", rep.Added, len(part), rep)
		}
	}
	c, err := s.Corpus(ctx, BuildOptions{Graph: tc.build, KeepDuplicates: tc.keepDup, Since: tc.since, Until: tc.until, Workers: 3, NoRelations: tc.noRel})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(batch.Stats, c.Stats); diff != "" {
		t.Errorf("stats differ (-batch +store):\n%s", diff)
	}
	t.Logf("%+v", c.Stats)
	got, err := c.Graph(tc.view)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(outputs(t, want), outputs(t, got)); diff != "" {
		t.Errorf("store build differs from the batch run (-batch +store):\n%s", diff)
	}
}
