package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// DefaultMaxDocBytes caps one document when Options.MaxDocBytes is zero.
const DefaultMaxDocBytes = 4 << 20

// StdinPath is the path argument that names standard input.
const StdinPath = "-"

// Options control reading. The zero value is the default: format by file
// extension, fields text/id/title/date with common fallbacks.
type Options struct {
	// MaxDocBytes caps the bytes of one document's text; longer text is
	// truncated and Document.Truncated set. Zero means DefaultMaxDocBytes.
	MaxDocBytes int64
	// Format forces a format for every input; empty means by extension
	// (with .gz stripped), and text for standard input.
	Format Format
	// Field names for JSON Lines and CSV records. Empty means the default
	// name and then its fallbacks (see defaultFields); "-" turns a field
	// off.
	TextField, IDField, TitleField, DateField string
}

func (o Options) maxBytes() int64 {
	if o.MaxDocBytes > 0 {
		return o.MaxDocBytes
	}
	return DefaultMaxDocBytes
}

// Document is one article.
type Document struct {
	// ID is stable and unique within a run: the path for a whole file,
	// the record's id field or PATH:LINE for a JSON Lines or CSV record.
	ID string
	// Text is what the pipeline analyses and what offsets index: the file
	// exactly as read for text and Markdown; for HTML, JSON Lines and CSV
	// the title, a blank line, then the article text.
	Text  string
	Title string
	Date  string
	// Truncated is set when the text was longer than MaxDocBytes; Text
	// then holds the leading part, cut at a line or word boundary.
	Truncated bool
}

// Error is a problem with one input, or one record of it.
type Error struct {
	Path string
	Line int // 1-based line of the record, or 0 for the whole input
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return e.Path + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// Errors a document can be rejected with.
var (
	ErrEmpty  = errors.New("empty file")
	ErrBinary = errors.New("binary file")
)

// Input is one entry of the expanded argument list: a path to read, or
// the error that stopped a path from being walked.
type Input struct {
	Path string
	Err  error
}

// Expand turns path arguments into the list of inputs to read, in order:
// a file stands for itself, a directory for the files below it in a format
// entigraph reads (see FormatOf), in lexical order, hidden files and
// directories skipped; a glob pattern (*, ?, [) that names no file for the
// files it matches, sorted; "-" for standard input. A path that cannot be
// walked becomes an Input with Err set, in its place, and the others go on.
func Expand(args []string) []Input {
	var out []Input
	fail := func(p string, err error) { out = append(out, Input{Path: p, Err: &Error{Path: p, Err: describe(err)}}) }
	for _, arg := range args {
		if arg == StdinPath {
			out = append(out, Input{Path: arg})
			continue
		}
		info, err := os.Stat(arg)
		if err != nil && strings.ContainsAny(arg, "*?[") {
			matches, gerr := filepath.Glob(arg)
			switch {
			case gerr != nil:
				fail(arg, gerr)
			case len(matches) == 0:
				fail(arg, errors.New("pattern matches no file"))
			}
			for _, m := range matches {
				out = append(out, Expand([]string{m})...)
			}
			continue
		}
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
			if _, known := FormatOf(name); d.Type().IsRegular() && known {
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

// Read reads one plain-text document from r, checking that it is
// non-empty UTF-8 text. id names the document in errors.
func Read(id string, r io.Reader, opts Options) (Document, error) {
	data, truncated, err := readCapped(r, opts.maxBytes())
	if err != nil {
		return Document{}, &Error{Path: id, Err: describe(err)}
	}
	if err := checkText(data); err != nil {
		return Document{}, &Error{Path: id, Err: err}
	}
	return Document{ID: id, Text: string(data), Truncated: truncated}, nil
}

// readCapped reads at most limit bytes of r, reporting whether there was
// more; a cut buffer ends at a line or word boundary.
func readCapped(r io.Reader, limit int64) (data []byte, truncated bool, err error) {
	data, err = io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, false, err
	}
	if int64(len(data)) > limit {
		return cutAtBoundary(data[:limit]), true, nil
	}
	return data, false, nil
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
