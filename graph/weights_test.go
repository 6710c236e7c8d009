package graph

import (
	"math"
	"testing"

	"github.com/entigraph/entigraph/annot"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// fixture is a small snapshot with unit counts: two triangles joined by a
// bridge (Cargo Inc - Dora Lind), a separate pair (Gus Holm - Hel) and an
// isolated node (Ivo), in 20 scope units.
func fixture() *Graph {
	node := func(key string, t annot.Type, mentions, docs, units int, aliases ...Alias) Node {
		if aliases == nil {
			aliases = []Alias{{Name: key, Count: mentions}}
		}
		return Node{Key: key, Label: key, Type: t, Mentions: mentions, Docs: docs, Units: units, Aliases: aliases}
	}
	edge := func(s, t string, w, d int) Edge {
		return Edge{Source: s, Target: t, Weight: float64(w), Units: w, Docs: d}
	}
	return &Graph{
		Nodes: []Node{
			node("Anna Berg", annot.Person, 5, 3, 5, Alias{Name: "Anna Berg", Count: 3}, Alias{Name: "Berg", Count: 2}),
			node("Bonn", annot.Loc, 4, 3, 4),
			node("Cargo Inc", annot.Org, 3, 2, 3, Alias{Name: "Cargo Inc", Count: 2}, Alias{Name: "CI", Count: 1}),
			node("Dora Lind", annot.Person, 3, 2, 3),
			node("Elbe", annot.Loc, 2, 2, 2),
			node("Fjord AS", annot.Org, 4, 2, 4),
			node("Gus Holm", annot.Person, 2, 1, 2),
			node("Hel", annot.Loc, 1, 1, 1),
			node("Ivo", annot.Person, 1, 1, 1),
		},
		Edges: []Edge{
			edge("Anna Berg", "Bonn", 3, 2),
			edge("Anna Berg", "Cargo Inc", 2, 2),
			edge("Bonn", "Cargo Inc", 2, 1),
			edge("Cargo Inc", "Dora Lind", 1, 1),
			edge("Dora Lind", "Elbe", 2, 2),
			edge("Dora Lind", "Fjord AS", 3, 2),
			edge("Elbe", "Fjord AS", 2, 2),
			edge("Gus Holm", "Hel", 1, 1),
		},
		Units: 20,
	}
}

func TestParseMeasure(t *testing.T) {
	for _, m := range Measures() {
		got, err := ParseMeasure(m.String())
		if err != nil || got != m {
			t.Errorf("ParseMeasure(%q) = %v, %v; want %v", m, got, err, m)
		}
	}
	if _, err := ParseMeasure("tfidf"); err == nil {
		t.Error("ParseMeasure(tfidf) succeeded")
	}
}

func TestWeigh(t *testing.T) {
	// Anna Berg - Bonn: n(ab) = 3, n(a) = 5, n(b) = 4, N = 20, 2 docs.
	pmi := math.Log2(3.0 * 20 / (5 * 4))
	want := Association{PMI: pmi, NPMI: pmi / -math.Log2(3.0/20), Dice: 6.0 / 9, Jaccard: 3.0 / 6}
	tests := []struct {
		name     string
		measure  Measure
		strength float64
	}{
		{"count", MeasureCount, 3},
		{"docs", MeasureDocs, 2},
		{"pmi", MeasurePMI, want.PMI},
		{"npmi", MeasureNPMI, want.NPMI},
		{"dice", MeasureDice, want.Dice},
		{"jaccard", MeasureJaccard, want.Jaccard},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := fixture()
			g := Weigh(in, tt.measure)
			w := want
			w.Strength = tt.strength
			if diff := cmp.Diff(w, g.Edges[0].Association, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("Anna Berg - Bonn (-want +got):\n%s", diff)
			}
			if !g.Weighed || g.Measure != tt.measure {
				t.Errorf("view = %+v", g.View)
			}
			if in.Weighed || in.Edges[0].Strength != 0 {
				t.Error("Weigh modified its input")
			}
		})
	}
}

func TestWeighBounds(t *testing.T) {
	g := Weigh(fixture(), MeasureNPMI)
	for _, e := range g.Edges {
		if e.NPMI < -1 || e.NPMI > 1 || e.Dice <= 0 || e.Dice > 1 || e.Jaccard <= 0 || e.Jaccard > 1 {
			t.Errorf("%s - %s: measures out of range: %+v", e.Source, e.Target, e.Association)
		}
	}
	// Without unit counts the frequency-corrected measures are 0, not NaN.
	raw := fixture()
	raw.Units = 0
	for i := range raw.Nodes {
		raw.Nodes[i].Units = 0
	}
	for _, e := range Weigh(raw, MeasurePMI).Edges {
		if e.Association != (Association{}) {
			t.Errorf("%s - %s: %+v without unit counts", e.Source, e.Target, e.Association)
		}
	}
}

// TestBuilderUnits checks the unit counts the measures rest on: a node's
// units never exceed the total, an edge's never exceed its ends'.
func TestBuilderUnits(t *testing.T) {
	doc := makeDoc(3, []int{0, 0, 1},
		mention{"Anna", annot.Person, 0}, mention{"Bonn", annot.Loc, 0},
		mention{"Cargo Inc", annot.Org, 1}, mention{"Anna", annot.Person, 2})
	tests := []struct {
		scope     string
		wantTotal int
	}{
		{"sentence", 3}, {"paragraph", 2}, {"document", 1}, {"window:2", 2}, {"window:9", 1},
	}
	for _, tt := range tests {
		t.Run(tt.scope, func(t *testing.T) {
			scope, err := ParseScope(tt.scope)
			if err != nil {
				t.Fatal(err)
			}
			b := NewPartial(Options{Scope: scope})
			if err := b.Add(doc); err != nil {
				t.Fatal(err)
			}
			g := b.Graph()
			if g.Units != tt.wantTotal {
				t.Errorf("total units %d, want %d", g.Units, tt.wantTotal)
			}
			units := map[string]int{}
			for _, n := range g.Nodes {
				units[n.Key] = n.Units
				if n.Units < 1 || n.Units > g.Units {
					t.Errorf("%s: %d units of %d", n.Key, n.Units, g.Units)
				}
			}
			for _, e := range g.Edges {
				if e.Units > min(units[e.Source], units[e.Target]) {
					t.Errorf("%s - %s: %d joint units, ends have %d and %d", e.Source, e.Target, e.Units, units[e.Source], units[e.Target])
				}
			}
		})
	}
}
