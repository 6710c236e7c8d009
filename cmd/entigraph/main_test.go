package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/internal/dottest"
)

var update = flag.Bool("update", false, "rewrite golden files")

const articles = "../../testdata/articles"

// runCLI runs the program in-process and returns its stdout, stderr and
// exit status.
func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(args, strings.NewReader(stdin), &out, &errOut)
	code = report(err, &errOut)
	return out.String(), errOut.String(), code
}

// checkGolden compares got with testdata/golden/name, or rewrites it
// under -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("../../testdata/golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/entigraph -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", path, diff)
	}
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name   string
		golden string
		args   []string
	}{
		{"extract", "extract.jsonl", []string{"extract", articles}},
		{"build", "build.dot", []string{"build", articles}},
		{"build paragraph scope", "build-paragraph.dot", []string{"build", "--scope", "paragraph", "--min-weight", "2", articles}},
		{"build people and organizations", "build-person-org.dot", []string{"build", articles, "--types", "PERSON,ORG", "--min-mentions", "2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, "", append(tt.args, "--quiet")...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr:\n%s", code, errOut)
			}
			checkGolden(t, tt.golden, out)
			if strings.HasSuffix(tt.golden, ".dot") {
				if p := dottest.Parse(t, []byte(out)); len(p.Objects) == 0 {
					t.Error("Graphviz read no nodes")
				}
			}
		})
	}
}

// TestExtractOffsets checks that every mention's offsets slice exactly its
// text out of the file as stored.
func TestExtractOffsets(t *testing.T) {
	out, errOut, code := runCLI(t, "", "extract", articles)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	docs, mentions := 0, 0
	for sc.Scan() {
		var line extractLine
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(line.Doc)
		if err != nil {
			t.Fatal(err)
		}
		docs++
		for _, e := range line.Entities {
			mentions++
			if e.Start < 0 || e.End > len(data) || e.Start >= e.End || string(data[e.Start:e.End]) != e.Text {
				t.Errorf("%s: mention %q at %d:%d does not slice the file", line.Doc, e.Text, e.Start, e.End)
			}
			if e.Type != "PERSON" && e.Type != "ORG" && e.Type != "LOC" {
				t.Errorf("%s: mention %q has type %q", line.Doc, e.Text, e.Type)
			}
		}
	}
	if docs != 14 || mentions < 100 {
		t.Errorf("got %d documents and %d mentions, want 14 documents and at least 100 mentions", docs, mentions)
	}
}

// TestDeterministic runs build five times with two workers and once with
// one, and wants the same bytes every time.
func TestDeterministic(t *testing.T) {
	for _, cmd := range []string{"build", "extract"} {
		t.Run(cmd, func(t *testing.T) {
			want, _, _ := runCLI(t, "", cmd, "-j", "1", articles)
			for i := 0; i < 5; i++ {
				got, _, _ := runCLI(t, "", cmd, "-j", "2", articles)
				if got != want {
					t.Fatalf("run %d with -j 2 differs from -j 1:\n%s", i, cmp.Diff(want, got))
				}
			}
		})
	}
}

func TestStdin(t *testing.T) {
	out, errOut, code := runCLI(t, "Amara Okafor met Lukas Brandt in Hamburg.\n", "extract", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, `{"doc":"-","entities":[`) {
		t.Errorf("got %q", out)
	}
}

