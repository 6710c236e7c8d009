package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/graph/htmlview"
	"github.com/entigraph/entigraph/input"
)

// TestLibraryMatchesCLI checks that a program calling the library with
// its zero-value configuration writes the bytes `entigraph build` writes,
// for every format: the CLI adds flags, not steps.
func TestLibraryMatchesCLI(t *testing.T) {
	writers := map[string]func(*bytes.Buffer, *graph.Graph) error{
		"dot":     func(b *bytes.Buffer, g *graph.Graph) error { return graph.WriteDOT(b, g) },
		"gexf":    func(b *bytes.Buffer, g *graph.Graph) error { return graph.WriteGEXF(b, g) },
		"graphml": func(b *bytes.Buffer, g *graph.Graph) error { return graph.WriteGraphML(b, g) },
		"json":    func(b *bytes.Buffer, g *graph.Graph) error { return graph.WriteJSON(b, g) },
		"html":    func(b *bytes.Buffer, g *graph.Graph) error { return htmlview.Write(b, g, htmlview.Options{}) },
	}
	corpus, err := entigraph.Build(context.Background(), entigraph.Config{}, entigraph.Paths([]string{articles}, nil, input.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	g, err := corpus.Graph(entigraph.View{})
	if err != nil {
		t.Fatal(err)
	}
	for format, write := range writers {
		t.Run(format, func(t *testing.T) {
			var lib bytes.Buffer
			if err := write(&lib, g); err != nil {
				t.Fatal(err)
			}
			cli, stderr, code := runCLI(t, "", "build", "-q", "--format", format, articles)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if diff := cmp.Diff(lib.String(), cli); diff != "" {
				t.Errorf("library and CLI differ (-library +cli):\n%s", diff)
			}
		})
	}
}
