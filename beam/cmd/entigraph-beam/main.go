// Command entigraph-beam writes the graph `entigraph build` writes, byte
// for byte, with the documents analysed on an Apache Beam runner: prism
// (the default, in process), direct, or Flink, Spark and Google Cloud
// Dataflow (--runner flink|spark|dataflow|universal and their flags).
//
//	entigraph-beam [flags] PATH...
//	entigraph-beam --format gexf -o graph.gexf --runner prism news/*.jsonl.gz
//
// Flags may come before or after paths. The same binary is the worker the
// runner starts (Beam's --worker flag), so it must be built for the
// workers' platform.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx" // every runner and file system

	"github.com/entigraph/entigraph"
	entibeam "github.com/entigraph/entigraph/beam"
	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/input"
)

// Exit statuses, as the entigraph command's.
const (
	exitOK          = 0
	exitInputFailed = 1
	exitUsage       = 2
	exitFatal       = 3
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// flags are the entigraph build flags this command takes.
type flags struct {
	format, output, errors            string
	scope, types, aliases             string
	minMentions, evidence             int
	noRelations                       bool
	keepDuplicates, quiet             bool
	inputFormat                       string
	textField, idField, titleField    string
	dateField, urlField, csvDelimiter string
	maxDocBytes                       int64
	weight, rank, edges, slice        string
	color, focus                      string
	since, until                      string
	minWeight, backbone, minScore     float64
	topEdges, topNodes, depth         int
	giant                             bool
}

func (f *flags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.format, "format", "dot", "output format: dot, gexf, graphml, json or csv (csv writes DIR/nodes.csv and DIR/edges.csv for -o DIR)")
	fs.StringVar(&f.output, "o", "", "write to this file (a directory for csv): a local path or gs://...; required")
	fs.StringVar(&f.output, "output", "", "same as -o")
	fs.StringVar(&f.errors, "errors", "", "also write every failure to this file as JSON Lines, in input order")
	fs.StringVar(&f.scope, "scope", "sentence", "co-occurrence unit: sentence, paragraph, document or window:N")
	fs.StringVar(&f.types, "types", "PERSON,ORG,LOC", "comma-separated entity types to keep")
	fs.IntVar(&f.minMentions, "min-mentions", 1, "drop entities mentioned fewer times than this")
	fs.BoolVar(&f.noRelations, "no-relations", false, "do not extract relations (faster)")
	fs.IntVar(&f.evidence, "evidence", graph.DefaultEvidence, "supporting passages kept per edge (0 for none)")
	fs.StringVar(&f.aliases, "aliases", "", "resolution rules file (read here and sent to the workers)")
	fs.BoolVar(&f.keepDuplicates, "keep-duplicates", false, "keep every copy of an article")
	fs.StringVar(&f.since, "since", "", "keep only documents dated on or after this day (YYYY-MM-DD); undated ones are left out")
	fs.StringVar(&f.until, "until", "", "keep only documents dated on or before this day (YYYY-MM-DD); undated ones are left out")
	fs.BoolVar(&f.quiet, "q", false, "print only errors, no summary")
	fs.StringVar(&f.inputFormat, "input-format", "auto", "read every input as: auto (by extension), text, markdown, html, jsonl or csv")
	fs.StringVar(&f.textField, "text-field", "", "JSON Lines/CSV field holding the article text")
	fs.StringVar(&f.idField, "id-field", "", "field holding the document id; else PATH:LINE")
	fs.StringVar(&f.titleField, "title-field", "", `field holding the title; "-" for none`)
	fs.StringVar(&f.dateField, "date-field", "", "field holding the date")
	fs.StringVar(&f.urlField, "url-field", "", "field holding the article's URL")
	fs.StringVar(&f.csvDelimiter, "csv-delimiter", "auto", "CSV field separator: auto (detected from the header), tab, or one character")
	fs.Int64Var(&f.maxDocBytes, "max-doc-bytes", input.DefaultMaxDocBytes, "analyse at most this many bytes of one document")
	fs.StringVar(&f.weight, "weight", "count", "edge weight: count, docs, pmi, npmi, dice or jaccard")
	fs.Float64Var(&f.minWeight, "min-weight", 0, "drop edges whose --weight is below this")
	fs.IntVar(&f.topEdges, "top-edges", entigraph.DefaultTopEdges, "keep each entity's K strongest edges (0: all)")
	fs.IntVar(&f.topNodes, "top-nodes", entigraph.DefaultTopNodes, "keep the N highest-ranked entities (0: all)")
	fs.StringVar(&f.rank, "rank", "degree", "rank entities for --top-nodes by weighted degree or pagerank")
	fs.BoolVar(&f.giant, "giant", false, "keep only the largest connected component")
	fs.StringVar(&f.focus, "focus", "", "keep only the entities around NAME")
	fs.IntVar(&f.depth, "depth", 1, "with --focus: how many edges away from NAME to keep")
	fs.Float64Var(&f.backbone, "backbone", 0, "keep only edges significant at level ALPHA by the disparity filter (0: off)")
	fs.StringVar(&f.edges, "edges", "both", "links to show: cooccurrence, relations or both")
	fs.Float64Var(&f.minScore, "min-score", 0, "drop relations whose mean score is below this")
	fs.StringVar(&f.slice, "slice", "", "make a dynamic graph sliced by day, week, month or year (one file; no {period} outputs)")
	fs.StringVar(&f.color, "color", "type", "fill nodes by entity type or by community")
}

