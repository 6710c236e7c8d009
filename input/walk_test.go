package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tree makes files (name -> content) and symlinks (name -> "@target")
// under a new temporary directory and returns it.
func tree(t *testing.T, entries map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range entries {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch {
		case content == "/":
			err = os.MkdirAll(p, 0o755)
		case len(content) > 0 && content[0] == '@':
			err = os.Symlink(content[1:], p)
		default:
			err = os.WriteFile(p, []byte(content), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestWalk(t *testing.T) {
	tests := []struct {
		name        string
		tree        map[string]string
		args        []string // relative to the tree; "-" stays
		exclude     []string
		wantInputs  []string // relative; "error: ..." for an Err
		wantSkipped []Skip   // paths relative
	}{
		{
			name:       "symlinks to files are followed",
			tree:       map[string]string{"real/a.txt": "A", "real/b.md": "B", "links/a.txt": "@../real/a.txt", "links/b.md": "@../real/b.md"},
			args:       []string{"links"},
			wantInputs: []string{"links/a.txt", "links/b.md"},
		},
		{
			name:       "a symlink to a directory is walked",
			tree:       map[string]string{"corpus/x.txt": "X", "other/y.txt": "Y", "corpus/more": "@../other"},
			args:       []string{"corpus"},
			wantInputs: []string{"corpus/more/y.txt", "corpus/x.txt"},
		},
		{
			name:        "a loop to an ancestor is walked once",
			tree:        map[string]string{"d/a.txt": "A", "d/sub/up": "@..", "d/sub/b.txt": "B"},
			args:        []string{"d"},
			wantInputs:  []string{"d/a.txt", "d/sub/b.txt"},
			wantSkipped: []Skip{{"d/sub/up", SkipWalked}},
		},
		{
			name:        "two links to one file read it once",
			tree:        map[string]string{"d/a.txt": "A", "d/b.txt": "@a.txt", "d/c.txt": "@a.txt"},
			args:        []string{"d"},
			wantInputs:  []string{"d/a.txt"},
			wantSkipped: []Skip{{"d/b.txt", SkipDuplicate}, {"d/c.txt", SkipDuplicate}},
		},
		{
			name: "hidden, unknown and broken entries are reported",
			tree: map[string]string{
				"d/a.txt": "A", "d/.dot.txt": "x", "d/.git/config": "x", "d/notes.pdf": "x", "d/data.json": "x",
				"d/gone.txt": "@nowhere.txt", "d/self.txt": "@self.txt", "d/sub/z.TXT": "Z",
			},
			args:       []string{"d"},
			wantInputs: []string{"d/a.txt", "d/sub/z.TXT"},
			wantSkipped: []Skip{
				{"d/.dot.txt", SkipHidden}, {"d/.git", SkipHidden}, {"d/data.json", SkipUnknown},
				{"d/gone.txt", SkipBadLink}, {"d/notes.pdf", SkipUnknown}, {"d/self.txt", SkipBadLink},
			},
		},
		{
			name:        "date sidecars are read with their document, not as inputs",
			tree:        map[string]string{"d/a.txt": "A", "d/a.txt.date": "2026-03-01", "d/b.date": "x"},
			args:        []string{"d"},
			wantInputs:  []string{"d/a.txt"},
			wantSkipped: []Skip{{"d/a.txt.date", SkipSidecar}, {"d/b.date", SkipUnknown}},
		},
		{
			name:        "a directory named twice is walked once",
			tree:        map[string]string{"d/a.txt": "A"},
			args:        []string{"d", "d"},
			wantInputs:  []string{"d/a.txt"},
			wantSkipped: []Skip{{"d", SkipWalked}},
		},
		{
			name:       "a file named on the command line is always read",
			tree:       map[string]string{"d/a.txt": "A", "d/b.json": "B"},
			args:       []string{"d/a.txt", "d/a.txt", "d/b.json", "-"},
			wantInputs: []string{"d/a.txt", "d/a.txt", "d/b.json", "-"},
		},
		{
			name:        "a file named first is not read again from its directory",
			tree:        map[string]string{"d/a.txt": "A", "d/b.txt": "B"},
			args:        []string{"d/a.txt", "d"},
			wantInputs:  []string{"d/a.txt", "d/b.txt"},
			wantSkipped: []Skip{{"d/a.txt", SkipDuplicate}},
		},
		{
			name:        "excluded outputs are not read",
			tree:        map[string]string{"d/a.txt": "A", "d/out/nodes.csv": "x", "d/graph.csv": "x", "d/link.csv": "@graph.csv"},
			args:        []string{"d"},
			exclude:     []string{"d/out", "d/graph.csv", "d/not-yet.csv"},
			wantInputs:  []string{"d/a.txt"},
			wantSkipped: []Skip{{"d/graph.csv", SkipExcluded}, {"d/link.csv", SkipExcluded}, {"d/out", SkipExcluded}},
		},
		{
			name:       "missing paths and empty globs are errors in place",
			tree:       map[string]string{"d/a.txt": "A"},
			args:       []string{"missing.txt", "d/*.html", "d/*.txt"},
			wantInputs: []string{"error: missing.txt: no such file or directory", "error: d/*.html: pattern matches no file", "d/a.txt"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := tree(t, tt.tree)
			abs := func(ps []string) []string {
				var out []string
				for _, p := range ps {
					if p != StdinPath {
						p = filepath.Join(root, p)
					}
					out = append(out, p)
				}
				return out
			}
			inputs, skipped := Walk(abs(tt.args), WalkOptions{Exclude: abs(tt.exclude)})
			var got []string
			for _, in := range inputs {
				p := in.Path
				if in.Err != nil {
					p = "error: " + in.Err.Error()
				}
				got = append(got, filepath.ToSlash(strings.ReplaceAll(p, root+string(filepath.Separator), "")))
			}
			if diff := cmp.Diff(tt.wantInputs, got); diff != "" {
				t.Errorf("inputs (-want +got):\n%s", diff)
			}
			for i := range skipped {
				skipped[i].Path, _ = filepath.Rel(root, skipped[i].Path)
				skipped[i].Path = filepath.ToSlash(skipped[i].Path)
			}
			if diff := cmp.Diff(tt.wantSkipped, skipped); diff != "" {
				t.Errorf("skipped (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSkipSummary(t *testing.T) {
	tests := []struct {
		name    string
		skipped []Skip
		want    string
	}{
		{"nothing", nil, ""},
		{"one", []Skip{{"a", SkipHidden}}, "1 hidden"},
		{"most frequent first, ties by reason", []Skip{
			{"a", SkipHidden}, {"b", SkipUnknown}, {"c", SkipUnknown}, {"d", SkipBadLink}, {"e", SkipHidden}, {"f", SkipUnknown},
		}, "3 unknown extension, 2 hidden, 1 broken symlink"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, SkipSummary(tt.skipped)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
