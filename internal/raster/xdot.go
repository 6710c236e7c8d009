package raster

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Point is a position in Graphviz coordinates: points (1/72 inch), origin
// at the bottom left, y growing upwards.
type Point struct{ X, Y float64 }

// Op is one xdot drawing operation. Code is the xdot operator; which other
// fields are set depends on it:
//
//	E e          ellipse (filled, outlined): centre X,Y, radii W,H
//	P p L        polygon (filled, outlined), polyline: Points
//	B b          B-spline (outlined, filled): Points, 3n+1 of them
//	T            text: baseline anchor X,Y, Align (-1 left, 0 centre,
//	             1 right), Width (as Graphviz estimated it), Str
//	t            font characteristics: Flags (bit 0 bold, 1 italic,
//	             2 underline, 3 superscript, 4 subscript, 5 strike-through,
//	             6 overline)
//	F            font: Size in points, Str the font name
//	C c          fill, pen colour: Str, a colour or gradient
//	S            style: Str, e.g. "dashed" or "setlinewidth(2)"
//	I            image: X,Y,W,H and Str the file name
type Op struct {
	Code       byte
	Points     []Point
	X, Y, W, H float64
	Align      int
	Width      float64
	Size       float64
	Flags      int
	Str        string
}

// maxCoord bounds the numbers Parse accepts; Graphviz layouts are far
// smaller, and bounded numbers keep the rasterizer's fixed-point
// arithmetic from overflowing.
const maxCoord = 1e7

// Parse reads xdot drawing operations, such as the value of a _draw_
// attribute. It returns an error for malformed input.
func Parse(s string) ([]Op, error) {
	p := parser{s: s}
	var ops []Op
	for {
		p.space()
		if p.i >= len(p.s) {
			return ops, nil
		}
		at := p.i
		op, err := p.op()
		if err != nil {
			return nil, fmt.Errorf("xdot: at byte %d: %w", at, err)
		}
		ops = append(ops, op)
	}
}

type parser struct {
	s string
	i int
}

func (p *parser) space() {
	for p.i < len(p.s) && isSpace(p.s[p.i]) {
		p.i++
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// word returns the next run of non-space bytes.
func (p *parser) word() (string, error) {
	p.space()
	start := p.i
	for p.i < len(p.s) && !isSpace(p.s[p.i]) {
		p.i++
	}
	if start == p.i {
		return "", errors.New("unexpected end of input")
	}
	return p.s[start:p.i], nil
}

func (p *parser) num() (float64, error) {
	w, err := p.word()
	if err != nil {
		return 0, err
	}
	v, err := strconv.ParseFloat(w, 64)
	if err != nil || math.IsNaN(v) || math.Abs(v) > maxCoord {
		return 0, fmt.Errorf("bad number %q", w)
	}
	return v, nil
}

func (p *parser) int() (int, error) {
	w, err := p.word()
	if err != nil {
		return 0, err
	}
	v, err := strconv.Atoi(w)
	if err != nil {
		return 0, fmt.Errorf("bad integer %q", w)
	}
	return v, nil
}

// count reads a non-negative count of items each taking at least min bytes
// of what is left of the input.
func (p *parser) count(min int) (int, error) {
	n, err := p.int()
	if err != nil {
		return 0, err
	}
	if n < 0 || n > (len(p.s)-p.i)/min {
		return 0, fmt.Errorf("count %d out of range", n)
	}
	return n, nil
}

// str reads a counted string: n -bytes.
func (p *parser) str() (string, error) {
	n, err := p.int()
	if err != nil {
		return "", err
	}
	p.space()
	if p.i >= len(p.s) || p.s[p.i] != '-' {
		return "", errors.New("string lacks its '-'")
	}
	p.i++
	if n < 0 || n > len(p.s)-p.i {
		return "", fmt.Errorf("string length %d out of range", n)
	}
	s := p.s[p.i : p.i+n]
	p.i += n
	return s, nil
}

func (p *parser) points() ([]Point, error) {
	n, err := p.count(4) // "x y " at the least
	if err != nil {
		return nil, err
	}
	pts := make([]Point, n)
	for k := range pts {
		if pts[k].X, err = p.num(); err != nil {
			return nil, err
		}
		if pts[k].Y, err = p.num(); err != nil {
			return nil, err
		}
	}
	return pts, nil
}

func (p *parser) nums(vs ...*float64) error {
	for _, v := range vs {
		var err error
		if *v, err = p.num(); err != nil {
			return err
		}
	}
	return nil
}

func (p *parser) op() (Op, error) {
	w, err := p.word()
	if err != nil {
		return Op{}, err
	}
	if len(w) != 1 {
		return Op{}, fmt.Errorf("unknown operation %q", w)
	}
	op := Op{Code: w[0]}
	switch op.Code {
	case 'E', 'e':
		err = p.nums(&op.X, &op.Y, &op.W, &op.H)
	case 'P', 'p', 'L', 'B', 'b':
		op.Points, err = p.points()
	case 'T':
		if err = p.nums(&op.X, &op.Y); err != nil {
			break
		}
		if op.Align, err = p.int(); err != nil {
			break
		}
		if op.Align < -1 || op.Align > 1 {
			err = fmt.Errorf("bad text alignment %d", op.Align)
			break
		}
		if op.Width, err = p.num(); err != nil {
			break
		}
		op.Str, err = p.str()
	case 't':
		op.Flags, err = p.int()
		if err == nil && (op.Flags < 0 || op.Flags > 127) {
			err = fmt.Errorf("bad font flags %d", op.Flags)
		}
	case 'F':
		if op.Size, err = p.num(); err != nil {
			break
		}
		op.Str, err = p.str()
	case 'C', 'c', 'S':
		op.Str, err = p.str()
	case 'I':
		if err = p.nums(&op.X, &op.Y, &op.W, &op.H); err != nil {
			break
		}
		op.Str, err = p.str()
	default:
		return Op{}, fmt.Errorf("unknown operation %q", w)
	}
	if err != nil {
		return Op{}, fmt.Errorf("%c: %w", op.Code, err)
	}
	return op, nil
}

// String formats op as xdot, so that Parse(op.String()) gives op back.
func (op Op) String() string {
	var b strings.Builder
	b.WriteByte(op.Code)
	num := func(vs ...float64) {
		for _, v := range vs {
			b.WriteByte(' ')
			b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	str := func(s string) { fmt.Fprintf(&b, " %d -%s", len(s), s) }
	switch op.Code {
	case 'E', 'e':
		num(op.X, op.Y, op.W, op.H)
	case 'P', 'p', 'L', 'B', 'b':
		fmt.Fprintf(&b, " %d", len(op.Points))
		for _, pt := range op.Points {
			num(pt.X, pt.Y)
		}
	case 'T':
		num(op.X, op.Y)
		fmt.Fprintf(&b, " %d", op.Align)
		num(op.Width)
		str(op.Str)
	case 't':
		fmt.Fprintf(&b, " %d", op.Flags)
	case 'F':
		num(op.Size)
		str(op.Str)
	case 'C', 'c', 'S':
		str(op.Str)
	case 'I':
		num(op.X, op.Y, op.W, op.H)
		str(op.Str)
	}
	return b.String()
}
