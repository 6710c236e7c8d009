package render

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-graphviz"

	"github.com/entigraph/entigraph/internal/gvcache" // imported before go-graphviz compiles: a cache this user can write
	"github.com/entigraph/entigraph/internal/raster"
)

// Format is an image format.
type Format string

// The image formats.
const (
	SVG Format = "svg"
	PNG Format = "png"
)

// ParseFormat parses "svg" or "png", in any case.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case SVG, PNG:
		return f, nil
	}
	return "", fmt.Errorf("unknown image format %q (want svg or png)", s)
}

// Layouts are the Graphviz layouts Options.Layout may name.
var Layouts = []string{"dot", "neato", "fdp", "sfdp", "circo"}

// CheckLayout reports an error for a layout not in Layouts; "" is fine
// (the default).
func CheckLayout(layout string) error {
	if layout != "" && !slices.Contains(Layouts, layout) {
		return fmt.Errorf("unknown layout %q (want %s)", layout, strings.Join(Layouts, ", "))
	}
	return nil
}

// Options choose how a graph is drawn. The zero value draws SVG with the
// graph's own layout, else one chosen by size.
type Options struct {
	Format Format // SVG (the default) or PNG
	Layout string // one of Layouts; "" for the graph's layout attribute, else by size
}

// ErrInterrupted is returned when the context ends a drawing.
var ErrInterrupted = errors.New("interrupted")

// DOT lays out and draws the DOT source src and writes the image to w.
// Graphviz runs compiled to WebAssembly, so no system Graphviz is needed.
// A layout in progress cannot be stopped inside the WebAssembly runtime,
// so when ctx ends DOT returns ErrInterrupted at once, writing nothing,
// and abandons the drawing, which finishes on its own goroutine and is
// discarded.
func DOT(ctx context.Context, src []byte, o Options, w io.Writer) error {
	format := graphviz.SVG
	if o.Format == PNG {
		format = graphviz.PNG
	} else if o.Format != "" && o.Format != SVG {
		return fmt.Errorf("unknown image format %q", o.Format)
	}
	if err := CheckLayout(o.Layout); err != nil {
		return err
	}
	type result struct {
		img []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		var buf bytes.Buffer
		err := draw(context.WithoutCancel(ctx), src, format, o.Layout, &buf)
		done <- result{buf.Bytes(), err}
	}()
	select {
	case <-ctx.Done():
		return ErrInterrupted
	case r := <-done:
		if r.err != nil {
			return r.err
		}
		_, err := w.Write(r.img)
		return err
	}
}

// defaultLayout chooses a layout by graph size: neato draws small graphs
// best, fdp and then sfdp (multiscale) stay fast on larger ones.
func defaultLayout(nodes int) string {
	switch {
	case nodes <= 100:
		return "neato"
	case nodes <= 500:
		return "fdp"
	}
	return "sfdp"
}

