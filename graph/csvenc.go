package graph

import (
	"encoding/csv"
	"io"
)

// WriteCSV writes g as two RFC 4180 CSV tables with a header row: nodes
// (id, label, type, mentions, docs, units, aliases, and degree,
// weighted_degree, pagerank, community once analysed) and edges (source,
// target, weight, units, docs; kind, relation, directed and score when the
// graph has relations, which follow the co-occurrence edges; first_seen
// and last_seen when it has dates; and pmi, npmi, dice, jaccard once
// weighed, empty for relations).
// An edge's source and target are node ids; aliases are joined with "|";
// weight is the chosen measure. The headers are plain names, ready for
// pandas.read_csv and for Neo4j:
//
//	LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
//	MERGE (e:Entity {id: row.id})
//	SET e.type = row.type, e.mentions = toInteger(row.mentions), e.aliases = split(row.aliases, '|');
//	LOAD CSV WITH HEADERS FROM 'file:///edges.csv' AS row
//	MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
//	MERGE (a)-[r:CO_OCCURS]-(b) SET r.weight = toFloat(row.weight), r.units = toInteger(row.units);
func WriteCSV(nodes, edges io.Writer, g *Graph) error {
	nw := csv.NewWriter(nodes)
	nas := nodeAttrs(g)
	row := []string{"id"}
	for _, a := range nas {
		row = append(row, a.name)
	}
	nw.Write(row)
	for i := range g.Nodes {
		n := &g.Nodes[i]
		row = append(row[:0], n.Key)
		for _, a := range nas {
			row = append(row, formatValue(a.value(n)))
		}
		nw.Write(row)
	}
	nw.Flush()
	if err := nw.Error(); err != nil {
		return err
	}
	ew := csv.NewWriter(edges)
	eas := edgeAttrs(g)
	row = append(row[:0], "source", "target")
	for _, a := range eas {
		row = append(row, a.name)
	}
	ew.Write(row)
	ls := links(g)
	for i := range ls {
		l := &ls[i]
		row = append(row[:0], l.source, l.target)
		for _, a := range eas {
			row = append(row, formatValue(a.value(l)))
		}
		ew.Write(row)
	}
	ew.Flush()
	return ew.Error()
}
