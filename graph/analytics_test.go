package graph

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/graph/network"
)

func TestAnalyse(t *testing.T) {
	g := Analyse(Weigh(fixture(), MeasureCount), AnalyseOptions{})
	type stat struct {
		Key       string
		Degree    int
		Strength  float64
		Community int
	}
	var got []stat
	for _, n := range g.Nodes {
		got = append(got, stat{n.Key, n.Degree, n.WeightedDegree, n.Community})
	}
	// Communities by decreasing size, then smallest key: the two
	// triangles, then Gus Holm - Hel, then Ivo alone.
	want := []stat{
		{"Anna Berg", 2, 5, 0},
		{"Bonn", 2, 5, 0},
		{"Cargo Inc", 3, 5, 0},
		{"Dora Lind", 3, 6, 1},
		{"Elbe", 2, 4, 1},
		{"Fjord AS", 2, 5, 1},
		{"Gus Holm", 1, 1, 2},
		{"Hel", 1, 1, 2},
		{"Ivo", 0, 0, 3},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}
	if !g.Analysed {
		t.Error("View.Analysed not set")
	}
}

// TestPageRankAgreesWithGonum checks the deterministic power iteration
// against gonum's network.PageRank on the same weighted graph.
func TestPageRankAgreesWithGonum(t *testing.T) {
	for _, m := range []Measure{MeasureCount, MeasurePMI, MeasureDice} {
		t.Run(m.String(), func(t *testing.T) {
			g := Weigh(fixture(), m)
			ours := pageRank(g)
			theirs := network.PageRank(newGonumGraph(g), Damping, 1e-12)
			sum := 0.0
			for i, n := range g.Nodes {
				sum += ours[n.Key]
				if d := math.Abs(ours[n.Key] - theirs[int64(i)]); d > 1e-8 {
					t.Errorf("%s: PageRank %g, gonum %g", n.Key, ours[n.Key], theirs[int64(i)])
				}
			}
			if math.Abs(sum-1) > 1e-9 {
				t.Errorf("PageRank sums to %g", sum)
			}
		})
	}
}

func TestAnalyseDeterministic(t *testing.T) {
	g := Weigh(randomGraph(400, 1500), MeasureNPMI)
	first := Analyse(g, AnalyseOptions{Seed: 7})
	for i := 0; i < 5; i++ {
		again := Analyse(g, AnalyseOptions{Seed: 7})
		if diff := cmp.Diff(first.Nodes, again.Nodes); diff != "" {
			t.Fatalf("run %d differs (-first +again):\n%s", i, diff)
		}
	}
}

func TestAnalyseEmpty(t *testing.T) {
	g := Analyse(&Graph{}, AnalyseOptions{})
	if len(g.Nodes) != 0 || !g.Analysed {
		t.Errorf("got %+v", g)
	}
}
