package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/pflag"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/store"
)

// indexOnly are the reading flags that mean nothing to index: the store
// keeps every document, and build chooses.
var indexOnly = []string{"output", "types", "keep-duplicates", "since", "until"}

func runIndex(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var flags commonFlags
	var dbPath, scope, aliasesPath string
	var opts graph.Options
	fs := newFlagSet("index", indexUsage, stderr)
	fs.StringVar(&dbPath, "db", "", "the store: a SQLite file, made when it does not exist")
	flags.register(fs)
	for _, name := range indexOnly {
		fs.MarkHidden(name)
	}
	fs.StringVar(&scope, "scope", "sentence", "co-occurrence unit the stored partial graphs use: sentence, paragraph, document or window:N")
	fs.StringVar(&aliasesPath, "aliases", "", aliasesHelp)
	fs.IntVar(&opts.Evidence, "evidence", graph.DefaultEvidence, "supporting passages kept per edge (0 for none)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	for _, name := range indexOnly {
		if fs.Changed(name) {
			return usageErrorf("index: --%s is for build (the store keeps every document; build --db chooses)", name)
		}
	}
	if dbPath == "" {
		return usageErrorf("index: --db FILE is required")
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageErrorf("index: no PATH given (use - for stdin)")
	}
	var err error
	if opts.Scope, err = graph.ParseScope(scope); err != nil {
		return usageErrorf("--scope: %v", err)
	}
	digest, err := aliasesFlags(aliasesPath, &opts)
	if err != nil {
		return err
	}
	if opts.Evidence == 0 {
		opts.Evidence = -1
	}
	cfg, inputs, rep, err := newRun(&flags, fs.Args(), outputsOf(dbPath, "", flags.errorsFile), stderr)
	if err != nil {
		return err
	}
	cfg.Graph = opts
	s, err := store.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	r, err := s.Index(ctx, store.Config{Config: cfg, Aliases: digest}, entigraph.Inputs(inputs, stdin, cfg.Input))
	rep.prog.finish()
	if err != nil {
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	if flags.errorsFile != "" {
		if err := writeOutput(flags.errorsFile, stdout, func(w io.Writer) error { return writeFailures(w, r.Failures) }); err != nil {
			return err
		}
	}
	if !flags.quiet {
		fmt.Fprintf(stderr, "entigraph: index %s: %d added, %d unchanged, %d replaced, %d failed; %d sentences, %d tokens, %d mentions analysed in %s\n",
			dbPath, r.Added, r.Unchanged, r.Replaced, r.Failed, r.Stats.Sentences, r.Stats.Tokens, r.Stats.Mentions, time.Since(rep.start).Round(time.Millisecond))
	}
	if r.Failed > 0 {
		return &inputsFailed{failed: r.Failed, total: r.Added + r.Unchanged + r.Replaced + r.Failed}
	}
	return nil
}

// aliasesFlags reads --aliases into opts and returns the file's digest,
// which tells a store whether its partial graphs were made with it.
func aliasesFlags(path string, opts *graph.Options) (string, error) {
	var err error
	if opts.Aliases, err = readAliases(path); err != nil || path == "" {
		return "", err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", usageErrorf("--aliases: %v", err)
	}
	return store.AliasesDigest(data), nil
}

// registerDB adds build's --db flag.
func registerDB(fs *pflag.FlagSet, path *string) {
	fs.StringVar(path, "db", "", "build from this store (entigraph index --db) instead of reading PATH...")
}

// buildFromStore is build --db: the graph of the stored documents,
// written as build writes it.
func buildFromStore(ctx context.Context, dbPath string, flags *commonFlags, opts graph.Options, aliasesPath string, view *viewFlags, stdout, stderr io.Writer) error {
	digest, err := aliasesFlags(aliasesPath, &opts)
	if err != nil {
		return err
	}
	flags.progress = "never" // nothing is analysed
	cfg, _, rep, err := newRun(flags, nil, outputsOf(flags.output, view.format, flags.errorsFile), stderr)
	if err != nil {
		return err
	}
	rep.fromStore = true
	s, err := store.OpenExisting(ctx, dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	corpus, err := s.Corpus(ctx, store.BuildOptions{
		Graph: opts, Aliases: digest, KeepDuplicates: cfg.KeepDuplicates, Since: cfg.Since, Until: cfg.Until, Workers: cfg.Workers,
		NoRelations: flags.noRelations,
	})
	if err != nil {
		return err
	}
	if corpus.Stats.Analysed == 0 {
		if err := rep.finish(corpus, stdout, -1, -1); err != nil {
			return err
		}
		return errNothingAnalysed
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
