package graph

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// The attributes every export format (GEXF, GraphML, JSON, CSV) writes,
// from one table so the formats agree. Association measures appear once
// the graph is weighed, centrality and community once it is analysed.

type attrKind int

const (
	attrString attrKind = iota
	attrInt
	attrDouble
	attrBool
)

type nodeAttr struct {
	name  string
	kind  attrKind
	value func(n *Node) any // string, int or float64
}

// edgeAttr is an attribute of a link; value returns nil where the link
// has no such value (association measures of a relation), which the
// formats leave out.
type edgeAttr struct {
	name  string
	kind  attrKind
	value func(l *link) any
}

// link is an edge as the export formats write it: a co-occurrence edge
// (e set) or a relation (r set).
type link struct {
	source, target string
	directed       bool
	e              *Edge
	r              *Relation
}

// kind is "cooccurrence" or "relation".
func (l *link) kind() string {
	if l.r != nil {
		return "relation"
	}
	return "cooccurrence"
}

// time is when the link was seen.
func (l *link) time() *Time {
	if l.r != nil {
		return &l.r.Time
	}
	return &l.e.Time
}

// evidence is the link's passages.
func (l *link) evidence() []Evidence {
	if l.r != nil {
		return l.r.Evidence
	}
	return l.e.Evidence
}

// links returns g's co-occurrence edges, then its relations, in order.
func links(g *Graph) []link {
	out := make([]link, 0, len(g.Edges)+len(g.Relations))
	for i := range g.Edges {
		e := &g.Edges[i]
		out = append(out, link{source: e.Source, target: e.Target, e: e})
	}
	for i := range g.Relations {
		r := &g.Relations[i]
		out = append(out, link{source: r.Head, target: r.Tail, directed: !r.Type.Symmetric(), r: r})
	}
	return out
}

// dated reports whether g has dates to write.
func dated(g *Graph) bool { return g.Dated() }

// dateString formats a day, "" for the zero time.
func dateString(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format("2006-01-02")
}

func nodeAttrs(g *Graph) []nodeAttr {
	as := []nodeAttr{
		{"label", attrString, func(n *Node) any { return n.Label }},
		{"type", attrString, func(n *Node) any { return string(n.Type) }},
		{"mentions", attrInt, func(n *Node) any { return n.Mentions }},
		{"docs", attrInt, func(n *Node) any { return n.Docs }},
		{"units", attrInt, func(n *Node) any { return n.Units }},
		{"aliases", attrString, func(n *Node) any { return aliasList(n.Aliases) }},
	}
	if dated(g) {
		as = append(as,
			nodeAttr{"first_seen", attrString, func(n *Node) any { return dateString(n.FirstSeen) }},
			nodeAttr{"last_seen", attrString, func(n *Node) any { return dateString(n.LastSeen) }},
		)
	}
	if g.Analysed {
		as = append(as,
			nodeAttr{"degree", attrInt, func(n *Node) any { return n.Degree }},
			nodeAttr{"weighted_degree", attrDouble, func(n *Node) any { return round(n.WeightedDegree) }},
			nodeAttr{"pagerank", attrDouble, func(n *Node) any { return round(n.PageRank) }},
			nodeAttr{"community", attrInt, func(n *Node) any { return n.Community }},
		)
	}
	return as
}

// edge returns f applied to a co-occurrence link, nil for a relation.
func edge(f func(e *Edge) any) func(l *link) any {
	return func(l *link) any {
		if l.e == nil {
			return nil
		}
		return f(l.e)
	}
}

func edgeAttrs(g *Graph) []edgeAttr {
	as := []edgeAttr{
		{"weight", attrDouble, func(l *link) any {
			if l.r != nil {
				return float64(l.r.Count)
			}
			return edgeWeight(g, l.e)
		}},
		{"units", attrInt, func(l *link) any {
			if l.r != nil {
				return l.r.Count
			}
			return l.e.Units
		}},
		{"docs", attrInt, func(l *link) any {
			if l.r != nil {
				return l.r.Docs
			}
			return l.e.Docs
		}},
	}
	if len(g.Relations) > 0 {
		as = append(as,
			edgeAttr{"kind", attrString, func(l *link) any { return l.kind() }},
			edgeAttr{"relation", attrString, func(l *link) any {
				if l.r == nil {
					return nil
				}
				return string(l.r.Type)
			}},
			edgeAttr{"directed", attrBool, func(l *link) any { return l.directed }},
			edgeAttr{"score", attrDouble, func(l *link) any {
				if l.r == nil {
					return nil
				}
				return round(l.r.Score)
			}},
		)
	}
	if dated(g) {
		as = append(as,
			edgeAttr{"first_seen", attrString, func(l *link) any { return dateString(l.time().FirstSeen) }},
			edgeAttr{"last_seen", attrString, func(l *link) any { return dateString(l.time().LastSeen) }},
		)
	}
	if g.Weighed {
		as = append(as,
			edgeAttr{"pmi", attrDouble, edge(func(e *Edge) any { return round(e.PMI) })},
			edgeAttr{"npmi", attrDouble, edge(func(e *Edge) any { return round(e.NPMI) })},
			edgeAttr{"dice", attrDouble, edge(func(e *Edge) any { return round(e.Dice) })},
			edgeAttr{"jaccard", attrDouble, edge(func(e *Edge) any { return round(e.Jaccard) })},
		)
	}
	return as
}

