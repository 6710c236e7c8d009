package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/entigraph/entigraph/graph"
)

// defaultTopNodes keeps the default picture readable: about 150 entities
// whatever the corpus size (a comment in the output says how to get the
// rest back).
const defaultTopNodes = 150

var viewFormats = []string{"dot", "gexf", "graphml", "json", "csv"}

// viewFlags choose how a built graph is weighed, pruned, analysed and
// written.
type viewFlags struct {
	format    string
	weight    string
	minWeight float64
	topEdges  int
	topNodes  int
	rank      string
	giant     bool
	focus     string
	depth     int
	backbone  float64
	render    string
	layout    string
	color     string

	// parsed by check
	measure graph.Measure
	rankBy  graph.Rank
}

// register adds the view flags to fs. --min-weight is added only if fs
// does not have it yet (a command may keep its own).
func (v *viewFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&v.format, "format", "dot", "output format: "+strings.Join(viewFormats, ", ")+" (csv writes DIR/nodes.csv and DIR/edges.csv for -o DIR)")
	fs.StringVar(&v.weight, "weight", "count", "edge weight: count (shared units), docs (shared documents), pmi, npmi, dice or jaccard; drives pruning, layout and pen width")
	if fs.Lookup("min-weight") == nil {
		fs.Float64Var(&v.minWeight, "min-weight", 0, "drop edges whose --weight is below this")
	}
	fs.IntVar(&v.topEdges, "top-edges", 10, "keep each entity's K strongest edges (0: all)")
	fs.IntVar(&v.topNodes, "top-nodes", defaultTopNodes, "keep the N highest-ranked entities (0: all)")
	fs.StringVar(&v.rank, "rank", "degree", "rank entities for --top-nodes by weighted degree or pagerank")
	fs.BoolVar(&v.giant, "giant", false, "keep only the largest connected component")
	fs.StringVar(&v.focus, "focus", "", "keep only the entities around NAME (a name, label or alias)")
	fs.IntVar(&v.depth, "depth", 1, "with --focus: how many edges away from NAME to keep")
	fs.Float64Var(&v.backbone, "backbone", 0, "keep only edges significant at level ALPHA (e.g. 0.05) by the disparity filter (0: off)")
	fs.StringVar(&v.color, "color", "type", "fill nodes by entity type or by community (shapes always show the type)")
	fs.StringVar(&v.render, "render", "", "draw the graph as svg or png (in-process Graphviz) instead of writing --format")
	fs.StringVar(&v.layout, "layout", "", "layout for --render: "+strings.Join(renderLayouts, ", ")+" (default by graph size)")
}

// check validates the flags; output is the -o value.
func (v *viewFlags) check(output string) error {
	var err error
	if !slices.Contains(viewFormats, v.format) {
		return usageErrorf("--format: unknown format %q (want %s)", v.format, strings.Join(viewFormats, ", "))
	}
	if v.measure, err = graph.ParseMeasure(v.weight); err != nil {
		return usageErrorf("--weight: %v", err)
	}
	if v.rankBy, err = graph.ParseRank(v.rank); err != nil {
		return usageErrorf("--rank: %v", err)
	}
	switch {
	case v.topEdges < 0:
		return usageErrorf("--top-edges must not be negative")
	case v.topNodes < 0:
		return usageErrorf("--top-nodes must not be negative")
	case v.depth < 1:
		return usageErrorf("--depth must be at least 1")
	case v.backbone < 0 || v.backbone >= 1:
		return usageErrorf("--backbone: ALPHA must be in (0, 1), e.g. 0.05; 0 turns it off")
	}
	if v.color != "type" && v.color != "community" {
		return usageErrorf("--color: want type or community, not %q", v.color)
	}
	if err := checkLayout(v.layout); err != nil {
		return err
	}
	if v.render != "" {
		if v.format != "dot" {
			return usageErrorf("--render draws the graph; it cannot be combined with --format %s", v.format)
		}
		if _, err := imageFormat(v.render, ""); err != nil {
			return usageErrorf("--render: want svg or png, not %q", v.render)
		}
	}
	if v.format == "csv" && (output == "" || output == "-") {
		return usageErrorf("--format csv writes two files: give -o DIR")
	}
	return nil
}

// apply weighs, prunes and analyses g as the flags say. check must have
// succeeded.
func (v *viewFlags) apply(g *graph.Graph) (*graph.Graph, error) {
	g = graph.Weigh(g, v.measure)
	g, err := graph.Prune(g, graph.PruneOptions{
		Focus: v.focus, Depth: v.depth, MinWeight: v.minWeight, Backbone: v.backbone,
		TopNodes: v.topNodes, Rank: v.rankBy, TopEdges: v.topEdges, Giant: v.giant,
	})
	if err != nil {
		return nil, usageErrorf("--focus: %v", err)
	}
	g = graph.Analyse(g, graph.AnalyseOptions{})
	g.ColorCommunities = v.color == "community"
	return g, nil
}

// write writes g (as apply returned it) in the chosen format, or draws
// it with --render, to output (a file, or stdout when empty; a directory
// for csv), atomically.
func (v *viewFlags) write(ctx context.Context, g *graph.Graph, output string, stdout io.Writer) error {
	if v.render != "" {
		format, _ := imageFormat(v.render, "")
		var dot bytes.Buffer
		if err := graph.WriteDOT(&dot, g); err != nil {
			return err
		}
		return writeOutput(output, stdout, func(w io.Writer) error {
			return renderDOT(ctx, dot.Bytes(), format, v.layout, w)
		})
	}
	switch v.format {
	case "csv":
		if err := os.MkdirAll(output, 0o755); err != nil {
			return err
		}
		if err := writeOutput(filepath.Join(output, "nodes.csv"), stdout, func(w io.Writer) error {
			return graph.WriteCSV(w, io.Discard, g)
		}); err != nil {
			return err
		}
		return writeOutput(filepath.Join(output, "edges.csv"), stdout, func(w io.Writer) error {
			return graph.WriteCSV(io.Discard, w, g)
		})
	case "gexf":
		return writeOutput(output, stdout, func(w io.Writer) error { return graph.WriteGEXF(w, g) })
	case "graphml":
		return writeOutput(output, stdout, func(w io.Writer) error { return graph.WriteGraphML(w, g) })
	case "json":
		return writeOutput(output, stdout, func(w io.Writer) error { return graph.WriteJSON(w, g) })
	}
	return writeOutput(output, stdout, func(w io.Writer) error { return graph.WriteDOT(w, g) })
}
