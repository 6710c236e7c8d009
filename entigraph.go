package entigraph

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"iter"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/input"
	"github.com/entigraph/entigraph/nlp"
)

// Config is the whole path's configuration. The zero value reads inputs by
// extension with the default fields, analyses on every CPU with the
// embedded recognizer, links entities at sentence scope, drops duplicate
// articles and draws the default view.
type Config struct {
	Input input.Options
	// Workers is how many documents are analysed at once; 0 means
	// runtime.GOMAXPROCS(0).
	Workers int
	// Pipeline analyses each document; its zero value uses the embedded
	// recognizer.
	Pipeline nlp.Pipeline
	// Graph is how documents are accumulated into a graph.
	Graph graph.Options
	// KeepDuplicates keeps every copy of an article; by default a
	// document whose words equal an earlier one's (white space, case and
	// punctuation aside) is dropped and counted in Stats.Duplicates.
	KeepDuplicates bool
	// FailFast stops the run at the first failure, with ErrFailFast.
	FailFast bool
	// Since and Until, when set, keep only the documents dated within
	// [Since, Until] (days, inclusive); undated documents are then left
	// out too. Both are counted in Stats.OutsideWindow.
	Since, Until time.Time
	// Progress, when set, is called after each document, in input
	// order, with the totals so far; OnFailure for each failure as it
	// is counted.
	Progress  func(Stats)
	OnFailure func(Failure)
}

func (c *Config) workers() int {
	if c.Workers > 0 {
		return c.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// Source yields the documents of a corpus in order, or an error for an
// input or record that could not be read (an *input.Error).
type Source = iter.Seq2[input.Document, error]

// Paths reads the files, directories and glob patterns of paths ("-" is
// stdin) as input.Expand and input.Documents do.
func Paths(paths []string, stdin io.Reader, o input.Options) Source {
	return Inputs(input.Expand(paths), stdin, o)
}

// Inputs reads already expanded inputs.
func Inputs(inputs []input.Input, stdin io.Reader, o input.Options) Source {
	return func(yield func(input.Document, error) bool) {
		for _, in := range inputs {
			for doc, err := range input.Documents(in, stdin, o) {
				if !yield(doc, err) {
					return
				}
			}
		}
	}
}

// Texts is a source of articles given as strings, with ids "text-1",
// "text-2", ...
func Texts(texts ...string) Source {
	return func(yield func(input.Document, error) bool) {
		for i, t := range texts {
			if !yield(input.Document{ID: fmt.Sprintf("text-%d", i+1), Text: t}, nil) {
				return
			}
		}
	}
}

// Result is one document of a run, in input order.
type Result struct {
	// Input is the document as read (its Text included).
	Input input.Document
	// Doc is the analysed document; nil when Err is set.
	Doc *annot.Document
	// Prepared is Doc resolved for the graph, when the run builds one.
	Prepared *graph.Prepared
	// Err is why the document failed (an *input.Error naming the input,
	// and the line of a record); Warning a problem that still left a
	// usable document, such as truncation.
	Err, Warning error
}

// Stats are the totals of a run.
type Stats struct {
	Docs       int // documents read, failed ones included, duplicates not
	Failed     int // documents that failed or were truncated
	Analysed   int // documents analysed (truncated ones included)
	Duplicates int // documents dropped as copies of an earlier one
	// OutsideWindow counts documents left out by Config.Since and Until,
	// undated ones included.
	OutsideWindow int
	Sentences     int
	Tokens        int
	Mentions      int
	Relations     int
}

// Failure is a document that failed, or a warning about one.
type Failure struct {
	Input string `json:"input"`
	Line  int    `json:"line,omitempty"`
	Error string `json:"error"`
}

// String is the failure as the command line prints it: "PATH: why", or
// "PATH:LINE: why" for a record.
func (f Failure) String() string {
	if f.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", f.Input, f.Line, f.Error)
	}
	return f.Input + ": " + f.Error
}

// ErrFailFast stops a Config.FailFast run at its first failure.
var ErrFailFast = errors.New("stopped at the first failure (--fail-fast)")

// ErrInterrupted is returned when the context ends a run.
var ErrInterrupted = errors.New("interrupted")

// Run reads src and analyses every document on cfg.Workers goroutines,
// calling each for every document in input order, from one goroutine.
// When part is not nil, documents are also resolved for it in the
// workers (Result.Prepared), ready for part.AddPrepared. Run stops at the
// first error each returns, and when ctx ends (ErrInterrupted).
func Run(ctx context.Context, cfg Config, src Source, part *graph.Partial, each func(Result) error) error {
	jobs := cfg.workers()
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Workers may run ahead of the in-order consumer by at most window
	// documents: that bounds the texts and results held in memory.
	window := 4 * jobs
	slots := make(chan struct{}, window)
	type job struct {
		seq int
		r   Result
	}
	work := make(chan job)
	done := make(chan job, window)
	go func() { // the reader: one goroutine, in input order
		defer close(work)
		seen := map[uint64]bool{}
		seq := 0
		for doc, err := range src {
			if err == nil && !cfg.inWindow(documentDate(doc)) {
				if !send(ctx, slots, work, job{seq: seq, r: Result{Input: doc, Err: errOutsideWindow}}) {
					return
				}
				seq++
				continue
			}
			if err == nil && !cfg.KeepDuplicates {
				h := ContentHash(doc.Text)
				if seen[h] {
					j := job{seq: seq, r: Result{Input: doc, Err: errDuplicate}}
					seq++
					if !send(ctx, slots, work, j) {
						return
					}
					continue
				}
				seen[h] = true
			}
			j := job{seq: seq, r: Result{Input: doc, Err: err}}
			if err == nil && doc.Truncated {
				j.r.Warning = &input.Error{Path: doc.ID,
					Err: fmt.Errorf("truncated to its first %d bytes (raise --max-doc-bytes to read more)", len(doc.Text))}
			}
			seq++
			if !send(ctx, slots, work, j) {
				return
			}
		}
	}()
	var workers sync.WaitGroup
	for range jobs {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for j := range work {
				if j.r.Err == nil {
					j.r.Doc, j.r.Prepared, j.r.Err = Analyse(&cfg.Pipeline, part, j.r.Input)
				}
				select {
				case done <- j:
				case <-ctx.Done():
				}
			}
		}()
	}
	go func() {
		workers.Wait()
		close(done)
	}()
	// On an error or an interruption Run returns at once: a reader or
	// worker stuck in one pathological document is abandoned (it sees
	// the cancelled context when it comes back) rather than waited for.
	err := consume(ctx, done, slots, func(j job) error { return each(j.r) }, func(j job) int { return j.seq })
	if err == nil && parent.Err() != nil {
		err = ErrInterrupted
	}
	return err
}

