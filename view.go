package entigraph

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/render"
)

// The default view keeps a picture readable at screen size whatever the
// corpus size: the 60 most connected entities (40 around a focus), each
// with its 3 strongest edges (a comment in the output says how to get the
// rest back).
const (
	DefaultTopNodes      = 60
	DefaultFocusTopNodes = 40
	DefaultTopEdges      = 3
	// DefaultMinScore keeps the relations the extractor is fairly sure
	// of: on CoNLL04 dev, relations scored 0.5 or more are right about
	// four times in five.
	DefaultMinScore = 0.5
)

// View is how a built graph is weighed, pruned and analysed before it is
// written. The zero value is the default view: count weights, the
// DefaultTopNodes entities by weighted degree with their DefaultTopEdges
// strongest edges, and Louvain communities.
type View struct {
	Measure graph.Measure // edge strength; the zero value is the co-occurrence weight
	// MinWeight drops edges whose strength is below it (0: none).
	MinWeight float64
	// TopNodes and TopEdges: 0 means the default (DefaultTopNodes, or
	// DefaultFocusTopNodes with a Focus; DefaultTopEdges), a negative
	// number keeps all.
	TopNodes, TopEdges int
	Rank               graph.Rank // what TopNodes ranks by
	Giant              bool       // keep only the largest connected component
	// Focus keeps the entities at most Depth (0 means 1) edges away from
	// the one named Focus (a name, label or alias).
	Focus string
	Depth int
	// Backbone keeps only edges significant at this level by the
	// disparity filter (0: off).
	Backbone float64
	// ColorCommunities fills nodes by community instead of by type.
	ColorCommunities bool
	// Edges chooses what links are shown: co-occurrences and relations
	// (the zero value), or one of them.
	Edges EdgeSet
	// MinScore drops relations whose mean score is below it; 0 means
	// DefaultMinScore, a negative number keeps all.
	MinScore float64
	// Slice makes a dynamic graph with a time slice per period.
	Slice graph.Period
}

// EdgeSet chooses the links a view shows.
type EdgeSet int

// Edge sets.
const (
	BothEdges         EdgeSet = iota // co-occurrences and relations
	CooccurrenceEdges                // co-occurrences only
	RelationEdges                    // relations only, and the entities they link
)

// ParseEdgeSet parses "both", "cooccurrence" or "relations".
func ParseEdgeSet(s string) (EdgeSet, error) {
	switch s {
	case "both", "":
		return BothEdges, nil
	case "cooccurrence", "co-occurrence":
		return CooccurrenceEdges, nil
	case "relations", "relation":
		return RelationEdges, nil
	}
	return 0, fmt.Errorf("unknown edge set %q (want cooccurrence, relations or both)", s)
}

func orDefault(n, def int) int {
	switch {
	case n == 0:
		return def
	case n < 0:
		return 0
	}
	return n
}

func (v View) defaultTopNodes() int {
	if v.Focus != "" {
		return DefaultFocusTopNodes
	}
	return DefaultTopNodes
}

// Apply weighs, prunes and analyses g. It fails only when Focus names no
// entity. Relations below MinScore go first; entities are ranked and
// pruned by their co-occurrences, and relations between the entities
// kept stay; then the edge set is chosen.
func (v View) Apply(g *graph.Graph) (*graph.Graph, error) {
	g = graph.Weigh(g, v.Measure)
	minScore := v.MinScore
	if minScore == 0 {
		minScore = DefaultMinScore
	}
	g.Relations = slices.DeleteFunc(slices.Clone(g.Relations), func(r graph.Relation) bool {
		return v.Edges == CooccurrenceEdges || r.Score < minScore
	})
	g, err := graph.Prune(g, graph.PruneOptions{
		Focus: v.Focus, Depth: max(v.Depth, 1), MinWeight: v.MinWeight, Backbone: v.Backbone,
		TopNodes: orDefault(v.TopNodes, v.defaultTopNodes()), Rank: v.Rank,
		TopEdges: orDefault(v.TopEdges, DefaultTopEdges), Giant: v.Giant,
	})
	if err != nil {
		return nil, err
	}
	if v.Edges == RelationEdges {
		g = g.RelationsOnly()
	}
	g = graph.Analyse(g, graph.AnalyseOptions{})
	g.ColorCommunities = v.ColorCommunities
	g.Slice = v.Slice
	return g, nil
}

// Render draws g, as View.Apply made it, as SVG or PNG (see package
// render): the DOT that graph.WriteDOT writes, laid out by Graphviz
// compiled to WebAssembly.
func Render(ctx context.Context, g *graph.Graph, o render.Options, w io.Writer) error {
	var dot bytes.Buffer
	if err := graph.WriteDOT(&dot, g); err != nil {
		return err
	}
	return render.DOT(ctx, dot.Bytes(), o, w)
}
