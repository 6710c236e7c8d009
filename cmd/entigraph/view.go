package main

import (
	"context"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/graph/htmlview"
	"github.com/entigraph/entigraph/render"
)

var viewFormats = []string{"dot", "gexf", "graphml", "json", "csv", "html"}

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
	edges     string
	minScore  float64
	slice     string

	// view is the library's view, set by check.
	view entigraph.View
	// docs describes the documents for --format html's links, by id.
	docs map[string]htmlview.Doc
}

// register adds the view flags to fs.
func (v *viewFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&v.format, "format", "dot", "output format: "+strings.Join(viewFormats, ", ")+" (csv writes DIR/nodes.csv and DIR/edges.csv for -o DIR)")
	fs.StringVar(&v.weight, "weight", "count", "edge weight: count (shared units), docs (shared documents), pmi, npmi, dice or jaccard; drives pruning, layout and pen width")
	fs.Float64Var(&v.minWeight, "min-weight", 0, "drop edges whose --weight is below this")
	fs.IntVar(&v.topEdges, "top-edges", entigraph.DefaultTopEdges, "keep each entity's K strongest edges (0: all)")
	fs.IntVar(&v.topNodes, "top-nodes", entigraph.DefaultTopNodes, "keep the N highest-ranked entities (0: all)")
	fs.StringVar(&v.rank, "rank", "degree", "rank entities for --top-nodes by weighted degree or pagerank")
	fs.BoolVar(&v.giant, "giant", false, "keep only the largest connected component")
	fs.StringVar(&v.focus, "focus", "", "keep only the entities around NAME (a name, label or alias)")
	fs.IntVar(&v.depth, "depth", 1, "with --focus: how many edges away from NAME to keep")
	fs.Float64Var(&v.backbone, "backbone", 0, "keep only edges significant at level ALPHA (e.g. 0.05) by the disparity filter (0: off)")
	fs.StringVar(&v.edges, "edges", "both", "links to show: cooccurrence, relations (and the entities they link) or both")
	fs.Float64Var(&v.minScore, "min-score", entigraph.DefaultMinScore, "drop relations whose mean score is below this (0 to 1; 0 keeps all)")
	fs.StringVar(&v.slice, "slice", "", "make a dynamic graph sliced by day, week, month or year (GEXF spells, JSON periods; with -o NAME-{period}.EXT, one file per period)")
	fs.StringVar(&v.color, "color", "type", "fill nodes by entity type or by community (shapes always show the type)")
	fs.StringVar(&v.render, "render", "", "draw the graph as svg or png (in-process Graphviz) instead of writing --format")
	fs.StringVar(&v.layout, "layout", "", "layout for --render: "+strings.Join(render.Layouts, ", ")+" (default by graph size)")
}

