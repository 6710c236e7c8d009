package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"golang.org/x/sync/errgroup"

	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/input"
	"github.com/entigraph/entigraph/nlp"
)

// commonFlags are the flags extract and build share.
type commonFlags struct {
	jobs        int
	types       string
	maxDocBytes int64
	output      string
	inputFormat string
	fields      [4]string // text, id, title, date
	progress    string
	quiet       bool
	failFast    bool
	errorsFile  string
}

func (c *commonFlags) register(fs *pflag.FlagSet) {
	fs.IntVarP(&c.jobs, "jobs", "j", runtime.NumCPU(), "documents analysed in parallel, and CPUs used")
	fs.StringVar(&c.types, "types", "PERSON,ORG,LOC", "comma-separated entity types to keep")
	fs.StringVarP(&c.output, "output", "o", "", "write to this file (atomically) instead of stdout")
	fs.StringVar(&c.inputFormat, "input-format", "auto", "read every input as: auto (by extension), text, markdown, html, jsonl or csv")
	fs.StringVar(&c.fields[0], "text-field", "", "JSON Lines/CSV field holding the article text (default text, then content, body, ...)")
	fs.StringVar(&c.fields[1], "id-field", "", "field holding the document id (default id, then _id, uuid, url); else PATH:LINE")
	fs.StringVar(&c.fields[2], "title-field", "", `field holding the title (default title, then headline); "-" for none`)
	fs.StringVar(&c.fields[3], "date-field", "", "field holding the date (default date, then published, ...)")
	fs.Int64Var(&c.maxDocBytes, "max-doc-bytes", input.DefaultMaxDocBytes, "analyse at most this many bytes of one document (the rest is reported and skipped)")
	fs.StringVar(&c.progress, "progress", "auto", "progress display: auto (a bar when stderr is a terminal), always, never")
	fs.BoolVarP(&c.quiet, "quiet", "q", false, "print only errors: no progress and no summary")
	fs.BoolVar(&c.failFast, "fail-fast", false, "stop at the first input that fails, writing no output")
	fs.StringVar(&c.errorsFile, "errors", "", "also write every failure to this file as JSON Lines")
}

func (c *commonFlags) parseTypes() ([]nlp.Type, error) {
	var out []nlp.Type
	for _, s := range strings.Split(c.types, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		t, ok := nlp.ParseType(strings.ToUpper(s))
		if !ok {
			return nil, usageErrorf("--types: unknown type %q (want PERSON, ORG, LOC)", s)
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil, usageErrorf("--types: no type given")
	}
	return out, nil
}

// inputOptions validates the reading flags.
func (c *commonFlags) inputOptions() (input.Options, error) {
	format, err := input.ParseFormat(c.inputFormat)
	if err != nil {
		return input.Options{}, usageErrorf("--input-format: %v", err)
	}
	if c.maxDocBytes <= 0 {
		return input.Options{}, usageErrorf("--max-doc-bytes must be positive")
	}
	if c.jobs < 1 {
		return input.Options{}, usageErrorf("-j must be at least 1")
	}
	switch c.progress {
	case "auto", "always", "never":
	default:
		return input.Options{}, usageErrorf("--progress: want auto, always or never, not %q", c.progress)
	}
	return input.Options{
		MaxDocBytes: c.maxDocBytes, Format: format,
		TextField: c.fields[0], IDField: c.fields[1], TitleField: c.fields[2], DateField: c.fields[3],
	}, nil
}

// newFlagSet returns a flag set that accepts flags before and after
// arguments and prints usage followed by the flag list.
func newFlagSet(name, usage string, stderr io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SetInterspersed(true)
	fs.SortFlags = false
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning pflag's errors into usage errors and
// --help into errHelp, with usage printed to stdout.
func parseFlags(fs *pflag.FlagSet, args []string, stdout io.Writer) error {
	out := fs.Output()
	fs.SetOutput(io.Discard) // pflag prints errors itself; we print them once
	err := fs.Parse(args)
	fs.SetOutput(out)
	if errors.Is(err, pflag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return errHelp
	}
	if err != nil {
		return usageErrorf("%s: %v (see entigraph %s --help)", fs.Name(), err, fs.Name())
	}
	return nil
}

// analysed is one document after the pipeline ran on it.
type analysed struct {
	in  input.Document
	doc *nlp.Document // nil when err is set
	// prepared is doc resolved for the graph, when the batch has a
	// builder: resolution runs in the workers, not in the emitter.
	prepared *graph.Prepared
	err      error // why the document failed
	// warning is a problem that still left a usable document
	// (truncation).
	warning error
}

// failure is one line of the --errors file.
type failure struct {
	Input string `json:"input"`
	Line  int    `json:"line,omitempty"`
	Error string `json:"error"`
}

// runStats are the totals of one run.
type runStats struct {
	docs, failed                int
	sentences, tokens, mentions int
	failures                    []failure
	start                       time.Time
}

// newBatch validates the reading flags and prepares a run.
func newBatch(flags *commonFlags, stdin io.Reader, stderr io.Writer) (*batch, error) {
	opts, err := flags.inputOptions()
	if err != nil {
		return nil, err
	}
	return &batch{flags: flags, opts: opts, stdin: stdin, stderr: stderr}, nil
}

// batch is one run of the pipeline over the command line's inputs.
type batch struct {
	flags  *commonFlags
	opts   input.Options
	stdin  io.Reader
	stderr io.Writer
	pipe   nlp.Pipeline
	stats  runStats
	// builder, when set, prepares each document for the graph in the
	// workers (Builder.Prepare is safe for concurrent use).
	builder *graph.Builder
}

// run reads and analyses every document with flags.jobs workers and calls
// emit for each, in input order, from one goroutine. It reports every
// failed document on stderr as "entigraph: PATH[:LINE]: why".
func (b *batch) run(ctx context.Context, args []string, emit func(analysed) error) error {
	b.stats.start = time.Now()
	inputs := input.Expand(args)
	jobs := max(b.flags.jobs, 1)
	// -j N means N CPUs, as in make: with fewer workers than CPUs the
	// reader, the emitter and the garbage collector share those CPUs
	// instead of spilling onto the others.
	if jobs < runtime.GOMAXPROCS(0) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(jobs))
	}
	prog := newProgress(b.flags, b.stderr, inputs)
	defer prog.finish()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Workers may run ahead of the in-order emitter by at most `window`
	// documents: that bounds the texts and results held in memory.
	window := 4 * jobs
	slots := make(chan struct{}, window)
	type job struct {
		seq int
		a   analysed
	}
	work := make(chan job)
	done := make(chan job, window)

	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { // the reader: one goroutine, in input order
		defer close(work)
		seq := 0
		for _, in := range inputs {
			for doc, err := range input.Documents(in, b.stdin, b.opts) {
				select {
				case slots <- struct{}{}:
				case <-gctx.Done():
					return nil
				}
				j := job{seq: seq, a: analysed{in: doc, err: err}}
				if err == nil && doc.Truncated {
					j.a.warning = &input.Error{Path: doc.ID,
						Err: fmt.Errorf("truncated to its first %d bytes (raise --max-doc-bytes to read more)", len(doc.Text))}
				}
				seq++
				select {
				case work <- j:
				case <-gctx.Done():
					return nil
				}
			}
		}
		return nil
	})
	var workers errgroup.Group
	for w := 0; w < jobs; w++ {
		workers.Go(func() error {
			for j := range work {
				if j.a.err == nil {
					j.a.doc, j.a.err = analyse(&b.pipe, j.a.in)
				}
				if j.a.err == nil && b.builder != nil {
					j.a.prepared = b.builder.Prepare(j.a.doc)
				}
				select {
				case done <- j:
				case <-gctx.Done():
					return nil
				}
			}
			return nil
		})
	}
	go func() {
		workers.Wait()
		close(done)
	}()

	g.Go(func() error { // the emitter: restores input order
		pending := map[int]analysed{}
		next := 0
		for j := range done {
			pending[j.seq] = j.a
			for {
				a, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				<-slots
				if err := b.account(a, prog); err != nil {
					return err
				}
				if a.err != nil {
					continue
				}
				if err := emit(a); err != nil {
					return err
				}
			}
		}
		return ctx.Err()
	})
	err := g.Wait()
	if err == nil {
		err = ctx.Err()
	}
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		return errors.New("interrupted")
	}
	return err
}

