package raster

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/fogleman/gg"
	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/gomonobolditalic"
	"golang.org/x/image/font/gofont/gomonoitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/text/unicode/norm"
)

// Limits on the bitmap: NewCanvas lowers the scale to keep within them.
const (
	MaxSide   = 16384    // pixels along either side
	MaxPixels = 40 << 20 // pixels in all (4 bytes each while drawing)
)

// Box is a rectangle in Graphviz coordinates, such as a graph's bb.
type Box struct{ Min, Max Point }

// ParseBox reads a Graphviz bounding box "llx,lly,urx,ury".
func ParseBox(s string) (Box, error) {
	f := strings.Split(s, ",")
	if len(f) != 4 {
		return Box{}, fmt.Errorf("bad bounding box %.40q", s)
	}
	var v [4]float64
	for i, x := range f {
		var err error
		v[i], err = strconv.ParseFloat(strings.TrimSpace(x), 64)
		if err != nil || math.IsNaN(v[i]) || math.Abs(v[i]) > maxCoord {
			return Box{}, fmt.Errorf("bad bounding box %.40q", s)
		}
	}
	b := Box{Point{v[0], v[1]}, Point{v[2], v[3]}}
	if b.Max.X < b.Min.X || b.Max.Y < b.Min.Y {
		return Box{}, fmt.Errorf("bad bounding box %.40q", s)
	}
	return b, nil
}

// Canvas is a bitmap onto which xdot operations are drawn.
type Canvas struct {
	dc    *gg.Context
	box   Box
	pad   float64
	scale float64
	faces map[faceKey]font.Face
	limit float64 // bound on pixel coordinates: see pt
}

// NewCanvas returns a canvas showing box with a margin of pad points on
// every side, at scale pixels per point (96 dpi is 4/3), filled with bg.
// The scale is lowered if the bitmap would exceed MaxSide or MaxPixels.
func NewCanvas(box Box, pad, scale float64, bg color.Color) (*Canvas, error) {
	if !(scale > 0) || math.IsInf(scale, 0) || !(pad >= 0) || pad > maxCoord {
		return nil, fmt.Errorf("raster: bad scale %g or pad %g", scale, pad)
	}
	w, h := box.Max.X-box.Min.X+2*pad, box.Max.Y-box.Min.Y+2*pad
	if !(w > 0 && h > 0) {
		return nil, fmt.Errorf("raster: empty drawing %gx%g", w, h)
	}
	scale = math.Min(scale, MaxSide/math.Max(w, h))
	scale = math.Min(scale, math.Sqrt(MaxPixels/(w*h)))
	pw, ph := max(1, int(math.Ceil(w*scale))), max(1, int(math.Ceil(h*scale)))
	dc := gg.NewContext(pw, ph)
	dc.SetColor(bg)
	dc.Clear()
	limit := 2*float64(max(pw, ph)) + 1024
	return &Canvas{dc: dc, box: box, pad: pad, scale: scale, faces: map[faceKey]font.Face{}, limit: limit}, nil
}

// Scale returns the canvas's pixels per point.
func (c *Canvas) Scale() float64 { return c.scale }

// Image returns the drawing.
func (c *Canvas) Image() image.Image { return c.dc.Image() }

// EncodePNG writes the drawing as PNG.
func (c *Canvas) EncodePNG(w io.Writer) error {
	return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, c.dc.Image())
}

// pt maps a Graphviz point to pixels, flipping the y axis. Coordinates
// are clamped to a margin around the canvas the size of the canvas: all
// of a Graphviz drawing lies within its bounding box, and the bound keeps
// the work of flattening curves (proportional to their length) in
// proportion to the canvas on nonsense input.
func (c *Canvas) pt(p Point) (float64, float64) {
	x := (p.X - c.box.Min.X + c.pad) * c.scale
	y := (c.box.Max.Y - p.Y + c.pad) * c.scale
	return max(-c.limit, min(c.limit, x)), max(-c.limit, min(c.limit, y))
}

// px maps a length in points to pixels, clamped like pt's coordinates.
func (c *Canvas) px(v float64) float64 { return max(-c.limit, min(c.limit, v*c.scale)) }

// state is the graphics state that operations set; each Draw starts
// afresh, as each xdot attribute does.
type state struct {
	pen, fill Paint
	width     float64 // points
	dash      []float64
	invisible bool
	fontSize  float64
	fontName  string
	flags     int
}

func newState() state {
	black := Paint{Color: color.NRGBA{0, 0, 0, 255}}
	return state{pen: black, fill: black, width: 1, fontSize: 14, fontName: "Times-Roman"}
}