// send queues j unless ctx ends first, taking a window slot.
func send[J any](ctx context.Context, slots chan struct{}, work chan J, j J) bool {
	select {
	case slots <- struct{}{}:
	case <-ctx.Done():
		return false
	}
	select {
	case work <- j:
		return true
	case <-ctx.Done():
		return false
	}
}

// consume restores input order: it calls each for jobs in sequence.
func consume[J any](ctx context.Context, done chan J, slots chan struct{}, each func(J) error, seqOf func(J) int) error {
	pending := map[int]J{}
	next := 0
	for {
		select {
		case <-ctx.Done():
			return ErrInterrupted
		case j, ok := <-done:
			if !ok {
				return nil
			}
			pending[seqOf(j)] = j
			for {
				j, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				<-slots
				if err := each(j); err != nil {
					return err
				}
			}
		}
	}
}

// errDuplicate marks a duplicate document, and errOutsideWindow one
// outside Config.Since and Until, which Build counts apart.
var (
	errDuplicate     = errors.New("duplicate of an earlier document")
	errOutsideWindow = errors.New("outside the time window")
)

// inWindow reports whether a document dated d is kept by Since and Until.
func (c *Config) inWindow(d time.Time) bool {
	if c.Since.IsZero() && c.Until.IsZero() {
		return true
	}
	if d.IsZero() {
		return false
	}
	day := d.UTC().Truncate(24 * time.Hour)
	return (c.Since.IsZero() || !day.Before(c.Since.UTC().Truncate(24*time.Hour))) &&
		(c.Until.IsZero() || !day.After(c.Until.UTC().Truncate(24*time.Hour)))
}

// InWindow reports whether a document dated d is kept by Since and Until
// (always, when neither is set): for runners that filter stored
// documents themselves.
func (c *Config) InWindow(d time.Time) bool { return c.inWindow(d) }

// documentDate is the date of a document as read, zero when it has none
// or it cannot be read.
func documentDate(in input.Document) time.Time {
	return ParseDate(in.Date)
}

// dateLayouts are the date forms ParseDate reads, most specific first.
var dateLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02",
	time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC,
	"2-Jan-2006 15:04:05.00", "02-Jan-2006 15:04:05", "2 January 2006", "January 2, 2006", "Jan 2, 2006", "2006/01/02",
}

// ParseDate reads a date in one of the common forms (ISO 8601, RFC 1123,
// Reuters' "26-FEB-1987 15:01:01.79", ...), or returns the zero time.
func ParseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC()
		}
		if t, err := time.Parse(l, strings.ToUpper(s[:1])+strings.ToLower(s[1:])); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

// ContentHash identifies an article by its words, ignoring white space,
// case and punctuation: two documents with the same hash are copies, and
// a run keeps only the first (see Config.KeepDuplicates).
func ContentHash(text string) uint64 {
	h := fnv.New64a()
	buf := make([]byte, 0, utf8.UTFMax)
	space, started := false, false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && started { // leading white space and punctuation count for nothing
				h.Write([]byte{' '})
			}
			space, started = false, true
			h.Write(utf8.AppendRune(buf[:0], unicode.ToLower(r)))
		default:
			space = true
		}
	}
	return h.Sum64()
}

// Analyse runs the pipeline on one document read by package input, sets
// its id and date, and resolves it for part when part is not nil: the
// work Run does for each document on its workers, for runners that
// schedule documents themselves. A panic is turned into an error for this
// document only: a last line of defence, since the pipeline is written to
// return errors.
func Analyse(pipe *nlp.Pipeline, part *graph.Partial, in input.Document) (doc *annot.Document, pd *graph.Prepared, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, pd, err = nil, nil, &input.Error{Path: in.ID, Err: fmt.Errorf("internal error: %v", r)}
		}
	}()
	doc, err = pipe.Process(in.Text)
	if err != nil {
		return nil, nil, &input.Error{Path: in.ID, Err: err}
	}
	doc.ID, doc.Date = in.ID, documentDate(in)
	if part != nil {
		if pd, err = part.Prepare(doc); err != nil {
			return nil, nil, &input.Error{Path: in.ID, Err: err}
		}
	}
	return doc, pd, nil
}

// failure describes err for Corpus.Failures.
func failure(id string, err error) Failure {
	f := Failure{Input: id, Error: err.Error()}
	var ie *input.Error
	if errors.As(err, &ie) {
		f.Input, f.Line, f.Error = ie.Path, ie.Line, ie.Err.Error()
	}
	return f
}