// TestBadInputs feeds every kind of bad input next to a good one: each is
// reported once on stderr as "entigraph: PATH: why", the good input still
// reaches the graph, and the exit status is 1.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("Amara Okafor met Lukas Brandt in Hamburg on Monday.\n"))
	empty := write("empty.txt", nil)
	binary := write("binary.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00"))
	latin1 := write("latin1.txt", []byte("Jos\xe9 Mart\xednez visited Z\xfcrich.\n"))
	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	line := []byte(strings.Repeat("Ana Silva met Bo Chen in Lisbon and ", 1000))
	for n := 0; n < 50<<20; n += len(line) {
		f.Write(line)
	}
	f.Close()
	loop := filepath.Join(dir, "loop.txt")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")

	// The cut falls after the last space within the first 1,000,000 bytes.
	kept := bytes.LastIndexByte(bytes.Repeat(line, 1+1000000/len(line))[:1000000], ' ') + 1
	outFile := filepath.Join(dir, "out.dot")
	args := []string{"build", missing, good, empty, binary, latin1, huge, loop, "--max-doc-bytes", "1000000", "-o", outFile, "--quiet"}
	stdout, stderr, code := runCLI(t, "", args...)
	if code != exitInputFailed {
		t.Errorf("exit status %d, want %d", code, exitInputFailed)
	}
	if stdout != "" {
		t.Errorf("stdout should be empty with -o, got %q", stdout)
	}
	wantLines := []string{
		"entigraph: " + missing + ": no such file or directory",
		"entigraph: " + empty + ": empty file",
		"entigraph: " + binary + ": binary file (NUL byte at offset 7)",
		"entigraph: " + huge + ": truncated to its first " + strconv.Itoa(kept) + " bytes (raise --max-doc-bytes to read more)",
		"entigraph: " + loop + ": too many levels of symbolic links",
		"entigraph: 5 of 7 inputs failed",
	}
	if diff := cmp.Diff(wantLines, strings.Split(strings.TrimSpace(stderr), "\n")); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
	dot, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{`"Amara Okafor"`, `"Hamburg"`, `"Zürich"`} {
		if !bytes.Contains(dot, []byte(name)) {
			t.Errorf("graph lacks %s from the good and the Latin-1 inputs", name)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".out.dot.tmp-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"no command", nil, "entigraph: no command given"},
		{"unknown command", []string{"frobnicate"}, `entigraph: unknown command "frobnicate"`},
		{"no path", []string{"build"}, "entigraph: build: no PATH given (use - for stdin)"},
		{"bad scope", []string{"build", "--scope", "chapter", "x"}, `entigraph: --scope: unknown scope "chapter"`},
		{"bad window", []string{"build", "--scope", "window:0", "x"}, "window size must be a positive integer"},
		{"bad type", []string{"extract", "--types", "PERSON,FOOD", "x"}, `entigraph: --types: unknown type "FOOD"`},
		{"unknown flag", []string{"extract", "--frob", "x"}, "entigraph: extract: unknown flag: --frob"},
		{"bad number", []string{"build", "-j", "two", "x"}, "invalid argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", tt.args...)
			if code != exitUsage {
				t.Errorf("exit status %d, want %d", code, exitUsage)
			}
			if stdout != "" {
				t.Errorf("stdout: %q", stdout)
			}
			if !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.wantErr)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	for _, cmd := range []string{"extract", "build", "index", "train", "eval"} {
		t.Run(cmd, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", cmd, "--help")
			if code != exitOK {
				t.Errorf("exit status %d, want 0; stderr %q", code, stderr)
			}
			help := stdout + stderr
			for _, want := range []string{"Usage: entigraph " + cmd, "Example", "--"} {
				if !strings.Contains(help, want) {
					t.Errorf("help lacks %q:\n%s", want, help)
				}
			}
		})
	}
}

// TestBuildRendersWithGraphviz runs the README's first command and renders
// its output with dot -Tsvg, as a new user would.
func TestBuildRendersWithGraphviz(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("Graphviz dot not found; .ci/run should install it")
		}
		t.Skip("Graphviz dot not installed; skipping the render check")
	}
	out := filepath.Join(t.TempDir(), "sample.dot")
	if _, stderr, code := runCLI(t, "", "build", articles, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	cmd := exec.Command("dot", "-Tsvg", out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	svg, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v: %s", err, stderr.String())
	}
	if !bytes.Contains(svg, []byte("<svg")) || !bytes.Contains(svg, []byte("class=\"node\"")) {
		t.Errorf("rendered SVG has no nodes")
	}
}

