package graph

import (
	dgraph "github.com/dominikbraun/graph"

	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Rank orders nodes for PruneOptions.TopNodes.
type Rank int

// Node rankings.
const (
	RankWeightedDegree Rank = iota // sum of the strengths of a node's edges
	RankPageRank                   // weighted PageRank
)

// String returns the name ParseRank accepts.
func (r Rank) String() string {
	if r == RankPageRank {
		return "pagerank"
	}
	return "degree"
}

// ParseRank parses "degree" (weighted degree) or "pagerank".
func ParseRank(s string) (Rank, error) {
	switch strings.ToLower(s) {
	case "degree", "weighted-degree", "":
		return RankWeightedDegree, nil
	case "pagerank":
		return RankPageRank, nil
	}
	return 0, fmt.Errorf("unknown rank %q (want degree or pagerank)", s)
}

// PruneOptions select what Prune keeps. The zero value keeps everything.
// The steps run in the order of the fields.
type PruneOptions struct {
	// Focus keeps only the ego network of the node whose key, label or
	// alias is Focus: the nodes at most Depth edges away (Depth 0 means 1).
	Focus string
	Depth int
	// MinWeight drops edges whose strength is below it (0: keep all).
	MinWeight float64
	// Backbone keeps the edges that the disparity filter of Serrano,
	// Boguñá and Vespignani (PNAS 2009) finds significant at level
	// Backbone for at least one end, e.g. 0.05 (0: keep all).
	Backbone float64
	// TopNodes keeps the TopNodes highest-ranked nodes (0: keep all).
	TopNodes int
	Rank     Rank
	// TopEdges keeps, for each node, its TopEdges strongest edges; an
	// edge stays if either end keeps it (0: keep all).
	TopEdges int
	// Giant keeps only the largest connected component (the focus's
	// component when there is a focus).
	Giant bool
}

// Pruning is one step of Prune that removed something, and the flag that
// keeps it.
type Pruning struct {
	By           string // the flag that pruned, e.g. "--top-nodes 150"
	Undo         string // the flag that keeps what it removed, e.g. "--top-nodes 0"
	Nodes, Edges int    // how many it removed
}

// String is the sentence the encoders write as a comment.
func (p Pruning) String() string {
	return fmt.Sprintf("pruned %s / %s by %s; rerun with %s to keep them", count(p.Nodes, "node"), count(p.Edges, "edge"), p.By, p.Undo)
}

// count returns "1 node", "2 nodes".
func count(n int, noun string) string {
	if n != 1 {
		noun += "s"
	}
	return strconv.Itoa(n) + " " + noun
}

// Prune returns a copy of g reduced as o says. Every step that removes
// something is recorded in the result's View.Pruned. Edge-removing steps
// (MinWeight, Backbone, TopEdges) also drop the nodes they leave without
// edges. g is weighed by count first if it has not been weighed.
func Prune(g *Graph, o PruneOptions) (*Graph, error) {
	g = weighed(g).clone()
	var focus string
	if o.Focus != "" {
		var err error
		if focus, err = g.Find(o.Focus); err != nil {
			return nil, err
		}
		g.Focus = focus
		depth := max(o.Depth, 1)
		keep := within(g.adjacency(), g.Edges, focus, depth)
		g.record(fmt.Sprintf("--focus %q --depth %d", o.Focus, depth), "no --focus",
			g.keepNodes(func(n *Node) bool { return keep[n.Key] }))
	}
	if o.MinWeight != 0 {
		g.record("--min-weight "+ftoa(o.MinWeight), "--min-weight 0",
			g.keepEdges(func(i int, e *Edge) bool { return e.Strength >= o.MinWeight }))
	}
	if o.Backbone > 0 {
		keep := g.backbone(o.Backbone)
		g.record("--backbone "+ftoa(o.Backbone), "no --backbone",
			g.keepEdges(func(i int, _ *Edge) bool { return keep[i] }))
	}
	if o.TopNodes > 0 && len(g.Nodes) > o.TopNodes {
		var score map[string]float64
		if o.Rank == RankPageRank {
			score = pageRank(g)
		} else {
			score = g.weightedDegrees()
		}
		order := slices.Clone(g.Nodes)
		slices.SortFunc(order, func(x, y Node) int {
			return cmp.Or(
				-cmp.Compare(boolInt(x.Key == focus), boolInt(y.Key == focus)),
				-cmp.Compare(score[x.Key], score[y.Key]),
				-cmp.Compare(x.Mentions, y.Mentions),
				strings.Compare(x.Key, y.Key))
		})
		keep := map[string]bool{}
		for _, n := range order[:o.TopNodes] {
			keep[n.Key] = true
		}
		g.record(fmt.Sprintf("--top-nodes %d (by %s)", o.TopNodes, o.Rank), "--top-nodes 0",
			g.keepNodes(func(n *Node) bool { return keep[n.Key] }))
	}
	if o.TopEdges > 0 {
		keepRels := g.topRelations(o.TopEdges)
		n := len(g.Relations)
		g.Relations = slices.DeleteFunc(g.Relations, func(r Relation) bool { return !keepRels[relationID(r)] })
		keep := g.topEdges(o.TopEdges)
		r := g.keepEdges(func(i int, _ *Edge) bool { return keep[i] })
		r.edges += n - len(g.Relations)
		g.record(fmt.Sprintf("--top-edges %d", o.TopEdges), "--top-edges 0", r)
	}
	if o.Giant {
		keep := g.giant(focus)
		g.record("--giant", "no --giant",
			g.keepNodes(func(n *Node) bool { return keep[n.Key] }))
	}
	return g, nil
}

// Find returns the key of the node that name denotes: of the nodes whose
// key, label or alias is name ignoring case (else has the same comparison
// Key), the one most often called so, then the most mentioned. "Blair"
// finds Tony Blair, called Blair 200 times, rather than a leftover node
// Blair of 4 mentions. It is an error if no node matches.
func (g *Graph) Find(name string) (string, error) {
	if key, ok := g.mostMentioned(name, func(n *Node, name string) int {
		uses := 0
		for _, a := range n.Aliases {
			if strings.EqualFold(a.Name, name) {
				uses += a.Count
			}
		}
		if uses == 0 && (strings.EqualFold(n.Key, name) || strings.EqualFold(n.Label, name)) {
			uses = max(n.Mentions, 1)
		}
		return uses
	}); ok {
		return key, nil
	}
	if key, ok := g.mostMentioned(Key(name), func(n *Node, k string) int {
		uses := 0
		for _, a := range n.Aliases {
			if k != "" && strings.EqualFold(Key(a.Name), k) {
				uses += a.Count
			}
		}
		if uses == 0 && k != "" && strings.EqualFold(Key(n.Key), k) {
			uses = max(n.Mentions, 1)
		}
		return uses
	}); ok {
		return key, nil
	}
	return "", fmt.Errorf("no node is named %q", name)
}

// mostMentioned returns the node that uses name most (uses counts a
// node's mentions by that name, 0 for none), then the most mentioned
// node, then the smallest key.
func (g *Graph) mostMentioned(name string, uses func(n *Node, name string) int) (string, bool) {
	best, bestUses := -1, 0
	for i := range g.Nodes {
		u := uses(&g.Nodes[i], name)
		if u == 0 {
			continue
		}
		if best < 0 || u > bestUses || (u == bestUses && g.Nodes[i].Mentions > g.Nodes[best].Mentions) {
			best, bestUses = i, u
		}
	}
	if best < 0 {
		return "", false
	}
	return g.Nodes[best].Key, true
}

// record appends a pruning step to g's view if it removed anything.
func (g *Graph) record(by, undo string, r removed) {
	if r.nodes > 0 || r.edges > 0 {
		g.Pruned = append(g.Pruned, Pruning{By: by, Undo: undo, Nodes: r.nodes, Edges: r.edges})
	}
}

// removed counts what a pruning step removed.
type removed struct{ nodes, edges int }

// keepNodes keeps the nodes for which keep is true and the edges between
// them, and returns how many nodes and edges it removed.
func (g *Graph) keepNodes(keep func(n *Node) bool) removed {
	kept := map[string]bool{}
	n0, e0 := len(g.Nodes), len(g.Edges)
	g.Nodes = slices.DeleteFunc(g.Nodes, func(n Node) bool {
		if keep(&n) {
			kept[n.Key] = true
			return false
		}
		return true
	})
	g.Edges = slices.DeleteFunc(g.Edges, func(e Edge) bool { return !kept[e.Source] || !kept[e.Target] })
	g.Relations = slices.DeleteFunc(g.Relations, func(r Relation) bool { return !kept[r.Head] || !kept[r.Tail] })
	return removed{n0 - len(g.Nodes), e0 - len(g.Edges)}
}

// keepEdges keeps the edges for which keep (given the edge's index) is
// true, drops the nodes this leaves isolated, and returns how many nodes
// and edges it removed.
func (g *Graph) keepEdges(keep func(i int, e *Edge) bool) removed {
	had, has := map[string]bool{}, map[string]bool{}
	var kept []Edge
	for i := range g.Edges {
		e := &g.Edges[i]
		had[e.Source], had[e.Target] = true, true
		if keep(i, e) {
			has[e.Source], has[e.Target] = true, true
			kept = append(kept, *e)
		}
	}
	edges := len(g.Edges) - len(kept)
	g.Edges = kept
	for _, r := range g.Relations { // a node with a relation is not isolated
		has[r.Head], has[r.Tail] = true, true
	}
	n0 := len(g.Nodes)
	g.Nodes = slices.DeleteFunc(g.Nodes, func(n Node) bool { return had[n.Key] && !has[n.Key] })
	return removed{n0 - len(g.Nodes), edges}
}

// adjacency returns, for each node key, the indices of its edges.
func (g *Graph) adjacency() map[string][]int {
	adj := make(map[string][]int, len(g.Nodes))
	for i, e := range g.Edges {
		adj[e.Source] = append(adj[e.Source], i)
		adj[e.Target] = append(adj[e.Target], i)
	}
	return adj
}

// other returns the end of e that is not key.
func (e *Edge) other(key string) string {
	if e.Source == key {
		return e.Target
	}
	return e.Source
}

// traversal returns g as a github.com/dominikbraun/graph graph, for its
// breadth-first search over components: the shape of g, nothing more.
func (g *Graph) traversal() dgraph.Graph[string, string] {
	t := dgraph.New(dgraph.StringHash)
	for _, n := range g.Nodes {
		_ = t.AddVertex(n.Key) // keys are unique: no error
	}
	for _, e := range g.Edges {
		_ = t.AddEdge(e.Source, e.Target) // both ends are nodes, each pair once: no error
	}
	return t
}

// component returns the nodes of t connected to key, a node of t.
func component(t dgraph.Graph[string, string], key string) map[string]bool {
	comp := map[string]bool{}
	_ = dgraph.BFS(t, key, func(k string) bool { // key is in t: no error
		comp[k] = true
		return false
	})
	return comp
}

// within returns the nodes at most depth edges from key. (dominikbraun's
// BFSWithDepth counts visited vertices, not levels, in v0.23.0, so the
// levels are walked here.)
func within(adj map[string][]int, edges []Edge, key string, depth int) map[string]bool {
	seen := map[string]bool{key: true}
	frontier := []string{key}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []string
		for _, k := range frontier {
			for _, i := range adj[k] {
				if o := edges[i].other(k); !seen[o] {
					seen[o] = true
					next = append(next, o)
				}
			}
		}
		frontier = next
	}
	return seen
}

