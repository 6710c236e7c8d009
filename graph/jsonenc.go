package graph

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// WriteJSON writes g as node-link JSON, the layout of networkx's
// node_link_data and of d3-force:
//
//	{"directed": false, "multigraph": false,
//	 "graph": {"scope": "sentence", "weight": "count", "units": 812, "pruned": [...]},
//	 "nodes": [{"id": "Ismail Haniyeh", "label": ..., "aliases": [{"name": ..., "count": ...}], ...}],
//	 "links": [{"source": ..., "target": ..., "weight": ..., "count": ..., ...}]}
//
// Nodes and links carry every attribute the graph has (see the GEXF and
// GraphML writers for the same set); "weight" is the chosen measure.
// Relations follow the co-occurrence links, with "kind": "relation",
// "relation" (works_for, ...), "label" ("works for"), "directed" and
// "score"; the graph is then "directed" and a "multigraph". Only JSON has
// the structured attributes: a node's "aliases" ([{"name", "count"}]), a
// link's "evidence" ([{"doc", "start", "end", "text", "trigger"}]) and,
// for a sliced graph, "periods" ([{"period", "start", "end", "count"}]).
// Output is deterministic: the snapshot's order, one node or link a line.
func WriteJSON(w io.Writer, g *Graph) error {
	var buf bytes.Buffer
	head := object{
		{"scope", g.Options.Scope.String()},
		{"weight", weightName(g)},
		{"units", g.Units},
	}
	if len(g.Pruned) > 0 {
		notes := make([]string, len(g.Pruned))
		for i, p := range g.Pruned {
			notes[i] = p.String()
		}
		head = append(head, field{"pruned", notes})
	}
	if g.Slice != NoPeriod {
		head = append(head, field{"slice", g.Slice.String()})
	}
	if g.Period != "" {
		head = append(head, field{"period", g.Period})
	}
	directed := len(g.Relations) > 0
	fmt.Fprintf(&buf, `{"directed": %t, "multigraph": %t, "graph": `, directed, directed)
	if err := head.encode(&buf); err != nil {
		return err
	}
	buf.WriteString(",\n\"nodes\": [")
	nas := nodeAttrs(g)
	for i := range g.Nodes {
		n := &g.Nodes[i]
		o := object{{"id", n.Key}}
		for _, a := range nas {
			if v := a.value(n); a.name != "aliases" && v != nil {
				o = append(o, field{a.name, v})
			}
		}
		aliases := make([]jsonAlias, len(n.Aliases))
		for j, a := range n.Aliases {
			aliases[j] = jsonAlias{a.Name, a.Count}
		}
		o = append(o, field{"aliases", aliases})
		if g.Slice != NoPeriod && !n.FirstSeen.IsZero() {
			o = append(o, field{"periods", periodCounts(n.Time, g.Slice)})
		}
		buf.WriteString(sep(i))
		if err := o.encode(&buf); err != nil {
			return err
		}
	}
	buf.WriteString("\n],\n\"links\": [")
	eas := edgeAttrs(g)
	ls := links(g)
	for i := range ls {
		l := &ls[i]
		o := object{{"source", l.source}, {"target", l.target}}
		for _, a := range eas {
			if v := a.value(l); v != nil {
				o = append(o, field{a.name, v})
			}
		}
		if l.r != nil {
			o = append(o, field{"label", l.r.Type.Label()})
		}
		if t := l.time(); g.Slice != NoPeriod && !t.FirstSeen.IsZero() {
			o = append(o, field{"periods", periodCounts(*t, g.Slice)})
		}
		evidence := l.evidence()
		if evidence == nil {
			evidence = []Evidence{}
		}
		o = append(o, field{"evidence", evidence})
		buf.WriteString(sep(i))
		if err := o.encode(&buf); err != nil {
			return err
		}
	}
	buf.WriteString("\n]}\n")
	_, err := w.Write(buf.Bytes())
	return err
}

func sep(i int) string {
	if i == 0 {
		return "\n"
	}
	return ",\n"
}

// weightName names what edge weights hold.
func weightName(g *Graph) string {
	return g.Measure.String() // MeasureCount before Weigh, which is what Weight holds
}

// periodCounts is a timeline as [{"period", "start", "end", "count"}].
func periodCounts(t Time, p Period) []jsonPeriod {
	var out []jsonPeriod
	for _, c := range t.Counts(p) {
		out = append(out, jsonPeriod{c.Period, c.Start.Format("2006-01-02"), c.End.Format("2006-01-02"), c.Count})
	}
	return out
}

type jsonPeriod struct {
	Period string `json:"period"`
	Start  string `json:"start"`
	End    string `json:"end"`
	Count  int    `json:"count"`
}

type jsonAlias struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// object is a JSON object that keeps its fields in order.
type object []field

type field struct {
	key   string
	value any
}

func (o object) encode(buf *bytes.Buffer) error {
	buf.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			buf.WriteString(", ")
		}
		if err := encodeJSON(buf, f.key); err != nil {
			return err
		}
		buf.WriteString(": ")
		if err := encodeJSON(buf, f.value); err != nil {
			return err
		}
	}
	buf.WriteByte('}')
	return nil
}

// encodeJSON appends v without HTML escaping or a trailing newline.
func encodeJSON(buf *bytes.Buffer, v any) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1)
	return nil
}
