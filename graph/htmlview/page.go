package htmlview

import (
	"math"
	"strings"
	"time"

	"github.com/entigraph/entigraph/graph"
)

// page is the data the page embeds as JSON. Optional fields are omitted
// when empty, and the page hides the controls they feed.
type page struct {
	Title   string   `json:"title"`
	Measure string   `json:"measure"`          // what a co-occurrence link's strength holds: count, npmi, ...
	Docs    int      `json:"docs"`             // documents the graph was built from
	Pruned  []string `json:"pruned,omitempty"` // what pruning removed, as the DOT comments say it
	// Period is the period the graph shows (1987-03), when it is one
	// slice of a dynamic graph.
	Period string `json:"period,omitempty"`
	// ColorBy is "type" or, for an analysed graph drawn with
	// --color community, "community": how circles are filled at first
	// (the page can switch when the graph was analysed).
	ColorBy string `json:"color_by"`
	Focus   string `json:"focus,omitempty"` // the --focus entity, selected when the page opens
	Nodes   []node `json:"nodes"`
	// Links are the co-occurrence edges, then the relations.
	Links []link `json:"links"`
	// Sources describes the cited documents that have a URL, title or
	// date.
	Sources map[string]doc `json:"sources,omitempty"`
}

type doc struct {
	URL   string `json:"url,omitempty"`
	Title string `json:"title,omitempty"`
	Date  string `json:"date,omitempty"`
}

// node is an entity.
type node struct {
	ID       string  `json:"id"` // the entity's name, unique
	Label    string  `json:"label"`
	Type     string  `json:"type"`
	Mentions int     `json:"mentions"`
	Docs     int     `json:"docs"`
	Aliases  []alias `json:"aliases"`
	Stats    *stats  `json:"stats,omitempty"` // when the graph was analysed
	// X and Y place the entity, from layout.
	X float64 `json:"x"`
	Y float64 `json:"y"`
	Seen
}

// Seen tells when an entity or link was seen, for dated documents: the
// first and last day (YYYY-MM-DD) and the count in each period (the
// graph's --slice, else months).
type Seen struct {
	FirstSeen string   `json:"first_seen,omitempty"`
	LastSeen  string   `json:"last_seen,omitempty"`
	Periods   []period `json:"periods,omitempty"`
}

type period struct {
	Period string `json:"period"` // e.g. 1987-03, 1987-W10
	Start  string `json:"start"`  // first and last day
	End    string `json:"end"`
	Count  int    `json:"count"`
}

type alias struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

type stats struct {
	Degree         int     `json:"degree"`
	WeightedDegree float64 `json:"weighted_degree"`
	PageRank       float64 `json:"pagerank"`
	Community      int     `json:"community"`
}

// link is a co-occurrence edge (Type empty) or a relation: Type set, and
// when Directed from Source, the head, to Target, the tail.
type link struct {
	Source   string `json:"source"`
	Target   string `json:"target"`
	Type     string `json:"type,omitempty"`     // works_for, ...
	Label    string `json:"label,omitempty"`    // its wording: works for
	Directed bool   `json:"directed,omitempty"` // false for a symmetric relation (met)
	// Weight is the co-occurrence weight (each shared unit adds
	// 1/(k−1)), or the number of sentences stating a relation.
	Weight float64 `json:"weight"`
	Units  int     `json:"units"` // scope units shared, or sentences stating the relation
	Docs   int     `json:"docs"`  // documents supporting it
	// Strength is what the page draws as width: the measure named by
	// page.Measure for co-occurrences, the sentence count for relations.
	Strength float64    `json:"strength"`
	Score    float64    `json:"score,omitempty"` // a relation's mean extractor score
	Evidence []evidence `json:"evidence"`
	Seen
}

