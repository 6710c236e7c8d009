package graph

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// AnalyseOptions tune Analyse. The zero value is the default.
type AnalyseOptions struct {
	// Resolution is the Louvain resolution γ: above 1 gives more, smaller
	// communities (0 means 1).
	Resolution float64
	// Seed seeds Louvain's random node order; the same seed on the same
	// graph gives the same communities.
	Seed uint64
}

// Analyse returns a copy of g whose nodes carry their Stats: degree,
// weighted degree and PageRank over the positive edge strengths, and
// Louvain communities (gonum's community.Modularize), numbered from 0 for
// the largest. Everything is computed in sorted key order with a seeded
// random source, so the same graph always gives the same numbers. g is
// weighed by count first if it has not been weighed.
func Analyse(g *Graph, o AnalyseOptions) *Graph {
	g = weighed(g).clone()
	strength := g.weightedDegrees()
	pr := pageRank(g)
	comm := communities(g, cmp.Or(o.Resolution, 1), o.Seed)
	degree := map[string]int{}
	for _, e := range g.Edges {
		degree[e.Source]++
		degree[e.Target]++
	}
	for i := range g.Nodes {
		n := &g.Nodes[i]
		n.Stats = Stats{Degree: degree[n.Key], WeightedDegree: strength[n.Key], PageRank: pr[n.Key], Community: comm[n.Key]}
	}
	g.Analysed = true
	return g
}

// Damping is the PageRank damping factor.
const Damping = 0.85

// pageRank returns the weighted PageRank of each node of g over the
// positive edge strengths, by power iteration from the uniform vector in
// sorted node order: the same graph gives the same bits every time
// (gonum's network.PageRank starts from a random vector, so its last
// digits vary between runs; the tests check both agree). A node without
// positive edges spreads its rank evenly over all nodes.
func pageRank(g *Graph) map[string]float64 {
	n := len(g.Nodes)
	out := make(map[string]float64, n)
	if n == 0 {
		return out
	}
	index := make(map[string]int, n)
	for i, nd := range g.Nodes {
		index[nd.Key] = i
	}
	type arc struct {
		to int
		w  float64
	}
	arcs := make([][]arc, n)
	strength := make([]float64, n)
	for _, e := range g.Edges {
		w := e.positive()
		if w <= 0 {
			continue
		}
		s, t := index[e.Source], index[e.Target]
		arcs[s] = append(arcs[s], arc{t, w})
		arcs[t] = append(arcs[t], arc{s, w})
		strength[s] += w
		strength[t] += w
	}
	rank := make([]float64, n)
	next := make([]float64, n)
	for i := range rank {
		rank[i] = 1 / float64(n)
	}
	for iter := 0; iter < 1000; iter++ {
		dangling := 0.0
		for i, r := range rank {
			if strength[i] == 0 {
				dangling += r
			}
		}
		base := (1-Damping)/float64(n) + Damping*dangling/float64(n)
		for i := range next {
			next[i] = base
		}
		for i, as := range arcs {
			if strength[i] == 0 {
				continue
			}
			share := Damping * rank[i] / strength[i]
			for _, a := range as {
				next[a.to] += share * a.w
			}
		}
		diff := 0.0
		for i := range rank {
			diff += math.Abs(next[i] - rank[i])
		}
		rank, next = next, rank
		if diff < 1e-12 {
			break
		}
	}
	for i, nd := range g.Nodes {
		out[nd.Key] = rank[i]
	}
	return out
}

// communities returns each node's Louvain community, numbered by
// decreasing size, then by smallest member key.
func communities(g *Graph, resolution float64, seed uint64) map[string]int {
	out := make(map[string]int, len(g.Nodes))
	if len(g.Nodes) == 0 {
		return out
	}
	gg := newGonumGraph(g)
	reduced := community.Modularize(gg, resolution, rand.NewPCG(seed, 0x656e7469677261)) // "entigra"
	var comms [][]string
	for _, c := range reduced.Communities() {
		var keys []string
		for _, nd := range c {
			keys = append(keys, g.Nodes[nd.ID()].Key)
		}
		slices.Sort(keys)
		comms = append(comms, keys)
	}
	slices.SortFunc(comms, func(x, y []string) int {
		return cmp.Or(-cmp.Compare(len(x), len(y)), strings.Compare(x[0], y[0]))
	})
	for i, c := range comms {
		for _, k := range c {
			out[k] = i
		}
	}
	return out
}

