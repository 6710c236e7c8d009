package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/input"
)

// DefaultBatch is how many documents Index commits per transaction.
const DefaultBatch = 256

// Config is how Index reads and analyses documents: an entigraph.Config
// (inputs, workers, pipeline, the graph options that shape a document's
// partial: scope, evidence and aliases; fail-fast and the hooks).
// KeepDuplicates, Since and Until are ignored: the store keeps every
// document, and each build chooses.
type Config struct {
	entigraph.Config
	// Aliases identifies Config.Graph.Aliases: AliasesDigest of the file
	// they were read from. It is required when they are set.
	Aliases string
	// Batch is how many documents are committed per transaction; 0 means
	// DefaultBatch. A crash loses at most the batches not yet committed.
	Batch int
}

// Report says what Index did with each document it read.
type Report struct {
	Added     int // new ids
	Unchanged int // same id, same text and date: not analysed again
	Replaced  int // same id, another text or date: the old results replaced
	// Failed counts documents that could not be read or analysed. One
	// whose analysis failed is stored as failed (so that its copies are
	// dropped as a batch run drops them); one that could not be read is
	// not stored.
	Failed   int
	Stats    entigraph.Stats     // of the documents read and analysed in this run
	Failures []entigraph.Failure // in input order, warnings (truncation) included
}

// errRepeatedID refuses a second document with the id of an earlier one
// of the same run: the store keeps one document per id.
var errRepeatedID = errors.New("id already used by an earlier document of this run (the store keeps one document per id; set --id-field to a unique field)")

// sourceError marks a document that failed before analysis: it is
// reported, not stored.
type sourceError struct{ err error }

func (e *sourceError) Error() string { return e.err.Error() }
func (e *sourceError) Unwrap() error { return e.err }

// Index analyses the documents of src that the store does not hold yet,
// or holds with another text or date, and stores their results, one
// transaction per cfg.Batch documents, in input order. Documents whose id
// and content are already stored are not analysed again, so rerunning
// an interrupted Index finishes the job. The error is non-nil when the
// run stopped (entigraph.ErrInterrupted, entigraph.ErrFailFast, a
// database error); the batches analysed until then are committed.
func (s *Store) Index(ctx context.Context, cfg Config, src entigraph.Source) (Report, error) {
	set, err := settingsOf(cfg.Graph, cfg.Aliases, cfg.NoRelations)
	if err != nil {
		return Report{}, s.errorf("%v", err)
	}
	if err := s.Verify(ctx); err != nil {
		return Report{}, err
	}
	if err := s.useSettings(ctx, set); err != nil {
		return Report{}, err
	}
	known, err := s.digests(ctx)
	if err != nil {
		return Report{}, err
	}
	run := cfg.Config
	run.KeepDuplicates, run.Since, run.Until = true, time.Time{}, time.Time{}
	var unchanged atomic.Int64
	seen := map[string]bool{}
	fresh := func(yield func(input.Document, error) bool) {
		for doc, err := range src {
			switch {
			case err != nil:
				err = &sourceError{err}
			case seen[doc.ID]:
				err = &sourceError{&input.Error{Path: doc.ID, Err: errRepeatedID}}
			default:
				seen[doc.ID] = true
				if d, ok := known[doc.ID]; ok && bytes.Equal(d, docDigest(doc)) {
					unchanged.Add(1)
					continue
				}
			}
			if !yield(doc, err) {
				return
			}
		}
	}
	w := s.newWriter(ctx, cfg, &run)
	c := &entigraph.Corpus{}
	var batch []entigraph.Result
	unread := 0 // documents that failed before analysis
	size := cmpOr(cfg.Batch, DefaultBatch)
	err = entigraph.Run(ctx, run, fresh, graph.NewPartial(cfg.Graph), func(r entigraph.Result) error {
		if err := c.Account(r, &run); err != nil {
			return err
		}
		if errors.As(r.Err, new(*sourceError)) {
			unread++
			return nil
		}
		batch = append(batch, r)
		if len(batch) < size {
			return nil
		}
		b := batch
		batch = nil
		return w.send(b)
	})
	// What was analysed before an interruption is kept: the rerun
	// then starts after it.
	if len(batch) > 0 && !errors.Is(err, errWriterFailed) {
		if serr := w.send(batch); err == nil {
			err = serr
		}
	}
	if werr := w.close(); werr != nil { // the commit's error says more than the stop it caused
		err = werr
	}
	rep := w.rep
	rep.Unchanged += int(unchanged.Load())
	rep.Failed += unread
	rep.Stats, rep.Failures = c.Stats, c.Failures
	return rep, err
}

