package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// FuzzOpen feeds arbitrary files to a build: never a panic, and a file
// refused is left as it was.
func FuzzOpen(f *testing.F) {
	dir := f.TempDir()
	good := filepath.Join(dir, "good.db")
	s, err := Open(context.Background(), good)
	if err != nil {
		f.Fatal(err)
	}
	if _, err := s.Index(context.Background(), Config{}, source(readDocs(f, 2, "../testdata/articles"))); err != nil {
		f.Fatal(err)
	}
	s.Close()
	valid, err := os.ReadFile(good)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	f.Add(valid[:len(valid)/3])
	f.Add([]byte("SQLite format 3\x00 but nothing after"))
	f.Add([]byte("id,text\n1,hello\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "fuzz.db")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := OpenExisting(context.Background(), path)
		if err == nil {
			_, err = s.Corpus(context.Background(), BuildOptions{})
			s.Close()
		}
		if err == nil {
			return
		}
		after, _ := os.ReadFile(path)
		if !bytes.Equal(data, after) {
			t.Errorf("refused (%v), and the file changed", err)
		}
	})
}
