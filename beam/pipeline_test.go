package beam

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/google/go-cmp/cmp"

	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/input"
	"github.com/entigraph/entigraph/nlp"
)

// The tests run on prism, Beam's portable local runner: it executes the
// pipeline as Flink, Spark and Dataflow do (fused stages, bundles, a
// shuffle for the GroupByKey, lifted combines), in process, without
// Docker. `go test . -args -runner direct` picks another.
func TestMain(m *testing.M) {
	ptest.MainWithDefault(m, "prism")
}

// testRunner is the runner the tests run on: the -runner flag, or prism.
func testRunner() string {
	if *ptest.Runner != "" {
		return *ptest.Runner
	}
	return ptest.DefaultRunner()
}

const articles = "../testdata/articles"

// reuters is the Reuters-21578 corpus in JSON Lines; tests that need it
// skip when it is absent.
const reuters = "../../shared/data/reuters21578/reuters21578.jsonl.gz"

// cliBytes is what `entigraph build` writes for these options: the root
// library's Build, View and writers, which TestLibraryMatchesCLI in
// cmd/entigraph holds to the command byte for byte. csv gives nodes.csv
// followed by edges.csv.
func cliBytes(t *testing.T, o Options, paths []string) string {
	t.Helper()
	gopts, err := o.Graph.options()
	if err != nil {
		t.Fatal(err)
	}
	cfg := entigraph.Config{Input: o.Input, Graph: gopts, KeepDuplicates: o.KeepDuplicates, Since: o.Since, Until: o.Until}
	corpus, err := entigraph.Build(context.Background(), cfg, entigraph.Paths(paths, nil, o.Input))
	if err != nil {
		t.Fatal(err)
	}
	g, err := corpus.Graph(o.View)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	switch o.Format {
	case "csv":
		var edges bytes.Buffer
		err = graph.WriteCSV(&b, &edges, g)
		b.Write(edges.Bytes())
	case "gexf":
		err = graph.WriteGEXF(&b, g)
	case "graphml":
		err = graph.WriteGraphML(&b, g)
	case "json":
		err = graph.WriteJSON(&b, g)
	default:
		err = graph.WriteDOT(&b, g)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// beamBytes runs the pipeline on the test runner and returns what it
// wrote, with its totals.
func beamBytes(t *testing.T, o Options, paths []string) (string, Stats) {
	t.Helper()
	o.Output = filepath.Join(t.TempDir(), "graph")
	st, err := Run(context.Background(), testRunner(), o, input.Expand(paths))
	if err != nil {
		t.Fatal(err)
	}
	if o.Format != "csv" {
		return readFile(t, o.Output), st
	}
	return readFile(t, filepath.Join(o.Output, "nodes.csv")) + readFile(t, filepath.Join(o.Output, "edges.csv")), st
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestMatchesCLI checks that the pipeline writes the CLI's bytes for the
// sample corpus, in every format and with options of every kind set.
func TestMatchesCLI(t *testing.T) {
	tests := []struct {
		name string
		o    Options
	}{
		{"dot default", Options{}},
		{"gexf", Options{Format: "gexf"}},
		{"graphml", Options{Format: "graphml"}},
		{"json", Options{Format: "json"}},
		{"csv", Options{Format: "csv"}},
		{"graph and view options", Options{
			Graph: GraphOptions{Scope: "paragraph", Types: []string{"PERSON", "ORG"}, MinMentions: 2, Evidence: 1,
				Aliases: "Odhiambo,merge,Peter Odhiambo\nWorld Bank,type,ORG\n", AliasesName: "aliases.csv"},
			View: entigraph.View{Measure: graph.MeasureNPMI, TopEdges: 3, TopNodes: -1, ColorCommunities: true},
		}},
		{"keep duplicates", Options{KeepDuplicates: true, Format: "json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paths := []string{articles}
			got, _ := beamBytes(t, tt.o, paths)
			if diff := cmp.Diff(cliBytes(t, tt.o, paths), got); diff != "" {
				t.Errorf("pipeline and CLI differ (-cli +beam):\n%s", diff)
			}
		})
	}
}

// TestReuters checks a few hundred Reuters articles split into JSON
// Lines and CSV shards, copies included: the same bytes as the CLI, and
// the same totals.
func TestReuters(t *testing.T) {
	if _, err := os.Stat(reuters); err != nil {
		t.Skipf("Reuters-21578 is not at %s: %v", reuters, err)
	}
	paths := reutersShards(t, t.TempDir(), 300)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		name string
		o    Options
	}{
		{"all", Options{Format: "json"}},
		// The first 300 articles are dated 26 February, 1 and 2 March 1987.
		{"time window", Options{Format: "json", Since: day("1987-03-01"), Until: day("1987-03-01")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, st := beamBytes(t, tt.o, paths)
			if diff := cmp.Diff(cliBytes(t, tt.o, paths), got); diff != "" {
				t.Errorf("pipeline and CLI differ (-cli +beam):\n%s", diff)
			}
			gopts, _ := tt.o.Graph.options()
			cfg := entigraph.Config{Graph: gopts, Since: tt.o.Since, Until: tt.o.Until}
			corpus, err := entigraph.Build(context.Background(), cfg, entigraph.Paths(paths, nil, tt.o.Input))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(corpus.Stats, st.Stats); diff != "" {
				t.Errorf("totals differ (-cli +beam):\n%s", diff)
			}
			if tt.o.Since.IsZero() && st.Duplicates < 5 {
				t.Errorf("no duplicates among %d Reuters articles: the test no longer checks which copy is kept", st.Docs)
			}
			if !tt.o.Since.IsZero() && (st.OutsideWindow < 200 || st.Docs < 20) {
				t.Errorf("window kept %d and left out %d: want about 40 kept and 260 left out", st.Docs, st.OutsideWindow)
			}
		})
	}
}

// reutersShards writes the first n Reuters articles, and a copy of some
// of them, into shards: two JSON Lines files and a CSV file.
func reutersShards(t *testing.T, dir string, n int) []string {
	t.Helper()
	f, err := os.Open(reuters)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 16<<20)
	for len(lines) < n && sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil && err != io.EOF {
		t.Fatal(err)
	}
	third := len(lines) / 3
	a := filepath.Join(dir, "a.jsonl")
	b := filepath.Join(dir, "b.jsonl")
	c := filepath.Join(dir, "c.csv")
	writeLines(t, a, lines[:third])
	// The second shard starts with copies of the first's last articles.
	writeLines(t, b, append(append([]string{}, lines[third-5:third]...), lines[third:2*third]...))
	writeCSV(t, c, lines[2*third:])
	return []string{a, b, c}
}

func writeLines(t *testing.T, path string, lines []string) {
	t.Helper()
	var b bytes.Buffer
	for _, l := range lines {
		fmt.Fprintln(&b, l)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeCSV(t *testing.T, path string, lines []string) {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"id", "date", "title", "text"})
	for _, l := range lines {
		var r struct{ ID, Date, Title, Text string }
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		w.Write([]string{r.ID, r.Date, r.Title, r.Text})
	}
	w.Flush()
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFailures checks failed inputs and records: the same failures as
// the CLI, in input order, the same totals, and the same graph of the
// documents that were read.
func TestFailures(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	records := filepath.Join(dir, "records.jsonl")
	copyOf := filepath.Join(dir, "copy.txt")
	writeLines(t, empty, nil)
	writeLines(t, records, []string{
		`{"id": "r1", "text": "Ana Silva met Bo Chen in Lisbon on Monday."}`,
		`{"id": "r2", "text": `,
		`{"text": "Bo Chen, the chief executive of Tejo Shipping, said Lisbon would grow."}`,
	})
	writeLines(t, copyOf, []string{"ana silva met BO CHEN in Lisbon, on Monday!"})
	tests := []struct {
		name  string
		paths []string
	}{
		{"failures among documents", []string{filepath.Join(dir, "missing.txt"), records, empty, copyOf, articles}},
		{"copy before its original", []string{copyOf, records}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Options{Errors: filepath.Join(t.TempDir(), "errors.jsonl")}
			got, st := beamBytes(t, o, tt.paths)
			if diff := cmp.Diff(cliBytes(t, o, tt.paths), got); diff != "" {
				t.Errorf("pipeline and CLI differ (-cli +beam):\n%s", diff)
			}
			corpus, err := entigraph.Build(context.Background(), entigraph.Config{}, entigraph.Paths(tt.paths, nil, input.Options{}))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(corpus.Stats, st.Stats); diff != "" {
				t.Errorf("totals differ (-cli +beam):\n%s", diff)
			}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			for _, f := range corpus.Failures {
				enc.Encode(f)
			}
			if diff := cmp.Diff(want.String(), readFile(t, o.Errors)); diff != "" {
				t.Errorf("--errors differs (-cli +beam):\n%s", diff)
			}
		})
	}
}

// TestNothingAnalysed checks that a run in which no document could be
// read writes no graph, but still the failures, as the CLI.
func TestNothingAnalysed(t *testing.T) {
	dir := t.TempDir()
	o := Options{Output: filepath.Join(dir, "graph.dot"), Errors: filepath.Join(dir, "errors.jsonl")}
	missing := filepath.Join(dir, "missing.txt")
	st, err := Run(context.Background(), testRunner(), o, input.Expand([]string{missing}))
	if !errors.Is(err, ErrNothingWritten) {
		t.Fatalf("got error %v, want ErrNothingWritten", err)
	}
	if diff := cmp.Diff(entigraph.Stats{Docs: 1, Failed: 1}, st.Stats); diff != "" {
		t.Errorf("totals (-want +got):\n%s", diff)
	}
	if _, err := os.Stat(o.Output); !os.IsNotExist(err) {
		t.Errorf("%s was written (%v)", o.Output, err)
	}
	want := fmt.Sprintf(`{"input":%q,"error":"no such file or directory"}`+"\n", missing)
	if diff := cmp.Diff(want, readFile(t, o.Errors)); diff != "" {
		t.Errorf("--errors (-want +got):\n%s", diff)
	}
}

// TestMergeFn checks the CombineFn by itself: partials of single
// documents, added and merged in different groupings and orders, give
// the bytes of one partial of all the documents.
func TestMergeFn(t *testing.T) {
	var pipe nlp.Pipeline
	whole := graph.NewPartial(graph.Options{})
	var parts [][]byte
	for doc, err := range entigraph.Paths([]string{articles}, nil, input.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		one := graph.NewPartial(graph.Options{})
		_, pd, err := entigraph.Analyse(&pipe, one, doc)
		if err != nil {
			t.Fatal(err)
		}
		one.AddPrepared(pd)
		if err := whole.Merge(one); err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(one)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, b)
	}
	want, err := json.Marshal(whole)
	if err != nil {
		t.Fatal(err)
	}
	var fn mergeFn
	add := func(idx []int) *graph.Partial {
		acc := fn.CreateAccumulator()
		for _, i := range idx {
			if acc, err = fn.AddInput(acc, parts[i]); err != nil {
				t.Fatal(err)
			}
		}
		return acc
	}
	n := len(parts)
	var forward, backward, odd, even []int
	for i := range n {
		forward, backward = append(forward, i), append(backward, n-1-i)
		if i%2 == 1 {
			odd = append(odd, i)
		} else {
			even = append(even, i)
		}
	}
	tests := []struct {
		name string
		acc  func() *graph.Partial
	}{
		{"in order", func() *graph.Partial { return add(forward) }},
		{"reversed", func() *graph.Partial { return add(backward) }},
		{"two accumulators", func() *graph.Partial {
			acc, err := fn.MergeAccumulators(add(odd), add(even))
			if err != nil {
				t.Fatal(err)
			}
			return acc
		}},
		{"an empty accumulator first", func() *graph.Partial {
			acc, err := fn.MergeAccumulators(fn.CreateAccumulator(), add(backward))
			if err != nil {
				t.Fatal(err)
			}
			return acc
		}},
		{"through the coder", func() *graph.Partial {
			b, err := encodePartial(add(odd))
			if err != nil {
				t.Fatal(err)
			}
			p, err := decodePartial(b)
			if err != nil {
				t.Fatal(err)
			}
			acc, err := fn.MergeAccumulators(add(even), p)
			if err != nil {
				t.Fatal(err)
			}
			return acc
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := fn.ExtractOutput(tt.acc())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("merged partial differs (-one partial +combined):\n%s", diff)
			}
		})
	}
}