type evidence struct {
	Doc     string `json:"doc"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Trigger string `json:"trigger,omitempty"` // for a relation, the words stating it
}

// newPage converts g, in its sorted order.
func newPage(g *graph.Graph, o Options) *page {
	p := &page{
		Title:   strings.ToValidUTF8(o.title(), "\uFFFD"),
		Measure: g.Measure.String(),
		Docs:    g.Docs,
		Period:  g.Period,
		ColorBy: "type",
		Focus:   g.Focus,
		Nodes:   make([]node, len(g.Nodes)),
		Links:   make([]link, 0, len(g.Edges)+len(g.Relations)),
	}
	if !g.Weighed {
		p.Measure = graph.MeasureCount.String()
	}
	if g.Analysed && g.ColorCommunities {
		p.ColorBy = "community"
	}
	for _, pr := range g.Pruned {
		p.Pruned = append(p.Pruned, pr.String())
	}
	slice := g.Slice
	if slice == graph.NoPeriod {
		slice = graph.Month
	}
	for i := range g.Nodes {
		p.Nodes[i] = newNode(&g.Nodes[i], g.Analysed, slice)
	}
	for i := range g.Edges {
		p.Links = append(p.Links, newLink(&g.Edges[i], g.Weighed, slice))
	}
	for i := range g.Relations {
		p.Links = append(p.Links, newRelation(&g.Relations[i], slice))
	}
	p.Sources = citedDocs(p.Links, o.Docs)
	layout(p)
	return p
}

func newNode(n *graph.Node, analysed bool, slice graph.Period) node {
	out := node{ID: n.Key, Label: n.Label, Type: string(n.Type), Mentions: n.Mentions, Docs: n.Docs,
		Aliases: make([]alias, len(n.Aliases)), Seen: newSeen(n.Time, slice)}
	for j, a := range n.Aliases {
		out.Aliases[j] = alias{a.Name, a.Count}
	}
	if analysed {
		out.Stats = &stats{n.Degree, finite(n.WeightedDegree), finite(n.PageRank), n.Community}
	}
	return out
}

func newLink(e *graph.Edge, weighed bool, slice graph.Period) link {
	out := link{Source: e.Source, Target: e.Target, Weight: finite(e.Weight), Units: e.Units, Docs: e.Docs,
		Strength: finite(e.Weight), Evidence: newEvidence(e.Evidence), Seen: newSeen(e.Time, slice)}
	if weighed {
		out.Strength = finite(e.Strength)
	}
	return out
}

func newRelation(r *graph.Relation, slice graph.Period) link {
	return link{Source: r.Head, Target: r.Tail, Type: string(r.Type), Label: r.Type.Label(), Directed: !r.Type.Symmetric(),
		Weight: float64(r.Count), Units: r.Count, Docs: r.Docs, Strength: float64(r.Count), Score: finite(r.Score),
		Evidence: newEvidence(r.Evidence), Seen: newSeen(r.Time, slice)}
}

func newEvidence(evs []graph.Evidence) []evidence {
	out := make([]evidence, len(evs))
	for i, ev := range evs {
		out[i] = evidence{ev.Doc, ev.Start, ev.End, ev.Text, ev.Trigger}
	}
	return out
}

func newSeen(t graph.Time, slice graph.Period) Seen {
	if t.FirstSeen.IsZero() {
		return Seen{}
	}
	w := Seen{FirstSeen: day(t.FirstSeen), LastSeen: day(t.LastSeen)}
	for _, c := range t.Counts(slice) {
		w.Periods = append(w.Periods, period{c.Period, day(c.Start), day(c.End), c.Count})
	}
	return w
}

func day(t time.Time) string { return t.UTC().Format("2006-01-02") }

// citedDocs keeps the documents some evidence cites, so the page does
// not carry a whole corpus's.
func citedDocs(links []link, docs map[string]Doc) map[string]doc {
	out := map[string]doc{}
	for _, l := range links {
		for _, ev := range l.Evidence {
			if d, ok := docs[ev.Doc]; ok && d != (Doc{}) {
				out[ev.Doc] = doc(d)
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// finite maps NaN and infinities, which JSON cannot hold, to 0.
func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}
