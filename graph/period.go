package graph

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Period is the length of the time slices of a dynamic graph.
type Period int

// Periods. The zero value makes a static graph.
const (
	NoPeriod Period = iota
	Day
	Week // ISO weeks, Monday to Sunday
	Month
	Year
)

var periodNames = [...]string{"", "day", "week", "month", "year"}

// String returns the name ParsePeriod accepts.
func (p Period) String() string {
	if p < 0 || int(p) >= len(periodNames) {
		return ""
	}
	return periodNames[p]
}

// ParsePeriod parses "day", "week", "month", "year", or "" for none.
func ParsePeriod(s string) (Period, error) {
	for i, n := range periodNames {
		if strings.EqualFold(s, n) {
			return Period(i), nil
		}
	}
	return 0, fmt.Errorf("unknown period %q (want day, week, month or year)", s)
}

// Start returns the first day of the period holding t (UTC midnight).
func (p Period) Start(t time.Time) time.Time {
	t = t.UTC()
	y, m, d := t.Date()
	switch p {
	case Week:
		wd := (int(t.Weekday()) + 6) % 7 // Monday 0
		return time.Date(y, m, d-wd, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case Year:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// End returns the last day of the period holding t (UTC midnight).
func (p Period) End(t time.Time) time.Time {
	s := p.Start(t)
	switch p {
	case Week:
		return s.AddDate(0, 0, 6)
	case Month:
		return s.AddDate(0, 1, -1)
	case Year:
		return s.AddDate(1, 0, -1)
	}
	return s
}

// Key names the period holding t: "1987-03-05" (day), "1987-W10" (week),
// "1987-03" (month), "1987" (year). Keys sort in time order.
func (p Period) Key(t time.Time) string {
	t = t.UTC()
	switch p {
	case Week:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case Month:
		return t.Format("2006-01")
	case Year:
		return t.Format("2006")
	}
	return t.Format("2006-01-02")
}

// PeriodCount is a count in one period.
type PeriodCount struct {
	Period     string // Period.Key
	Start, End time.Time
	Count      int
}

// Counts sums a timeline per period p (days when p is NoPeriod), in time
// order.
func (t Time) Counts(p Period) []PeriodCount {
	if p == NoPeriod {
		p = Day
	}
	var out []PeriodCount
	for _, dc := range t.Timeline {
		k := p.Key(dc.Day)
		if n := len(out); n > 0 && out[n-1].Period == k {
			out[n-1].Count += dc.Count
			continue
		}
		out = append(out, PeriodCount{Period: k, Start: p.Start(dc.Day), End: p.End(dc.Day), Count: dc.Count})
	}
	return out
}

// Dated reports whether any node of g was seen in a dated document.
func (g *Graph) Dated() bool {
	return slices.ContainsFunc(g.Nodes, func(n Node) bool { return !n.FirstSeen.IsZero() })
}

// Periods returns the keys of the periods p in which g has any mention,
// in time order.
func (g *Graph) Periods(p Period) []string {
	seen := map[string]bool{}
	var keys []string
	for _, n := range g.Nodes {
		for _, c := range n.Counts(p) {
			if !seen[c.Period] {
				seen[c.Period] = true
				keys = append(keys, c.Period)
			}
		}
	}
	slices.Sort(keys)
	return keys
}

// InPeriod returns the part of g seen in period key of p: the nodes
// mentioned then, and the edges and relations seen then, with counts
// (mentions, units, weight in proportion, docs left as they were) for
// that period only. Undated parts are left out.
func (g *Graph) InPeriod(p Period, key string) *Graph {
	out := g.clone()
	count := func(t Time) int {
		for _, c := range t.Counts(p) {
			if c.Period == key {
				return c.Count
			}
		}
		return 0
	}
	out.Nodes = out.Nodes[:0]
	for _, n := range g.Nodes {
		if c := count(n.Time); c > 0 {
			n.Mentions = c
			out.Nodes = append(out.Nodes, n)
		}
	}
	out.Edges = out.Edges[:0]
	for _, e := range g.Edges {
		if c := count(e.Time); c > 0 {
			if e.Units > 0 {
				e.Weight = e.Weight * float64(c) / float64(e.Units)
			}
			e.Units = c
			out.Edges = append(out.Edges, e)
		}
	}
	out.Relations = nil
	for _, r := range g.Relations {
		if c := count(r.Time); c > 0 {
			r.Count = c
			out.Relations = append(out.Relations, r)
		}
	}
	out.Period = key
	return out
}
