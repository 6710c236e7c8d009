package graph

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/internal/dottest"
)

// exportFixture is fixture weighed, pruned and analysed, plus a node whose
// name needs escaping in every format.
func exportFixture(t *testing.T) *Graph {
	t.Helper()
	g := fixture()
	odd := `Zoë "Q" <&> Ltd, Inc.` + "\n2"
	g.Nodes = append(g.Nodes, Node{Key: odd, Label: odd, Type: annot.Org, Mentions: 2, Docs: 1, Units: 2, Aliases: []Alias{{Name: odd, Count: 1}, {Name: "Zoë|Q", Count: 1}}})
	g.Edges = append(g.Edges, Edge{Source: "Hel", Target: odd, Weight: 1, Docs: 1,
		Evidence: []Evidence{{Doc: "a.txt", Start: 10, End: 40, Text: `Hel met "Q" & <friends>.`}}})
	// Dates on two nodes and a relation, and two relations: one directed,
	// one symmetric over a pair that also co-occurs.
	day := func(d int) time.Time { return time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC) }
	dated := Time{FirstSeen: day(1), LastSeen: day(9), Timeline: []DayCount{{day(1), 2}, {day(9), 1}}}
	g.Nodes[0].Time, g.Nodes[1].Time = dated, dated
	g.Relations = []Relation{
		{Type: annot.WorksFor, Head: g.Nodes[0].Key, Tail: g.Nodes[2].Key, Count: 2, Docs: 1, Score: 0.8125, Time: dated,
			Evidence: []Evidence{{Doc: "a.txt", Start: 0, End: 30, Text: "A, chief of B, spoke.", Trigger: "chief of"}}},
		{Type: annot.Met, Head: g.Nodes[0].Key, Tail: g.Nodes[1].Key, Count: 1, Docs: 1, Score: 0.5},
	}
	g, err := Prune(Weigh(g, MeasureNPMI), PruneOptions{TopNodes: 9})
	if err != nil {
		t.Fatal(err)
	}
	g = Analyse(g, AnalyseOptions{})
	g.Slice = Month
	return g
}

// table is what every format says of a graph, in a common form: node id
// -> attribute -> text, and "source\x00target" -> attribute -> text.
type table struct {
	Nodes map[string]map[string]string
	Edges map[string]map[string]string
}

// edgeID identifies a link: its ends and, for a relation, its type.
func edgeID(s, t, relation string) string { return s + "\x00" + t + "\x00" + relation }

// addEdge records a link's attributes under its edgeID.
func (tb table) addEdge(s, t string, attrs map[string]string) {
	tb.Edges[edgeID(s, t, attrs["relation"])] = attrs
}

// formats are the encoders and the parsers that read their output back.
var formats = []struct {
	name  string
	file  string
	write func(*bytes.Buffer, *Graph) error
	parse func(*testing.T, []byte) table
}{
	{"gexf", "fixture.gexf", func(b *bytes.Buffer, g *Graph) error { return WriteGEXF(b, g) }, parseGEXF},
	{"graphml", "fixture.graphml", func(b *bytes.Buffer, g *Graph) error { return WriteGraphML(b, g) }, parseGraphML},
	{"json", "fixture.json", func(b *bytes.Buffer, g *Graph) error { return WriteJSON(b, g) }, parseJSON},
	{"csv", "fixture.csv", writeCSVPair, parseCSVPair},
}

// writeCSVPair writes nodes.csv, a line "--- edges.csv", and edges.csv,
// so the pair fits one golden file.
func writeCSVPair(b *bytes.Buffer, g *Graph) error {
	var nodes, edges bytes.Buffer
	if err := WriteCSV(&nodes, &edges, g); err != nil {
		return err
	}
	b.Write(nodes.Bytes())
	b.WriteString(csvSeparator)
	b.Write(edges.Bytes())
	return nil
}

const csvSeparator = "--- edges.csv\n"

func parseCSVPair(t *testing.T, data []byte) table {
	nodes, edges, ok := bytes.Cut(data, []byte(csvSeparator))
	if !ok {
		t.Fatal("no edges.csv part")
	}
	return parseCSV(t, nodes, edges)
}

// TestFormatsAgree checks that every format, read back by a parser of
// that format, carries the same nodes, edges and attribute values.
func TestFormatsAgree(t *testing.T) {
	g := exportFixture(t)
	var want table
	for i, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := f.write(&buf, g); err != nil {
				t.Fatal(err)
			}
			got := f.parse(t, buf.Bytes())
			if len(got.Nodes) != len(g.Nodes) || len(got.Edges) != len(g.Edges)+len(g.Relations) {
				t.Errorf("%d nodes and %d links, want %d and %d", len(got.Nodes), len(got.Edges), len(g.Nodes), len(g.Edges)+len(g.Relations))
			}
			for _, n := range g.Nodes {
				if _, ok := got.Nodes[n.Key]; !ok {
					t.Errorf("node %q missing", n.Key)
				}
			}
			for _, e := range g.Edges {
				if _, ok := got.Edges[edgeID(e.Source, e.Target, "")]; !ok {
					t.Errorf("edge %q - %q missing", e.Source, e.Target)
				}
			}
			for _, r := range g.Relations {
				if _, ok := got.Edges[edgeID(r.Head, r.Tail, string(r.Type))]; !ok {
					t.Errorf("relation %s %q -> %q missing", r.Type, r.Head, r.Tail)
				}
			}
			if i == 0 {
				want = got
				return
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s differs from %s (-%s +%s):\n%s", f.name, formats[0].name, formats[0].name, f.name, diff)
			}
		})
	}
}