// Draw draws ops, in order, from a fresh graphics state (black pen and
// fill, 1-point solid lines, 14-point Times-Roman). Filled shapes (E, P,
// b) are filled with the fill colour and outlined with the pen, as
// Graphviz draws them. Images (I) are not drawn. It returns an error for
// a colour or style it cannot read, having drawn the ops before it.
func (c *Canvas) Draw(ops []Op) error {
	st := newState()
	for _, op := range ops {
		switch op.Code {
		case 'c', 'C':
			p, err := ParsePaint(op.Str)
			if err != nil {
				return fmt.Errorf("raster: %c: %w", op.Code, err)
			}
			if op.Code == 'c' {
				st.pen = p
			} else {
				st.fill = p
			}
		case 'S':
			if err := st.style(op.Str); err != nil {
				return fmt.Errorf("raster: S: %w", err)
			}
		case 'F':
			st.fontSize, st.fontName = op.Size, op.Str
		case 't':
			st.flags = op.Flags
		case 'E', 'e':
			if st.invisible {
				continue
			}
			x, y := c.pt(Point{op.X, op.Y})
			c.dc.DrawEllipse(x, y, math.Abs(c.px(op.W)), math.Abs(c.px(op.H)))
			c.paint(&st, op.Code == 'E')
		case 'P', 'p', 'L', 'B', 'b':
			if st.invisible || len(op.Points) == 0 {
				continue
			}
			c.path(op.Points, op.Code == 'B' || op.Code == 'b')
			if op.Code != 'L' && op.Code != 'B' {
				c.dc.ClosePath()
			}
			c.paint(&st, op.Code == 'P' || op.Code == 'b')
		case 'T':
			if !st.invisible {
				c.text(&st, op)
			}
		}
	}
	c.dc.ClearPath()
	return nil
}

// style applies an S operation.
func (st *state) style(s string) error {
	name, arg, ok := strings.Cut(strings.TrimSpace(s), "(")
	if ok {
		arg, ok = strings.CutSuffix(arg, ")")
		if !ok {
			return fmt.Errorf("bad style %.40q", s)
		}
	}
	switch strings.TrimSpace(name) {
	case "setlinewidth":
		w, err := strconv.ParseFloat(strings.TrimSpace(arg), 64)
		if err != nil || !(w >= 0) || w > maxCoord {
			return fmt.Errorf("bad line width %.40q", s)
		}
		st.width = w
	case "solid":
		st.dash = nil
	case "dashed":
		st.dash = []float64{6}
	case "dotted":
		st.dash = []float64{2, 6}
	case "bold":
		st.width = 2
	case "invis", "invisible":
		st.invisible = true
	}
	// Other styles (filled, rounded, diagonals, radial, striped, ...)
	// shape the operations Graphviz emits; nothing is left to do here.
	return nil
}

// path adds a polyline or, when bezier, a cubic B-spline through pts.
func (c *Canvas) path(pts []Point, bezier bool) {
	c.dc.NewSubPath()
	c.dc.MoveTo(c.pt(pts[0]))
	i := 1
	if bezier {
		for ; i+2 < len(pts); i += 3 {
			x1, y1 := c.pt(pts[i])
			x2, y2 := c.pt(pts[i+1])
			x3, y3 := c.pt(pts[i+2])
			c.dc.CubicTo(x1, y1, x2, y2, x3, y3)
		}
	}
	for ; i < len(pts); i++ {
		c.dc.LineTo(c.pt(pts[i]))
	}
}

// paint fills (if filled) and strokes the current path, then clears it.
func (c *Canvas) paint(st *state, filled bool) {
	if filled && (st.fill.Gradient != 0 || st.fill.Color.A > 0) {
		c.dc.SetFillStyle(c.pattern(st.fill))
		c.dc.FillPreserve()
	}
	if st.width > 0 && (st.pen.Gradient != 0 || st.pen.Color.A > 0) {
		c.dc.SetStrokeStyle(c.pattern(st.pen))
		c.dc.SetLineWidth(c.px(st.width))
		c.dc.SetLineCapButt()
		c.dc.SetLineJoinRound()
		dash := make([]float64, len(st.dash))
		for i, d := range st.dash {
			dash[i] = max(c.px(d), 1)
		}
		c.dc.SetDash(dash...)
		c.dc.StrokePreserve()
	}
	c.dc.ClearPath()
}

func (c *Canvas) pattern(p Paint) gg.Pattern {
	var g gg.Gradient
	switch p.Gradient {
	case '[':
		x0, y0 := c.pt(p.From)
		x1, y1 := c.pt(p.To)
		g = gg.NewLinearGradient(x0, y0, x1, y1)
	case '(':
		x0, y0 := c.pt(p.From)
		x1, y1 := c.pt(p.To)
		g = gg.NewRadialGradient(x0, y0, math.Abs(c.px(p.R0)), x1, y1, math.Abs(c.px(p.R1)))
	default:
		return gg.NewSolidPattern(p.Color)
	}
	for _, s := range p.Stops {
		g.AddColorStop(s.Offset, s.Color)
	}
	return g
}

