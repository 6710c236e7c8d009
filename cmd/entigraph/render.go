package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/entigraph/entigraph/render"
)

const renderUsage = `Usage: entigraph render [flags] -o FILE.svg|FILE.png GRAPH.dot

Draws a DOT graph (from entigraph build, or any Graphviz file) as SVG or
PNG, in-process: Graphviz runs compiled to WebAssembly, so it need not be
installed. The image format follows the extension of -o (or --format).
GRAPH.dot may be - for stdin; without -o the image goes to stdout and
--format is required.

The layout is --layout, else the graph's own layout attribute, else chosen
by size: neato up to 100 nodes, fdp up to 500, sfdp beyond.

PNG images are drawn at 192 dpi (twice Graphviz's default; the graph's dpi
attribute overrides it) on white, with the Go fonts, scaled down to at most
16384 pixels a side; the graph's size attribute is honoured.

Example:
  entigraph build testdata/articles -o sample.dot
  entigraph render -o sample.svg sample.dot
  entigraph render --layout circo -o circle.svg sample.dot

Flags:
`

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
	fs.StringVar(&f.layout, "layout", "", "Graphviz layout: "+strings.Join(render.Layouts, ", ")+" (default: the graph's, else by size)")
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
	if err := render.CheckLayout(f.layout); err != nil {
		return usageErrorf("--layout: %v", err)
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
		return render.DOT(ctx, src, render.Options{Format: format, Layout: f.layout}, w)
	})
}

// imageFormat returns the image format named by format, else by the
// extension of output.
func imageFormat(format, output string) (render.Format, error) {
	if format == "" {
		if output == "" || output == "-" {
			return "", usageErrorf("render: give -o FILE.svg or FILE.png, or --format svg|png")
		}
		format = strings.TrimPrefix(filepath.Ext(output), ".")
	}
	f, err := render.ParseFormat(format)
	if err != nil {
		return "", usageErrorf("render: %v", err)
	}
	return f, nil
}
