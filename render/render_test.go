package render

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/goccy/go-graphviz"
	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/internal/raster"
)

func TestDefaultLayout(t *testing.T) {
	for _, tt := range []struct {
		nodes int
		want  string
	}{{5, "neato"}, {100, "neato"}, {101, "fdp"}, {500, "fdp"}, {501, "sfdp"}} {
		if got := defaultLayout(tt.nodes); got != tt.want {
			t.Errorf("defaultLayout(%d) = %s, want %s", tt.nodes, got, tt.want)
		}
	}
}

// TestRenderPNGDrawsLines renders two nodes pinned 3 inches apart, joined
// by an edge, and checks the PNG: the edge and the node outlines are drawn
// (go-graphviz's own PNG renderer leaves them out), and the image has the
// proportions of the SVG drawing at twice Graphviz's 96 dpi.
func TestRenderPNGDrawsLines(t *testing.T) {
	src := []byte(`graph g { layout=neato; node [shape=ellipse, width=0.75, height=0.5, fixedsize=true];
		a [pos="0,0!"]; b [pos="3,0!"]; a -- b [penwidth=2]; }`)
	var pngOut, svgOut bytes.Buffer
	if err := draw(context.Background(), src, graphviz.PNG, "", &pngOut); err != nil {
		t.Fatal(err)
	}
	if err := draw(context.Background(), src, graphviz.SVG, "", &svgOut); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&pngOut)
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	m := regexp.MustCompile(`<svg width="([0-9.]+)pt" height="([0-9.]+)pt"`).FindStringSubmatch(svgOut.String())
	if m == nil {
		t.Fatalf("no size in SVG:\n%.300s", svgOut.String())
	}
	svgW, _ := strconv.ParseFloat(m[1], 64)
	svgH, _ := strconv.ParseFloat(m[2], 64)
	b := img.Bounds()
	if want := svgW * pngDPI / 72; math.Abs(float64(b.Dx())-want) > 3 {
		t.Errorf("PNG is %d pixels wide, want %.0f (SVG %gpt at %d dpi)", b.Dx(), want, svgW, pngDPI)
	}
	if got, want := float64(b.Dx())/float64(b.Dy()), svgW/svgH; math.Abs(got-want) > 0.05*want {
		t.Errorf("PNG width/height %.3f, want %.3f like the SVG", got, want)
	}
	// The drawing is 3.75 inches wide (216 + 54 points) plus 4-point
	// margins; the nodes' centres are at 31 and 247 points, on the middle
	// row. The edge runs between the nodes' outlines, at 58 and 220.
	scale := float64(b.Dx()) / (270 + 8)
	dark := func(x, y float64) bool {
		r, g, bl, _ := img.At(int(x*scale), int(y*scale)).RGBA()
		return (r+g+bl)/3 < 0x6000
	}
	mid := float64(b.Dy()) / scale / 2
	for x := 65.0; x <= 213; x += 4 {
		if !dark(x, mid) {
			t.Errorf("edge pixel at %gpt,%gpt is not dark", x, mid)
		}
	}
	for _, x := range []float64{4.3, 57.7, 220.3, 273.7} {
		if !dark(x, mid) {
			t.Errorf("node outline pixel at %gpt,%gpt is not dark", x, mid)
		}
	}
	for _, p := range []image.Point{{140, 5}, {140, 40}, {31, 10}} {
		if dark(float64(p.X), float64(p.Y)) {
			t.Errorf("pixel at %vpt is dark, want white", p)
		}
	}
}

func TestRasterizeXdotErrors(t *testing.T) {
	tests := []struct{ name, xdot, want string }{
		{"no bounding box", `graph g { a }`, "bad bounding box"},
		{"bad draw", `graph g { bb="0,0,10,10"; a [_draw_="e 1 2"] }`, `xdot _draw_ of node "a"`},
		{"bad edge colour", `graph g { bb="0,0,10,10"; a -- b [_draw_="c 3 -foo L 2 0 0 1 1"] }`, `_draw_ of an edge from "a": raster: c: unknown colour`},
		{"bad cluster label", `graph g { bb="0,0,10,10"; subgraph cluster_x { _ldraw_="T 1"; a } }`, "_ldraw_ of subgraph cluster_x"},
		{"bad graph background", `graph g { bb="0,0,10,10"; _draw_="P 2 0 0" }`, "_draw_ of graph g"},
		{"not DOT", `graph {`, "reading Graphviz xdot"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := rasterizeXdot([]byte(tt.xdot), &buf)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("rasterizeXdot = %v, want error %q", err, tt.want)
			}
		})
	}
}

func TestSizeZoom(t *testing.T) {
	box := raster.Box{Max: raster.Point{X: 720, Y: 360}} // 10 by 5 inches
	tests := []struct {
		name, size string
		want       float64
	}{
		{"unset", "", 1},
		{"larger", "20,20", 1},
		{"narrower", "5,10", 0.5},
		{"lower", "10,2.5", 0.5},
		{"one number", "2.5", 0.25},
		{"fill", "20,20!", 2},
		{"garbage", "big", 1},
		{"negative", "-1,-1", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, sizeZoom(tt.size, box)); diff != "" {
				t.Errorf("sizeZoom(%q) (-want +got):\n%s", tt.size, diff)
			}
		})
	}
}

// TestRenderPNGAttributes checks that the graph's dpi and size attributes
// set the size of the PNG.
func TestRenderPNGAttributes(t *testing.T) {
	base := `layout=neato; node [shape=box, width=1, height=1, fixedsize=true, pos="0,0!", label=""]; a;`
	tests := []struct {
		name  string
		attrs string
		want  int // width and height in pixels
	}{
		{"default 192 dpi", "", (72 + 8) * 192 / 72},
		{"dpi", "dpi=72;", 72 + 8},
		{"size", `size="0.5,0.5";`, (36 + 8) * 192 / 72},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := draw(context.Background(), []byte("graph g { "+tt.attrs+base+" }"), graphviz.PNG, "", &buf); err != nil {
				t.Fatal(err)
			}
			cfg, err := png.DecodeConfig(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(image.Pt(tt.want, tt.want), image.Pt(cfg.Width, cfg.Height), cmp.Comparer(func(a, b image.Point) bool {
				return abs(a.X-b.X) <= 2 && abs(a.Y-b.Y) <= 2
			})); diff != "" {
				t.Errorf("PNG size (-want +got):\n%s", diff)
			}
		})
	}
}

func abs(x int) int { return max(x, -x) }
