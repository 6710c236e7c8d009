package graph

import (
	"bytes"
	"encoding/csv"
	"testing"
)

// parseCSV reads nodes.csv and edges.csv with encoding/csv: a header row
// whose first columns are id (nodes) and source, target (edges), rows of
// the header's width, unique node ids, and edges between nodes.
func parseCSV(t *testing.T, nodes, edges []byte) table {
	t.Helper()
	read := func(name string, data []byte, first ...string) (header []string, rows [][]string) {
		r := csv.NewReader(bytes.NewReader(data))
		all, err := r.ReadAll() // also checks every row has the header's width
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(all) == 0 {
			t.Fatalf("%s: no header", name)
		}
		for i, f := range first {
			if len(all[0]) <= i || all[0][i] != f {
				t.Fatalf("%s: header %v, want it to start with %v", name, all[0], first)
			}
		}
		seen := map[string]bool{}
		for _, h := range all[0] {
			if seen[h] || h == "" {
				t.Errorf("%s: empty or duplicate column %q", name, h)
			}
			seen[h] = true
		}
		return all[0], all[1:]
	}
	tb := table{Nodes: map[string]map[string]string{}, Edges: map[string]map[string]string{}}
	header, rows := read("nodes.csv", nodes, "id")
	for _, row := range rows {
		if _, dup := tb.Nodes[row[0]]; dup {
			t.Errorf("duplicate node id %q", row[0])
		}
		attrs := map[string]string{}
		for i, h := range header[1:] {
			if row[i+1] != "" || h == "aliases" { // what a node does not have, such as a date, is empty
				attrs[h] = row[i+1]
			}
		}
		tb.Nodes[row[0]] = attrs
	}
	header, rows = read("edges.csv", edges, "source", "target")
	for _, row := range rows {
		if tb.Nodes[row[0]] == nil || tb.Nodes[row[1]] == nil {
			t.Errorf("edge with unknown end %q or %q", row[0], row[1])
		}
		attrs := map[string]string{}
		for i, h := range header[2:] {
			if row[i+2] != "" { // what a link does not have, such as a relation's pmi
				attrs[h] = row[i+2]
			}
		}
		tb.addEdge(row[0], row[1], attrs)
	}
	return tb
}
