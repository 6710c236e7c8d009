package main

import (
	"flag"
	"io"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph"
	entibeam "github.com/entigraph/entigraph/beam"
	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/input"
)

// parse parses args as run does, on a fresh flag set.
func parse(t *testing.T, args ...string) (entibeam.Options, []string, error) {
	t.Helper()
	var f flags
	fs := flag.NewFlagSet("entigraph-beam", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f.register(fs)
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return entibeam.Options{}, nil, err
	}
	o, err := f.options()
	return o, paths, err
}

// TestFlags checks that the flags set the options the entigraph command
// sets for the same flags.
func TestFlags(t *testing.T) {
	defaults := entibeam.Options{
		Format: "dot", Output: "g.dot",
		Input: input.Options{MaxDocBytes: input.DefaultMaxDocBytes},
		Graph: entibeam.GraphOptions{Scope: "sentence", Types: []string{"PERSON", "ORG", "LOC"}, MinMentions: 1, Evidence: graph.DefaultEvidence},
		View:  entigraph.View{TopNodes: entigraph.DefaultTopNodes, TopEdges: entigraph.DefaultTopEdges, Depth: 1},
	}
	tests := []struct {
		name      string
		args      []string
		want      func(*entibeam.Options)
		wantPaths []string
	}{
		{"defaults", []string{"-o", "g.dot", "a.txt"}, func(*entibeam.Options) {}, []string{"a.txt"}},
		{"flags after paths", []string{"a.txt", "--format", "gexf", "b.jsonl", "--output", "g.dot"},
			func(o *entibeam.Options) { o.Format = "gexf" }, []string{"a.txt", "b.jsonl"}},
		{"after --", []string{"-o", "g.dot", "--", "-q", "a.txt"}, func(*entibeam.Options) {}, []string{"-q", "a.txt"}},
		{"graph flags", []string{"-o", "g.dot", "--scope", "window:3", "--types", "person, org", "--min-mentions", "2", "--evidence", "0", "--keep-duplicates", "x"},
			func(o *entibeam.Options) {
				o.Graph.Scope, o.Graph.Types, o.Graph.MinMentions, o.Graph.Evidence = "window:3", []string{"person", "org"}, 2, -1
				o.KeepDuplicates = true
			}, []string{"x"}},
		{"view flags", []string{"-o", "g.dot", "--weight", "npmi", "--top-nodes", "0", "--top-edges", "3", "--giant", "--color", "community",
			"--focus", "Ana", "--depth", "2", "--edges", "relations", "--min-score", "0.5", "--rank", "pagerank", "--slice", "month", "x"},
			func(o *entibeam.Options) {
				o.View = entigraph.View{Measure: graph.MeasureNPMI, TopNodes: -1, TopEdges: 3, Giant: true, ColorCommunities: true,
					Focus: "Ana", Depth: 2, Edges: entigraph.RelationEdges, MinScore: 0.5, Rank: graph.RankPageRank, Slice: graph.Month}
			}, []string{"x"}},
		{"time window", []string{"-o", "g.dot", "--since", "1987-03-01", "--until", "1987-03-31", "x"},
			func(o *entibeam.Options) {
				o.Since = time.Date(1987, 3, 1, 0, 0, 0, 0, time.UTC)
				o.Until = time.Date(1987, 3, 31, 0, 0, 0, 0, time.UTC)
			}, []string{"x"}},
		{"input flags", []string{"-o", "g.dot", "--input-format", "jsonl", "--text-field", "body", "--id-field", "uid", "--title-field", "-", "--date-field", "when", "--max-doc-bytes", "100",
			"--url-field", "link", "--csv-delimiter", "tab", "x"},
			func(o *entibeam.Options) {
				o.Input = input.Options{Format: input.JSONL, TextField: "body", IDField: "uid", TitleField: "-", DateField: "when", MaxDocBytes: 100,
					URLField: "link", CSVDelimiter: '\t'}
			}, []string{"x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, paths, err := parse(t, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			want := defaults
			want.Graph.Types = append([]string(nil), defaults.Graph.Types...)
			tt.want(&want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantPaths, paths); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
		})
	}
}

// TestBadFlags checks that mistakes are refused before a pipeline is
// built.
func TestBadFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"no output", []string{"x"}},
		{"unknown format", []string{"-o", "g", "--format", "svg", "x"}},
		{"unknown type", []string{"-o", "g", "--types", "PLACE", "x"}},
		{"no type", []string{"-o", "g", "--types", ",", "x"}},
		{"bad scope", []string{"-o", "g", "--scope", "page", "x"}},
		{"bad weight", []string{"-o", "g", "--weight", "heavy", "x"}},
		{"negative top nodes", []string{"-o", "g", "--top-nodes", "-1", "x"}},
		{"bad backbone", []string{"-o", "g", "--backbone", "1", "x"}},
		{"bad colour", []string{"-o", "g", "--color", "red", "x"}},
		{"missing aliases file", []string{"-o", "g", "--aliases", "/nonexistent/aliases.csv", "x"}},
		{"unknown flag", []string{"-o", "g", "--render", "svg", "x"}},
		{"bad max doc bytes", []string{"-o", "g", "--max-doc-bytes", "0", "x"}},
		{"bad csv delimiter", []string{"-o", "g", "--csv-delimiter", "ab", "x"}},
		{"bad date", []string{"-o", "g", "--since", "March", "x"}},
		{"until before since", []string{"-o", "g", "--since", "1987-03-02", "--until", "1987-03-01", "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := parse(t, tt.args...); err == nil {
				t.Errorf("%q accepted", tt.args)
			}
		})
	}
}