// draw lays out and draws the DOT source src with the in-process
// (WebAssembly) Graphviz.
func draw(ctx context.Context, src []byte, format graphviz.Format, layout string, w io.Writer) error {
	gv, err := graphviz.New(ctx)
	if err != nil {
		return fmt.Errorf("graphviz: %w", err)
	}
	defer gv.Close()
	g, err := graphviz.ParseBytes(src)
	if err != nil {
		return fmt.Errorf("parsing DOT: %w", err)
	}
	defer g.Close()
	if layout == "" {
		layout = g.GetStr("layout")
	}
	if layout == "" {
		n := 0
		for nd, err := g.FirstNode(); err == nil && nd != nil; nd, err = g.NextNode(nd) {
			n++
		}
		layout = defaultLayout(n)
	}
	gv.SetLayout(graphviz.Layout(layout))
	if format == graphviz.PNG {
		// go-graphviz's own PNG renderer draws no lines: lay out to xdot
		// and rasterize its drawing operations in Go instead.
		var xdot bytes.Buffer
		if err := gv.Render(ctx, g, "xdot", &xdot); err != nil {
			return fmt.Errorf("graphviz %s layout: %w", layout, err)
		}
		return rasterizeXdot(xdot.Bytes(), w)
	}
	var buf bytes.Buffer
	if err := gv.Render(ctx, g, format, &buf); err != nil {
		return fmt.Errorf("graphviz %s layout: %w", layout, err)
	}
	if buf.Len() == 0 {
		return fmt.Errorf("graphviz %s layout drew nothing", layout)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// pngDPI is the resolution of PNG images: twice Graphviz's 96 dpi, for
// sharpness on high-density screens and when zoomed.
const pngDPI = 192

// defaultPad is Graphviz's default margin around a drawing, in points.
const defaultPad = 4

// rasterizeXdot draws a graph laid out by Graphviz as xdot (DOT whose
// _draw_ and related attributes hold drawing operations) and writes it to
// w as PNG. Objects are drawn in Graphviz's order: the graph's
// background, clusters, then nodes and edges as the graph's outputorder
// says, then the graph's label.
func rasterizeXdot(xdot []byte, w io.Writer) error {
	g, err := graphviz.ParseBytes(xdot)
	if err != nil {
		return fmt.Errorf("reading Graphviz xdot: %w", err)
	}
	defer g.Close()
	box, err := raster.ParseBox(g.GetStr("bb"))
	if err != nil {
		return fmt.Errorf("graphviz xdot: %w", err)
	}
	dpi := attrFloat(g.GetStr("dpi"), attrFloat(g.GetStr("resolution"), pngDPI))
	zoom := sizeZoom(g.GetStr("size"), box)
	pad := attrFloat(strings.Split(g.GetStr("pad"), ",")[0], defaultPad/72.0) * 72
	c, err := raster.NewCanvas(box, pad/zoom, dpi/72*zoom, color.White)
	if err != nil {
		return err
	}
	d := xdotDrawer{c: c}
	d.graph(g, "_draw_")
	d.clusters(g)
	d.nodesAndEdges(g, g.GetStr("outputorder"))
	d.graph(g, "_ldraw_")
	if d.err != nil {
		return d.err
	}
	return c.EncodePNG(w)
}

// attrFloat parses a positive number attribute, else returns def.
func attrFloat(s string, def float64) float64 {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || !(v > 0) || math.IsInf(v, 0) {
		return def
	}
	return v
}

// sizeZoom is the scaling that Graphviz's size attribute ("w,h" in
// inches, "!" to scale up as well as down) asks of a drawing of box.
func sizeZoom(size string, box raster.Box) float64 {
	size = strings.TrimSpace(size)
	size, fill := strings.CutSuffix(size, "!")
	ws, hs, ok := strings.Cut(size, ",")
	if !ok {
		hs = ws
	}
	sw, sh := attrFloat(ws, 0)*72, attrFloat(hs, 0)*72
	bw, bh := box.Max.X-box.Min.X, box.Max.Y-box.Min.Y
	if sw == 0 || sh == 0 || bw <= 0 || bh <= 0 {
		return 1
	}
	z := math.Min(sw/bw, sh/bh)
	if z < 1 || fill {
		return z
	}
	return 1
}

// xdotDrawer draws the xdot attributes of a graph's objects, keeping the
// first error.
type xdotDrawer struct {
	c   *raster.Canvas
	err error
}

type attrGetter interface{ GetStr(string) string }

func (d *xdotDrawer) draw(what string, obj attrGetter, attrs ...string) {
	for _, a := range attrs {
		if d.err != nil {
			return
		}
		s := obj.GetStr(a)
		if s == "" {
			continue
		}
		ops, err := raster.Parse(s)
		if err == nil {
			err = d.c.Draw(ops)
		}
		if err != nil {
			d.err = fmt.Errorf("graphviz xdot %s of %s: %w", a, what, err)
		}
	}
}

func (d *xdotDrawer) graph(g *graphviz.Graph, attr string) {
	name, _ := g.Name()
	d.draw("graph "+name, g, attr)
}

// clusters draws the subgraphs of g, outer before inner.
func (d *xdotDrawer) clusters(g *graphviz.Graph) {
	sg, err := g.FirstSubGraph()
	for ; err == nil && sg != nil && d.err == nil; sg, err = sg.NextSubGraph() {
		name, _ := sg.Name()
		d.draw("subgraph "+name, sg, "_draw_", "_ldraw_")
		d.clusters(sg)
	}
	if err != nil && d.err == nil {
		d.err = fmt.Errorf("graphviz xdot: %w", err)
	}
}

// nodesAndEdges draws g's nodes and edges: all edges first or all nodes
// first as outputorder says, else (Graphviz's default) each node followed
// by its out-edges, each edge's head drawn before it.
func (d *xdotDrawer) nodesAndEdges(g *graphviz.Graph, order string) {
	var nodes []*graphviz.Node
	for n, err := g.FirstNode(); err == nil && n != nil; n, err = g.NextNode(n) {
		nodes = append(nodes, n)
	}
	drawn := make(map[string]bool, len(nodes))
	node := func(n *graphviz.Node) {
		name, err := n.Name()
		if err != nil {
			d.err = cmp.Or(d.err, err)
			return
		}
		if !drawn[name] {
			drawn[name] = true
			d.draw("node "+strconv.Quote(name), n, "_draw_", "_ldraw_")
		}
	}
	edges := func(n *graphviz.Node, heads bool) {
		for e, err := g.FirstOut(n); err == nil && e != nil && d.err == nil; e, err = g.NextOut(e) {
			if heads {
				if h, err := e.Head(); err == nil && h != nil {
					node(h)
				}
			}
			name, _ := n.Name()
			d.draw("an edge from "+strconv.Quote(name), e, "_draw_", "_hdraw_", "_tdraw_", "_ldraw_", "_hldraw_", "_tldraw_")
		}
	}
	switch order {
	case "edgesfirst":
		for _, n := range nodes {
			edges(n, false)
		}
		for _, n := range nodes {
			node(n)
		}
	case "nodesfirst":
		for _, n := range nodes {
			node(n)
		}
		for _, n := range nodes {
			edges(n, false)
		}
	default:
		for _, n := range nodes {
			node(n)
			edges(n, true)
		}
	}
}

func init() {
	// go-graphviz has compiled by now (its package initialises before
	// this one): the process gets its own TMPDIR back.
	gvcache.Restore()
}
