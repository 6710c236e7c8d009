package raster

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// pixelAt returns the colour at a point in Graphviz coordinates of a
// canvas made by testCanvas.
func pixelAt(img image.Image, p Point) color.NRGBA {
	x, y := int(p.X*testScale), int((testBox.Max.Y-p.Y)*testScale)
	return color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
}

var testBox = Box{Point{0, 0}, Point{40, 30}}

const testScale = 2

func near(a, b color.NRGBA, tol int) bool {
	d := func(x, y uint8) bool { return int(x)-int(y) <= tol && int(y)-int(x) <= tol }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B) && d(a.A, b.A)
}

func TestDraw(t *testing.T) {
	white := color.NRGBA{255, 255, 255, 255}
	black := color.NRGBA{0, 0, 0, 255}
	red := color.NRGBA{255, 0, 0, 255}
	type probe struct {
		at   Point
		want color.NRGBA
	}
	tests := []struct {
		name   string
		xdot   string
		probes []probe
	}{
		{"nothing", "", []probe{{Point{20, 15}, white}}},
		{"polyline", "S 15 -setlinewidth(2) L 2 0 10 40 10", []probe{
			{Point{20, 10}, black}, {Point{5, 10}, black}, {Point{20, 20}, white}, {Point{20, 12}, white},
		}},
		{"y axis flipped: high y is the top of the image", "c 7 -#ff0000 C 7 -#ff0000 P 4 0 20 40 20 40 30 0 30", []probe{
			{Point{20, 25}, red}, {Point{20, 5}, white},
		}},
		{"fill with alpha blends", "c 9 -#ffffff00 C 9 -#ff000080 P 4 0 0 40 0 40 30 0 30", []probe{
			{Point{20, 15}, color.NRGBA{255, 127, 127, 255}},
		}},
		{"unfilled polygon is outlined", "S 15 -setlinewidth(2) p 4 5 5 35 5 35 25 5 25", []probe{
			{Point{20, 15}, white}, {Point{5, 15}, black}, {Point{20, 25}, black},
		}},
		{"filled polygon is filled and outlined", "S 15 -setlinewidth(2) c 7 -#000000 C 7 -#ff0000 P 4 5 5 35 5 35 25 5 25", []probe{
			{Point{20, 15}, red}, {Point{5, 15}, black},
		}},
		{"unfilled ellipse", "S 15 -setlinewidth(2) e 20 15 10 5", []probe{
			{Point{20, 15}, white}, {Point{10, 15}, black}, {Point{20, 20}, black}, {Point{20, 10}, black},
		}},
		{"filled ellipse with invisible pen", "c 9 -#fffffe00 C 7 -#ff0000 E 20 15 10 5", []probe{
			{Point{20, 15}, red}, {Point{20, 25}, white},
		}},
		{"bezier", "S 15 -setlinewidth(2) B 4 0 10 10 10 30 10 40 10", []probe{
			{Point{20, 10}, black}, {Point{20, 14}, white},
		}},
		{"filled bezier", "C 7 -#ff0000 c 7 -#ff0000 b 4 5 5 5 25 35 25 35 5", []probe{
			{Point{20, 15}, red},
		}},
		{"zero pen width draws no line", "S 15 -setlinewidth(0) L 2 0 10 40 10", []probe{
			{Point{20, 10}, white},
		}},
		{"bold", "S 4 -bold L 2 0 10 40 10", []probe{{Point{20, 10.6}, black}}},
		{"invisible", "S 5 -invis L 2 0 10 40 10", []probe{{Point{20, 10}, white}}},
		{"linear gradient", "S 15 -setlinewidth(0) C 38 -[0 0 40 0 2 0 7 -#ff0000 1 7 -#0000ff] P 4 0 0 40 0 40 30 0 30", []probe{
			{Point{1, 15}, color.NRGBA{249, 0, 6, 255}}, {Point{39, 15}, color.NRGBA{6, 0, 249, 255}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := drawXdot(t, tt.xdot)
			if got, want := img.Bounds(), image.Rect(0, 0, 80, 60); got != want {
				t.Fatalf("bounds %v, want %v", got, want)
			}
			for _, p := range tt.probes {
				if got := pixelAt(img, p.at); !near(got, p.want, 8) {
					t.Errorf("pixel at %v is %v, want %v", p.at, got, p.want)
				}
			}
		})
	}
}

func TestDrawText(t *testing.T) {
	tests := []struct {
		name string
		xdot string
		// the drawn text's extent in x, in points
		wantMin, wantMax float64
	}{
		{"centred", "F 14 9 -Helvetica T 20 10 0 20 4 -Abcd", 10, 30},
		{"left", "F 14 9 -Helvetica T 5 10 -1 20 4 -Abcd", 5, 25},
		{"right", "F 14 9 -Helvetica T 35 10 1 20 4 -Abcd", 15, 35},
		{"shrunk to Graphviz's width", "F 14 9 -Helvetica T 20 10 0 10 8 -Abcdefgh", 15, 25},
		{"bold italic underlined", "F 14 9 -Helvetica t 7 T 20 10 0 20 4 -Abcd", 10, 30},
		{"mono", "F 14 7 -Courier T 20 10 0 20 4 -Abcd", 10, 30},
		{"letters the fonts lack", "F 14 9 -Helvetica T 20 10 0 20 5 -Thị", 10, 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := drawXdot(t, tt.xdot)
			minX, maxX := 1e9, -1e9
			for y := 0; y < 60; y++ {
				for x := 0; x < 80; x++ {
					if r, _, _, _ := img.At(x, y).RGBA(); r < 0x8000 {
						minX, maxX = min(minX, float64(x)/testScale), max(maxX, float64(x)/testScale)
					}
				}
			}
			if minX > maxX {
				t.Fatal("no text drawn")
			}
			if minX < tt.wantMin-1 || maxX > tt.wantMax+1 || maxX-minX < (tt.wantMax-tt.wantMin)/2 {
				t.Errorf("text spans x %.1f to %.1f, want within %g to %g", minX, maxX, tt.wantMin, tt.wantMax)
			}
		})
	}
}

