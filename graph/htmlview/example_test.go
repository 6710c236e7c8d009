package htmlview_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/graph/htmlview"
)

func ExampleWrite() {
	g := &graph.Graph{
		Nodes: []graph.Node{
			{Key: "Ana Silva", Label: "Ana Silva", Type: annot.Person, Mentions: 2, Docs: 1},
			{Key: "Lisbon", Label: "Lisbon", Type: annot.Loc, Mentions: 1, Docs: 1},
		},
		Edges: []graph.Edge{{Source: "Ana Silva", Target: "Lisbon", Weight: 1, Units: 1, Docs: 1,
			Evidence: []graph.Evidence{{Doc: "a.txt", Start: 0, End: 25, Text: "Ana Silva flew to Lisbon."}}}},
	}
	var page bytes.Buffer
	if err := htmlview.Write(&page, g, htmlview.Options{Title: "Two entities"}); err != nil {
		panic(err)
	}
	html := page.String()
	fmt.Println(strings.HasPrefix(html, "<!DOCTYPE html>"))
	fmt.Println(strings.Contains(html, "<title>Two entities</title>"))
	fmt.Println(strings.Contains(html, `"text":"Ana Silva flew to Lisbon."`))
	// Output:
	// true
	// true
	// true
}