// weightedDegrees returns each node's sum of positive edge strengths.
func (g *Graph) weightedDegrees() map[string]float64 {
	s := make(map[string]float64, len(g.Nodes))
	for i := range g.Edges {
		e := &g.Edges[i]
		s[e.Source] += e.positive()
		s[e.Target] += e.positive()
	}
	return s
}

// backbone returns the indices of the edges the disparity filter keeps at
// level alpha. For an end of degree k > 1 and strength s, an edge of
// weight w is significant when (1 - w/s)^(k-1) < alpha. An edge between
// two ends of degree 1 is kept: nothing can be said against it.
func (g *Graph) backbone(alpha float64) map[int]bool {
	degree := map[string]int{}
	for i := range g.Edges {
		if e := &g.Edges[i]; e.positive() > 0 {
			degree[e.Source]++
			degree[e.Target]++
		}
	}
	strength := g.weightedDegrees()
	keep := map[int]bool{}
	for i := range g.Edges {
		e := &g.Edges[i]
		w := e.positive()
		if w <= 0 {
			continue
		}
		ks, kt := degree[e.Source], degree[e.Target]
		significant := func(key string, k int) bool {
			return k > 1 && math.Pow(1-w/strength[key], float64(k-1)) < alpha
		}
		if (ks == 1 && kt == 1) || significant(e.Source, ks) || significant(e.Target, kt) {
			keep[i] = true
		}
	}
	return keep
}

