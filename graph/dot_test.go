package graph

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/internal/dottest"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestQuote(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Hamas", `"Hamas"`},
		{"double quote", `The "Cell"`, `"The \"Cell\""`},
		{"backslash", `a\b`, `"a\\b"`},
		{"backslash before quote", `a\"b`, `"a\\\"b"`},
		{"newlines", "a\nb\r\nc", `"a\nb\nc"`},
		{"utf-8 kept", "Zürich 東京 فريد", `"Zürich 東京 فريد"`},
		{"dot keywords are quoted", "graph", `"graph"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quote(tt.in); got != tt.want {
				t.Errorf("quote(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

// awkwardGraph is a graph whose names need every kind of escaping.
func awkwardGraph(t *testing.T) *Graph {
	t.Helper()
	names := []mention{
		{`The "Cell"`, annot.Org, 0},
		{`Back\slash`, annot.Person, 0},
		{`Trailing\`, annot.Person, 0},
		{"José Martínez", annot.Person, 0},
		{"東京", annot.Loc, 0},
		{"فريد المصري", annot.Person, 0},
		{"Nguyễn Thị Lan", annot.Person, 1},
		{"graph", annot.Org, 1},
		{"José Martínez", annot.Person, 1},
	}
	b := NewPartial(Options{})
	if err := b.Add(makeDoc(2, nil, names...)); err != nil {
		t.Fatal(err)
	}
	g := b.Graph()
	return g
}

func TestWriteDOTGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteDOT(&buf, awkwardGraph(t)); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "awkward.dot")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./graph -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), buf.String()); diff != "" {
		t.Errorf("DOT output differs from %s (-want +got):\n%s", golden, diff)
	}
}

// TestWriteDOTParsesWithGraphviz checks with Graphviz itself that the
// output parses, that names survive escaping, that node attributes reach
// Graphviz and that each undirected edge appears once.
func TestWriteDOTParsesWithGraphviz(t *testing.T) {
	g := awkwardGraph(t)
	var buf bytes.Buffer
	if err := WriteDOT(&buf, g); err != nil {
		t.Fatal(err)
	}
	parsed := dottest.Parse(t, buf.Bytes())
	type nodeAttrs struct{ Name, Label, Type, Mentions, Docs string }
	var want, got []nodeAttrs
	for _, n := range g.Nodes {
		want = append(want, nodeAttrs{n.Key, n.Label, string(n.Type), itoa(n.Mentions), itoa(n.Docs)})
	}
	for _, o := range parsed.Objects {
		got = append(got, nodeAttrs{o.Name, o.Label, o.Type, o.Mentions, o.Docs})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("nodes as Graphviz read them (-want +got):\n%s", diff)
	}
	if len(parsed.Edges) != len(g.Edges) {
		t.Errorf("Graphviz read %d edges, want %d (each undirected edge once)", len(parsed.Edges), len(g.Edges))
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
