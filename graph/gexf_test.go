package graph

import (
	"strconv"
	"testing"
)

// parseGEXF reads GEXF with encoding/xml and checks it against the GEXF
// 1.3 schema's required structure: <gexf version="1.3"> holding one
// <graph> with typed <attributes> declarations, <nodes> whose <node>s
// have unique ids, <attvalue>s that refer to declared attributes and
// parse as their type, viz colour/size/shape in the viz namespace, and
// <edges> whose <edge>s have unique ids and ends among the nodes.
func parseGEXF(t *testing.T, data []byte) table {
	t.Helper()
	root := parseXML(t, data)
	if root.XMLName.Space != gexfNS || root.XMLName.Local != "gexf" {
		t.Fatalf("root element %v, want {%s}gexf", root.XMLName, gexfNS)
	}
	if v := root.need(t, "version"); v != "1.3" {
		t.Errorf("version %q, want 1.3", v)
	}
	graph := root.one(t, gexfNS, "graph")
	if v := graph.need(t, "defaultedgetype"); v != "undirected" {
		t.Errorf("defaultedgetype %q", v)
	}
	types := map[string]map[string]string{} // class -> id -> type
	for _, as := range graph.children(gexfNS, "attributes") {
		class := as.need(t, "class")
		if class != "node" && class != "edge" {
			t.Errorf("attributes class %q", class)
		}
		types[class] = map[string]string{}
		for _, a := range as.children(gexfNS, "attribute") {
			id, typ := a.need(t, "id"), a.need(t, "type")
			a.need(t, "title")
			switch typ {
			case "integer", "long", "double", "float", "boolean", "string", "liststring":
			default:
				t.Errorf("attribute %s has type %q", id, typ)
			}
			types[class][id] = typ
		}
	}
	attvalues := func(el *xmlElement, class string) map[string]string {
		out := map[string]string{}
		for _, avs := range el.children(gexfNS, "attvalues") {
			for _, av := range avs.children(gexfNS, "attvalue") {
				id, v := av.need(t, "for"), av.need(t, "value")
				typ, ok := types[class][id]
				if !ok {
					t.Errorf("%s attvalue for undeclared attribute %q", class, id)
				}
				checkTyped(t, id, typ, v)
				out[id] = v
			}
		}
		return out
	}
	tb := table{Nodes: map[string]map[string]string{}, Edges: map[string]map[string]string{}}
	for _, n := range graph.one(t, gexfNS, "nodes").children(gexfNS, "node") {
		id := n.need(t, "id")
		if _, dup := tb.Nodes[id]; dup {
			t.Errorf("duplicate node id %q", id)
		}
		attrs := attvalues(n, "node")
		attrs["label"] = n.need(t, "label")
		tb.Nodes[id] = attrs
		c := n.one(t, gexfVizNS, "color")
		for _, ch := range []string{"r", "g", "b"} {
			if v, err := strconv.Atoi(c.need(t, ch)); err != nil || v < 0 || v > 255 {
				t.Errorf("node %q: colour %s=%q", id, ch, c.need(t, ch))
			}
		}
		if v, err := strconv.ParseFloat(n.one(t, gexfVizNS, "size").need(t, "value"), 64); err != nil || v <= 0 {
			t.Errorf("node %q: bad viz:size", id)
		}
		switch s := n.one(t, gexfVizNS, "shape").need(t, "value"); s {
		case "disc", "square", "triangle", "diamond":
		default:
			t.Errorf("node %q: viz:shape %q", id, s)
		}
	}
	ids := map[string]bool{}
	for _, e := range graph.one(t, gexfNS, "edges").children(gexfNS, "edge") {
		id, s, tg := e.need(t, "id"), e.need(t, "source"), e.need(t, "target")
		if ids[id] {
			t.Errorf("duplicate edge id %q", id)
		}
		ids[id] = true
		if tb.Nodes[s] == nil || tb.Nodes[tg] == nil {
			t.Errorf("edge %s: unknown end %q or %q", id, s, tg)
		}
		if w, err := strconv.ParseFloat(e.need(t, "weight"), 64); err != nil || w < 0 {
			t.Errorf("edge %s: weight %q", id, e.need(t, "weight"))
		}
		tb.addEdge(s, tg, attvalues(e, "edge"))
	}
	return tb
}

// checkTyped fails when v does not parse as type typ (GEXF and GraphML
// type names).
func checkTyped(t *testing.T, name, typ, v string) {
	t.Helper()
	var err error
	switch typ {
	case "integer", "int", "long":
		_, err = strconv.ParseInt(v, 10, 64)
	case "double", "float":
		_, err = strconv.ParseFloat(v, 64)
	case "boolean":
		_, err = strconv.ParseBool(v)
	}
	if err != nil {
		t.Errorf("%s: %q is not a %s", name, v, typ)
	}
}
