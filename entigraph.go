package entigraph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/fnv"
	"regexp"
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
	"github.com/entigraph/entigraph/nlp/rel"
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
	// recognizer and, unless NoRelations, the embedded relation
	// extractor (package nlp/rel).
	Pipeline nlp.Pipeline
	// NoRelations leaves relations out (an unset Pipeline.Relations stays
	// unset).
	NoRelations bool
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
	// KeepTokens keeps each analysed document's tokens in Result.Doc.
	// By default they are released once the document is analysed and
	// resolved: at about 40 bytes a word they are most of a document's
	// memory, and nothing after analysis needs them.
	KeepTokens bool
	// Progress, when set, is called after each document, in input
	// order, with the totals so far; OnFailure for each failure as it
	// is counted.
	Progress  func(Stats)
	OnFailure func(Failure)
	// OnNote, when set, is called for each note on how a document was
	// read (an encoding guessed, a delimiter detected, markup read as
	// plain text; input.Document.Notes), in input order.
	OnNote func(doc input.Document, note string)
	// OnResult, when set, is called by Build for each analysed document,
	// in input order (to keep what a writer needs of it, such as its URL).
	OnResult func(Result)
}

func (c *Config) workers() int {
	if c.Workers > 0 {
		return c.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// Result is one document of a run, in input order.
type Result struct {
	// Input is the document as read (its Text included).
	Input input.Document
	// Doc is the analysed document; nil when Err is set.
	Doc *annot.Document
	// Prepared is Doc resolved for the graph, when the run builds one.
	Prepared *graph.Prepared
	// Tokens is how many tokens Doc had (its Tokens are released unless
	// Config.KeepTokens).
	Tokens int
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
	// Decoded counts documents that were not UTF-8 and were decoded
	// (input.Document.Encoding).
	Decoded   int
	Sentences int
	Tokens    int
	Mentions  int
	Relations int
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
	if err := cfg.loadRelations(); err != nil {
		return err
	}
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
			if err == nil && !cfg.InWindow(doc.Date) {
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
				j.r.Warning = &input.Error{Path: doc.Path, Line: doc.Line,
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
				if j.r.Doc != nil {
					j.r.Tokens = len(j.r.Doc.Tokens)
					if !cfg.KeepTokens {
						j.r.Doc.Tokens = nil
					}
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

// loadRelations sets the embedded relation extractor when the pipeline
// has none and relations are wanted.
func (c *Config) loadRelations() error {
	if c.NoRelations || c.Pipeline.Relations != nil {
		return nil
	}
	m, err := rel.Default()
	if err != nil {
		return fmt.Errorf("loading the relation model: %w", err)
	}
	c.Pipeline.Relations = m
	return nil
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

// ContentHash identifies an article by its words, ignoring white space,
// case, punctuation and boilerplate: two documents with the same hash are
// copies, and a run keeps only the first (see Config.KeepDuplicates).
// Boilerplate is taken to be the short blocks around an article (menus,
// "Post a comment", bylines, share buttons): when a text has blocks of at
// least minBodyWords words, only those are hashed; else all its words
// are. Blocks are paragraphs (separated by blank lines), or lines in a
// text without blank lines, so wrapping a paragraph differently changes
// nothing.
func ContentHash(text string) uint64 {
	body := fnv.New64a()
	hasBody := false
	var block blockHash
	for _, b := range blocks(text) {
		if n, sum := block.of(b); n >= minBodyWords {
			hasBody = true
			binary.Write(body, binary.LittleEndian, sum)
		}
	}
	if hasBody {
		return body.Sum64()
	}
	_, sum := block.of(text)
	return sum
}

// blocks splits text into paragraphs, or lines when it has no blank line.
func blocks(text string) []string {
	if paras := blankLine.Split(text, -1); len(paras) > 1 {
		return paras
	}
	return strings.Split(text, "\n")
}

var blankLine = regexp.MustCompile(`\n[ \t\r]*\n`)

// minBodyWords is the length from which a block counts as article text.
const minBodyWords = 8

// blockHash hashes the words of a block: runs of letters and digits,
// lower-cased, one space between.
type blockHash struct {
	h   hash.Hash64
	buf []byte
}

// of returns the number of words in s and their hash.
func (b *blockHash) of(s string) (int, uint64) {
	if b.h == nil {
		b.h, b.buf = fnv.New64a(), make([]byte, 0, utf8.UTFMax)
	}
	b.h.Reset()
	n, inWord := 0, false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !inWord {
				if n > 0 {
					b.h.Write([]byte{' '})
				}
				n++
				inWord = true
			}
			b.h.Write(utf8.AppendRune(b.buf[:0], unicode.ToLower(r)))
			continue
		}
		inWord = false
	}
	return n, b.h.Sum64()
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
	doc.ID, doc.Date, doc.URL = in.ID, in.Date, in.URL
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
