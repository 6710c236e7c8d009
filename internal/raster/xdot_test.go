package raster

import (
	"image/color"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Op
	}{
		{"empty", "", nil},
		{"spaces", "  \n\t ", nil},
		{"ellipse", "e 27 143.48 27 18 ", []Op{{Code: 'e', X: 27, Y: 143.48, W: 27, H: 18}}},
		{"filled ellipse", "E -1 2e1 3 4", []Op{{Code: 'E', X: -1, Y: 20, W: 3, H: 4}}},
		{"polygon", "P 3 0 0 1 0 1 1", []Op{{Code: 'P', Points: []Point{{0, 0}, {1, 0}, {1, 1}}}}},
		{"polyline", "L 2 0 0 5 5", []Op{{Code: 'L', Points: []Point{{0, 0}, {5, 5}}}}},
		{"bezier", "B 4 39.5 127.2 45.5 119.39 52.66 110.06 58.64 102.27 ", []Op{{Code: 'B', Points: []Point{{39.5, 127.2}, {45.5, 119.39}, {52.66, 110.06}, {58.64, 102.27}}}}},
		{"no points", "p 0", []Op{{Code: 'p', Points: []Point{}}}},
		{"colours", "c 7 -#000000 C 9 -#55555599", []Op{{Code: 'c', Str: "#000000"}, {Code: 'C', Str: "#55555599"}}},
		{"font and text", "F 14 11 -Times-Roman c 7 -#000000 T 27 139.28 0 6.21 1 -a ", []Op{
			{Code: 'F', Size: 14, Str: "Times-Roman"},
			{Code: 'c', Str: "#000000"},
			{Code: 'T', X: 27, Y: 139.28, Align: 0, Width: 6.21, Str: "a"},
		}},
		{"text with spaces and UTF-8", "T 1 2 -1 30 10 -Thị  Lan", []Op{{Code: 'T', X: 1, Y: 2, Align: -1, Width: 30, Str: "Thị  Lan"}}},
		{"text of digits and dashes", "T 0 0 1 5 5 -3 - 4", []Op{{Code: 'T', Align: 1, Width: 5, Str: "3 - 4"}}},
		{"empty text", "T 0 0 0 0 0 -", []Op{{Code: 'T', Str: ""}}},
		{"style and flags", "S 15 -setlinewidth(2) S 6 -dotted t 5", []Op{{Code: 'S', Str: "setlinewidth(2)"}, {Code: 'S', Str: "dotted"}, {Code: 't', Flags: 5}}},
		{"gradient colour", "C 42 -[0 106 54 106 2 0 7 -#ff0000 1 7 -#0000ff]", []Op{{Code: 'C', Str: "[0 106 54 106 2 0 7 -#ff0000 1 7 -#0000ff]"}}},
		{"image", "I 1 2 3 4 5 -a.png", []Op{{Code: 'I', X: 1, Y: 2, W: 3, H: 4, Str: "a.png"}}},
		{"escaped newline left by DOT", "e 1 2 3 4\ne 5 6 7 8", []Op{{Code: 'e', X: 1, Y: 2, W: 3, H: 4}, {Code: 'e', X: 5, Y: 6, W: 7, H: 8}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"unknown op", "X 1 2", `unknown operation "X"`},
		{"long op", "ee 1 2 3 4", `unknown operation "ee"`},
		{"short ellipse", "e 1 2 3", "unexpected end"},
		{"bad number", "e 1 2 x 4", `bad number "x"`},
		{"NaN", "e NaN 2 3 4", `bad number "NaN"`},
		{"infinity", "e 1 +Inf 3 4", `bad number "+Inf"`},
		{"huge", "e 1 1e300 3 4", `bad number "1e300"`},
		{"negative count", "P -1", "count -1 out of range"},
		{"count beyond input", "P 1000000000 0 0", "count 1000000000 out of range"},
		{"too few points", "L 2 0 0 1      ", "unexpected end"},
		{"count beyond numbers", "L 3 0 0 1 1", "count 3 out of range"},
		{"fractional count", "P 1.5 0 0", `bad integer "1.5"`},
		{"string without dash", "c 7 #000000", "lacks its '-'"},
		{"string too long", "c 70 -#000000", "string length 70 out of range"},
		{"negative string length", "c -1 -x", "string length -1 out of range"},
		{"string at end", "c 3", "lacks its '-'"},
		{"op at end", "c", "unexpected end"},
		{"bad alignment", "T 0 0 2 5 1 -a", "bad text alignment 2"},
		{"bad flags", "t 128", "bad font flags 128"},
		{"good then bad", "e 1 2 3 4 Q", `at byte 10: unknown operation "Q"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ops, err := Parse(tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Parse(%q) = %v, %v; want error containing %q", tt.in, ops, err, tt.want)
			}
			if ops != nil {
				t.Errorf("Parse(%q) returned ops %v with its error", tt.in, ops)
			}
		})
	}
}

// TestRoundTrip checks that String writes what Parse reads.
func TestRoundTrip(t *testing.T) {
	in := "c 7 -#000000 C 9 -#55555599 S 15 -setlinewidth(2) F 14 11 -Times-Roman t 3 " +
		"E 1 2 3 4 e 5 6 7 8 P 3 0 0 1 0 1 1 p 0 L 2 0 0 5 5 B 4 0 0 1 1 2 2 3 3 b 1 9 9 " +
		"T 27 139.28 -1 6.21 5 -a b c I 1 2 3 4 5 -a.png"
	ops, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, op := range ops {
		b.WriteString(op.String() + " ")
	}
	again, err := Parse(b.String())
	if err != nil {
		t.Fatalf("Parse(%q): %v", b.String(), err)
	}
	if diff := cmp.Diff(ops, again, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("round trip (-first +second):\n%s", diff)
	}
}

func TestParsePaint(t *testing.T) {
	red, blue := color.NRGBA{255, 0, 0, 255}, color.NRGBA{0, 0, 255, 255}
	tests := []struct {
		name    string
		in      string
		want    Paint
		wantErr string
	}{
		{name: "rgb", in: "#ff0000", want: Paint{Color: red}},
		{name: "rgba", in: "#55555599", want: Paint{Color: color.NRGBA{0x55, 0x55, 0x55, 0x99}}},
		{name: "transparent", in: "#fffffe00", want: Paint{Color: color.NRGBA{255, 255, 254, 0}}},
		{name: "short", in: "#00f", want: Paint{Color: blue}},
		{name: "name", in: "Black", want: Paint{Color: color.NRGBA{0, 0, 0, 255}}},
		{name: "linear", in: "[0 106 54 106 2 0 7 -#ff0000 1 7 -#0000ff]", want: Paint{
			Color: red, Gradient: '[', From: Point{0, 106}, To: Point{54, 106},
			Stops: []Stop{{0, red}, {1, blue}},
		}},
		{name: "radial", in: "(27 18 8.11 27 18 32.45 2 0 7 -#ff0000 1 7 -#0000ff)", want: Paint{
			Color: red, Gradient: '(', From: Point{27, 18}, R0: 8.11, To: Point{27, 18}, R1: 32.45,
			Stops: []Stop{{0, red}, {1, blue}},
		}},
		{name: "empty", in: "", wantErr: "empty colour"},
		{name: "unknown name", in: "octarine", wantErr: `unknown colour "octarine"`},
		{name: "bad hex", in: "#ggg000", wantErr: "unknown colour"},
		{name: "signed hex", in: "#+fffff", wantErr: "unknown colour"},
		{name: "unclosed gradient", in: "[0 0 1 1 1 0 7 -#ff0000", wantErr: "lacks its"},
		{name: "no stops", in: "[0 0 1 1 0]", wantErr: "without stops"},
		{name: "bad stop colour", in: "[0 0 1 1 1 0 3 -foo]", wantErr: "gradient: unknown colour"},
		{name: "trailing", in: "[0 0 1 1 1 0 7 -#ff0000 9]", wantErr: "trailing"},
		{name: "short radial", in: "(0 0 1 1 1)", wantErr: "gradient"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePaint(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParsePaint(%q) = %v, %v; want error %q", tt.in, got, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParsePaint(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseBox(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Box
		wantErr bool
	}{
		{name: "graphviz", in: "0,0,122.13,161.48", want: Box{Point{0, 0}, Point{122.13, 161.48}}},
		{name: "negative origin", in: "-5,-6, 7 ,8", want: Box{Point{-5, -6}, Point{7, 8}}},
		{name: "empty", in: "", wantErr: true},
		{name: "three numbers", in: "0,0,1", wantErr: true},
		{name: "inverted", in: "0,0,-1,1", wantErr: true},
		{name: "NaN", in: "0,0,NaN,1", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseBox(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseBox(%q) error %v, want error %v", tt.in, err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseBox(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// FuzzParse checks that Parse never panics, that what it reads String
// writes back, and that drawing what it reads never panics either. Seeds
// are in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"c 7 -#000000 e 27 143.48 27 18 ",
		"F 14 11 -Times-Roman c 7 -#000000 T 27 139.28 0 6.21 1 -a ",
		"S 15 -setlinewidth(2) S 6 -dotted c 7 -#000000 B 4 27 87.6 27 75.75 27 59.82 27 46.29 ",
		"c 7 -#000000 C 42 -[0 106 54 106 2 0 7 -#ff0000 1 7 -#0000ff] E 27 106 27 18 ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ops, err := Parse(s)
		if err != nil {
			return
		}
		var b strings.Builder
		for _, op := range ops {
			b.WriteString(op.String() + " ")
		}
		again, err := Parse(b.String())
		if err != nil {
			t.Fatalf("Parse(String()) of %q: %v", s, err)
		}
		if diff := cmp.Diff(ops, again, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip of %q (-first +second):\n%s", s, diff)
		}
		c, err := NewCanvas(Box{Point{0, 0}, Point{40, 30}}, 2, 1, color.White)
		if err != nil {
			t.Fatal(err)
		}
		_ = c.Draw(ops) // may fail on a colour, must not panic
	})
}
