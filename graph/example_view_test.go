package graph_test

import (
	"fmt"
	"os"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/graph"
)

// sample is a graph as Partial.Graph returns it: two pairs of entities
// in 10 sentences.
func sample() *graph.Graph {
	return &graph.Graph{
		Nodes: []graph.Node{
			{Key: "Ana Silva", Label: "Ana Silva", Type: annot.Person, Mentions: 4, Docs: 2, Units: 4, Aliases: []graph.Alias{{Name: "Ana Silva", Count: 3}, {Name: "Silva", Count: 1}}},
			{Key: "Bo Chen", Label: "Bo Chen", Type: annot.Person, Mentions: 2, Docs: 1, Units: 2},
			{Key: "Lisbon", Label: "Lisbon", Type: annot.Loc, Mentions: 5, Docs: 2, Units: 5},
			{Key: "Porto", Label: "Porto", Type: annot.Loc, Mentions: 1, Docs: 1, Units: 1},
		},
		Edges: []graph.Edge{
			{Source: "Ana Silva", Target: "Bo Chen", Weight: 2, Units: 2, Docs: 1},
			{Source: "Ana Silva", Target: "Lisbon", Weight: 3, Units: 3, Docs: 2},
			{Source: "Lisbon", Target: "Porto", Weight: 1, Units: 1, Docs: 1},
		},
		Units: 10,
	}
}

func ExampleWeigh() {
	g := graph.Weigh(sample(), graph.MeasureNPMI)
	for _, e := range g.Edges {
		fmt.Printf("%s - %s: units %d, pmi %.2f, npmi %.2f, dice %.2f, jaccard %.2f\n",
			e.Source, e.Target, e.Units, e.PMI, e.NPMI, e.Dice, e.Jaccard)
	}
	// Output:
	// Ana Silva - Bo Chen: units 2, pmi 1.32, npmi 0.57, dice 0.67, jaccard 0.50
	// Ana Silva - Lisbon: units 3, pmi 0.58, npmi 0.34, dice 0.67, jaccard 0.50
	// Lisbon - Porto: units 1, pmi 1.00, npmi 0.30, dice 0.33, jaccard 0.20
}

func ExamplePrune() {
	g, err := graph.Prune(graph.Weigh(sample(), graph.MeasureCount), graph.PruneOptions{Focus: "silva", TopNodes: 2})
	if err != nil {
		panic(err)
	}
	for _, n := range g.Nodes {
		fmt.Println(n.Key)
	}
	for _, p := range g.Pruned {
		fmt.Println(p)
	}
	// Output:
	// Ana Silva
	// Lisbon
	// pruned 1 node / 1 edge by --focus "silva" --depth 1; rerun with no --focus to keep them
	// pruned 1 node / 1 edge by --top-nodes 2 (by degree); rerun with --top-nodes 0 to keep them
}

func ExampleAnalyse() {
	g := graph.Analyse(graph.Weigh(sample(), graph.MeasureCount), graph.AnalyseOptions{})
	for _, n := range g.Nodes {
		fmt.Printf("%s: degree %d, weighted %g, pagerank %.3f, community %d\n",
			n.Key, n.Degree, n.WeightedDegree, n.PageRank, n.Community)
	}
	// Output:
	// Ana Silva: degree 2, weighted 5, pagerank 0.393, community 0
	// Bo Chen: degree 1, weighted 2, pagerank 0.171, community 0
	// Lisbon: degree 2, weighted 4, pagerank 0.329, community 0
	// Porto: degree 1, weighted 1, pagerank 0.107, community 0
}

func ExampleWriteCSV() {
	g := graph.Weigh(sample(), graph.MeasureDice)
	if err := graph.WriteCSV(os.Stdout, os.Stdout, g); err != nil {
		panic(err)
	}
	// Output:
	// id,label,type,mentions,docs,units,aliases
	// Ana Silva,Ana Silva,PERSON,4,2,4,Ana Silva|Silva
	// Bo Chen,Bo Chen,PERSON,2,1,2,
	// Lisbon,Lisbon,LOC,5,2,5,
	// Porto,Porto,LOC,1,1,1,
	// source,target,weight,units,docs,pmi,npmi,dice,jaccard
	// Ana Silva,Bo Chen,0.666667,2,1,1.32193,0.569323,0.666667,0.5
	// Ana Silva,Lisbon,0.666667,3,2,0.584963,0.336773,0.666667,0.5
	// Lisbon,Porto,0.333333,1,1,1,0.30103,0.333333,0.2
}

func ExampleWriteJSON() {
	g := graph.Weigh(sample(), graph.MeasureCount)
	g.Nodes, g.Edges = g.Nodes[:2], g.Edges[:1]
	g.Edges[0].Evidence = []graph.Evidence{{Doc: "a.txt", Start: 0, End: 32, Text: "Ana Silva met Bo Chen in Lisbon."}}
	if err := graph.WriteJSON(os.Stdout, g); err != nil {
		panic(err)
	}
	// Output:
	// {"directed": false, "multigraph": false, "graph": {"scope": "sentence", "weight": "count", "units": 10},
	// "nodes": [
	// {"id": "Ana Silva", "label": "Ana Silva", "type": "PERSON", "mentions": 4, "docs": 2, "units": 4, "aliases": [{"name":"Ana Silva","count":3},{"name":"Silva","count":1}]},
	// {"id": "Bo Chen", "label": "Bo Chen", "type": "PERSON", "mentions": 2, "docs": 1, "units": 2, "aliases": []}
	// ],
	// "links": [
	// {"source": "Ana Silva", "target": "Bo Chen", "weight": 2, "units": 2, "docs": 1, "pmi": 1.32193, "npmi": 0.569323, "dice": 0.666667, "jaccard": 0.5, "evidence": [{"doc":"a.txt","start":0,"end":32,"text":"Ana Silva met Bo Chen in Lisbon."}]}
	// ]}
}
