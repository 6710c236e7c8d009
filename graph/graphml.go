package graph

import (
	"encoding/xml"
	"io"
	"strconv"
)

// GraphML namespace and schema (http://graphml.graphdrawing.org/).
const (
	graphmlNS     = "http://graphml.graphdrawing.org/xmlns"
	graphmlSchema = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
)

type graphmlDoc struct {
	XMLName        xml.Name     `xml:"graphml"`
	XMLNS          string       `xml:"xmlns,attr"`
	XMLNSXsi       string       `xml:"xmlns:xsi,attr"`
	SchemaLocation string       `xml:"xsi:schemaLocation,attr"`
	Desc           string       `xml:"desc,omitempty"`
	Keys           []graphmlKey `xml:"key"`
	Graph          graphmlGraph `xml:"graph"`
}

type graphmlKey struct {
	ID       string `xml:"id,attr"`
	For      string `xml:"for,attr"`
	AttrName string `xml:"attr.name,attr"`
	AttrType string `xml:"attr.type,attr"`
}

type graphmlGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []graphmlNode `xml:"node"`
	Edges       []graphmlEdge `xml:"edge"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type graphmlNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphmlData `xml:"data"`
}

type graphmlEdge struct {
	ID       string        `xml:"id,attr"`
	Source   string        `xml:"source,attr"`
	Target   string        `xml:"target,attr"`
	Directed string        `xml:"directed,attr,omitempty"` // relations: true, or false for met
	Data     []graphmlData `xml:"data"`
}

var graphmlTypes = map[attrKind]string{attrString: "string", attrInt: "int", attrDouble: "double", attrBool: "boolean"}

// WriteGraphML writes g as GraphML: an undirected graph whose node ids are
// the node keys, with a typed <key> declaration (attr.name, attr.type) for
// every attribute of WriteJSON plus "color" (a "#rrggbb" fill, by
// community once analysed, else by type), and one <data> per attribute.
// Node keys are prefixed "n_", edge keys "e_". Relations follow the
// co-occurrence edges, with directed="true" (false for met) and their
// kind, relation type and score. How the graph was pruned is in <desc>.
func WriteGraphML(w io.Writer, g *Graph) error {
	doc := graphmlDoc{
		XMLNS: graphmlNS, XMLNSXsi: xsiNS, SchemaLocation: graphmlSchema,
		Desc:  description(g),
		Graph: graphmlGraph{ID: "entigraph", EdgeDefault: "undirected"},
	}
	nas := nodeAttrs(g)
	eas := edgeAttrs(g)
	for _, a := range nas {
		doc.Keys = append(doc.Keys, graphmlKey{"n_" + a.name, "node", a.name, graphmlTypes[a.kind]})
	}
	doc.Keys = append(doc.Keys, graphmlKey{"n_color", "node", "color", "string"})
	for _, a := range eas {
		doc.Keys = append(doc.Keys, graphmlKey{"e_" + a.name, "edge", a.name, graphmlTypes[a.kind]})
	}
	for i := range g.Nodes {
		n := &g.Nodes[i]
		gn := graphmlNode{ID: n.Key}
		for _, a := range nas {
			if v := a.value(n); v != nil {
				gn.Data = append(gn.Data, graphmlData{"n_" + a.name, formatValue(v)})
			}
		}
		gn.Data = append(gn.Data, graphmlData{"n_color", nodeColor(g, n)})
		doc.Graph.Nodes = append(doc.Graph.Nodes, gn)
	}
	ls := links(g)
	for i := range ls {
		l := &ls[i]
		ge := graphmlEdge{ID: "e" + strconv.Itoa(i), Source: l.source, Target: l.target}
		if l.r != nil {
			ge.Directed = strconv.FormatBool(l.directed)
		}
		for _, a := range eas {
			if v := a.value(l); v != nil {
				ge.Data = append(ge.Data, graphmlData{"e_" + a.name, formatValue(v)})
			}
		}
		doc.Graph.Edges = append(doc.Graph.Edges, ge)
	}
	return writeXML(w, doc)
}