// options turns the flags into the pipeline's options, as the entigraph
// command does.
func (f *flags) options() (entibeam.Options, error) {
	var o entibeam.Options
	var err error
	o.Format, o.Output, o.Errors, o.KeepDuplicates = f.format, f.output, f.errors, f.keepDuplicates
	if o.Input.Format, err = input.ParseFormat(f.inputFormat); err != nil {
		return o, fmt.Errorf("--input-format: %w", err)
	}
	if f.maxDocBytes <= 0 {
		return o, errors.New("--max-doc-bytes must be positive")
	}
	o.Input.MaxDocBytes = f.maxDocBytes
	if o.Input.CSVDelimiter, err = input.ParseDelimiter(f.csvDelimiter); err != nil {
		return o, fmt.Errorf("--csv-delimiter: %w", err)
	}
	for _, d := range []struct {
		name, text string
		to         *time.Time
	}{{"--since", f.since, &o.Since}, {"--until", f.until, &o.Until}} {
		if d.text == "" {
			continue
		}
		t, ok := input.ParseDate(d.text)
		if !ok {
			return o, fmt.Errorf("%s: cannot read %q as a date (want YYYY-MM-DD)", d.name, d.text)
		}
		*d.to = t
	}
	o.Input.URLField = f.urlField
	o.Input.TextField, o.Input.IDField, o.Input.TitleField, o.Input.DateField = f.textField, f.idField, f.titleField, f.dateField
	o.Graph = entibeam.GraphOptions{Scope: f.scope, MinMentions: f.minMentions, Evidence: f.evidence, NoRelations: f.noRelations}
	for _, t := range strings.Split(f.types, ",") {
		if t = strings.TrimSpace(t); t != "" {
			o.Graph.Types = append(o.Graph.Types, t)
		}
	}
	if len(o.Graph.Types) == 0 {
		return o, errors.New("--types: no type given")
	}
	if o.Graph.Evidence == 0 {
		o.Graph.Evidence = -1 // the flag's 0 means none; the library's 0 means the default
	}
	if f.aliases != "" {
		b, err := os.ReadFile(f.aliases)
		if err != nil {
			return o, fmt.Errorf("--aliases: %w", err)
		}
		o.Graph.Aliases, o.Graph.AliasesName = string(b), f.aliases
	}
	if o.View, err = f.view(); err != nil {
		return o, err
	}
	if err := o.Check(); err != nil {
		return o, err
	}
	return o, nil
}

