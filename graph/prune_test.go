package graph

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/entigraph/entigraph/annot"
	"github.com/google/go-cmp/cmp"
)

func nodeKeys(g *Graph) []string {
	var ks []string
	for _, n := range g.Nodes {
		ks = append(ks, n.Key)
	}
	return ks
}

func edgeKeys(g *Graph) []string {
	var ks []string
	for _, e := range g.Edges {
		ks = append(ks, e.Source+" - "+e.Target)
	}
	return ks
}

func TestPrune(t *testing.T) {
	all := nodeKeys(fixture())
	tests := []struct {
		name       string
		measure    Measure
		opts       PruneOptions
		wantNodes  []string // nil: all
		wantEdges  []string // nil: unchecked
		wantPruned []Pruning
	}{
		{name: "zero options keep everything", wantNodes: all},
		{name: "focus by key, depth 1", opts: PruneOptions{Focus: "Cargo Inc"},
			wantNodes:  []string{"Anna Berg", "Bonn", "Cargo Inc", "Dora Lind"},
			wantPruned: []Pruning{{By: `--focus "Cargo Inc" --depth 1`, Undo: "no --focus", Nodes: 5, Edges: 4}}},
		{name: "focus by alias, ignoring case, depth 2", opts: PruneOptions{Focus: "ci", Depth: 2},
			wantNodes: []string{"Anna Berg", "Bonn", "Cargo Inc", "Dora Lind", "Elbe", "Fjord AS"}},
		{name: "focus by surname alias", opts: PruneOptions{Focus: "Berg"},
			wantNodes: []string{"Anna Berg", "Bonn", "Cargo Inc"}},
		{name: "min weight drops weak edges and the nodes they isolate", opts: PruneOptions{MinWeight: 2},
			wantNodes:  []string{"Anna Berg", "Bonn", "Cargo Inc", "Dora Lind", "Elbe", "Fjord AS", "Ivo"},
			wantEdges:  []string{"Anna Berg - Bonn", "Anna Berg - Cargo Inc", "Bonn - Cargo Inc", "Dora Lind - Elbe", "Dora Lind - Fjord AS", "Elbe - Fjord AS"},
			wantPruned: []Pruning{{By: "--min-weight 2", Undo: "--min-weight 0", Nodes: 2, Edges: 2}}},
		// Dice: Dora Lind - Fjord AS 2·3/(3+4) = 0.86, Dora Lind - Elbe 0.8.
		{name: "min weight on the chosen measure", measure: MeasureDice, opts: PruneOptions{MinWeight: 0.85},
			wantNodes: []string{"Dora Lind", "Fjord AS", "Ivo"}},
		// Weighted degrees: Dora Lind 6; Anna Berg, Bonn, Cargo Inc and
		// Fjord AS 5, ties broken by mentions (5, 4, 3, 4), then key.
		{name: "top nodes by weighted degree", opts: PruneOptions{TopNodes: 3},
			wantNodes:  []string{"Anna Berg", "Bonn", "Dora Lind"},
			wantPruned: []Pruning{{By: "--top-nodes 3 (by degree)", Undo: "--top-nodes 0", Nodes: 6, Edges: 7}}},
		{name: "top nodes by pagerank", opts: PruneOptions{TopNodes: 2, Rank: RankPageRank},
			wantNodes: []string{"Dora Lind", "Fjord AS"}},
		{name: "top nodes keep the focus", opts: PruneOptions{Focus: "Bonn", TopNodes: 1},
			wantNodes: []string{"Bonn"}},
		// Equal strengths go to the neighbour with the smaller key:
		// Cargo Inc keeps Anna Berg, Elbe keeps Dora Lind.
		{name: "top edges", opts: PruneOptions{TopEdges: 1},
			wantEdges: []string{"Anna Berg - Bonn", "Anna Berg - Cargo Inc", "Dora Lind - Elbe", "Dora Lind - Fjord AS", "Gus Holm - Hel"}},
		{name: "giant component", opts: PruneOptions{Giant: true},
			wantNodes:  []string{"Anna Berg", "Bonn", "Cargo Inc", "Dora Lind", "Elbe", "Fjord AS"},
			wantPruned: []Pruning{{By: "--giant", Undo: "no --giant", Nodes: 3, Edges: 1}}},
		{name: "giant component of the focus", opts: PruneOptions{Focus: "Hel", Depth: 3, Giant: true},
			wantNodes: []string{"Gus Holm", "Hel"}},
		// Cargo Inc has strength 5 over 3 edges: the bridge (1) has
		// alpha = (1-1/5)^2 = 0.64; for Dora Lind (strength 6, 3 edges)
		// (1-1/6)^2 = 0.69. Both fail 0.5 and the bridge goes. So does
		// Elbe - Fjord AS: (1-2/4)^1 = 0.5 and (1-2/5)^1 = 0.6. Gus Holm -
		// Hel joins two nodes of degree 1 and stays.
		{name: "backbone drops the bridge", opts: PruneOptions{Backbone: 0.5},
			wantEdges: []string{"Anna Berg - Bonn", "Anna Berg - Cargo Inc", "Bonn - Cargo Inc", "Dora Lind - Elbe", "Dora Lind - Fjord AS", "Gus Holm - Hel"}},
		{name: "steps are recorded in order", opts: PruneOptions{MinWeight: 2, Giant: true},
			wantPruned: []Pruning{
				{By: "--min-weight 2", Undo: "--min-weight 0", Nodes: 2, Edges: 2},
				{By: "--giant", Undo: "no --giant", Nodes: 4, Edges: 3},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Prune(Weigh(fixture(), tt.measure), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantNodes != nil {
				if diff := cmp.Diff(tt.wantNodes, nodeKeys(g)); diff != "" {
					t.Errorf("nodes (-want +got):\n%s", diff)
				}
			}
			if tt.wantEdges != nil {
				if diff := cmp.Diff(tt.wantEdges, edgeKeys(g)); diff != "" {
					t.Errorf("edges (-want +got):\n%s", diff)
				}
			}
			if tt.wantPruned != nil {
				if diff := cmp.Diff(tt.wantPruned, g.Pruned); diff != "" {
					t.Errorf("pruning record (-want +got):\n%s", diff)
				}
			}
			// Every edge joins kept nodes.
			kept := map[string]bool{}
			for _, k := range nodeKeys(g) {
				kept[k] = true
			}
			for _, e := range g.Edges {
				if !kept[e.Source] || !kept[e.Target] {
					t.Errorf("edge %s - %s has a pruned end", e.Source, e.Target)
				}
			}
		})
	}
}

func TestPruneDoesNotModifyInput(t *testing.T) {
	in := Weigh(fixture(), MeasureCount)
	want := fmt.Sprint(nodeKeys(in), edgeKeys(in))
	if _, err := Prune(in, PruneOptions{TopNodes: 2, TopEdges: 1, Giant: true}); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(nodeKeys(in), edgeKeys(in)); got != want || len(in.Pruned) != 0 {
		t.Errorf("input changed: %s", got)
	}
}

func TestFind(t *testing.T) {
	g := fixture()
	g.Nodes = append(g.Nodes,
		Node{Key: "Anna Kurz", Label: "Anna Kurz", Mentions: 9, Aliases: []Alias{{Name: "Anna Kurz", Count: 8}, {Name: "Anna", Count: 1}}},
		Node{Key: "Anna Lund", Label: "Anna Lund", Mentions: 3, Aliases: []Alias{{Name: "Anna", Count: 2}, {Name: "Anna Lund", Count: 1}}},
		// A leftover node named by the short form, used less than the
		// entity whose alias it is.
		Node{Key: "Blair", Label: "Blair", Mentions: 4, Aliases: []Alias{{Name: "Blair", Count: 4}}},
		Node{Key: "Tony Blair", Label: "Tony Blair", Mentions: 300, Aliases: []Alias{{Name: "Blair", Count: 200}, {Name: "Tony Blair", Count: 100}}},
	)
	tests := []struct{ name, query, want, wantErr string }{
		{"key", "Anna Kurz", "Anna Kurz", ""},
		{"alias, ignoring case, the entity that uses it most", "anna", "Anna Lund", ""},
		{"a leftover node does not win over the entity most called so", "Blair", "Tony Blair", ""},
		{"comparison key", "TONY BLAIR's", "Tony Blair", ""},
		{"unknown", "Zed", "", `no node is named "Zed"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := g.Find(tt.query)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Errorf("Find(%q) error %v, want %q", tt.query, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Find(%q) = %q, %v; want %q", tt.query, got, err, tt.want)
			}
		})
	}
}

// TestDefaultViewSize checks the CLI's default (--top-nodes 150) on a
// corpus-sized random graph: at most 150 nodes, and a note saying how to
// get the rest back.
func TestDefaultViewSize(t *testing.T) {
	g := randomGraph(3000, 20000)
	p, err := Prune(Weigh(g, MeasureCount), PruneOptions{TopNodes: 150})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Nodes) > 150 {
		t.Errorf("%d nodes, want at most 150", len(p.Nodes))
	}
	if len(p.Pruned) != 1 || !strings.Contains(p.Pruned[0].String(), "rerun with --top-nodes 0 to keep them") {
		t.Errorf("pruning record %v", p.Pruned)
	}
}

// randomGraph returns a reproducible random snapshot of n nodes and m
// edges, with unit counts.
func randomGraph(n, m int) *Graph {
	g := &Graph{Units: 50000}
	for i := range n {
		g.Nodes = append(g.Nodes, Node{Key: fmt.Sprintf("E%04d", i), Type: annot.Person, Mentions: 1 + i%17, Units: 20 + i%13})
	}
	seed := uint32(1)
	rnd := func() int { seed = seed*1664525 + 1013904223; return int(seed >> 8) }
	seen := map[[2]int]bool{}
	for len(g.Edges) < m {
		a, b := rnd()%n, rnd()%n
		if a == b || seen[[2]int{min(a, b), max(a, b)}] {
			continue
		}
		seen[[2]int{min(a, b), max(a, b)}] = true
		g.Edges = append(g.Edges, Edge{Source: g.Nodes[min(a, b)].Key, Target: g.Nodes[max(a, b)].Key, Weight: float64(1 + rnd()%5), Docs: 1})
	}
	slices.SortFunc(g.Edges, func(x, y Edge) int { return strings.Compare(x.Source+"\x00"+x.Target, y.Source+"\x00"+y.Target) })
	return g
}