// TestRemoteFiles reads shards from a Beam file system and writes the
// graph to one (memfs://, standing for gs:// and s3://; prism runs the
// workers in this process, so they see the same memory): the same bytes
// as the CLI reading local copies, whose records carry their ids.
func TestRemoteFiles(t *testing.T) {
	dir := t.TempDir()
	var local []string
	for i, name := range []string{"b.jsonl", "a.jsonl"} {
		var lines []string
		docs, err := filepath.Glob(filepath.Join(articles, fmt.Sprintf("0%d-*.txt", i+1)))
		if err != nil || len(docs) == 0 {
			t.Fatalf("no sample articles: %v", err)
		}
		for _, d := range docs {
			b, err := json.Marshal(map[string]string{"id": filepath.Base(d), "text": readFile(t, d)})
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, string(b))
		}
		lines = append(lines, lines[0]) // a copy
		path := filepath.Join(dir, name)
		writeLines(t, path, lines)
		memfs.Write("memfs://news/"+name, []byte(readFile(t, path)))
		local = append(local, path)
	}
	// The pattern lists a.jsonl before b.jsonl, as a local glob would.
	local[0], local[1] = local[1], local[0]
	ctx := context.Background()
	tests := []struct {
		name    string
		pattern string
		want    string
		failed  int
	}{
		{"glob", "memfs://news/*.jsonl", cliBytes(t, Options{Format: "json"}, local), 0},
		{"no match", "memfs://news/*.csv", "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Options{Format: "json", Output: "memfs://out/" + tt.name + ".json"}
			st, err := Run(ctx, testRunner(), o, Expand(ctx, []string{tt.pattern}))
			if tt.want == "" {
				if !errors.Is(err, ErrNothingWritten) || st.Failed != tt.failed {
					t.Fatalf("got %v and %+v, want ErrNothingWritten and %d failed", err, st, tt.failed)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			fs, err := filesystem.New(ctx, o.Output)
			if err != nil {
				t.Fatal(err)
			}
			got, err := filesystem.Read(ctx, fs, o.Output)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("pipeline and CLI differ (-cli +beam):\n%s", diff)
			}
		})
	}
}