// TestFormatsGolden pins each format's bytes (go test ./graph -update
// rewrites them) and checks that writing twice gives the same bytes.
func TestFormatsGolden(t *testing.T) {
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := f.write(&a, exportFixture(t)); err != nil {
				t.Fatal(err)
			}
			if err := f.write(&b, exportFixture(t)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatal("two runs differ")
			}
			golden := filepath.Join("testdata", f.file)
			if *update {
				if err := os.WriteFile(golden, a.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./graph -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), a.String()); diff != "" {
				t.Errorf("output differs from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

// TestDOTView checks what WriteDOT adds for a weighed, pruned, analysed
// graph: the pruning comment, community colours and PageRank font sizes,
// every measure on the edges, and the relation view: a digraph with
// dashed co-occurrence edges, labelled and coloured relations, a legend.
func TestDOTView(t *testing.T) {
	g := exportFixture(t)
	var typed bytes.Buffer
	if err := WriteDOT(&typed, g); err != nil {
		t.Fatal(err)
	}
	if want := `"Anna Berg" [label="Anna Berg", type="PERSON", mentions=5, docs=3, shape=ellipse, style="filled", fillcolor="` +
		typeStyles[annot.Person].fill + `"`; !strings.Contains(typed.String(), want) {
		t.Errorf("by default nodes are filled by type; DOT lacks %q:\n%s", want, typed.String())
	}
	g.ColorCommunities = true
	var buf bytes.Buffer
	if err := WriteDOT(&buf, g); err != nil {
		t.Fatal(err)
	}
	dot := buf.String()
	for _, want := range []string{
		"// pruned 1 node / 0 edges by --top-nodes 9 (by degree); rerun with --top-nodes 0 to keep them.\n",
		`"Anna Berg" [label="Anna Berg"`,
		`fillcolor="` + communityPalette[0] + `"`,
		"community=0, pagerank=",
		`"Anna Berg" -> "Bonn" [dir=none, style=dashed, color="#99999966", weight=`,
		"npmi=0.579095",
		`"Anna Berg" -> "Cargo Inc" [relation="works_for", label="works for", color="#0072b2"`,
		`"Anna Berg" -> "Bonn" [relation="met", label="met", color="#e69f00", fontcolor="#e69f00", fontsize=11, dir=both`,
		`<font color="#0072b2">→ works for</font>`,
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %q:\n%s", want, dot)
		}
	}
	parsed := dottest.Parse(t, buf.Bytes())
	if len(parsed.Objects) != len(g.Nodes) || len(parsed.Edges) != len(g.Edges)+len(g.Relations) {
		t.Errorf("Graphviz read %d nodes and %d edges, want %d and %d", len(parsed.Objects), len(parsed.Edges), len(g.Nodes), len(g.Edges)+len(g.Relations))
	}
}

// xmlElement is any XML element, for structural checks.
type xmlElement struct {
	XMLName  xml.Name
	Attrs    []xml.Attr   `xml:",any,attr"`
	Children []xmlElement `xml:",any"`
	Text     string       `xml:",chardata"`
}

func parseXML(t *testing.T, data []byte) xmlElement {
	t.Helper()
	var root xmlElement
	if err := xml.Unmarshal(data, &root); err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	return root
}

func (e *xmlElement) attr(name string) (string, bool) {
	for _, a := range e.Attrs {
		if a.Name.Local == name && (a.Name.Space == "" || a.Name.Space == name) {
			return a.Value, true
		}
	}
	return "", false
}

// need returns attribute name, failing the test when it is missing.
func (e *xmlElement) need(t *testing.T, name string) string {
	t.Helper()
	v, ok := e.attr(name)
	if !ok {
		t.Errorf("<%s> lacks required attribute %s", e.XMLName.Local, name)
	}
	return v
}

// children returns the child elements named local in namespace space.
func (e *xmlElement) children(space, local string) []*xmlElement {
	var out []*xmlElement
	for i := range e.Children {
		if c := &e.Children[i]; c.XMLName.Space == space && c.XMLName.Local == local {
			out = append(out, c)
		}
	}
	return out
}

// one returns the single child named local, failing when there is not
// exactly one.
func (e *xmlElement) one(t *testing.T, space, local string) *xmlElement {
	t.Helper()
	cs := e.children(space, local)
	if len(cs) != 1 {
		t.Fatalf("<%s> has %d <%s> children, want 1", e.XMLName.Local, len(cs), local)
	}
	return cs[0]
}

func sortedMapKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// TestWriteDOTNumbers writes a larger graph with tiny and negative
// measures: no number may use exponent form, which DOT cannot parse.
func TestWriteDOTNumbers(t *testing.T) {
	g := Analyse(Weigh(randomGraph(40, 120), MeasurePMI), AnalyseOptions{})
	g.Edges[0].PMI, g.Edges[0].NPMI = -5.65129e-05, 3e-7 // chance level
	g.Nodes[0].PageRank = 1e-9
	var buf bytes.Buffer
	if err := WriteDOT(&buf, g); err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`=-?[0-9.]+[eE][-+]?[0-9]+`).Find(buf.Bytes()); m != nil {
		t.Errorf("exponent form in DOT: %s", m)
	}
	if dotNum(-5.65129e-05) != "-0.0000565129" || dotNum(1234567) != "1234570" {
		t.Errorf("dotNum: %s, %s", dotNum(-5.65129e-05), dotNum(1234567))
	}
	parsed := dottest.Parse(t, buf.Bytes())
	if len(parsed.Objects) != len(g.Nodes) {
		t.Errorf("Graphviz read %d nodes, want %d", len(parsed.Objects), len(g.Nodes))
	}
}