func cmpOr(n, def int) int {
	if n > 0 {
		return n
	}
	return def
}

// docDigest is the digest of what a document's results are made of: its
// text, URL and date.
func docDigest(d input.Document) []byte {
	text := d.Text + "\x00" + d.URL
	if d.Date.IsZero() {
		return digest(text, 0, false)
	}
	return digest(text, d.Date.Unix(), true)
}

// useSettings records the settings of a new store, and refuses to index
// with other settings than the store's.
func (s *Store) useSettings(ctx context.Context, set Settings) error {
	have, ok, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	if ok {
		if have != set {
			return s.errorf("indexed with %s; this run asks for %s: index with the same options, or into another store (build --db accepts other options: it then resolves the stored documents again)", have, set)
		}
		return nil
	}
	return s.write(ctx, func(c *sql.Conn) error {
		rel := "on"
		if set.NoRelations {
			rel = "off"
		}
		_, err := c.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES ('scope', ?), ('evidence', ?), ('aliases', ?), ('relations', ?)`,
			set.Scope.String(), strconv.Itoa(set.Evidence), set.Aliases, rel)
		return err
	})
}

// digests returns the digest of every stored document by id.
func (s *Store) digests(ctx context.Context) (map[string][]byte, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, digest FROM docs")
	if err != nil {
		return nil, s.errorf("%v", err)
	}
	defer rows.Close()
	out := map[string][]byte{}
	for rows.Next() {
		var id string
		var d []byte
		if err := rows.Scan(&id, &d); err != nil {
			return nil, s.errorf("%v", err)
		}
		out[id] = d
	}
	if err := rows.Err(); err != nil {
		return nil, s.errorf("%v", err)
	}
	return out, nil
}

// writer encodes and commits batches on its own goroutine while the run
// goes on analysing.
type writer struct {
	s       *Store
	cfg     *Config
	workers int
	batches chan []entigraph.Result
	done    chan struct{}
	err     error  // set before done is closed
	rep     Report // Added, Replaced, Failed; read after close
	mu      sync.Mutex
}

func (s *Store) newWriter(ctx context.Context, cfg Config, run *entigraph.Config) *writer {
	w := &writer{s: s, cfg: &cfg, workers: max(run.Workers, 1), batches: make(chan []entigraph.Result, 1), done: make(chan struct{})}
	// Commits outlive an interruption: a batch analysed is a batch kept.
	wctx := context.WithoutCancel(ctx)
	go func() {
		defer close(w.done)
		n := 0
		for b := range w.batches {
			err := w.commit(wctx, b)
			if n++; err == nil && testHookCommitted != nil {
				err = testHookCommitted(n)
			}
			if err != nil {
				w.err = err
				for range w.batches { // let send return
				}
				return
			}
		}
	}()
	return w
}

// testHookCommitted, when set by a test, is called after each commit
// with the number of batches committed; an error stops the writer as a
// failed commit would.
var testHookCommitted func(batches int) error

// errWriterFailed stops the run when a commit failed.
var errWriterFailed = errors.New("store: a commit failed")

// send queues a batch; it fails once the writer has.
func (w *writer) send(b []entigraph.Result) error {
	select {
	case <-w.done:
		return errWriterFailed
	default:
	}
	select {
	case w.batches <- b:
		return nil
	case <-w.done:
		return errWriterFailed
	}
}

// close waits for the queued batches and returns the writer's error.
func (w *writer) close() error {
	close(w.batches)
	<-w.done
	return w.err
}

// row is one document as stored.
type row struct {
	id           string
	digest       []byte
	hash         int64
	date         sql.NullInt64
	counts       [4]int
	partial, doc []byte
	failure      sql.NullString
	prepared     *graph.Prepared
}

// encode turns results into rows on w.workers goroutines.
func (w *writer) encode(b []entigraph.Result) ([]row, error) {
	rows := make([]row, len(b))
	errs := make([]error, len(b))
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for range min(w.workers, len(b)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(b); i = int(next.Add(1) - 1) {
				rows[i], errs[i] = w.encodeOne(b[i])
			}
		}()
	}
	wg.Wait()
	return rows, errors.Join(errs...)
}

func (w *writer) encodeOne(r entigraph.Result) (row, error) {
	date := r.Input.Date
	rw := row{id: r.Input.ID, digest: docDigest(r.Input), hash: int64(entigraph.ContentHash(r.Input.Text))}
	if !date.IsZero() {
		rw.date = sql.NullInt64{Int64: date.Unix(), Valid: true}
	}
	if r.Doc == nil || r.Prepared == nil {
		msg := "analysis failed"
		if r.Err != nil {
			msg = r.Err.Error()
		}
		rw.failure = sql.NullString{String: msg, Valid: true}
		return rw, nil
	}
	d := r.Doc
	rw.prepared = r.Prepared
	rw.counts = [4]int{len(d.Sentences), r.Tokens, len(d.Mentions), len(d.Relations)}
	var err error
	if rw.partial, err = packPartial(w.cfg.Graph, r.Prepared); err != nil {
		return rw, fmt.Errorf("%s: encoding its partial graph: %w", rw.id, err)
	}
	if rw.doc, err = packDoc(d); err != nil {
		return rw, fmt.Errorf("%s: encoding it: %w", rw.id, err)
	}
	return rw, nil
}

const (
	insertDoc = `INSERT INTO docs (id, digest, hash, date, sentences, tokens, mentions, relations, partial, doc, error, batch)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	// A replaced document keeps its seq: its place in input order.
	updateDoc = `UPDATE docs SET digest = ?, hash = ?, date = ?, sentences = ?, tokens = ?, mentions = ?, relations = ?,
		partial = ?, doc = ?, error = ?, batch = ? WHERE id = ?`
)

// commitRow writes one row in batch, unless it is stored already, and
// counts it in n. Replacing a document voids the merged partial of the
// batch it was in.
func (w *writer) commitRow(ctx context.Context, c *sql.Conn, r row, batch int64, n *Report) (written bool, err error) {
	var old []byte
	var oldBatch int64
	err = c.QueryRowContext(ctx, "SELECT digest, batch FROM docs WHERE id = ?", r.id).Scan(&old, &oldBatch)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	if exists && bytes.Equal(old, r.digest) {
		n.Unchanged++ // stored meanwhile by another run
		return false, nil
	}
	cols := []any{r.digest, r.hash, r.date, r.counts[0], r.counts[1], r.counts[2], r.counts[3], r.partial, r.doc, r.failure, batch}
	if exists {
		if _, err = c.ExecContext(ctx, "UPDATE batches SET partial = NULL WHERE id = ?", oldBatch); err == nil {
			_, err = c.ExecContext(ctx, updateDoc, append(cols, r.id)...)
		}
	} else {
		_, err = c.ExecContext(ctx, insertDoc, append([]any{r.id}, cols...)...)
	}
	if err != nil {
		return false, err
	}
	switch {
	case r.failure.Valid: // counted as failed, not as added or replaced
		n.Failed++
	case exists:
		n.Replaced++
	default:
		n.Added++
	}
	return true, nil
}

// commit writes a batch in one transaction.
func (w *writer) commit(ctx context.Context, b []entigraph.Result) error {
	rows, err := w.encode(b)
	if err != nil {
		return w.s.errorf("%v", err)
	}
	var n Report
	err = w.s.write(ctx, func(c *sql.Conn) error {
		n = Report{}
		res, err := c.ExecContext(ctx, "INSERT INTO batches (partial) VALUES (NULL)")
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		merged := graph.NewPartial(w.cfg.Graph)
		for _, r := range rows {
			written, err := w.commitRow(ctx, c, r, id, &n)
			if err != nil {
				return fmt.Errorf("%s: %w", r.id, err)
			}
			if written && r.prepared != nil {
				merged.AddPrepared(r.prepared)
			}
		}
		if merged.Docs() == 0 && n.Failed == 0 && n.Added+n.Replaced == 0 {
			_, err = c.ExecContext(ctx, "DELETE FROM batches WHERE id = ?", id)
			return err
		}
		blob, err := packJSON(merged)
		if err != nil {
			return err
		}
		_, err = c.ExecContext(ctx, "UPDATE batches SET partial = ? WHERE id = ?", blob, id)
		return err
	})
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.rep.Added += n.Added
	w.rep.Replaced += n.Replaced
	w.rep.Unchanged += n.Unchanged
	w.rep.Failed += n.Failed
	return nil
}
