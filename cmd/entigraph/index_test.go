package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestIndexBuildMatchesBuild indexes half of the sample articles, then
// the other half, and checks that build --db writes the bytes build
// writes over all of them, for every format and a few views.
func TestIndexBuildMatchesBuild(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(articles, "*"))
	if err != nil || len(files) < 4 {
		t.Fatalf("sample articles: %v, %d files", err, len(files))
	}
	db := filepath.Join(t.TempDir(), "corpus.db")
	half := len(files) / 2
	var stderr string
	var code int
	for i, part := range [][]string{files[:half], files[half:]} {
		_, stderr, code = runCLI(t, "", append([]string{"index", "--db", db, "-j", "2"}, part...)...)
		if code != exitOK {
			t.Fatalf("index part %d: exit %d: %s", i+1, code, stderr)
		}
		if want := len(part); !strings.Contains(stderr, strconv.Itoa(want)+" added, 0 unchanged, 0 replaced, 0 failed") {
			t.Errorf("index part %d: summary %q does not report %d added", i+1, stderr, want)
		}
	}
	_, stderr, _ = runCLI(t, "", append([]string{"index", "--db", db}, files...)...)
	if !strings.Contains(stderr, "0 added, "+strconv.Itoa(len(files))+" unchanged") {
		t.Errorf("indexing again: summary %q, want every document unchanged", stderr)
	}
	// build --db analyses nothing, so its summary gives counts but no rate.
	_, stderr, code = runCLI(t, "", "build", "--db", db, "-o", filepath.Join(t.TempDir(), "g.dot"))
	if code != exitOK || !strings.Contains(stderr, "entigraph: done: "+strconv.Itoa(len(files))+" documents") || strings.Contains(stderr, "tokens/s") {
		t.Errorf("build --db: exit %d, summary %q: want the document count and no tokens/s", code, stderr)
	}
	views := [][]string{
		{"--format", "dot"}, {"--format", "gexf"}, {"--format", "graphml"}, {"--format", "json"}, {"--format", "csv"},
		{"--weight", "npmi", "--top-edges", "3", "--giant", "--color", "community"},
		{"--scope", "paragraph", "--types", "PERSON,ORG", "--evidence", "1"}, // resolved again from the stored documents
		{"--focus", "Peter Odhiambo", "--format", "json"},
	}
	for _, v := range views {
		t.Run(strings.Join(v, " "), func(t *testing.T) {
			dir := t.TempDir()
			outA, outB := filepath.Join(dir, "batch"), filepath.Join(dir, "store")
			if _, stderr, code := runCLI(t, "", append(append([]string{"build", "-q", "-o", outA}, v...), files...)...); code != exitOK {
				t.Fatalf("build: exit %d: %s", code, stderr)
			}
			if _, stderr, code := runCLI(t, "", append([]string{"build", "-q", "--db", db, "-o", outB}, v...)...); code != exitOK {
				t.Fatalf("build --db: exit %d: %s", code, stderr)
			}
			if diff := cmp.Diff(readTree(t, outA), readTree(t, outB)); diff != "" {
				t.Errorf("build --db differs from build (-build +build --db):\n%s", diff)
			}
		})
	}
}

// readTree reads a file, or every file of a directory, by name.
func readTree(t *testing.T, path string) map[string]string {
	t.Helper()
	out := map[string]string{}
	paths := []string{path}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		paths, _ = filepath.Glob(filepath.Join(path, "*"))
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(path, p)
		out[rel] = string(b)
	}
	return out
}

func TestIndexUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "corpus.db")
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"no db", []string{"index", articles}, "index: --db FILE is required"},
		{"no path", []string{"index", "--db", db}, "index: no PATH given"},
		{"a build flag", []string{"index", "--db", db, "--types", "PERSON", articles}, "--types is for build"},
		{"db and paths", []string{"build", "--db", db, articles}, "give --db or PATH..., not both"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runCLI(t, "", tt.args...)
			if code != exitUsage {
				t.Errorf("exit status %d, want %d", code, exitUsage)
			}
			if !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.wantErr)
			}
		})
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a usage error made %s", db)
	}
}

func TestBuildRefusesNonStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(path, []byte("not a database\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCLI(t, "", "build", "--db", path)
	if code != exitFatal || !strings.Contains(stderr, path+": not an entigraph store") {
		t.Errorf("exit %d, stderr %q; want %d and the path named", code, stderr, exitFatal)
	}
}