// Font characteristics of the t operation.
const (
	flagBold = 1 << iota
	flagItalic
	flagUnderline
	flagSuperscript
	flagSubscript
	flagStrike
	flagOverline
)

// text draws a T operation. Graphviz sized the label for its own estimate
// of the text's width (op.Width); the Go fonts differ, so text wider than
// that is drawn smaller to fit.
func (c *Canvas) text(st *state, op Op) {
	if op.Str == "" || st.pen.Color.A == 0 || !(st.fontSize > 0) {
		return
	}
	style := fontStyle(st.fontName, st.flags)
	size := c.px(st.fontSize)
	if st.flags&(flagSuperscript|flagSubscript) != 0 {
		size *= 0.8
	}
	size = min(size, 1000)
	face := c.face(style, size)
	str := coverable(face, op.Str)
	c.dc.SetFontFace(face)
	w, _ := c.dc.MeasureString(str)
	if want := c.px(op.Width); want > 0 && w > want*1.02 {
		size *= want / w
		c.dc.SetFontFace(c.face(style, size))
		w, _ = c.dc.MeasureString(str)
	}
	x, y := c.pt(Point{op.X, op.Y})
	switch op.Align {
	case 0:
		x -= w / 2
	case 1:
		x -= w
	}
	if st.flags&flagSuperscript != 0 {
		y -= size * 0.4
	} else if st.flags&flagSubscript != 0 {
		y += size * 0.2
	}
	c.dc.SetColor(st.pen.Color)
	c.dc.DrawString(str, x, y)
	line := func(dy float64) {
		c.dc.SetLineWidth(max(size/14, 1))
		c.dc.SetDash()
		c.dc.DrawLine(x, y+dy, x+w, y+dy)
		c.dc.SetStrokeStyle(gg.NewSolidPattern(st.pen.Color))
		c.dc.Stroke()
	}
	if st.flags&flagUnderline != 0 {
		line(size * 0.12)
	}
	if st.flags&flagStrike != 0 {
		line(-size * 0.3)
	}
	if st.flags&flagOverline != 0 {
		line(-size * 0.8)
	}
}

// coverable replaces the letters of s that face lacks with their
// decomposition less the marks it lacks, so that "ị", missing from the Go
// fonts, is drawn as "i". Other letters it lacks (such as CJK) stay, and
// are drawn as nothing.
func coverable(face font.Face, s string) string {
	has := func(r rune) bool { _, ok := face.GlyphAdvance(r); return ok }
	var b strings.Builder
	for _, r := range s {
		if has(r) || r < 0x80 {
			b.WriteRune(r)
			continue
		}
		d := norm.NFD.String(string(r))
		kept := false
		for _, dr := range d {
			if has(dr) {
				b.WriteRune(dr)
				kept = true
			}
		}
		if !kept {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Font styles: which of the Go fonts to use.
const (
	styleBold = 1 << iota
	styleItalic
	styleMono
)

// fontStyle maps a Graphviz font name and t flags to a Go font style.
func fontStyle(name string, flags int) int {
	n := strings.ToLower(name)
	s := 0
	if strings.Contains(n, "bold") || strings.Contains(n, "black") || strings.Contains(n, "heavy") || flags&flagBold != 0 {
		s |= styleBold
	}
	if strings.Contains(n, "italic") || strings.Contains(n, "oblique") || flags&flagItalic != 0 {
		s |= styleItalic
	}
	if strings.Contains(n, "mono") || strings.Contains(n, "courier") || strings.Contains(n, "consol") {
		s |= styleMono
	}
	return s
}

type faceKey struct {
	style int
	size  float64 // pixels, in quarters
}

var goFonts = sync.OnceValues(func() ([8]*opentype.Font, error) {
	var fs [8]*opentype.Font
	for i, ttf := range [8][]byte{
		goregular.TTF, gobold.TTF, goitalic.TTF, gobolditalic.TTF,
		gomono.TTF, gomonobold.TTF, gomonoitalic.TTF, gomonobolditalic.TTF,
	} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			return fs, err
		}
		fs[i] = f
	}
	return fs, nil
})

// face returns the Go font face for style at size pixels; on the
// (impossible) failure to load the embedded fonts, a basic bitmap face.
func (c *Canvas) face(style int, size float64) font.Face {
	k := faceKey{style, math.Max(1, math.Round(size*4)/4)}
	if f, ok := c.faces[k]; ok {
		return f
	}
	var f font.Face
	if fs, err := goFonts(); err == nil {
		f, err = opentype.NewFace(fs[style], &opentype.FaceOptions{Size: k.size, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			f = nil
		}
	}
	if f == nil {
		f = basicfont.Face7x13
	}
	c.faces[k] = f
	return f
}
