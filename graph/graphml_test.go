package graph

import "testing"

// parseGraphML reads GraphML with encoding/xml and checks the structure
// the GraphML schema requires: <graphml> in the GraphML namespace, all
// <key>s (unique id, for, attr.name, a valid attr.type) before one <graph
// edgedefault=...>, nodes with unique ids, <data> whose key is declared
// for that kind of element and whose text parses as the key's type, and
// edges whose ends are nodes.
func parseGraphML(t *testing.T, data []byte) table {
	t.Helper()
	root := parseXML(t, data)
	if root.XMLName.Space != graphmlNS || root.XMLName.Local != "graphml" {
		t.Fatalf("root element %v, want {%s}graphml", root.XMLName, graphmlNS)
	}
	type key struct{ forKind, name, typ string }
	keys := map[string]key{}
	sawGraph := false
	for _, c := range root.Children {
		switch c.XMLName.Local {
		case "key":
			if sawGraph {
				t.Error("<key> after <graph>")
			}
			id := c.need(t, "id")
			k := key{c.need(t, "for"), c.need(t, "attr.name"), c.need(t, "attr.type")}
			if _, dup := keys[id]; dup {
				t.Errorf("duplicate key id %q", id)
			}
			switch k.typ {
			case "boolean", "int", "long", "float", "double", "string":
			default:
				t.Errorf("key %s: attr.type %q", id, k.typ)
			}
			switch k.forKind {
			case "node", "edge", "graph", "all":
			default:
				t.Errorf("key %s: for=%q", id, k.forKind)
			}
			keys[id] = k
		case "graph":
			sawGraph = true
		}
	}
	graph := root.one(t, graphmlNS, "graph")
	if v := graph.need(t, "edgedefault"); v != "undirected" {
		t.Errorf("edgedefault %q", v)
	}
	datas := func(el *xmlElement, kind string) map[string]string {
		out := map[string]string{}
		for _, d := range el.children(graphmlNS, "data") {
			id := d.need(t, "key")
			k, ok := keys[id]
			if !ok || (k.forKind != kind && k.forKind != "all") {
				t.Errorf("%s data with undeclared key %q", kind, id)
				continue
			}
			checkTyped(t, k.name, k.typ, d.Text)
			if k.name != "color" { // GraphML's own extra
				out[k.name] = d.Text
			}
		}
		return out
	}
	tb := table{Nodes: map[string]map[string]string{}, Edges: map[string]map[string]string{}}
	for _, n := range graph.children(graphmlNS, "node") {
		id := n.need(t, "id")
		if _, dup := tb.Nodes[id]; dup {
			t.Errorf("duplicate node id %q", id)
		}
		tb.Nodes[id] = datas(n, "node")
	}
	for _, e := range graph.children(graphmlNS, "edge") {
		s, tg := e.need(t, "source"), e.need(t, "target")
		if tb.Nodes[s] == nil || tb.Nodes[tg] == nil {
			t.Errorf("edge with unknown end %q or %q", s, tg)
		}
		tb.addEdge(s, tg, datas(e, "edge"))
	}
	return tb
}
