package ner

import (
	"fmt"
	"io"
)

// EntityTypes are the types the recognizer labels, in report order.
var EntityTypes = []string{"PER", "ORG", "LOC"}

// Span is an entity mention as a half-open token range of one sentence.
type Span struct {
	Start, End int // token indices, End exclusive
	Type       string
}

// Spans extracts entity spans from a BIO tag sequence with conlleval
// semantics: an entity starts at a B- tag, at an I- tag after O, or at an
// I- tag whose type differs from the previous tag's; it ends before O, B- or
// a change of type.
func Spans(tags []string) []Span {
	var out []Span
	start, typ := -1, ""
	for i, t := range tags {
		var p byte = 'O'
		ty := ""
		if t != "O" && len(t) > 2 {
			p, ty = t[0], t[2:]
		}
		if start >= 0 && (p == 'O' || p == 'B' || ty != typ) {
			out = append(out, Span{start, i, typ})
			start = -1
		}
		if p != 'O' && start < 0 {
			start, typ = i, ty
		}
	}
	if start >= 0 {
		out = append(out, Span{start, len(tags), typ})
	}
	return out
}

// Counts are exact-match entity counts for one type.
type Counts struct{ TP, FP, FN int }

// PRF returns precision, recall and F1 (0 when undefined).
func (c Counts) PRF() (p, r, f float64) {
	if c.TP+c.FP > 0 {
		p = float64(c.TP) / float64(c.TP+c.FP)
	}
	if c.TP+c.FN > 0 {
		r = float64(c.TP) / float64(c.TP+c.FN)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// Scorer accumulates entity-level exact-match counts per type. The zero
// value is ready to use.
type Scorer struct {
	ByType map[string]*Counts
}

// AddSpans compares predicted with gold spans of one sentence (or of one
// document, if both are in the same coordinates).
func (s *Scorer) AddSpans(gold, pred []Span) {
	if s.ByType == nil {
		s.ByType = map[string]*Counts{}
	}
	get := func(t string) *Counts {
		c := s.ByType[t]
		if c == nil {
			c = &Counts{}
			s.ByType[t] = c
		}
		return c
	}
	g := make(map[Span]int, len(gold))
	for _, sp := range gold {
		g[sp]++
	}
	for _, sp := range pred {
		if g[sp] > 0 {
			g[sp]--
			get(sp.Type).TP++
		} else {
			get(sp.Type).FP++
		}
	}
	for _, sp := range gold {
		if g[sp] > 0 {
			g[sp]--
			get(sp.Type).FN++
		}
	}
}

// Add compares predicted with gold tags of one sentence.
func (s *Scorer) Add(gold, pred []string) {
	s.AddSpans(Spans(gold), Spans(pred))
}

// Type returns the counts for one type.
func (s *Scorer) Type(t string) Counts {
	if c := s.ByType[t]; c != nil {
		return *c
	}
	return Counts{}
}

// Micro returns the counts summed over PER, ORG and LOC.
func (s *Scorer) Micro() Counts {
	var m Counts
	for _, t := range EntityTypes {
		c := s.Type(t)
		m.TP += c.TP
		m.FP += c.FP
		m.FN += c.FN
	}
	return m
}

// F1 returns the micro F1 over PER, ORG and LOC.
func (s *Scorer) F1() float64 {
	_, _, f := s.Micro().PRF()
	return f
}

// Report writes a table of P/R/F1 per type and micro over PER/ORG/LOC.
func (s *Scorer) Report(w io.Writer) error {
	rows := append(append([]string{}, EntityTypes...), "micro")
	if _, err := fmt.Fprintf(w, "%-6s %6s %6s %6s %6s %6s %6s\n", "type", "P", "R", "F1", "tp", "fp", "fn"); err != nil {
		return err
	}
	for _, t := range rows {
		c := s.Micro()
		if t != "micro" {
			c = s.Type(t)
		}
		p, r, f := c.PRF()
		if _, err := fmt.Fprintf(w, "%-6s %6.4f %6.4f %6.4f %6d %6d %6d\n", t, p, r, f, c.TP, c.FP, c.FN); err != nil {
			return err
		}
	}
	return nil
}
