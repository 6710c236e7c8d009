package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// DefaultMaxDocBytes caps one document when Options.MaxDocBytes is zero.
const DefaultMaxDocBytes = 8 << 20

// StdinPath is the path argument that names standard input.
const StdinPath = "-"

// Options control reading. The zero value is the default.
type Options struct {
	// MaxDocBytes caps the bytes read per document; longer input is
	// truncated and Document.Truncated set. Zero means DefaultMaxDocBytes.
	MaxDocBytes int64
}

func (o Options) maxBytes() int64 {
	if o.MaxDocBytes > 0 {
		return o.MaxDocBytes
	}
	return DefaultMaxDocBytes
}

// Document is one input text.
type Document struct {
	ID   string // the path as walked, or "-" for standard input
	Text string // the text exactly as read (possibly truncated)
	// Truncated is set when the input was longer than MaxDocBytes; Text
	// then holds the leading part, cut at a line or word boundary.
	Truncated bool
}

// Error is a problem with one input.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Errors a document can be rejected with.
var (
	ErrEmpty  = errors.New("empty file")
	ErrBinary = errors.New("binary file")
)

// textExtensions are the file types picked up when walking a directory.
var textExtensions = []string{".txt", ".md"}

// Input is one entry of the expanded argument list: a path to read, or
// the error that stopped a path from being walked.
type Input struct {
	Path string
	Err  error
}

// Expand turns path arguments into the list of inputs to read, in order:
// a file stands for itself, a directory for the .txt and .md files below it
// in lexical order (hidden files and directories skipped), "-" for standard
// input. A path that cannot be walked becomes an Input with Err set, in its
// place, and the others go on.
func Expand(args []string) []Input {
	var out []Input
	fail := func(p string, err error) { out = append(out, Input{Path: p, Err: &Error{Path: p, Err: describe(err)}}) }
	for _, arg := range args {
		if arg == StdinPath {
			out = append(out, Input{Path: arg})
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			fail(arg, err)
			continue
		}
		if !info.IsDir() {
			out = append(out, Input{Path: arg})
			continue
		}
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				fail(p, err)
				if d != nil && d.IsDir() && p != arg {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if p != arg && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && slices.Contains(textExtensions, strings.ToLower(filepath.Ext(name))) {
				out = append(out, Input{Path: p})
			}
			return nil
		})
		if err != nil {
			fail(arg, err)
		}
	}
	return out
}

// Open reads the input at path ("-" is stdin).
func Open(path string, stdin io.Reader, opts Options) (Document, error) {
	if path == StdinPath {
		return Read(path, stdin, opts)
	}
	f, err := os.Open(path)
	if err != nil {
		return Document{}, &Error{Path: path, Err: describe(err)}
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return Document{}, &Error{Path: path, Err: errors.New("is a directory")}
	}
	return Read(path, f, opts)
}

// Read reads one document from r, checking that it is non-empty UTF-8
// text. id names the document in errors.
func Read(id string, r io.Reader, opts Options) (Document, error) {
	limit := opts.maxBytes()
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return Document{}, &Error{Path: id, Err: describe(err)}
	}
	doc := Document{ID: id}
	if int64(len(data)) > limit {
		data = cutAtBoundary(data[:limit])
		doc.Truncated = true
	}
	if err := checkText(data); err != nil {
		return Document{}, &Error{Path: id, Err: err}
	}
	doc.Text = string(data)
	return doc, nil
}

// checkText rejects empty, binary and non-UTF-8 data.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return fmt.Errorf("invalid UTF-8 at byte %d (convert it first, e.g. iconv -f latin1 -t utf-8)", off)
	}
	return nil
}

// cutAtBoundary trims a truncated buffer back to the last line break, or
// failing that the last space, in its final 4 KiB, and never inside a
// UTF-8 sequence.
func cutAtBoundary(data []byte) []byte {
	tail := max(len(data)-4096, 0)
	if i := bytes.LastIndexByte(data[tail:], '\n'); i >= 0 {
		return data[:tail+i+1]
	}
	if i := bytes.LastIndexByte(data[tail:], ' '); i >= 0 {
		return data[:tail+i+1]
	}
	for i := len(data) - 1; i >= max(len(data)-utf8.UTFMax, 0); i-- {
		if utf8.RuneStart(data[i]) {
			if !utf8.FullRune(data[i:]) {
				data = data[:i]
			}
			break
		}
	}
	return data
}

// describe shortens os errors to their reason: the path is added by Error.
func describe(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return errors.New("no such file or directory")
		case errors.Is(err, fs.ErrPermission):
			return errors.New("permission denied")
		}
		return pe.Err
	}
	return err
}