// gonumGraph is a read-only gonum view of a snapshot, undirected and
// weighted by positive strength, whose node IDs are indices into
// g.Nodes. Unlike gonum's simple graphs it iterates nodes and neighbours
// in sorted order, which keeps Louvain deterministic. It also satisfies
// gonum's Directed interface (each edge both ways) for PageRank.
type gonumGraph struct {
	nodes []gonum.Node
	nbrs  [][]gonum.Node      // sorted by ID
	w     []map[int64]float64 // w[u][v]
}

var (
	_ gonum.WeightedUndirected = (*gonumGraph)(nil)
	_ gonum.Undirected         = (*gonumGraph)(nil)
	_ gonum.WeightedDirected   = (*gonumGraph)(nil)
)

func newGonumGraph(g *Graph) *gonumGraph {
	n := len(g.Nodes)
	gg := &gonumGraph{nodes: make([]gonum.Node, n), nbrs: make([][]gonum.Node, n), w: make([]map[int64]float64, n)}
	index := make(map[string]int, n)
	for i, nd := range g.Nodes {
		gg.nodes[i] = simple.Node(i)
		gg.w[i] = map[int64]float64{}
		index[nd.Key] = i
	}
	for _, e := range g.Edges { // sorted by (source, target)
		w := e.positive()
		if w <= 0 {
			continue
		}
		s, t := index[e.Source], index[e.Target]
		gg.w[s][int64(t)] = w
		gg.w[t][int64(s)] = w
		gg.nbrs[s] = append(gg.nbrs[s], simple.Node(t))
		gg.nbrs[t] = append(gg.nbrs[t], simple.Node(s))
	}
	for _, ns := range gg.nbrs {
		slices.SortFunc(ns, func(x, y gonum.Node) int { return cmp.Compare(x.ID(), y.ID()) })
	}
	return gg
}

func (gg *gonumGraph) has(id int64) bool { return id >= 0 && id < int64(len(gg.nodes)) }

func (gg *gonumGraph) Node(id int64) gonum.Node {
	if !gg.has(id) {
		return nil
	}
	return gg.nodes[id]
}

func (gg *gonumGraph) Nodes() gonum.Nodes { return iterator.NewOrderedNodes(gg.nodes) }

func (gg *gonumGraph) From(id int64) gonum.Nodes {
	if !gg.has(id) || len(gg.nbrs[id]) == 0 {
		return gonum.Empty
	}
	return iterator.NewOrderedNodes(gg.nbrs[id])
}

func (gg *gonumGraph) To(id int64) gonum.Nodes { return gg.From(id) }

func (gg *gonumGraph) HasEdgeBetween(x, y int64) bool {
	if !gg.has(x) {
		return false
	}
	_, ok := gg.w[x][y]
	return ok
}

func (gg *gonumGraph) HasEdgeFromTo(u, v int64) bool { return gg.HasEdgeBetween(u, v) }

func (gg *gonumGraph) WeightedEdge(u, v int64) gonum.WeightedEdge {
	if !gg.HasEdgeBetween(u, v) {
		return nil
	}
	return simple.WeightedEdge{F: gg.nodes[u], T: gg.nodes[v], W: gg.w[u][v]}
}

func (gg *gonumGraph) Edge(u, v int64) gonum.Edge {
	if e := gg.WeightedEdge(u, v); e != nil {
		return e
	}
	return nil
}

func (gg *gonumGraph) EdgeBetween(x, y int64) gonum.Edge { return gg.Edge(x, y) }

func (gg *gonumGraph) WeightedEdgeBetween(x, y int64) gonum.WeightedEdge {
	return gg.WeightedEdge(x, y)
}

func (gg *gonumGraph) Weight(x, y int64) (float64, bool) {
	if x == y {
		return 0, true
	}
	if !gg.HasEdgeBetween(x, y) {
		return 0, false
	}
	return gg.w[x][y], true
}