// TestBatchReporting checks the summary, --errors, --fail-fast and plain
// progress lines on a mix of good and bad JSON Lines records.
func TestBatchReporting(t *testing.T) {
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "news.jsonl")
	data := `{"id": "n1", "text": "Amara Okafor met Lukas Brandt in Hamburg."}
{"id": "n2", "text": "broken
{"id": "n3", "text": "Lukas Brandt flew to Nairobi."}
`
	if err := os.WriteFile(jsonl, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	errorsFile := filepath.Join(dir, "errors.jsonl")

	t.Run("summary and errors file", func(t *testing.T) {
		defer func(d time.Duration) { plainInterval = d }(plainInterval)
		plainInterval = 0
		out, stderr, code := runCLI(t, "", "build", jsonl, "--errors", errorsFile, "--progress=always", "-j", "2")
		if code != exitInputFailed {
			t.Errorf("exit status %d, want %d", code, exitInputFailed)
		}
		if !strings.Contains(out, `"Lukas Brandt"`) {
			t.Errorf("graph lacks the good records:\n%s", out)
		}
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		want := "entigraph: " + jsonl + ":2: malformed JSON: "
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, want) }) {
			t.Errorf("no stderr line starts with %q:\n%s", want, stderr)
		}
		progressLines := 0
		for _, l := range lines {
			if strings.HasPrefix(l, "entigraph: progress: ") {
				progressLines++
			}
		}
		if progressLines != 3 {
			t.Errorf("%d progress lines, want one per document (interval 0):\n%s", progressLines, stderr)
		}
		summary := lines[len(lines)-2]
		for _, want := range []string{"entigraph: done: 3 documents (1 failed)", "tokens", "mentions", "nodes", "edges", "tokens/s"} {
			if !strings.Contains(summary, want) {
				t.Errorf("summary %q lacks %q", summary, want)
			}
		}
		got, err := os.ReadFile(errorsFile)
		if err != nil {
			t.Fatal(err)
		}
		var f entigraph.Failure
		if err := json.Unmarshal(got, &f); err != nil {
			t.Fatalf("errors file %q: %v", got, err)
		}
		if f.Input != jsonl || f.Line != 2 || !strings.HasPrefix(f.Error, "malformed JSON") {
			t.Errorf("errors file entry %+v", f)
		}
	})

	t.Run("fail fast", func(t *testing.T) {
		outFile := filepath.Join(dir, "out.dot")
		_, stderr, code := runCLI(t, "", "build", jsonl, "--fail-fast", "-o", outFile, "-q")
		if code != exitInputFailed {
			t.Errorf("exit status %d, want %d", code, exitInputFailed)
		}
		if _, err := os.Stat(outFile); err == nil {
			t.Errorf("--fail-fast wrote %s", outFile)
		}
		if !strings.Contains(stderr, "stopped at the first failure (--fail-fast)") {
			t.Errorf("stderr %q", stderr)
		}
	})

	t.Run("quiet prints only errors", func(t *testing.T) {
		_, stderr, _ := runCLI(t, "", "extract", jsonl, "-q", "--progress=always")
		if n := strings.Count(stderr, "\n"); n != 2 { // the bad record and the closing count
			t.Errorf("stderr has %d lines:\n%s", n, stderr)
		}
	})
}

// TestFormats reads a directory holding every input format and checks
// the document ids extract reports, in order.
func TestFormats(t *testing.T) {
	dir := t.TempDir()
	page, err := os.ReadFile("../../input/testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"id": "wire-1", "text": "Amara Okafor met Lukas Brandt in Hamburg."}` + "\n" +
		`{"text": "Lukas Brandt flew to Nairobi on Monday."}` + "\n"))
	zw.Close()
	files := map[string][]byte{
		"a-page.html":     page,
		"b-wire.jsonl.gz": gz.Bytes(),
		"c-sheet.csv":     []byte("id,title,text\nrow-7,Port talks,Daniel Reyes visited Mombasa.\n"),
		"d-notes.md":      []byte("# Notes\n\nCarmen Reyes works at the World Bank.\n"),
		"e-ignored.json":  []byte(`{"text": "not walked"}`),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, stderr, code := runCLI(t, "", "extract", dir, "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var ids []string
	found := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var line extractLine
		if err := json.Unmarshal([]byte(l), &line); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, line.Doc)
		for _, e := range line.Entities {
			found[e.Entity] = true
		}
	}
	want := []string{filepath.Join(dir, "a-page.html"), "wire-1", filepath.Join(dir, "b-wire.jsonl.gz") + ":2", "row-7", filepath.Join(dir, "d-notes.md")}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("document ids (-want +got):\n%s", diff)
	}
	for _, name := range []string{"Elena Fuentes", "Lukas Brandt", "Daniel Reyes", "World Bank"} {
		if !found[name] {
			t.Errorf("no mention resolved to %q", name)
		}
	}
	for _, boilerplate := range []string{"Marco Vitale", "Bergen"} {
		if found[boilerplate] {
			t.Errorf("boilerplate entity %q reached the output", boilerplate)
		}
	}
}
