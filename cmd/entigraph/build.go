package main

import (
	"context"
	"io"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/graph"
)

func runBuild(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var flags commonFlags
	var scope, aliasesPath, dbPath string
	var opts graph.Options
	var view viewFlags
	fs := newFlagSet("build", buildUsage, stderr)
	flags.register(fs)
	fs.StringVar(&scope, "scope", "sentence", "co-occurrence unit: sentence, paragraph, document or window:N (N sentences)")
	fs.IntVar(&opts.MinMentions, "min-mentions", 1, "drop entities mentioned fewer times than this")
	fs.StringVar(&aliasesPath, "aliases", "", aliasesHelp)
	fs.IntVar(&opts.Evidence, "evidence", graph.DefaultEvidence, "supporting passages kept per edge (0 for none), shown as the edge tooltip")
	view.register(fs)
	registerDB(fs, &dbPath)
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
	if dbPath == "" {
		if opts.Aliases, err = readAliases(aliasesPath); err != nil {
			return err
		}
	}
	switch {
	case dbPath != "" && fs.NArg() > 0:
		return usageErrorf("build: give --db or PATH..., not both (entigraph index --db adds documents to a store)")
	case fs.NArg() == 0 && dbPath == "":
		fs.Usage()
		return usageErrorf("build: no PATH given (use - for stdin)")
	}
	if err := view.check(flags.output); err != nil {
		return err
	}
	if opts.Evidence == 0 {
		opts.Evidence = -1 // the flag's 0 means none; Options' 0 means the default
	}
	if dbPath != "" {
		return buildFromStore(ctx, dbPath, &flags, opts, aliasesPath, &view, stdout, stderr)
	}
	cfg, inputs, rep, err := newRun(&flags, fs.Args(), outputsOf(flags.output, view.format, flags.errorsFile), stderr)
	if err != nil {
		return err
	}
	cfg.Graph = opts
	cfg.OnResult = view.collectDocs()
	corpus, err := entigraph.Build(ctx, cfg, entigraph.Inputs(inputs, stdin, cfg.Input))
	if err != nil {
		rep.prog.finish()
		return err
	}
	if corpus.Stats.Analysed == 0 {
		// Nothing to show: keep whatever -o holds rather than replace
		// it with an empty graph.
		return nothingAnalysed(rep.finish(corpus, stdout, -1, -1))
	}
	g, err := corpus.Graph(view.view)
	if err != nil {
		return usageErrorf("--focus: %v", err)
	}
	if err := view.write(ctx, g, flags.output, stdout); err != nil {
		return err
	}
	return rep.finish(corpus, stdout, len(g.Nodes), len(g.Edges))
}
