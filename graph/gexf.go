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
	Weight    string         `xml:"weight,attr"`
	AttValues []gexfAttValue `xml:"attvalues>attvalue"`
}

var gexfTypes = map[attrKind]string{attrString: "string", attrInt: "integer", attrDouble: "double"}

var gexfShapes = map[annot.Type]string{annot.Person: "disc", annot.Org: "square", annot.Loc: "triangle"}

// WriteGEXF writes g as GEXF 1.3 for Gephi: an undirected static graph
// whose nodes and edges carry the attributes of WriteJSON as typed
// attvalues (the label is the node's own label), with viz colour
// (community, or type before Analyse), size (PageRank, or mentions) and
// shape (type). Edge weight is the chosen measure, negative PMI counting
// as 0. The pruning steps, if any, are in meta/description.
func WriteGEXF(w io.Writer, g *Graph) error {
	doc := gexfDoc{
		XMLNS: gexfNS, XMLNSViz: gexfVizNS, XMLNSXsi: xsiNS, SchemaLocation: gexfSchema, Version: "1.3",
		Meta:  gexfMeta{Creator: "entigraph", Description: description(g)},
		Graph: gexfGraph{DefaultEdgeType: "undirected", Mode: "static"},
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
			if a.name != "label" {
				gn.AttValues = append(gn.AttValues, gexfAttValue{a.name, formatValue(a.value(n))})
			}
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
	for i := range g.Edges {
		e := &g.Edges[i]
		ge := gexfEdge{ID: strconv.Itoa(i), Source: e.Source, Target: e.Target,
			Weight: formatValue(max(edgeWeight(g, e), 0))}
		for _, a := range eas {
			ge.AttValues = append(ge.AttValues, gexfAttValue{a.name, formatValue(a.value(e))})
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