func TestCoverable(t *testing.T) {
	c, err := NewCanvas(testBox, 0, 1, color.White)
	if err != nil {
		t.Fatal(err)
	}
	face := c.face(0, 12)
	for _, tt := range []struct{ in, want string }{
		{"Addis Ababa", "Addis Ababa"},
		{"Thị Lan", "Thi Lan"},
		{"Zürich – Genève", "Zürich – Genève"},
		{"東京", "東京"},
	} {
		if got := coverable(face, tt.in); got != tt.want {
			t.Errorf("coverable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDrawErrors(t *testing.T) {
	tests := []struct{ name, xdot, want string }{
		{"bad pen colour", "c 3 -foo L 2 0 0 1 1", `raster: c: unknown colour "foo"`},
		{"bad fill colour", "C 5 -[0 0]", "raster: C: gradient"},
		{"bad line width", "S 15 -setlinewidth(x)", "bad line width"},
		{"unclosed style", "S 14 -setlinewidth(2", "bad style"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ops, err := Parse(tt.xdot)
			if err != nil {
				t.Fatal(err)
			}
			c, err := NewCanvas(testBox, 0, 1, color.White)
			if err != nil {
				t.Fatal(err)
			}
			if err := c.Draw(ops); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Draw(%q) = %v, want error %q", tt.xdot, err, tt.want)
			}
		})
	}
}

func TestNewCanvas(t *testing.T) {
	tests := []struct {
		name      string
		box       Box
		pad       float64
		scale     float64
		wantSize  image.Point
		wantScale float64
		wantErr   bool
	}{
		{name: "pad and scale", box: testBox, pad: 4, scale: 2, wantSize: image.Pt(96, 76), wantScale: 2},
		{name: "offset box", box: Box{Point{-10, -10}, Point{30, 20}}, scale: 1, wantSize: image.Pt(40, 30), wantScale: 1},
		{name: "too wide", box: Box{Point{0, 0}, Point{1e5, 10}}, scale: 1, wantSize: image.Pt(MaxSide, 2), wantScale: MaxSide / 1e5},
		{name: "too many pixels", box: Box{Point{0, 0}, Point{1e4, 1e4}}, scale: 2, wantSize: image.Pt(6477, 6477), wantScale: 0.64758},
		{name: "empty box with pad", box: Box{}, pad: 1, scale: 1, wantSize: image.Pt(2, 2), wantScale: 1},
		{name: "empty box", box: Box{}, scale: 1, wantErr: true},
		{name: "zero scale", box: testBox, scale: 0, wantErr: true},
		{name: "negative pad", box: testBox, pad: -1, scale: 1, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewCanvas(tt.box, tt.pad, tt.scale, color.White)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if got := c.Image().Bounds().Size(); got != tt.wantSize {
				t.Errorf("size %v, want %v", got, tt.wantSize)
			}
			if got := c.Scale(); got < tt.wantScale*0.999 || got > tt.wantScale*1.001 {
				t.Errorf("scale %g, want %g", got, tt.wantScale)
			}
			var buf bytes.Buffer
			if err := c.EncodePNG(&buf); err != nil {
				t.Fatal(err)
			}
			if _, err := png.Decode(&buf); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestFontStyle(t *testing.T) {
	tests := []struct {
		name  string
		font  string
		flags int
		want  int
	}{
		{"times", "Times-Roman", 0, 0},
		{"helvetica bold", "Helvetica Bold", 0, styleBold},
		{"bold flag", "Helvetica", flagBold, styleBold},
		{"oblique", "Helvetica-BoldOblique", 0, styleBold | styleItalic},
		{"italic flag, underline ignored", "Arial", flagItalic | flagUnderline, styleItalic},
		{"courier", "Courier", 0, styleMono},
		{"mono bold italic", "DejaVu Sans Mono", flagBold | flagItalic, styleMono | styleBold | styleItalic},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, fontStyle(tt.font, tt.flags)); diff != "" {
				t.Errorf("fontStyle(%q, %d) (-want +got):\n%s", tt.font, tt.flags, diff)
			}
		})
	}
}

// hugeDrawings have absurd coordinates and sizes, which Graphviz never
// writes: they must cost work in proportion to the canvas, not to
// themselves (curves are flattened into segments a pixel or so long).
var hugeDrawings = []struct{ name, xdot string }{
	{"dotted line", "S 6 -dotted L 2 -1e7 0 1e7 0"},
	{"filled ellipse", "E 0 0 1e7 1e7"},
	{"dotted ellipse", "S 6 -dotted e 0 0 1e7 1e7"},
	{"bezier", "B 4 -1e7 -1e7 1e7 1e7 -1e7 1e7 1e7 -1e7"},
	{"pen width", "S 21 -setlinewidth(9999999) L 2 0 0 40 30"},
	{"font size", "F 9999999 1 -a T 0 0 0 0 20 -aaaaaaaaaaaaaaaaaaaa"},
	{"polygon", "P 3 1e7 1e7 -1e7 1e7 0 -1e7"},
}

// TestDrawHuge checks that huge drawings finish without error (a drawing
// that cost work in proportion to its size would not finish within the
// test's time limit); BenchmarkDrawHuge times them.
func TestDrawHuge(t *testing.T) {
	for _, tt := range hugeDrawings {
		t.Run(tt.name, func(t *testing.T) {
			if err := drawOnce(tt.xdot); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func BenchmarkDrawHuge(b *testing.B) {
	for _, tt := range hugeDrawings {
		b.Run(tt.name, func(b *testing.B) {
			for b.Loop() {
				if err := drawOnce(tt.xdot); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func drawOnce(xdot string) error {
	ops, err := Parse(xdot)
	if err != nil {
		return err
	}
	c, err := NewCanvas(testBox, 2, 1, color.White)
	if err != nil {
		return err
	}
	return c.Draw(ops)
}

// drawXdot parses xdot operations and draws them on a white test canvas.
func drawXdot(t *testing.T, xdot string) image.Image {
	t.Helper()
	ops, err := Parse(xdot)
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCanvas(testBox, 0, testScale, color.White)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Draw(ops); err != nil {
		t.Fatal(err)
	}
	return c.Image()
}
