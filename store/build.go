package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
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
	// NoRelations leaves relations out, as entigraph.Config.NoRelations;
	// a store indexed without relations cannot give them.
	NoRelations bool
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
	want, err := settingsOf(o.Graph, o.Aliases, o.NoRelations)
	if err != nil {
		return nil, s.errorf("%v", err)
	}
	c := &entigraph.Corpus{Partial: graph.NewPartial(o.Graph)}
	have, indexed, err := s.Settings(ctx)
	if err != nil || !indexed {
		return c, err
	}
	if have.NoRelations && !o.NoRelations {
		return nil, s.errorf("indexed without relations (index --no-relations): build with no relations, or index again into a new store")
	}
	merge := have == want
	// One read transaction: in WAL mode it sees one snapshot, whatever
	// an index commits meanwhile.
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.errorf("%v", err)
	}
	defer tx.Rollback()
	kept, whole, err := s.choose(ctx, tx, o, c)
	if err != nil {
		return nil, err
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	d := newDecoder(o.Graph, merge, workers)
	d.noRelations = o.NoRelations
	if err := s.feed(ctx, tx, d, merge, kept, whole); err != nil {
		d.stop()
		d.finish()
		return nil, err
	}
	part, err := d.finish()
	switch {
	case err != nil:
		return nil, s.errorf("%v", err)
	case ctx.Err() != nil:
		return nil, entigraph.ErrInterrupted
	}
	c.Partial = part
	return c, nil
}

// choose reads which documents o takes (kept, by seq) and counts them in
// c.Stats, as entigraph.Run would: the window first, then copies, the
// first indexed kept. It returns the batches whose every document is
// taken, whose merged partial can stand for their documents.
func (s *Store) choose(ctx context.Context, tx *sql.Tx, o BuildOptions, c *entigraph.Corpus) (kept map[int64]bool, whole []int64, err error) {
	rows, err := tx.QueryContext(ctx, `SELECT seq, batch, hash, date, error IS NOT NULL, sentences, tokens, mentions, relations
		FROM docs ORDER BY seq`)
	if err != nil {
		return nil, nil, s.errorf("%v", err)
	}
	defer rows.Close()
	win := entigraph.Config{Since: o.Since, Until: o.Until}
	seen := map[int64]bool{}
	kept = map[int64]bool{}
	partial := map[int64]bool{} // batches with a document left out
	var batches []int64
	for rows.Next() {
		var seq, batch, hash int64
		var date *int64
		var failed bool
		var n [4]int
		if err := rows.Scan(&seq, &batch, &hash, &date, &failed, &n[0], &n[1], &n[2], &n[3]); err != nil {
			return nil, nil, s.errorf("%v", err)
		}
		if _, ok := partial[batch]; !ok {
			partial[batch] = false
			batches = append(batches, batch)
		}
		var day time.Time
		if date != nil {
			day = time.Unix(*date, 0).UTC()
		}
		switch {
		case !win.InWindow(day):
			c.Stats.OutsideWindow++
			partial[batch] = true
			continue
		case !o.KeepDuplicates && seen[hash]:
			c.Stats.Duplicates++
			partial[batch] = true
			continue
		}
		seen[hash] = true
		c.Stats.Docs++
		if failed {
			continue // the batch's partial has nothing of it either
		}
		kept[seq] = true
		c.Stats.Analysed++
		c.Stats.Sentences += n[0]
		c.Stats.Tokens += n[1]
		c.Stats.Mentions += n[2]
		if !o.NoRelations {
			c.Stats.Relations += n[3]
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, s.errorf("%v", err)
	}
	for _, b := range batches {
		if !partial[b] {
			whole = append(whole, b)
		}
	}
	slices.Sort(whole)
	return kept, whole, nil
}

// feed sends the decoder the merged partials of the whole batches that
// have one, and the kept documents of the others: their partials when
// merge is set, else the documents.
func (s *Store) feed(ctx context.Context, tx *sql.Tx, d *decoder, merge bool, kept map[int64]bool, whole []int64) error {
	var from []string // batches whose merged partial is used
	if merge && len(whole) > 0 {
		ids := make([]string, len(whole))
		for i, b := range whole {
			ids[i] = strconv.FormatInt(b, 10)
		}
		rows, err := tx.QueryContext(ctx, "SELECT id, partial FROM batches WHERE partial IS NOT NULL AND id IN ("+strings.Join(ids, ",")+") ORDER BY id")
		if err != nil {
			return s.errorf("%v", err)
		}
		for rows.Next() {
			var id int64
			var blob []byte
			if err := rows.Scan(&id, &blob); err != nil {
				rows.Close()
				return s.errorf("%v", err)
			}
			from = append(from, strconv.FormatInt(id, 10))
			if !d.send(job{fmt.Sprintf("of batch %d", id), blob}) {
				break
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return s.errorf("%v", err)
		}
	}
	col := "doc"
	if merge {
		col = "partial"
	}
	query := "SELECT seq, id, " + col + " FROM docs WHERE error IS NULL"
	if len(from) > 0 {
		query += " AND batch NOT IN (" + strings.Join(from, ",") + ")"
	}
	rows, err := tx.QueryContext(ctx, query+" ORDER BY seq")
	if err != nil {
		return s.errorf("%v", err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var id string
		var blob []byte
		if err := rows.Scan(&seq, &id, &blob); err != nil {
			return s.errorf("%v", err)
		}
		if kept[seq] && !d.send(job{id, blob}) {
			break
		}
	}
	if err := rows.Err(); err != nil {
		return s.errorf("%v", err)
	}
	return nil
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
	opts        graph.Options
	merge       bool // blobs are partials, else documents
	noRelations bool // drop the documents' relations
	jobs        chan job
	quit        chan struct{}
	once        sync.Once
	wg          sync.WaitGroup
	parts       []*graph.Partial
	errs        []error
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
		if d.noRelations {
			doc.Relations = nil
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
