package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/input"
)

func count(t testing.TB, path string) int {
	t.Helper()
	s, err := OpenExisting(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM docs").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// checkEqualsBatch checks that the store at path builds the graph of a
// batch run over docs.
func checkEqualsBatch(t *testing.T, path string, docs []input.Document) {
	t.Helper()
	ctx := context.Background()
	batch, err := entigraph.Build(ctx, entigraph.Config{Workers: 2}, source(docs))
	if err != nil {
		t.Fatal(err)
	}
	want, err := batch.Graph(entigraph.View{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := OpenExisting(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Corpus(ctx, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Graph(entigraph.View{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(outputs(t, want), outputs(t, got)); diff != "" {
		t.Errorf("store differs from the batch run (-batch +store):\n%s", diff)
	}
}

func TestIndexReport(t *testing.T) {
	docs := readDocs(t, 0, "../testdata/articles")
	changed := append([]input.Document(nil), docs...)
	changed[2].Text += "\nA late line about Lisbon."
	changed[5].Date = time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	repeated := append(append([]input.Document(nil), docs[:3]...), input.Document{ID: docs[0].ID, Text: "Another text."})
	n := len(docs)
	steps := []struct {
		name     string
		docs     []input.Document
		want     Report
		analysed int
	}{
		{"new store", docs, Report{Added: n}, n},
		{"same documents again", docs, Report{Unchanged: n}, 0},
		{"two changed", changed, Report{Unchanged: n - 2, Replaced: 2}, 2},
		{"an id twice in one run", repeated, Report{Unchanged: 2, Replaced: 1, Failed: 1}, 1},
	}
	s, path := openTemp(t)
	for _, st := range steps {
		rep, err := s.Index(context.Background(), Config{Batch: 4}, source(st.docs))
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		got := Report{Added: rep.Added, Unchanged: rep.Unchanged, Replaced: rep.Replaced, Failed: rep.Failed}
		if diff := cmp.Diff(st.want, got); diff != "" {
			t.Errorf("%s: report (-want +got):\n%s", st.name, diff)
		}
		if rep.Stats.Analysed != st.analysed {
			t.Errorf("%s: analysed %d documents, want %d", st.name, rep.Stats.Analysed, st.analysed)
		}
	}
	// The store now holds the changed corpus with document 2 as it was.
	final := append([]input.Document(nil), changed...)
	final[2] = docs[2]
	checkEqualsBatch(t, path, final)
}

func TestIndexRefusesOtherSettings(t *testing.T) {
	s, path := openTemp(t)
	docs := readDocs(t, 2, "../testdata/articles")
	if _, err := s.Index(context.Background(), Config{}, source(docs)); err != nil {
		t.Fatal(err)
	}
	cfg := Config{}
	cfg.Graph.Evidence = 5
	_, err := s.Index(context.Background(), cfg, source(docs))
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "evidence 3") {
		t.Errorf("indexing with other evidence: got %v, want an error naming %s and the store's settings", err, path)
	}
}

func TestBuildRefusesMissingRelations(t *testing.T) {
	s, path := openTemp(t)
	cfg := Config{}
	cfg.NoRelations = true
	if _, err := s.Index(context.Background(), cfg, source(readDocs(t, 2, "../testdata/articles"))); err != nil {
		t.Fatal(err)
	}
	_, err := s.Corpus(context.Background(), BuildOptions{})
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "without relations") {
		t.Errorf("build with relations from a store without: got %v", err)
	}
}

// TestOpenRefuses checks that files that are not stores of this version
// are refused with a message naming them, and left as they were.
func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	s, err := Open(context.Background(), good)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Index(context.Background(), Config{}, source(readDocs(t, 0, "../testdata/articles"))); err != nil {
		t.Fatal(err)
	}
	s.Close()
	valid, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	withVersion := func(v int) func(string) {
		return func(p string) {
			os.WriteFile(p, valid, 0o644)
			db, err := sql.Open("sqlite", p)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name   string
		make   func(path string)
		create bool   // open with Open rather than OpenExisting
		want   string // in the error
	}{
		{"text file", func(p string) { os.WriteFile(p, []byte("name,action,arg\nReuters,drop\n"), 0o644) }, true, "not a SQLite database"},
		{"truncated store", func(p string) { os.WriteFile(p, valid[:len(valid)/2], 0o644) }, true, "damaged store"},
		{"truncated store, for a build", func(p string) { os.WriteFile(p, valid[:len(valid)/2], 0o644) }, false, "malformed"},
		{"another application's database", func(p string) {
			db, _ := sql.Open("sqlite", p)
			defer db.Close()
			if _, err := db.Exec("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine')"); err != nil {
				t.Fatal(err)
			}
		}, true, "another application"},
		{"newer schema", withVersion(SchemaVersion + 1), true, "newer than this entigraph's"},
		{"older schema", withVersion(SchemaVersion - 1), true, "older than this entigraph's"},
		{"empty file, for a build", func(p string) { os.WriteFile(p, nil, 0o644) }, false, "empty"},
		{"no file, for a build", func(string) {}, false, "no such store"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, fmt.Sprintf("case-%d.db", i))
			tc.make(path)
			before, _ := os.ReadFile(path)
			err := tryStore(path, tc.create)
			if err == nil {
				t.Fatalf("%s was accepted", tc.name)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not name %s and say %q", err, path, tc.want)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Errorf("the file changed: %d bytes before, %d after", len(before), len(after))
			}
		})
	}
}

// tryStore opens path, then indexes a document (create) or builds.
func tryStore(path string, create bool) error {
	ctx := context.Background()
	open := OpenExisting
	if create {
		open = Open
	}
	s, err := open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	if create {
		_, err = s.Index(ctx, Config{}, entigraph.Texts("Ana Silva met Bo Chen in Lisbon."))
		return err
	}
	_, err = s.Corpus(ctx, BuildOptions{})
	return err
}

// TestFailureBetweenBatches stops an index after its second commit: the
// store holds exactly two batches, and indexing again finishes the job.
func TestFailureBetweenBatches(t *testing.T) {
	docs := sampleCorpus(t)
	s, path := openTemp(t)
	const batch = 4
	stop := errors.New("injected failure")
	testHookCommitted = func(n int) error {
		if n == 2 {
			return stop
		}
		return nil
	}
	defer func() { testHookCommitted = nil }()
	_, err := s.Index(context.Background(), Config{Batch: batch, Config: entigraph.Config{Workers: 2}}, source(docs))
	if !errors.Is(err, stop) {
		t.Fatalf("index returned %v, want the injected failure", err)
	}
	if n := count(t, path); n != 2*batch {
		t.Fatalf("the store holds %d documents after two batches of %d", n, batch)
	}
	testHookCommitted = nil
	rep, err := s.Index(context.Background(), Config{Batch: batch}, source(docs))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Unchanged != 2*batch || rep.Added != len(docs)-2*batch {
		t.Errorf("rerun: %d unchanged, %d added; want %d and %d", rep.Unchanged, rep.Added, 2*batch, len(docs)-2*batch)
	}
	checkEqualsBatch(t, path, docs)
}

// TestBuildWhileIndexing builds while an index holds its next batch:
// the build sees the committed batches, no more, and does not wait.
func TestBuildWhileIndexing(t *testing.T) {
	docs := sampleCorpus(t)
	s, path := openTemp(t)
	const batch = 5
	committed, release := make(chan struct{}), make(chan struct{})
	testHookCommitted = func(n int) error {
		if n == 1 {
			close(committed)
			<-release
		}
		return nil
	}
	defer func() { testHookCommitted = nil }()
	done := make(chan error)
	go func() {
		_, err := s.Index(context.Background(), Config{Batch: batch}, source(docs))
		done <- err
	}()
	<-committed
	r, err := OpenExisting(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var mode string
	if err := r.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode %q (%v), want wal", mode, err)
	}
	// A write transaction is open meanwhile in another connection.
	w, err := s.db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.ExecContext(context.Background(), "BEGIN IMMEDIATE; DELETE FROM docs"); err != nil {
		t.Fatal(err)
	}
	c, err := r.Corpus(context.Background(), BuildOptions{})
	w.ExecContext(context.Background(), "ROLLBACK")
	w.Close()
	close(release)
	if err != nil {
		t.Fatalf("build while indexing: %v", err)
	}
	if c.Stats.Docs != batch {
		t.Errorf("build saw %d documents, want the %d of the first batch", c.Stats.Docs, batch)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	checkEqualsBatch(t, path, docs)
}

// slowDocs is the sample corpus ten times over, each copy with its own
// words, for an index slow enough to be killed.
func slowDocs(t testing.TB) []input.Document {
	base := readDocs(t, 0, "../testdata/articles")
	var docs []input.Document
	for k := range 10 {
		for _, d := range base {
			d.ID = fmt.Sprintf("%s#%d", d.ID, k)
			d.Text = fmt.Sprintf("Report %d. %s", k, d.Text)
			docs = append(docs, d)
		}
	}
	return docs
}

const killBatch = 6

// TestKilledIndex kills (SIGKILL) a process in the middle of an index:
// the store is intact, holds whole batches, and a second index finishes
// the job.
func TestKilledIndex(t *testing.T) {
	if path := os.Getenv("STORE_TEST_INDEX_DB"); path != "" {
		s, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		slow := func(yield func(input.Document, error) bool) {
			for _, d := range slowDocs(t) {
				time.Sleep(20 * time.Millisecond)
				if !yield(d, nil) {
					return
				}
			}
		}
		s.Index(context.Background(), Config{Batch: killBatch}, slow)
		return
	}
	if testing.Short() {
		t.Skip("starts a process")
	}
	path := filepath.Join(t.TempDir(), "corpus.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledIndex$")
	cmd.Env = append(os.Environ(), "STORE_TEST_INDEX_DB="+path)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(2 * time.Minute); ; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the index committed nothing in two minutes")
		}
		if _, err := os.Stat(path); err == nil && countOK(path) >= 2*killBatch {
			break
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	docs := slowDocs(t)
	n := count(t, path)
	if n%killBatch != 0 || n >= len(docs) {
		t.Fatalf("after the kill the store holds %d documents: want whole batches of %d, fewer than %d", n, killBatch, len(docs))
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rep, err := s.Index(context.Background(), Config{Batch: killBatch}, source(docs))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Unchanged != n || rep.Added != len(docs)-n {
		t.Errorf("rerun: %d unchanged, %d added; want %d and %d", rep.Unchanged, rep.Added, n, len(docs)-n)
	}
	checkEqualsBatch(t, path, docs)
}

// countOK counts the documents of a store being written, 0 while it
// cannot be read yet.
func countOK(path string) int {
	s, err := OpenExisting(context.Background(), path)
	if err != nil {
		return 0
	}
	defer s.Close()
	var n int
	if s.db.QueryRow("SELECT count(*) FROM docs").Scan(&n) != nil {
		return 0
	}
	return n
}
