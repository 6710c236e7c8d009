package graph

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Measure is an edge weighting: how strongly two entities are associated.
type Measure int

// Edge weightings. With N the number of scope units in the corpus, n(a)
// the units mentioning a and n(ab) the units mentioning both:
//
//	count    n(ab)
//	docs     documents mentioning both
//	pmi      log2( n(ab)·N / (n(a)·n(b)) )
//	npmi     pmi / -log2( n(ab)/N ), in [-1, 1]; 1 when n(ab) = N
//	dice     2·n(ab) / (n(a)+n(b)), in (0, 1]
//	jaccard  n(ab) / (n(a)+n(b)-n(ab)), in (0, 1]
//
// count and docs favour frequent entities; the others correct for
// frequency, so two rare entities that always occur together score high.
const (
	MeasureCount Measure = iota
	MeasureDocs
	MeasurePMI
	MeasureNPMI
	MeasureDice
	MeasureJaccard
)

var measureNames = [...]string{"count", "docs", "pmi", "npmi", "dice", "jaccard"}

// Measures lists every measure in the order ParseMeasure documents them.
func Measures() []Measure {
	return []Measure{MeasureCount, MeasureDocs, MeasurePMI, MeasureNPMI, MeasureDice, MeasureJaccard}
}

// String returns the name ParseMeasure accepts.
func (m Measure) String() string {
	if m >= 0 && int(m) < len(measureNames) {
		return measureNames[m]
	}
	return fmt.Sprintf("Measure(%d)", int(m))
}

// ParseMeasure parses count, docs, pmi, npmi, dice or jaccard.
func ParseMeasure(s string) (Measure, error) {
	if i := slices.Index(measureNames[:], strings.ToLower(s)); i >= 0 {
		return Measure(i), nil
	}
	return 0, fmt.Errorf("unknown weight %q (want %s)", s, strings.Join(measureNames[:], ", "))
}

// Association holds every association measure of an edge, computed by
// Weigh. The count and docs measures are Edge.Weight and Edge.Docs.
type Association struct {
	PMI, NPMI, Dice, Jaccard float64
	// Strength is the value of the graph's chosen measure (View.Measure)
	// for this edge: what drives pruning, analytics, penwidth and layout.
	Strength float64
}

// Stats are a node's centrality and community, computed by Analyse on the
// graph as shown (after pruning).
type Stats struct {
	Degree         int     // number of neighbours
	WeightedDegree float64 // sum of the positive strengths of its edges
	PageRank       float64 // weighted PageRank, damping 0.85; sums to 1
	Community      int     // Louvain community, 0 the largest (valid once View.Analysed)
}

// View records what Weigh, Prune and Analyse did to a graph, so encoders
// can say so.
type View struct {
	Measure  Measure   // the measure Edge.Strength holds
	Weighed  bool      // Weigh has set the edges' Association
	Analysed bool      // Analyse has set the nodes' Stats
	Pruned   []Pruning // what Prune removed, step by step
	Focus    string    // key of the --focus node, drawn with a heavy outline
	// ColorCommunities fills analysed nodes with their community's colour
	// instead of their type's (shapes always show the type).
	ColorCommunities bool
	// Slice makes a dynamic graph: the encoders write counts per period
	// (GEXF spells, JSON "periods").
	Slice Period
	// Period is the key of the period the graph shows, when InPeriod
	// made it.
	Period string
}

// value returns measure m of edge e; e must have been weighed.
func (e *Edge) value(m Measure) float64 {
	switch m {
	case MeasureDocs:
		return float64(e.Docs)
	case MeasurePMI:
		return e.PMI
	case MeasureNPMI:
		return e.NPMI
	case MeasureDice:
		return e.Dice
	case MeasureJaccard:
		return e.Jaccard
	}
	return e.Weight
}

// Weigh returns a copy of g whose edges carry every association measure,
// with Strength set to measure m. The measures need the unit counts the
// Builder records (Node.Units, Graph.Units); where they are missing the
// frequency-corrected measures are 0.
func Weigh(g *Graph, m Measure) *Graph {
	out := g.clone()
	units := make(map[string]int, len(g.Nodes))
	for _, n := range g.Nodes {
		units[n.Key] = n.Units
	}
	total := float64(g.Units)
	for i := range out.Edges {
		e := &out.Edges[i]
		ab, a, b := float64(e.Units), float64(units[e.Source]), float64(units[e.Target])
		e.Association = Association{}
		if a > 0 && b > 0 && ab > 0 {
			e.Dice = 2 * ab / (a + b)
			e.Jaccard = ab / (a + b - ab)
			if total > 0 {
				e.PMI = math.Log2(ab * total / (a * b))
				if h := -math.Log2(ab / total); h > 0 {
					e.NPMI = e.PMI / h
				} else {
					e.NPMI = 1 // they occur in every unit
				}
			}
		}
		e.Strength = e.value(m)
	}
	out.Measure, out.Weighed = m, true
	return out
}

// weighed returns g if it has been weighed, else g weighed by count.
func weighed(g *Graph) *Graph {
	if g.Weighed {
		return g
	}
	return Weigh(g, MeasureCount)
}

// positive is the weight analytics and the backbone use: the strength,
// with negative associations (PMI below chance) counted as none.
func (e *Edge) positive() float64 {
	return max(e.Strength, 0)
}

// clone returns a copy of g whose Nodes and Edges slices may be modified
// (the aliases and other slices inside them are shared).
func (g *Graph) clone() *Graph {
	out := *g
	out.Nodes = slices.Clone(g.Nodes)
	out.Edges = slices.Clone(g.Edges)
	out.Relations = slices.Clone(g.Relations)
	out.Pruned = slices.Clone(g.Pruned)
	return &out
}
