package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOutputSafety runs the command against outputs that would destroy or
// re-read data: text in, exit status, a stderr line and what the output
// holds afterwards.
func TestOutputSafety(t *testing.T) {
	const article = "Amara Okafor met Lukas Brandt in Hamburg on Monday.\n"
	tests := []struct {
		name string
		// setup writes files under dir and returns the arguments.
		setup      func(dir string) []string
		runs       int // run the command this many times (default 1)
		wantCode   int
		wantStderr string
		// check inspects dir afterwards.
		check func(t *testing.T, dir string)
	}{
		{
			name: "output is an input",
			setup: func(dir string) []string {
				writeFile(t, dir, "self.txt", article)
				return []string{"build", filepath.Join(dir, "self.txt"), "-o", filepath.Join(dir, "self.txt")}
			},
			wantCode: exitUsage, wantStderr: "is one of the inputs; refusing to overwrite it",
			check: func(t *testing.T, dir string) { wantFile(t, dir, "self.txt", article) },
		},
		{
			name: "errors file is an input",
			setup: func(dir string) []string {
				writeFile(t, dir, "self.txt", article)
				return []string{"build", dir, "--errors", filepath.Join(dir, "self.txt"), "-o", filepath.Join(dir, "out.dot")}
			},
			wantCode: exitUsage, wantStderr: "is one of the inputs; refusing to overwrite it",
			check: func(t *testing.T, dir string) { wantFile(t, dir, "self.txt", article) },
		},
		{
			name: "csv output inside the corpus is not read back",
			setup: func(dir string) []string {
				writeFile(t, dir, "a.txt", article)
				return []string{"build", dir, "--format", "csv", "-o", filepath.Join(dir, "graph")}
			},
			runs:     2,
			wantCode: exitOK, wantStderr: "graph/nodes.csv: skipped: this run writes it",
			check: func(t *testing.T, dir string) {
				data, err := os.ReadFile(filepath.Join(dir, "graph", "nodes.csv"))
				if err != nil || !strings.Contains(string(data), "Amara Okafor") {
					t.Errorf("nodes.csv: %v\n%s", err, data)
				}
			},
		},
		{
			name: "extract output inside the corpus is not read back",
			setup: func(dir string) []string {
				writeFile(t, dir, "a.txt", article)
				return []string{"extract", dir, "-o", filepath.Join(dir, "mentions.jsonl")}
			},
			runs:     2,
			wantCode: exitOK, wantStderr: "mentions.jsonl: skipped: this run writes it",
			check: func(t *testing.T, dir string) {
				data, err := os.ReadFile(filepath.Join(dir, "mentions.jsonl"))
				if err != nil || strings.Count(string(data), "\n") != 1 {
					t.Errorf("mentions.jsonl: %v, want one line:\n%s", err, data)
				}
			},
		},
		{
			name: "no document analysed keeps the previous output",
			setup: func(dir string) []string {
				writeFile(t, dir, "empty.txt", "")
				writeFile(t, dir, "out.dot", "the previous graph")
				return []string{"build", filepath.Join(dir, "empty.txt"), "-o", filepath.Join(dir, "out.dot")}
			},
			wantCode: exitInputFailed, wantStderr: "no document could be analysed; nothing written",
			check: func(t *testing.T, dir string) { wantFile(t, dir, "out.dot", "the previous graph") },
		},
		{
			name: "a device is written, not replaced",
			setup: func(dir string) []string {
				writeFile(t, dir, "a.txt", article)
				return []string{"build", filepath.Join(dir, "a.txt"), "-o", os.DevNull}
			},
			wantCode: exitOK,
			check: func(t *testing.T, dir string) {
				if info, err := os.Stat(os.DevNull); err != nil || info.Mode().IsRegular() {
					t.Fatalf("%s is no longer a device: %v %v", os.DevNull, info, err)
				}
			},
		},
		{
			name: "output into a missing directory fails before reading",
			setup: func(dir string) []string {
				writeFile(t, dir, "a.txt", article)
				return []string{"build", filepath.Join(dir, "a.txt"), "-o", filepath.Join(dir, "no", "such", "out.dot")}
			},
			wantCode: exitUsage, wantStderr: "does not exist",
			check: func(t *testing.T, dir string) {
				if _, err := os.Stat(filepath.Join(dir, "no")); err == nil {
					t.Error("the missing directory was made")
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			args := tt.setup(dir)
			var stderr string
			var code int
			for range max(tt.runs, 1) {
				_, stderr, code = runCLI(t, "", append(args, "-q")...)
			}
			if code != tt.wantCode || !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and a line with %q", code, stderr, tt.wantCode, tt.wantStderr)
			}
			if strings.Contains(stderr, "done:") && tt.wantCode == exitUsage {
				t.Errorf("a usage error came after the run:\n%s", stderr)
			}
			tt.check(t, dir)
		})
	}
}

// TestCSVPairAtomic checks that a failed write leaves the old pair of CSV
// files and no temporary file.
func TestCSVPairAtomic(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "nodes.csv", "old nodes")
	writeFile(t, dir, "edges.csv", "old edges")
	err := writeCSVPair(dir, func(nodes, edges io.Writer) error {
		io.WriteString(nodes, "new nodes")
		return errors.New("disk full")
	})
	if err == nil {
		t.Fatal("writeCSVPair succeeded, want the write's error")
	}
	wantFile(t, dir, "nodes.csv", "old nodes")
	wantFile(t, dir, "edges.csv", "old edges")
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if diff := cmp.Diff([]string{"edges.csv", "nodes.csv"}, names); diff != "" {
		t.Errorf("files left (-want +got):\n%s", diff)
	}
	if err := writeCSVPair(dir, func(nodes, edges io.Writer) error {
		io.WriteString(nodes, "new nodes")
		io.WriteString(edges, "new edges")
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	wantFile(t, dir, "nodes.csv", "new nodes")
	wantFile(t, dir, "edges.csv", "new edges")
}

func writeFile(t *testing.T, dir, name, data string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func wantFile(t *testing.T, dir, name, want string) {
	t.Helper()
	got, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil || string(got) != want {
		t.Errorf("%s holds %q (%v), want %q", name, got, err, want)
	}
}

// TestReadingReports checks what the summary and notes say of inputs read
// unusually: a Latin-1 file decoded, symlinked files followed, hidden and
// unknown files skipped and counted.
func TestReadingReports(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	if err := os.Mkdir(corpus, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "real.txt", "Amara Okafor met Lukas Brandt in Hamburg on Monday.\n")
	if err := os.Symlink(filepath.Join(dir, "real.txt"), filepath.Join(corpus, "link.txt")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, corpus, "latin1.txt", "Jos\xe9 Mart\xednez visited Z\xfcrich on Tuesday.\n")
	writeFile(t, corpus, ".hidden.txt", "Hidden Person spoke.\n")
	writeFile(t, corpus, "notes.docx", "not an article")
	_, stderr, code := runCLI(t, "", "build", corpus, "-o", filepath.Join(dir, "out.dot"))
	if code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	for _, want := range []string{
		"latin1.txt: note: decoded from windows-1252",
		"done: 2 documents (0 failed), 1 decoded from another encoding than UTF-8, 2 files skipped (",
		"hidden", "unknown extension",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	dot, _ := os.ReadFile(filepath.Join(dir, "out.dot"))
	for _, name := range []string{"Amara Okafor", "Zürich"} {
		if !strings.Contains(string(dot), name) {
			t.Errorf("graph lacks %s", name)
		}
	}
}
