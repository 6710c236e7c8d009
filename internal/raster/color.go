package raster

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"
)

// Paint is what a C or c operation sets: a plain colour, or a linear or
// radial gradient.
type Paint struct {
	Color color.NRGBA // the plain colour; for a gradient, its first stop
	// Gradient is 0 for a plain colour, '[' for linear and '(' for radial.
	Gradient byte
	// From and To are the gradient's ends: for linear the start and end
	// points, for radial the centres, with radii R0 and R1.
	From, To Point
	R0, R1   float64
	Stops    []Stop
}

// Stop is a gradient colour stop at Offset (0 to 1).
type Stop struct {
	Offset float64
	Color  color.NRGBA
}

// ParsePaint reads the colour of a C or c operation: "#rrggbb",
// "#rrggbbaa", "#rgb", a few common names (Graphviz writes xdot colours
// as hex), or an xdot gradient "[x0 y0 x1 y1 n s0 c0 ...]" or
// "(x0 y0 r0 x1 y1 r1 n s0 c0 ...)" whose colours ci are counted strings.
func ParsePaint(s string) (Paint, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Paint{}, fmt.Errorf("empty colour")
	}
	if s[0] != '[' && s[0] != '(' {
		c, err := ParseColor(s)
		return Paint{Color: c}, err
	}
	end := byte(']')
	if s[0] == '(' {
		end = ')'
	}
	if s[len(s)-1] != end {
		return Paint{}, fmt.Errorf("gradient %.40q lacks its %q", s, end)
	}
	p := parser{s: s[1 : len(s)-1]}
	g := Paint{Gradient: s[0]}
	var err error
	if g.Gradient == '[' {
		err = p.nums(&g.From.X, &g.From.Y, &g.To.X, &g.To.Y)
	} else {
		err = p.nums(&g.From.X, &g.From.Y, &g.R0, &g.To.X, &g.To.Y, &g.R1)
	}
	if err != nil {
		return Paint{}, fmt.Errorf("gradient: %w", err)
	}
	n, err := p.count(5) // "s n -c"
	if err != nil {
		return Paint{}, fmt.Errorf("gradient: %w", err)
	}
	if n == 0 {
		return Paint{}, fmt.Errorf("gradient without stops")
	}
	g.Stops = make([]Stop, n)
	for k := range g.Stops {
		if g.Stops[k].Offset, err = p.num(); err != nil {
			return Paint{}, fmt.Errorf("gradient: %w", err)
		}
		cs, err := p.str()
		if err != nil {
			return Paint{}, fmt.Errorf("gradient: %w", err)
		}
		if g.Stops[k].Color, err = ParseColor(cs); err != nil {
			return Paint{}, fmt.Errorf("gradient: %w", err)
		}
	}
	p.space()
	if p.i != len(p.s) {
		return Paint{}, fmt.Errorf("gradient: trailing %.20q", p.s[p.i:])
	}
	g.Color = g.Stops[0].Color
	return g, nil
}

var namedColors = map[string]color.NRGBA{
	"black":       {0, 0, 0, 255},
	"white":       {255, 255, 255, 255},
	"red":         {255, 0, 0, 255},
	"green":       {0, 255, 0, 255},
	"blue":        {0, 0, 255, 255},
	"yellow":      {255, 255, 0, 255},
	"gray":        {192, 192, 192, 255},
	"grey":        {192, 192, 192, 255},
	"lightgray":   {211, 211, 211, 255},
	"lightgrey":   {211, 211, 211, 255},
	"none":        {255, 255, 255, 0},
	"transparent": {255, 255, 254, 0},
}

// ParseColor reads "#rrggbb", "#rrggbbaa", "#rgb" or one of a few names.
func ParseColor(s string) (color.NRGBA, error) {
	if c, ok := namedColors[strings.ToLower(s)]; ok {
		return c, nil
	}
	if len(s) == 4 && s[0] == '#' { // #rgb
		s = string([]byte{'#', s[1], s[1], s[2], s[2], s[3], s[3]})
	}
	if (len(s) != 7 && len(s) != 9) || s[0] != '#' {
		return color.NRGBA{}, fmt.Errorf("unknown colour %.40q", s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.NRGBA{}, fmt.Errorf("unknown colour %.40q", s)
	}
	if len(s) == 7 {
		v = v<<8 | 0xff
	}
	return color.NRGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}
