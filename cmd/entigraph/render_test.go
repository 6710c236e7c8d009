package main

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRenderWithoutGraphviz renders the sample graph with PATH emptied, so
// no system Graphviz can be used: the in-process WebAssembly Graphviz
// draws every node and edge.
func TestRenderWithoutGraphviz(t *testing.T) {
	dir := t.TempDir()
	dotFile := writeView(t, dir, "sample.dot")
	dot, err := os.ReadFile(dotFile)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", "")
	if p, err := exec.LookPath("dot"); err == nil {
		t.Fatalf("dot still found at %s", p)
	}
	tests := []struct {
		name string
		args []string
	}{
		{"svg by extension", []string{"-o", filepath.Join(dir, "a.svg")}},
		{"png by extension", []string{"-o", filepath.Join(dir, "a.png")}},
		{"layout dot", []string{"--layout", "dot", "-o", filepath.Join(dir, "b.svg")}},
		{"layout sfdp", []string{"--layout", "sfdp", "-o", filepath.Join(dir, "c.svg")}},
		{"layout circo", []string{"--layout", "circo", "-o", filepath.Join(dir, "d.svg")}},
		{"layout fdp", []string{"--layout", "fdp", "-o", filepath.Join(dir, "e.svg")}},
		{"format flag to stdout", []string{"--format", "svg"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", append([]string{"render"}, append(tt.args, dotFile)...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			out := []byte(stdout)
			if i := slices.Index(tt.args, "-o"); i >= 0 {
				if out, err = os.ReadFile(tt.args[i+1]); err != nil {
					t.Fatal(err)
				}
			}
			if strings.HasSuffix(tt.args[len(tt.args)-1], ".png") {
				img, err := png.Decode(bytes.NewReader(out))
				if err != nil {
					t.Fatalf("not a PNG: %v", err)
				}
				if b := img.Bounds(); b.Dx() < 100 || b.Dy() < 100 {
					t.Errorf("PNG is %v", b)
				}
				return
			}
			if n, want := strings.Count(string(out), `class="node"`), strings.Count(string(dot), "fillcolor="); n != want {
				t.Errorf("SVG has %d nodes, want %d", n, want)
			}
			if n, want := strings.Count(string(out), `class="edge"`), strings.Count(string(dot), " -- ")+strings.Count(string(dot), " -> "); n != want {
				t.Errorf("SVG has %d edges, want %d", n, want)
			}
		})
	}
}

func TestRenderStdin(t *testing.T) {
	stdout, stderr, code := runCLI(t, "graph g { a -- b }", "render", "--format", "svg", "-")
	if code != 0 || !strings.Contains(stdout, "<svg") {
		t.Errorf("exit %d, stderr %q, stdout %.200q", code, stderr, stdout)
	}
}

func TestRenderUsage(t *testing.T) {
	dir := t.TempDir()
	dotFile := filepath.Join(dir, "g.dot")
	if err := os.WriteFile(dotFile, []byte("graph g { a -- b }"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		code    int
		wantErr string
	}{
		{"no file", []string{"render", "-o", "x.svg"}, exitUsage, "render: want one GRAPH.dot"},
		{"no output or format", []string{"render", dotFile}, exitUsage, "give -o FILE.svg or FILE.png, or --format svg|png"},
		{"unknown extension", []string{"render", "-o", filepath.Join(dir, "x.gif"), dotFile}, exitUsage, `unknown image format "gif"`},
		{"unknown layout", []string{"render", "--layout", "spiral", "-o", filepath.Join(dir, "x.svg"), dotFile}, exitUsage, `unknown layout "spiral"`},
		{"missing input", []string{"render", "-o", filepath.Join(dir, "x.svg"), filepath.Join(dir, "none.dot")}, exitFatal, "no such file"},
		{"bad DOT", []string{"render", "--format", "svg", "-"}, exitFatal, "parsing DOT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdin := ""
			if tt.name == "bad DOT" {
				stdin = "graph { a -- "
			}
			_, stderr, code := runCLI(t, stdin, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.wantErr)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "x.svg")); err == nil {
		t.Error("a failed render left x.svg behind")
	}
}

func TestRenderHelp(t *testing.T) {
	stdout, stderr, code := runCLI(t, "", "render", "--help")
	if code != exitOK {
		t.Errorf("exit status %d; stderr %q", code, stderr)
	}
	for _, want := range []string{"Usage: entigraph render", "Example", "--layout", "--output"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("help lacks %q:\n%s", want, stdout)
		}
	}
}