// view is the library's view of the view flags.
func (f *flags) view() (entigraph.View, error) {
	var v entigraph.View
	var err error
	if v.Measure, err = graph.ParseMeasure(f.weight); err != nil {
		return v, fmt.Errorf("--weight: %w", err)
	}
	if v.Rank, err = graph.ParseRank(f.rank); err != nil {
		return v, fmt.Errorf("--rank: %w", err)
	}
	if v.Edges, err = entigraph.ParseEdgeSet(f.edges); err != nil {
		return v, fmt.Errorf("--edges: %w", err)
	}
	if v.Slice, err = graph.ParsePeriod(f.slice); err != nil {
		return v, fmt.Errorf("--slice: %w", err)
	}
	switch {
	case f.topEdges < 0 || f.topNodes < 0:
		return v, errors.New("--top-edges and --top-nodes must not be negative")
	case f.depth < 1:
		return v, errors.New("--depth must be at least 1")
	case f.backbone < 0 || f.backbone >= 1:
		return v, errors.New("--backbone: ALPHA must be in (0, 1); 0 turns it off")
	case f.minScore < 0 || f.minScore > 1:
		return v, errors.New("--min-score must be between 0 and 1")
	case f.color != "type" && f.color != "community":
		return v, fmt.Errorf("--color: want type or community, not %q", f.color)
	}
	// The flags' 0 means "all"; the library's 0 means its default.
	v.TopNodes, v.TopEdges = allIfZero(f.topNodes), allIfZero(f.topEdges)
	v.MinWeight, v.Giant, v.Backbone, v.MinScore = f.minWeight, f.giant, f.backbone, f.minScore
	v.Focus, v.Depth = f.focus, f.depth
	v.ColorCommunities = f.color == "community"
	return v, nil
}

func allIfZero(n int) int {
	if n == 0 {
		return -1
	}
	return n
}

// parseInterspersed parses flags before and after paths, as the
// entigraph command accepts them; "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return paths, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(paths, rest...), nil
		}
		paths, args = append(paths, rest[0]), rest[1:]
	}
}

func run(args []string, stderr io.Writer) int {
	var f flags
	f.register(flag.CommandLine)
	flag.CommandLine.SetOutput(stderr)
	paths, err := parseInterspersed(flag.CommandLine, args)
	if err != nil {
		return exitUsage
	}
	// Init hands the process over to Beam when a runner started it as a
	// worker; it returns only on the launcher.
	beam.Init()
	o, err := f.options()
	if err != nil {
		fmt.Fprintf(stderr, "entigraph-beam: %v\n", err)
		return exitUsage
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "entigraph-beam: no PATH given")
		return exitUsage
	}
	inputs := entibeam.Expand(context.Background(), paths)
	if len(inputs) == 0 {
		fmt.Fprintln(stderr, "entigraph-beam: no input found in the paths given")
		return exitInputFailed
	}
	runner := *runners.Runner
	if runner == "" {
		runner = "prism"
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	st, err := entibeam.Run(ctx, runner, o, inputs)
	switch {
	case errors.Is(err, entibeam.ErrNoTotals):
		fmt.Fprintf(stderr, "entigraph-beam: submitted on %s; %v\n", runner, err)
		return exitOK
	case errors.Is(err, entibeam.ErrNothingWritten):
		fmt.Fprintf(stderr, "entigraph-beam: %v\n", err)
		return exitInputFailed
	case err != nil:
		fmt.Fprintf(stderr, "entigraph-beam: %v\n", err)
		return exitFatal
	}
	if !f.quiet {
		elapsed := time.Since(start)
		var window string
		if st.OutsideWindow > 0 {
			window = fmt.Sprintf(", %d outside --since/--until or undated", st.OutsideWindow)
		}
		fmt.Fprintf(stderr, "entigraph-beam: done on %s: %d documents (%d failed), %d duplicates dropped%s, %d sentences, %d tokens, %d mentions, %d relations, %d partial graphs merged in %s (%.1f docs/s)\n",
			runner, st.Docs, st.Failed, st.Duplicates, window, st.Sentences, st.Tokens, st.Mentions, st.Relations, st.Partials,
			elapsed.Round(time.Millisecond), float64(st.Docs)/max(elapsed.Seconds(), 1e-9))
	}
	if st.Failed > 0 {
		fmt.Fprintf(stderr, "entigraph-beam: %d of %d documents failed or were truncated (see --errors)\n", st.Failed, st.Docs)
		return exitInputFailed
	}
	return exitOK
}