// errFailFast stops a --fail-fast run at its first failure.
var errFailFast = errors.New("stopped at the first failure (--fail-fast)")

// account reports a document's problems and adds it to the totals.
func (b *batch) account(a analysed, prog *progress) error {
	b.stats.docs++
	for _, err := range []error{a.err, a.warning} {
		if err == nil {
			continue
		}
		b.stats.failed++
		fmt.Fprintf(b.stderr, "entigraph: %v\n", err)
		f := failure{Input: a.in.ID, Error: err.Error()}
		var ie *input.Error
		if errors.As(err, &ie) {
			f.Input, f.Line, f.Error = ie.Path, ie.Line, ie.Err.Error()
		}
		b.stats.failures = append(b.stats.failures, f)
		if b.flags.failFast {
			return errFailFast
		}
		break // a failed document has no warning worth a second line
	}
	if a.doc != nil {
		b.stats.sentences += len(a.doc.Sentences)
		b.stats.tokens += len(a.doc.Tokens)
		b.stats.mentions += len(a.doc.Mentions)
	}
	prog.update(&b.stats)
	return nil
}

// analyse runs the pipeline on one document. A panic is turned into an
// error for this document only: a last line of defence, since the
// pipeline is written to return errors.
func analyse(pipe *nlp.Pipeline, in input.Document) (doc *nlp.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, &input.Error{Path: in.ID, Err: fmt.Errorf("internal error: %v", r)}
		}
	}()
	doc, err = pipe.Process(in.Text)
	if err != nil {
		return nil, &input.Error{Path: in.ID, Err: err}
	}
	doc.ID = in.ID
	return doc, nil
}

// finish writes the --errors file and the summary, and returns the error
// that decides the exit status.
func (b *batch) finish(stdout io.Writer, nodes, edges int) error {
	if b.flags.errorsFile != "" {
		err := writeOutput(b.flags.errorsFile, stdout, func(w io.Writer) error {
			return writeFailures(w, b.stats.failures)
		})
		if err != nil {
			return err
		}
	}
	if !b.flags.quiet {
		elapsed := time.Since(b.stats.start)
		var graphPart string
		if nodes >= 0 {
			graphPart = fmt.Sprintf(", %d nodes, %d edges", nodes, edges)
		}
		fmt.Fprintf(b.stderr, "entigraph: done: %d documents (%d failed), %d sentences, %d tokens, %d mentions%s in %s (%.0f tokens/s)\n",
			b.stats.docs, b.stats.failed, b.stats.sentences, b.stats.tokens, b.stats.mentions, graphPart,
			elapsed.Round(time.Millisecond), float64(b.stats.tokens)/max(elapsed.Seconds(), 1e-9))
	}
	if b.stats.failed > 0 {
		return &inputsFailed{failed: b.stats.failed, total: b.stats.docs}
	}
	return nil
}