// edgeWeight is the chosen measure's value, or the count before Weigh.
func edgeWeight(g *Graph, e *Edge) float64 {
	if g.Weighed {
		return round(e.Strength)
	}
	return round(e.Weight)
}

// aliasList joins alias names with "|", most frequent first (Cypher:
// split(row.aliases, "|")).
func aliasList(as []Alias) string {
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = a.Name
	}
	return strings.Join(names, "|")
}

// round keeps 6 significant digits: enough for any picture or ranking,
// and it keeps files small.
func round(f float64) float64 {
	if f == 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 6, 64), 64)
	return r
}

// formatValue renders an attribute value as text (XML and CSV); nil is
// "".
func formatValue(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	return ""
}

// communityPalette colours communities 0..11 (ColorBrewer Set3, light
// enough for black labels); later communities are otherColor.
var communityPalette = []string{
	"#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
	"#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f",
}

const otherColor = "#f7f7f7"

// nodeColor is a node's fill: its community's colour when asked for and
// analysed, else its type's.
func nodeColor(g *Graph, n *Node) string {
	if g.Analysed && g.ColorCommunities {
		if n.Community >= 0 && n.Community < len(communityPalette) {
			return communityPalette[n.Community]
		}
		return otherColor
	}
	if st, ok := typeStyles[n.Type]; ok {
		return st.fill
	}
	return otherColor
}

// nodeScale is a node's size in [0, 1]: the square root of its PageRank
// relative to the largest once analysed, else of its mentions.
func nodeScale(g *Graph, n *Node, maxValue float64) float64 {
	v := float64(n.Mentions)
	if g.Analysed {
		v = n.PageRank
	}
	if maxValue <= 0 {
		return 0
	}
	return math.Sqrt(v / maxValue)
}

// maxScaleValue is the maxValue argument of nodeScale for g.
func maxScaleValue(g *Graph) float64 {
	m := 0.0
	for _, n := range g.Nodes {
		if g.Analysed {
			m = max(m, n.PageRank)
		} else {
			m = max(m, float64(n.Mentions))
		}
	}
	return m
}

// rgb parses "#rrggbb".
func rgb(hex string) (r, g, b int) {
	v, _ := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}

// dotNodeExtra is what WriteDOT adds to a node: a heavy outline for the
// focus, and once analysed its statistics and a font size (so a node
// size) growing with PageRank.
func dotNodeExtra(g *Graph, n *Node, maxv float64) string {
	focus := ""
	if n.Key == g.Focus {
		focus = ", penwidth=3"
	}
	if !g.Analysed {
		return focus
	}
	return focus + fmt.Sprintf(", community=%d, pagerank=%s, degree=%d, weighted_degree=%s, fontsize=%s",
		n.Community, dotNum(n.PageRank), n.Degree, dotNum(n.WeightedDegree),
		strconv.FormatFloat(10+16*nodeScale(g, n, maxv), 'f', 1, 64))
}

// dotEdgeAttrs are a weighed edge's DOT attributes: the layout weight (an
// integer, as dot requires) and penwidth from the chosen measure, then
// every measure.
func dotEdgeAttrs(g *Graph, e *Edge, maxStrength float64) string {
	var weight int
	var pen string
	switch g.Measure {
	case MeasureCount:
		weight, pen = layoutWeight(e.Weight), penwidth(e.Weight, maxStrength)
	case MeasureDocs:
		weight, pen = e.Docs, penwidth(float64(e.Docs), maxStrength)
	default:
		s := 0.0
		if maxStrength > 0 {
			s = e.positive() / maxStrength
		}
		weight = 1 + int(math.Round(9*s))
		pen = strconv.FormatFloat(1+5*s, 'f', 2, 64)
	}
	return fmt.Sprintf("weight=%d, docs=%d, penwidth=%s, units=%d, strength=%s, pmi=%s, npmi=%s, dice=%s, jaccard=%s",
		weight, e.Docs, pen, e.Units, dotNum(e.Strength),
		dotNum(e.PMI), dotNum(e.NPMI), dotNum(e.Dice), dotNum(e.Jaccard))
}

// dotNum formats f to 6 significant digits as a DOT numeral, which has
// no exponent form: 0.0000565129, not 5.65129e-05.
func dotNum(f float64) string {
	return strconv.FormatFloat(round(f), 'f', -1, 64)
}

// maxStrength is the largest positive strength of g's edges.
func maxStrength(g *Graph) float64 {
	m := 0.0
	for i := range g.Edges {
		m = max(m, g.Edges[i].positive())
	}
	return m
}
