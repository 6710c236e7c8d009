package main

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadCoNLL checks that any CoNLL input reads without panicking into
// mentions that index their text.
func FuzzReadCoNLL(f *testing.F) {
	f.Add("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nsaid VBD B-VP O\n\nTony NNP B-NP B-PER\nBlair NNP I-NP I-PER\n")
	f.Add("x I-LOC\ny B-MISC\n\n\n-DOCSTART-\nz O\n")
	f.Fuzz(func(t *testing.T, in string) {
		path := filepath.Join(t.TempDir(), "in.txt")
		if err := os.WriteFile(path, []byte(in), 0o600); err != nil {
			t.Fatal(err)
		}
		docs, err := readCoNLL(path)
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, m := range d.Mentions {
				if m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End || d.Text[m.Start:m.End] != m.Text {
					t.Fatalf("mention %+v does not index %q", m, d.Text)
				}
			}
		}
	})
}

// FuzzReadCheck checks that any check-set file either reads or fails
// with an error, never a panic.
func FuzzReadCheck(f *testing.F) {
	f.Add("# c\nEU\t3\tORG\tEuropean Union|EU\tnote\n")
	f.Add("Ltd\t1\t-\t\t\nx\ty\tz\n")
	f.Fuzz(func(t *testing.T, in string) {
		path := filepath.Join(t.TempDir(), "check.tsv")
		if err := os.WriteFile(path, []byte(in), 0o600); err != nil {
			t.Fatal(err)
		}
		if set, err := readCheck(path); err == nil {
			for _, e := range set {
				if len(e.accept) == 0 {
					t.Fatalf("entry %+v without acceptable names", e)
				}
			}
		}
	})
}
