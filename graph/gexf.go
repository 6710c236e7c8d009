package graph

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/entigraph/entigraph/annot"
)

// GEXF 1.3 namespaces (https://gexf.net/schema.html).
const (
	gexfNS     = "http://gexf.net/1.3"
	gexfVizNS  = "http://gexf.net/1.3/viz"
	gexfSchema = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
	xsiNS      = "http://www.w3.org/2001/XMLSchema-instance"
)

type gexfDoc struct {
	XMLName        xml.Name  `xml:"gexf"`
	XMLNS          string    `xml:"xmlns,attr"`
	XMLNSViz       string    `xml:"xmlns:viz,attr"`
	XMLNSXsi       string    `xml:"xmlns:xsi,attr"`
	SchemaLocation string    `xml:"xsi:schemaLocation,attr"`
	Version        string    `xml:"version,attr"`
	Meta           gexfMeta  `xml:"meta"`
	Graph          gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
}

type gexfGraph struct {
	DefaultEdgeType string           `xml:"defaultedgetype,attr"`
	Mode            string           `xml:"mode,attr"`
	TimeFormat      string           `xml:"timeformat,attr,omitempty"`
	Attributes      []gexfAttributes `xml:"attributes"`
	Nodes           []gexfNode       `xml:"nodes>node"`
	Edges           []gexfEdge       `xml:"edges>edge"`
}

type gexfAttributes struct {
	Class string          `xml:"class,attr"`
	Mode  string          `xml:"mode,attr"`
	Attrs []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfNode struct {
	ID        string         `xml:"id,attr"`
	Label     string         `xml:"label,attr"`
	AttValues []gexfAttValue `xml:"attvalues>attvalue"`
	Spells    *gexfSpells    `xml:"spells,omitempty"`
	Color     gexfColor      `xml:"viz:color"`
	Size      gexfValue      `xml:"viz:size"`
	Shape     gexfValue      `xml:"viz:shape"`
}

type gexfColor struct {
	R int `xml:"r,attr"`
	G int `xml:"g,attr"`
	B int `xml:"b,attr"`
}

type gexfValue struct {
	Value string `xml:"value,attr"`
}

type gexfEdge struct {
	ID        string         `xml:"id,attr"`
	Source    string         `xml:"source,attr"`
	Target    string         `xml:"target,attr"`
	Type      string         `xml:"type,attr,omitempty"`
	Label     string         `xml:"label,attr,omitempty"`
	Weight    string         `xml:"weight,attr"`
	AttValues []gexfAttValue `xml:"attvalues>attvalue"`
	Spells    *gexfSpells    `xml:"spells,omitempty"`
}

type gexfSpells struct {
	Spell []gexfSpell `xml:"spell"`
}

// gexfSpell is a period in which a node or edge is present.
type gexfSpell struct {
	Start string `xml:"start,attr"`
	End   string `xml:"end,attr"`
}

// spells returns the periods of t, for a dynamic graph.
func spells(t Time, p Period) *gexfSpells {
	if len(t.Timeline) == 0 {
		return nil // present throughout
	}
	out := &gexfSpells{}
	for _, c := range t.Counts(p) {
		out.Spell = append(out.Spell, gexfSpell{c.Start.Format("2006-01-02"), c.End.Format("2006-01-02")})
	}
	return out
}

var gexfTypes = map[attrKind]string{attrString: "string", attrInt: "integer", attrDouble: "double", attrBool: "boolean"}

var gexfShapes = map[annot.Type]string{annot.Person: "disc", annot.Org: "square", annot.Loc: "triangle"}

// WriteGEXF writes g as GEXF 1.3 for Gephi: a graph whose nodes and edges
// carry the attributes of WriteJSON as typed attvalues (the label is the
// node's own label), with viz colour (community, or type before Analyse),
// size (PageRank, or mentions) and shape (type). Edge weight is the
// chosen measure, negative PMI counting as 0. Relations follow the
// co-occurrence edges as directed edges (met stays undirected) labelled
// with their type. With View.Slice set the graph is dynamic: every node
// and edge has a spell for each period it was seen in, so Gephi's
// timeline plays it. The pruning steps, if any, are in meta/description.
func WriteGEXF(w io.Writer, g *Graph) error {
	doc := gexfDoc{
		XMLNS: gexfNS, XMLNSViz: gexfVizNS, XMLNSXsi: xsiNS, SchemaLocation: gexfSchema, Version: "1.3",
		Meta:  gexfMeta{Creator: "entigraph", Description: description(g)},
		Graph: gexfGraph{DefaultEdgeType: "undirected", Mode: "static"},
	}
	dynamic := g.Slice != NoPeriod && g.Dated()
	if dynamic {
		doc.Graph.Mode, doc.Graph.TimeFormat = "dynamic", "date"
	}
	nas := nodeAttrs(g)
	na := gexfAttributes{Class: "node", Mode: "static"}
	for _, a := range nas {
		if a.name != "label" {
			na.Attrs = append(na.Attrs, gexfAttribute{a.name, a.name, gexfTypes[a.kind]})
		}
	}
	eas := edgeAttrs(g)
	ea := gexfAttributes{Class: "edge", Mode: "static"}
	for _, a := range eas {
		ea.Attrs = append(ea.Attrs, gexfAttribute{a.name, a.name, gexfTypes[a.kind]})
	}
	doc.Graph.Attributes = []gexfAttributes{na, ea}
	maxv := maxScaleValue(g)
	for i := range g.Nodes {
		n := &g.Nodes[i]
		gn := gexfNode{ID: n.Key, Label: n.Label}
		for _, a := range nas {
			if v := a.value(n); a.name != "label" && v != nil {
				gn.AttValues = append(gn.AttValues, gexfAttValue{a.name, formatValue(v)})
			}
		}
		if dynamic {
			gn.Spells = spells(n.Time, g.Slice)
		}
		r, gg, b := rgb(nodeColor(g, n))
		gn.Color = gexfColor{r, gg, b}
		gn.Size = gexfValue{strconv.FormatFloat(5+25*nodeScale(g, n, maxv), 'f', 2, 64)}
		gn.Shape = gexfValue{gexfShapes[n.Type]}
		if gn.Shape.Value == "" {
			gn.Shape.Value = "disc"
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, gn)
	}
	ls := links(g)
	for i := range ls {
		l := &ls[i]
		ge := gexfEdge{ID: strconv.Itoa(i), Source: l.source, Target: l.target}
		if l.r != nil {
			ge.Label, ge.Weight = l.r.Type.Label(), strconv.Itoa(l.r.Count)
			if l.directed {
				ge.Type = "directed"
			}
		} else {
			ge.Weight = formatValue(max(edgeWeight(g, l.e), 0))
		}
		for _, a := range eas {
			if v := a.value(l); v != nil {
				ge.AttValues = append(ge.AttValues, gexfAttValue{a.name, formatValue(v)})
			}
		}
		if dynamic {
			ge.Spells = spells(*l.time(), g.Slice)
		}
		doc.Graph.Edges = append(doc.Graph.Edges, ge)
	}
	return writeXML(w, doc)
}

// description summarizes how g was made, for the formats' metadata.
func description(g *Graph) string {
	lines := []string{"Entity co-occurrence graph: scope " + g.Options.Scope.String() + ", weight " + weightName(g) + "."}
	for _, p := range g.Pruned {
		lines = append(lines, p.String()+".")
	}
	return strings.Join(lines, "\n")
}

// writeXML writes the XML declaration and v, indented.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