// topEdges returns the indices of the edges among the k strongest of at
// least one of their ends (ties broken by count, then by the other end's
// key).
func (g *Graph) topEdges(k int) map[int]bool {
	keep := map[int]bool{}
	for key, idx := range g.adjacency() {
		slices.SortFunc(idx, func(a, b int) int {
			x, y := &g.Edges[a], &g.Edges[b]
			return cmp.Or(-cmp.Compare(x.Strength, y.Strength), -cmp.Compare(x.Weight, y.Weight),
				strings.Compare(x.other(key), y.other(key)))
		})
		for _, i := range idx[:min(k, len(idx))] {
			keep[i] = true
		}
	}
	return keep
}

// giant returns the nodes of the largest connected component (most
// nodes, then most edges, then the smallest key), or of focus's
// component when focus is set.
func (g *Graph) giant(focus string) map[string]bool {
	adj := g.adjacency()
	t := g.traversal()
	var best map[string]bool
	bestEdges := 0
	seen := map[string]bool{}
	for _, n := range g.Nodes { // sorted by key: ties go to the smallest key
		if seen[n.Key] {
			continue
		}
		comp := component(t, n.Key)
		edges := 0
		for k := range comp {
			seen[k] = true
			edges += len(adj[k])
		}
		if focus != "" {
			if comp[focus] {
				return comp
			}
			continue
		}
		if best == nil || len(comp) > len(best) || (len(comp) == len(best) && edges > bestEdges) {
			best, bestEdges = comp, edges
		}
	}
	return best
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ftoa formats a float the shortest way that reads back exactly.
func ftoa(f float64) string {
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// RelationsOnly returns a copy of g without its co-occurrence edges and
// with only the nodes that take part in a relation.
func (g *Graph) RelationsOnly() *Graph {
	out := g.clone()
	out.Edges = nil
	linked := map[string]bool{}
	for _, r := range out.Relations {
		linked[r.Head], linked[r.Tail] = true, true
	}
	out.Nodes = slices.DeleteFunc(out.Nodes, func(n Node) bool { return !linked[n.Key] })
	return out
}

// relationID identifies a relation of a graph.
func relationID(r Relation) [3]string { return [3]string{string(r.Type), r.Head, r.Tail} }

// topRelations returns the relations among the k strongest of at least
// one of their ends: most stated, then best scored, then by the other
// end's key.
func (g *Graph) topRelations(k int) map[[3]string]bool {
	byNode := map[string][]int{}
	for i, r := range g.Relations {
		byNode[r.Head] = append(byNode[r.Head], i)
		byNode[r.Tail] = append(byNode[r.Tail], i)
	}
	keep := map[[3]string]bool{}
	for key, idx := range byNode {
		other := func(r *Relation) string {
			if r.Head == key {
				return r.Tail
			}
			return r.Head
		}
		slices.SortFunc(idx, func(a, b int) int {
			x, y := &g.Relations[a], &g.Relations[b]
			return cmp.Or(-cmp.Compare(x.Count, y.Count), -cmp.Compare(x.Score, y.Score),
				strings.Compare(other(x), other(y)), strings.Compare(string(x.Type), string(y.Type)))
		})
		for _, i := range idx[:min(k, len(idx))] {
			keep[relationID(g.Relations[i])] = true
		}
	}
	return keep
}
