package store

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/graph"
)

// BuildOptions choose the stored documents a build takes and how it
// accumulates them, as the same fields of entigraph.Config do for a
// batch run.
type BuildOptions struct {
	// Graph are the graph options. When its scope, evidence and aliases
	// are the store's (Settings), the stored partial graphs are merged;
	// otherwise the stored documents are resolved again with them.
	Graph graph.Options
	// Aliases identifies Graph.Aliases (AliasesDigest).
	Aliases string
	// KeepDuplicates keeps every copy of an article; by default the first
	// indexed is kept, as a batch run over the same inputs in the same
	// order keeps the first read.
	KeepDuplicates bool
	// Since and Until keep the documents dated within [Since, Until].
	Since, Until time.Time
	// Workers decode documents in parallel; 0 means runtime.GOMAXPROCS(0).
	Workers int
}

// Partial returns the partial graph of the stored documents that o
// selects: byte for byte, the graph of a batch run over them.
func (s *Store) Partial(ctx context.Context, o BuildOptions) (*graph.Partial, error) {
	c, err := s.Corpus(ctx, o)
	if err != nil {
		return nil, err
	}
	return c.Partial, nil
}

// Corpus is Partial with the totals of the documents taken (Stats: Docs,
// Analysed, Duplicates, OutsideWindow and the counts of sentences,
// tokens, mentions and relations), as entigraph.Build returns them. It
// reads one snapshot of the store: an Index running meanwhile adds
// nothing to it.
func (s *Store) Corpus(ctx context.Context, o BuildOptions) (*entigraph.Corpus, error) {
	want, err := settingsOf(o.Graph, o.Aliases)
	if err != nil {
		return nil, s.errorf("%v", err)
	}
	c := &entigraph.Corpus{Partial: graph.NewPartial(o.Graph)}
	have, indexed, err := s.Settings(ctx)
	if err != nil || !indexed {
		return c, err
	}
	merge := have == want
	col := "partial"
	if !merge {
		col = "doc"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, hash, date, error IS NOT NULL, sentences, tokens, mentions, relations, `+col+`
		FROM docs ORDER BY seq`)
	if err != nil {
		return nil, s.errorf("%v", err)
	}
	defer rows.Close()
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	d := newDecoder(o.Graph, merge, workers)
	win := entigraph.Config{Since: o.Since, Until: o.Until}
	seen := map[int64]bool{}
	for rows.Next() {
		var id string
		var hash int64
		var date *int64
		var failed bool
		var n [4]int
		var blob []byte
		if err := rows.Scan(&id, &hash, &date, &failed, &n[0], &n[1], &n[2], &n[3], &blob); err != nil {
			d.stop()
			d.finish()
			return nil, s.errorf("%v", err)
		}
		var day time.Time
		if date != nil {
			day = time.Unix(*date, 0).UTC()
		}
		// As in entigraph.Run: the window first, then copies.
		if !win.InWindow(day) {
			c.Stats.OutsideWindow++
			continue
		}
		if !o.KeepDuplicates {
			if seen[hash] {
				c.Stats.Duplicates++
				continue
			}
			seen[hash] = true
		}
		c.Stats.Docs++
		if failed {
			continue
		}
		c.Stats.Analysed++
		c.Stats.Sentences += n[0]
		c.Stats.Tokens += n[1]
		c.Stats.Mentions += n[2]
		c.Stats.Relations += n[3]
		if !d.send(job{id, blob}) {
			break
		}
	}
	rerr := rows.Err()
	part, derr := d.finish()
	switch {
	case rerr != nil:
		return nil, s.errorf("%v", rerr)
	case derr != nil:
		return nil, s.errorf("%v", derr)
	case ctx.Err() != nil:
		return nil, entigraph.ErrInterrupted
	}
	c.Partial = part
	return c, nil
}

// job is one stored document to decode.
type job struct {
	id   string
	blob []byte
}

// decoder decodes stored documents on several goroutines, each into its
// own partial graph; the partials are merged at the end, which gives the
// same graph in any order.
type decoder struct {
	opts  graph.Options
	merge bool // blobs are partials, else documents
	jobs  chan job
	quit  chan struct{}
	once  sync.Once
	wg    sync.WaitGroup
	parts []*graph.Partial
	errs  []error
}

func newDecoder(o graph.Options, merge bool, workers int) *decoder {
	d := &decoder{opts: o, merge: merge, jobs: make(chan job, 4*workers), quit: make(chan struct{}),
		parts: make([]*graph.Partial, workers), errs: make([]error, workers)}
	for i := range workers {
		d.parts[i] = graph.NewPartial(o)
		d.wg.Add(1)
		go func() {
			defer d.wg.Done()
			for j := range d.jobs {
				if d.errs[i] != nil {
					continue
				}
				if err := d.add(d.parts[i], j); err != nil {
					d.errs[i] = fmt.Errorf("document %s: %w", j.id, err)
					d.stop()
				}
			}
		}()
	}
	return d
}

// add decodes one stored document into p.
func (d *decoder) add(p *graph.Partial, j job) error {
	if !d.merge {
		var doc annot.Document
		if err := unpackJSON(j.blob, &doc); err != nil {
			return fmt.Errorf("stored document: %w", err)
		}
		return p.Add(&doc)
	}
	q := graph.NewPartial(d.opts)
	if err := unpackJSON(j.blob, q); err != nil {
		return fmt.Errorf("stored partial graph: %w", err)
	}
	return p.Merge(q)
}

func (d *decoder) stop() { d.once.Do(func() { close(d.quit) }) }

// send queues a job; false when a worker failed.
func (d *decoder) send(j job) bool {
	select {
	case d.jobs <- j:
		return true
	case <-d.quit:
		return false
	}
}

// finish waits for the workers and merges their partials.
func (d *decoder) finish() (*graph.Partial, error) {
	close(d.jobs)
	d.wg.Wait()
	if err := errors.Join(d.errs...); err != nil {
		return nil, err
	}
	out := graph.NewPartial(d.opts)
	for _, p := range d.parts {
		if err := out.Merge(p); err != nil {
			return nil, err
		}
	}
	return out, nil
}
