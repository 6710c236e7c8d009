package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/spf13/pflag"
	"golang.org/x/sync/errgroup"

	"github.com/entigraph/entigraph/input"
	"github.com/entigraph/entigraph/nlp"
)

// commonFlags are the flags extract and build share.
type commonFlags struct {
	jobs        int
	types       string
	maxDocBytes int64
	output      string
}

func (c *commonFlags) register(fs *pflag.FlagSet) {
	fs.IntVarP(&c.jobs, "jobs", "j", runtime.NumCPU(), "number of documents analysed in parallel")
	fs.StringVar(&c.types, "types", "PERSON,ORG,LOC", "comma-separated entity types to keep")
	fs.Int64Var(&c.maxDocBytes, "max-doc-bytes", input.DefaultMaxDocBytes, "read at most this many bytes of one document")
	fs.StringVarP(&c.output, "output", "o", "", "write to this file (atomically) instead of stdout")
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

// newFlagSet returns a flag set that accepts flags before and after
// arguments and prints usage followed by the flag list.
func newFlagSet(name, usage string, stderr io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SetInterspersed(true)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning pflag's errors into usage errors and
// --help into errHelp (with usage printed to stdout).
func parseFlags(fs *pflag.FlagSet, args []string, stdout io.Writer) error {
	err := fs.Parse(args)
	if errors.Is(err, pflag.ErrHelp) {
		fs.SetOutput(stdout)
		return errHelp
	}
	if err != nil {
		return usageErrorf("%s: %v", fs.Name(), err)
	}
	return nil
}

// analysed is one input after the pipeline ran on it.
type analysed struct {
	id  string
	doc *nlp.Document // nil when err is set
	err error         // why the input failed
	// warning is a problem that still left a usable document
	// (truncation).
	warning error
}

// processInputs reads and analyses every input with jobs workers and calls
// emit for each, in input order, from one goroutine. It reports every
// failed input on stderr as "entigraph: PATH: why" and returns how many
// inputs there were and how many failed.
func processInputs(ctx context.Context, args []string, stdin io.Reader, stderr io.Writer,
	opts input.Options, jobs int, pipe *nlp.Pipeline, emit func(analysed) error) (total, failed int, err error) {
	inputs := input.Expand(args)
	total = len(inputs)
	jobs = max(jobs, 1)

	// Workers may run ahead of the in-order emitter by at most `window`
	// documents, which bounds the memory held in pending results.
	window := 4 * jobs
	slots := make(chan struct{}, window)
	work := make(chan int)

	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer close(work)
		for i := range inputs {
			select {
			case slots <- struct{}{}:
			case <-gctx.Done():
				return gctx.Err()
			}
			select {
			case work <- i:
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		return nil
	})
	type indexed struct {
		i int
		a analysed
	}
	done := make(chan indexed, window)
	var workers errgroup.Group
	for w := 0; w < jobs; w++ {
		workers.Go(func() error {
			for i := range work {
				a := analysed{id: inputs[i].Path, err: inputs[i].Err}
				if a.err == nil {
					a = analyse(inputs[i].Path, stdin, opts, pipe)
				}
				select {
				case done <- indexed{i, a}:
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

	g.Go(func() error {
		pending := map[int]analysed{}
		next := 0
		for r := range done {
			pending[r.i] = r.a
			for {
				a, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				<-slots
				if a.err != nil {
					failed++
					fmt.Fprintf(stderr, "entigraph: %v\n", a.err)
					continue
				}
				if a.warning != nil {
					failed++
					fmt.Fprintf(stderr, "entigraph: %v\n", a.warning)
				}
				if err := emit(a); err != nil {
					return err
				}
			}
		}
		return gctx.Err()
	})
	err = g.Wait()
	return total, failed, err
}

// analyse reads and analyses one input. A panic in the pipeline is turned
// into an error for this input only: a last line of defence, since the
// pipeline is written to return errors.
func analyse(path string, stdin io.Reader, opts input.Options, pipe *nlp.Pipeline) (a analysed) {
	a.id = path
	defer func() {
		if r := recover(); r != nil {
			a.doc = nil
			a.err = fmt.Errorf("%s: internal error: %v", path, r)
		}
	}()
	in, err := input.Open(path, stdin, opts)
	if err != nil {
		a.err = err
		return a
	}
	if in.Truncated {
		a.warning = fmt.Errorf("%s: truncated to its first %d bytes (raise --max-doc-bytes to read more)", path, len(in.Text))
	}
	doc, err := pipe.Process(in.Text)
	if err != nil {
		a.err = fmt.Errorf("%s: %w", path, err)
		return a
	}
	a.doc = doc
	return a
}
