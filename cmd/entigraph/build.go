package main

import (
	"context"
	"io"

	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/input"
	"github.com/entigraph/entigraph/nlp"
)

func runBuild(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var flags commonFlags
	var scope string
	var opts graph.Options
	fs := newFlagSet("build", buildUsage, stderr)
	flags.register(fs)
	fs.StringVar(&scope, "scope", "sentence", "co-occurrence unit: sentence, paragraph, document or window:N (N sentences)")
	fs.IntVar(&opts.MinWeight, "min-weight", 1, "drop edges whose weight is below this")
	fs.IntVar(&opts.MinMentions, "min-mentions", 1, "drop entities mentioned fewer times than this")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	var err error
	if opts.Types, err = flags.parseTypes(); err != nil {
		return err
	}
	if opts.Scope, err = graph.ParseScope(scope); err != nil {
		return usageErrorf("--scope: %v", err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageErrorf("build: no PATH given (use - for stdin)")
	}
	var pipe nlp.Pipeline
	b := graph.NewBuilder(opts)
	total, failed, err := processInputs(ctx, fs.Args(), stdin, stderr,
		input.Options{MaxDocBytes: flags.maxDocBytes}, flags.jobs, &pipe,
		func(a analysed) error { return b.Add(a.doc) })
	if err != nil {
		return err
	}
	g, err := b.Graph()
	if err != nil {
		return err
	}
	if err := writeOutput(flags.output, stdout, func(w io.Writer) error { return graph.WriteDOT(w, g) }); err != nil {
		return err
	}
	if failed > 0 {
		return &inputsFailed{failed: failed, total: total}
	}
	return nil
}
