package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spf13/pflag"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/input"
)

var (
	sampleOnce  sync.Once
	sampleGraph *graph.Graph
	sampleErr   error
)

// sample returns the graph of the sample corpus (sentence scope, all
// types), built once.
func sample(t *testing.T) *graph.Graph {
	t.Helper()
	sampleOnce.Do(func() {
		corpus, err := entigraph.Build(context.Background(), entigraph.Config{}, entigraph.Paths([]string{articles}, nil, input.Options{}))
		if err == nil && len(corpus.Failures) > 0 {
			err = fmt.Errorf("sample corpus: %s", corpus.Failures[0])
		}
		if err != nil {
			sampleErr = err
			return
		}
		sampleGraph = corpus.Partial.Graph()
	})
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	return sampleGraph
}

// parseView parses args as view flags and checks them.
func parseView(output string, args ...string) (*viewFlags, error) {
	var v viewFlags
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	v.register(fs)
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	return &v, v.check(output)
}

// writeView writes the sample graph with args into dir/name and returns
// the path.
func writeView(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	out := filepath.Join(dir, name)
	v, err := parseView(out, args...)
	if err != nil {
		t.Fatal(err)
	}
	g, err := v.view.Apply(sample(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := v.write(context.Background(), g, out, nil); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestViewFormats writes the sample corpus in every format and reads each
// back: the same node ids everywhere.
func TestViewFormats(t *testing.T) {
	dir := t.TempDir()
	ids := map[string][]string{}
	read := func(path string) []byte {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	// GEXF and GraphML: node ids from the XML.
	for _, f := range []string{"gexf", "graphml"} {
		var doc struct {
			Nodes []struct {
				ID string `xml:"id,attr"`
			} `xml:"graph>nodes>node"`
			GraphMLNodes []struct {
				ID string `xml:"id,attr"`
			} `xml:"graph>node"`
		}
		if err := xml.Unmarshal(read(writeView(t, dir, "g."+f, "--format", f)), &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, n := range append(doc.Nodes, doc.GraphMLNodes...) {
			ids[f] = append(ids[f], n.ID)
		}
	}
	var doc struct {
		Nodes []struct {
			ID string `json:"id"`
		} `json:"nodes"`
	}
	if err := json.Unmarshal(read(writeView(t, dir, "g.json", "--format", "json")), &doc); err != nil {
		t.Fatalf("json: %v", err)
	}
	for _, n := range doc.Nodes {
		ids["json"] = append(ids["json"], n.ID)
	}
	csvDir := writeView(t, dir, "csv", "--format", "csv")
	for _, name := range []string{"nodes.csv", "edges.csv"} {
		rows, err := csv.NewReader(bytes.NewReader(read(filepath.Join(csvDir, name)))).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Fatalf("%s: %v (%d rows)", name, err, len(rows))
		}
		if name == "nodes.csv" {
			for _, r := range rows[1:] {
				ids["csv"] = append(ids["csv"], r[0])
			}
		}
	}
	for f, got := range ids {
		if len(got) == 0 {
			t.Errorf("%s: no nodes", f)
		}
		if diff := cmp.Diff(ids["json"], got); diff != "" {
			t.Errorf("%s node ids differ from json (-json +%s):\n%s", f, f, diff)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, "*", ".*.tmp-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestViewPruning(t *testing.T) {
	dir := t.TempDir()
	full := sample(t)
	tests := []struct {
		name      string
		args      []string
		maxNodes  int
		wantLines []string
	}{
		{"default keeps everything of a small corpus", nil, len(full.Nodes), nil},
		{"top nodes", []string{"--top-nodes", "10"}, 10,
			[]string{"// pruned ", " by --top-nodes 10 (by degree); rerun with --top-nodes 0 to keep them.\n"}},
		{"top nodes by pagerank with pmi", []string{"--top-nodes", "12", "--rank", "pagerank", "--weight", "pmi"}, 12,
			[]string{"--top-nodes 12 (by pagerank)", "pmi="}},
		{"focus", []string{"--focus", "kenya", "--depth", "1"}, len(full.Nodes) - 1,
			[]string{`by --focus "kenya" --depth 1; rerun with no --focus to keep them`, `"Kenya" [`, "penwidth=3, community="}},
		{"giant and top edges", []string{"--giant", "--top-edges", "2"}, len(full.Nodes),
			[]string{"rerun with --top-edges 0"}},
		{"backbone", []string{"--backbone", "0.3"}, len(full.Nodes), []string{"by --backbone 0.3; rerun with no --backbone"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := os.ReadFile(writeView(t, dir, "g.dot", tt.args...))
			if err != nil {
				t.Fatal(err)
			}
			dot := string(data)
			if n := strings.Count(dot, "fillcolor="); n > tt.maxNodes || n == 0 {
				t.Errorf("%d nodes, want 1 to %d", n, tt.maxNodes)
			}
			for _, want := range tt.wantLines {
				if !strings.Contains(dot, want) {
					t.Errorf("output lacks %q:\n%s", want, dot[:min(len(dot), 2000)])
				}
			}
			if !strings.Contains(dot, "community=") {
				t.Error("no community attributes")
			}
		})
	}
}

func TestViewUsageErrors(t *testing.T) {
	tests := []struct {
		name    string
		output  string
		args    []string
		wantErr string
	}{
		{"format", "", []string{"--format", "svg"}, `--format: unknown format "svg"`},
		{"weight", "", []string{"--weight", "tfidf"}, `--weight: unknown weight "tfidf"`},
		{"rank", "", []string{"--rank", "fame"}, `--rank: unknown rank "fame"`},
		{"negative top nodes", "", []string{"--top-nodes", "-1"}, "--top-nodes must not be negative"},
		{"depth", "", []string{"--depth", "0"}, "--depth must be at least 1"},
		{"backbone", "", []string{"--backbone", "1.5"}, "--backbone: ALPHA must be in (0, 1)"},
		{"layout", "", []string{"--layout", "spiral"}, `--layout: unknown layout "spiral"`},
		{"render format", "", []string{"--render", "gif"}, `--render: want svg or png, not "gif"`},
		{"render with format", "", []string{"--render", "svg", "--format", "json"}, "cannot be combined with --format json"},
		{"csv to stdout", "", []string{"--format", "csv"}, "--format csv writes two files: give -o DIR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseView(tt.output, tt.args...)
			var usage *usageError
			if !errors.As(err, &usage) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %v, want a usage error containing %q", err, tt.wantErr)
			}
		})
	}
	v, err := parseView("", "--focus", "Nobody Anywhere")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.view.Apply(sample(t)); err == nil ||
		!strings.Contains(err.Error(), `no node is named "Nobody Anywhere"`) {
		t.Errorf("unknown focus: %v", err)
	}
}

// TestViewDeterministic writes every format twice and wants the same bytes.
func TestViewDeterministic(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"dot", "gexf", "graphml", "json"} {
		a, _ := os.ReadFile(writeView(t, dir, "a."+f, "--format", f, "--weight", "npmi", "--top-nodes", "20"))
		b, _ := os.ReadFile(writeView(t, dir, "b."+f, "--format", f, "--weight", "npmi", "--top-nodes", "20"))
		if !bytes.Equal(a, b) || len(a) == 0 {
			t.Errorf("%s: two runs differ", f)
		}
	}
}
