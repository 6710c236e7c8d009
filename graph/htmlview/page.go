package htmlview

import (
	"math"
	"strings"

	"github.com/entigraph/entigraph/graph"
)

// page is the data the page embeds as JSON. Optional fields are omitted
// when empty, and the page hides the controls they feed.
type page struct {
	Title   string   `json:"title"`
	Measure string   `json:"measure"`          // what a link's strength holds: count, npmi, ...
	Pruned  []string `json:"pruned,omitempty"` // what pruning removed, as the DOT comments say it
	// ColorBy is "type" or, for an analysed graph drawn with
	// --color community, "community": how circles are filled at first
	// (the page can switch when the graph was analysed).
	ColorBy string `json:"color_by"`
	Focus   string `json:"focus,omitempty"` // the --focus entity, selected when the page opens
	Nodes   []node `json:"nodes"`
	Links   []link `json:"links"`
	// Docs describes the cited documents that have a URL, title or date.
	Docs map[string]doc `json:"docs,omitempty"`
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
	// FirstSeen and LastSeen are dates (YYYY-MM-DD) of the first and last
	// document mentioning the entity, when documents have dates.
	FirstSeen string `json:"first_seen,omitempty"`
	LastSeen  string `json:"last_seen,omitempty"`
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

// link is a co-occurrence edge (Type empty) or a relation (Type set,
// Directed from Source, the head, to Target, the tail).
type link struct {
	Source   string  `json:"source"`
	Target   string  `json:"target"`
	Type     string  `json:"type,omitempty"`
	Directed bool    `json:"directed,omitempty"`
	Weight   int     `json:"weight"`   // scope units (or relation mentions) supporting it
	Docs     int     `json:"docs"`     // documents supporting it
	Strength float64 `json:"strength"` // the measure named by page.Measure
	Score    float64 `json:"score,omitempty"`
	Trigger  string  `json:"trigger,omitempty"`
	// FirstSeen, LastSeen and Counts (per period, e.g. "1987-03") tell
	// when the link was seen, when documents have dates.
	FirstSeen string         `json:"first_seen,omitempty"`
	LastSeen  string         `json:"last_seen,omitempty"`
	Counts    map[string]int `json:"counts,omitempty"`
	Evidence  []evidence     `json:"evidence"`
}

type evidence struct {
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// newPage converts g, in its sorted order.
func newPage(g *graph.Graph, o Options) *page {
	p := &page{
		Title:   strings.ToValidUTF8(o.title(), "\uFFFD"),
		Measure: g.Measure.String(),
		Nodes:   make([]node, len(g.Nodes)),
		Links:   make([]link, len(g.Edges)),
	}
	if !g.Weighed {
		p.Measure = graph.MeasureCount.String()
	}
	p.ColorBy = "type"
	if g.Analysed && g.ColorCommunities {
		p.ColorBy = "community"
	}
	p.Focus = g.Focus
	for _, pr := range g.Pruned {
		p.Pruned = append(p.Pruned, pr.String())
	}
	for i := range g.Nodes {
		p.Nodes[i] = newNode(&g.Nodes[i], g.Analysed)
	}
	for i := range g.Edges {
		p.Links[i] = newLink(&g.Edges[i], g.Weighed)
	}
	p.Docs = citedDocs(p.Links, o.Docs)
	layout(p)
	return p
}

func newNode(n *graph.Node, analysed bool) node {
	out := node{ID: n.Key, Label: n.Label, Type: string(n.Type), Mentions: n.Mentions, Docs: n.Docs, Aliases: make([]alias, len(n.Aliases))}
	for j, a := range n.Aliases {
		out.Aliases[j] = alias{a.Name, a.Count}
	}
	if analysed {
		out.Stats = &stats{n.Degree, finite(n.WeightedDegree), finite(n.PageRank), n.Community}
	}
	return out
}

func newLink(e *graph.Edge, weighed bool) link {
	out := link{Source: e.Source, Target: e.Target, Weight: e.Weight, Docs: e.Docs, Strength: float64(e.Weight), Evidence: make([]evidence, len(e.Evidence))}
	if weighed {
		out.Strength = finite(e.Strength)
	}
	for j, ev := range e.Evidence {
		out.Evidence[j] = evidence{ev.Doc, ev.Start, ev.End, ev.Text}
	}
	return out
}

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
