package input

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestRead(t *testing.T) {
	utf16le := []byte{0xFF, 0xFE, 'H', 0, 'i', 0, ' ', 0, 'O', 0, 'l', 0, 'a', 0, '.', 0}
	tests := []struct {
		name    string
		data    string
		max     int64
		want    Document // ID is always doc.txt
		wantErr string   // substring; "" means success
	}{
		{name: "plain text", data: "Hello Nairobi.\n", want: Document{Text: "Hello Nairobi.\n"}},
		{name: "empty", data: "", wantErr: "empty file"},
		{name: "only white space", data: " \n\t\r\n", wantErr: "empty file"},
		{name: "binary", data: "PK\x03\x04\x00\x00data", wantErr: "binary file (NUL byte at offset 4)"},
		{name: "Windows-1252 is decoded and noted", data: "The caf\xe9 charged \xa35, said Se\xf1or N\xfa\xf1ez. It\x92s fine.",
			want: Document{Text: "The café charged £5, said Señor Núñez. It’s fine.", Encoding: "windows-1252",
				Notes: []string{"decoded from windows-1252 (not valid UTF-8; encoding guessed)"}}},
		{name: "UTF-8 with a stray byte stays UTF-8", data: "It’s Tomás, caf\xe9 owner, in Zürich.",
			want: Document{Text: "It’s Tomás, caf\uFFFD owner, in Zürich.", Notes: []string{"invalid UTF-8 bytes replaced by U+FFFD"}}},
		{name: "UTF-16LE with a byte order mark is decoded", data: string(utf16le),
			want: Document{Text: "Hi Ola.", Encoding: "utf-16le", Notes: []string{"decoded from UTF-16LE (byte order mark)"}}},
		{name: "UTF-16BE with a byte order mark is decoded", data: "\xFE\xFF\x00O\x00k",
			want: Document{Text: "Ok", Encoding: "utf-16be", Notes: []string{"decoded from UTF-16BE (byte order mark)"}}},
		{name: "UTF-16 text is cut after decoding", data: string(utf16le), max: 4,
			want: Document{Text: "Hi ", Encoding: "utf-16le", Truncated: true, Notes: []string{"decoded from UTF-16LE (byte order mark)"}}},
		{name: "UTF-16 of only spaces is empty", data: "\xFF\xFE \x00\n\x00", wantErr: "empty file"},
		{name: "UTF-8 byte order mark kept", data: "\ufeffText.", want: Document{Text: "\ufeffText."}},
		{name: "truncated at a line break", data: "line one\nline two\nline three", max: 15,
			want: Document{Text: "line one\n", Truncated: true}},
		{name: "truncated at a space", data: "alpha beta gamma", max: 12, want: Document{Text: "alpha beta ", Truncated: true}},
		{name: "truncated never splits a rune", data: "ééééé", max: 5, want: Document{Text: "éé", Truncated: true}},
		{name: "exactly at the limit is not truncated", data: "12345", max: 5, want: Document{Text: "12345"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read("doc.txt", strings.NewReader(tt.data), Options{MaxDocBytes: tt.max})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
				}
				if !strings.HasPrefix(err.Error(), "doc.txt: ") {
					t.Errorf("error %q does not name the input", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.want.ID, tt.want.Path = "doc.txt", "doc.txt"
			if diff := cmp.Diff(tt.want, doc); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b.txt", "a.md", "c.json", "sub/z.TXT", "sub/y.txt", ".hidden/x.txt", ".dot.txt"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	loop := filepath.Join(dir, "loop.txt")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	json := filepath.Join(dir, "c.json")
	var got []string
	for _, in := range Expand([]string{dir, "-", json, missing}) {
		if in.Err != nil {
			got = append(got, "error: "+in.Err.Error())
		} else {
			got = append(got, in.Path)
		}
	}
	want := []string{
		filepath.Join(dir, "a.md"), filepath.Join(dir, "b.txt"),
		filepath.Join(dir, "sub/y.txt"), filepath.Join(dir, "sub/z.TXT"),
		"-", json,
		"error: " + missing + ": no such file or directory",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("inputs (-want +got):\n%s", diff)
	}
	if _, err := first(Input{Path: loop}); err == nil || !strings.HasPrefix(err.Error(), loop+": ") {
		t.Errorf("opening a symlink loop: got %v, want an error naming it", err)
	}
	if _, err := first(Input{Path: dir}); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("opening a directory: got %v", err)
	}
	var ie *Error
	if _, err := first(Input{Path: missing}); !errors.As(err, &ie) || ie.Path != missing {
		t.Errorf("opening a missing file: got %v, want *Error for %s", err, missing)
	}
}

// first returns the first document or error of in.
func first(in Input) (Document, error) {
	for d, err := range Documents(in, nil, Options{}) {
		return d, err
	}
	return Document{}, nil
}

// FuzzRead checks that Read never panics and that what it accepts is
// non-empty valid UTF-8 text within the limit, and a prefix of its input
// unless decoded.
func FuzzRead(f *testing.F) {
	f.Add([]byte("Hello Nairobi.\n"), int64(0))
	f.Add([]byte("caf\xe9"), int64(2))
	f.Add([]byte("ééé é"), int64(4))
	f.Fuzz(func(t *testing.T, data []byte, max int64) {
		if max < 0 || max > 1<<20 {
			max = 0
		}
		doc, err := Read("fuzz", strings.NewReader(string(data)), Options{MaxDocBytes: max})
		if err != nil {
			return
		}
		if !utf8.ValidString(doc.Text) || strings.TrimSpace(doc.Text) == "" || strings.ContainsRune(doc.Text, 0) {
			t.Fatalf("accepted bad text %q", doc.Text)
		}
		limit := max
		if limit == 0 {
			limit = DefaultMaxDocBytes
		}
		if int64(len(doc.Text)) > limit {
			t.Fatalf("len %d over the limit %d", len(doc.Text), limit)
		}
		if doc.Encoding != "" || len(doc.Notes) > 0 {
			return // decoded or repaired: neither a prefix nor the same length
		}
		if !strings.HasPrefix(string(data), doc.Text) {
			t.Fatalf("text is not a prefix of the input")
		}
		if doc.Truncated != (int64(len(data)) > limit) {
			t.Fatalf("len %d, truncated %v, input %d, limit %d", len(doc.Text), doc.Truncated, len(data), limit)
		}
	})
}
