package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/goccy/go-graphviz"
)

const renderUsage = `Usage: entigraph render [flags] -o FILE.svg|FILE.png GRAPH.dot

Draws a DOT graph (from entigraph build, or any Graphviz file) as SVG or
PNG, in-process: Graphviz runs compiled to WebAssembly, so it need not be
installed. The image format follows the extension of -o (or --format).
GRAPH.dot may be - for stdin; without -o the image goes to stdout and
--format is required.

The layout is --layout, else the graph's own layout attribute, else chosen
by size: neato up to 100 nodes, fdp up to 500, sfdp beyond.

Prefer SVG: the PNG renderer (go-graphviz v0.2.10) draws filled shapes and
labels but not lines, so edges and outlines are missing from PNG images.

Example:
  entigraph build testdata/articles -o sample.dot
  entigraph render -o sample.svg sample.dot
  entigraph render --layout circo -o circle.svg sample.dot

Flags:
`

var renderLayouts = []string{"dot", "neato", "fdp", "sfdp", "circo"}

// renderFlags are render's flags; build --render shares layout.
type renderFlags struct {
	output string
	format string
	layout string
}

func runRender(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var f renderFlags
	fs := newFlagSet("render", renderUsage, stderr)
	fs.StringVarP(&f.output, "output", "o", "", "write the image to this file (atomically); its extension sets the format")
	fs.StringVar(&f.format, "format", "", "image format: svg or png (default: from the -o extension)")
	fs.StringVar(&f.layout, "layout", "", "Graphviz layout: "+strings.Join(renderLayouts, ", ")+" (default: the graph's, else by size)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageErrorf("render: want one GRAPH.dot (or - for stdin), got %d arguments", fs.NArg())
	}
	format, err := imageFormat(f.format, f.output)
	if err != nil {
		return err
	}
	if err := checkLayout(f.layout); err != nil {
		return err
	}
	var src []byte
	if path := fs.Arg(0); path == "-" {
		src, err = io.ReadAll(stdin)
	} else {
		src, err = os.ReadFile(path)
	}
	if err != nil {
		return err
	}
	return writeOutput(f.output, stdout, func(w io.Writer) error {
		return renderDOT(ctx, src, format, f.layout, w)
	})
}

// imageFormat returns the image format named by format, else by the
// extension of output.
func imageFormat(format, output string) (graphviz.Format, error) {
	if format == "" {
		if output == "" || output == "-" {
			return "", usageErrorf("render: give -o FILE.svg or FILE.png, or --format svg|png")
		}
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(output)), ".")
	}
	switch strings.ToLower(format) {
	case "svg":
		return graphviz.SVG, nil
	case "png":
		return graphviz.PNG, nil
	}
	return "", usageErrorf("render: unknown image format %q (want svg or png)", format)
}

func checkLayout(layout string) error {
	if layout != "" && !slices.Contains(renderLayouts, layout) {
		return usageErrorf("--layout: unknown layout %q (want %s)", layout, strings.Join(renderLayouts, ", "))
	}
	return nil
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

// renderDOT lays out and draws the DOT source src with the in-process
// (WebAssembly) Graphviz.
func renderDOT(ctx context.Context, src []byte, format graphviz.Format, layout string, w io.Writer) error {
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
	var buf bytes.Buffer
	if err := gv.SetLayout(graphviz.Layout(layout)).Render(ctx, g, format, &buf); err != nil {
		return fmt.Errorf("graphviz %s layout: %w", layout, err)
	}
	if buf.Len() == 0 {
		return fmt.Errorf("graphviz %s layout drew nothing", layout)
	}
	_, err = w.Write(buf.Bytes())
	return err
}