// check validates the flags; output is the -o value.
func (v *viewFlags) check(output string) error {
	var err error
	if !slices.Contains(viewFormats, v.format) {
		return usageErrorf("--format: unknown format %q (want %s)", v.format, strings.Join(viewFormats, ", "))
	}
	if v.view.Measure, err = graph.ParseMeasure(v.weight); err != nil {
		return usageErrorf("--weight: %v", err)
	}
	if v.view.Rank, err = graph.ParseRank(v.rank); err != nil {
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
	if v.view.Edges, err = entigraph.ParseEdgeSet(v.edges); err != nil {
		return usageErrorf("--edges: %v", err)
	}
	if v.minScore < 0 || v.minScore > 1 {
		return usageErrorf("--min-score must be between 0 and 1")
	}
	v.view.MinScore = v.minScore
	if v.minScore == 0 {
		v.view.MinScore = -1 // the flag's 0 keeps all; the library's 0 is its default
	}
	if v.view.Slice, err = graph.ParsePeriod(v.slice); err != nil {
		return usageErrorf("--slice: %v", err)
	}
	if strings.Contains(output, periodPlaceholder) && v.view.Slice == graph.NoPeriod {
		return usageErrorf("-o %s: %s needs --slice", output, periodPlaceholder)
	}
	if strings.Contains(output, periodPlaceholder) && v.format != "dot" {
		return usageErrorf("-o %s: one file per period is for --format dot and --render; --format %s holds every period in one file", output, v.format)
	}
	if v.color != "type" && v.color != "community" {
		return usageErrorf("--color: want type or community, not %q", v.color)
	}
	if err := render.CheckLayout(v.layout); err != nil {
		return usageErrorf("--layout: %v", err)
	}
	if v.render != "" {
		if v.format != "dot" {
			return usageErrorf("--render draws the graph; it cannot be combined with --format %s", v.format)
		}
		if _, err := render.ParseFormat(v.render); err != nil {
			return usageErrorf("--render: want svg or png, not %q", v.render)
		}
	}
	if v.format == "csv" && (output == "" || output == "-") {
		return usageErrorf("--format csv writes two files: give -o DIR")
	}
	// The flags' 0 means "all"; the library's 0 means its default.
	v.view.TopNodes, v.view.TopEdges = allIfZero(v.topNodes), allIfZero(v.topEdges)
	v.view.MinWeight, v.view.Giant, v.view.Backbone = v.minWeight, v.giant, v.backbone
	v.view.Focus, v.view.Depth = v.focus, v.depth
	v.view.ColorCommunities = v.color == "community"
	return nil
}

func allIfZero(n int) int {
	if n == 0 {
		return -1
	}
	return n
}

// periodPlaceholder in -o names one output file per period.
const periodPlaceholder = "{period}"

// write writes g (as the view made it) in the chosen format, or draws
// it with --render, to output (a file, or stdout when empty; a directory
// for csv), atomically. An output named with {period} gets one file per
// period of the slice, each the graph of that period alone.
func (v *viewFlags) write(ctx context.Context, g *graph.Graph, output string, stdout io.Writer) error {
	if !strings.Contains(output, periodPlaceholder) {
		return v.writeOne(ctx, g, output, stdout)
	}
	for _, key := range g.Periods(g.Slice) {
		if err := v.writeOne(ctx, g.InPeriod(g.Slice, key), strings.ReplaceAll(output, periodPlaceholder, key), stdout); err != nil {
			return err
		}
	}
	return nil
}

func (v *viewFlags) writeOne(ctx context.Context, g *graph.Graph, output string, stdout io.Writer) error {
	if v.render != "" {
		format, _ := render.ParseFormat(v.render)
		return writeOutput(output, stdout, func(w io.Writer) error {
			return entigraph.Render(ctx, g, render.Options{Format: format, Layout: v.layout}, w)
		})
	}
	switch v.format {
	case "csv":
		return writeCSVPair(output, func(nodes, edges io.Writer) error { return graph.WriteCSV(nodes, edges, g) })
	case "html":
		return writeOutput(output, stdout, func(w io.Writer) error {
			return htmlview.Write(w, g, htmlview.Options{Title: htmlTitle(output), Docs: v.docs})
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

// collectDocs returns a hook that keeps, for --format html, each
// document's URL, title and date, so the page can cite and link them.
func (v *viewFlags) collectDocs() func(entigraph.Result) {
	if v.format != "html" {
		return nil
	}
	v.docs = map[string]htmlview.Doc{}
	return func(r entigraph.Result) {
		d := htmlview.Doc{URL: r.Input.URL, Title: r.Input.Title}
		if !r.Input.Date.IsZero() {
			d.Date = r.Input.Date.Format("2006-01-02")
		}
		if d != (htmlview.Doc{}) {
			v.docs[r.Input.ID] = d
		}
	}
}

// htmlTitle names the page after its file.
func htmlTitle(output string) string {
	if output == "" || output == "-" {
		return ""
	}
	return "entigraph: " + strings.TrimSuffix(filepath.Base(output), filepath.Ext(output))
}
