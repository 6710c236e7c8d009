package graph

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// parseJSON reads node-link JSON with encoding/json: "nodes" with ids,
// "links" whose source and target are node ids, and attributes of JSON
// type string or number, except aliases, an array of {name, count}.
func parseJSON(t *testing.T, data []byte) table {
	t.Helper()
	var doc struct {
		Directed   *bool            `json:"directed"`
		Multigraph *bool            `json:"multigraph"`
		Graph      map[string]any   `json:"graph"`
		Nodes      []map[string]any `json:"nodes"`
		Links      []map[string]any `json:"links"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	hasRelations := false
	for _, l := range doc.Links {
		hasRelations = hasRelations || l["kind"] == "relation"
	}
	if doc.Directed == nil || *doc.Directed != hasRelations || doc.Multigraph == nil || *doc.Multigraph != hasRelations || doc.Graph == nil {
		t.Errorf(`want "directed" and "multigraph" %t (as the graph has relations or not) and a "graph" object`, hasRelations)
	}
	text := func(k string, v any) string {
		switch v := v.(type) {
		case string:
			return v
		case float64:
			return strconv.FormatFloat(v, 'g', -1, 64)
		case bool:
			return strconv.FormatBool(v)
		case []any: // aliases
			var names []string
			for _, a := range v {
				m, _ := a.(map[string]any)
				name, ok := m["name"].(string)
				if _, okc := m["count"].(float64); !ok || !okc {
					t.Errorf("%s: alias %v lacks name or count", k, a)
				}
				names = append(names, name)
			}
			return strings.Join(names, "|")
		}
		t.Errorf("%s: unexpected JSON value %v", k, v)
		return ""
	}
	tb := table{Nodes: map[string]map[string]string{}, Edges: map[string]map[string]string{}}
	for _, n := range doc.Nodes {
		id, ok := n["id"].(string)
		if !ok {
			t.Fatalf("node without a string id: %v", n)
		}
		attrs := map[string]string{}
		for k, v := range n {
			if k != "id" && k != "periods" {
				attrs[k] = text(k, v)
			}
		}
		tb.Nodes[id] = attrs
	}
	for _, l := range doc.Links {
		s, _ := l["source"].(string)
		tg, _ := l["target"].(string)
		if tb.Nodes[s] == nil || tb.Nodes[tg] == nil {
			t.Errorf("link with unknown end %q or %q", s, tg)
		}
		attrs := map[string]string{}
		for k, v := range l {
			switch k {
			case "source", "target", "label", "periods": // label: GEXF's edge label; periods: GEXF's spells
			case "evidence": // JSON only: check its shape
				ev, ok := v.([]any)
				if !ok {
					t.Errorf("link %s - %s: evidence %v is not an array", s, tg, v)
				}
				for _, x := range ev {
					m, _ := x.(map[string]any)
					_, okd := m["doc"].(string)
					_, oks := m["start"].(float64)
					_, oke := m["end"].(float64)
					_, okt := m["text"].(string)
					if !okd || !oks || !oke || !okt {
						t.Errorf("link %s - %s: evidence %v lacks doc, start, end or text", s, tg, x)
					}
				}
			default:
				attrs[k] = text(k, v)
			}
		}
		tb.addEdge(s, tg, attrs)
	}
	return tb
}
