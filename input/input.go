package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"time"
	"unicode/utf8"
)

// DefaultMaxDocBytes caps one document when Options.MaxDocBytes is zero.
const DefaultMaxDocBytes = 4 << 20

// StdinPath is the path argument that names standard input.
const StdinPath = "-"

// Options control reading. The zero value is the default: format by file
// extension, fields text/id/title/date/url with common fallbacks, CSV
// delimiter detected.
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
	TextField, IDField, TitleField, DateField, URLField string
	// CSVDelimiter is the CSV field separator; zero means detect it from
	// the header line among comma, semicolon, tab and '|' (the comma wins
	// ties), noting any but the comma in Document.Notes.
	CSVDelimiter rune
}

func (o Options) maxBytes() int64 {
	if o.MaxDocBytes > 0 {
		return o.MaxDocBytes
	}
	return DefaultMaxDocBytes
}

// Document is one article.
type Document struct {
	// Path is the input the document comes from ("-" for standard
	// input), and Line the 1-based line its record starts on in a JSON
	// Lines or CSV file (0 for a whole file): messages about the document
	// name it as PATH[:LINE].
	Path string
	Line int
	// ID is stable and unique within a run: the path for a whole file,
	// the record's id field or PATH:LINE for a JSON Lines or CSV record.
	ID string
	// Text is what the pipeline analyses and what offsets index: for text
	// and Markdown, the file as read (decoded to UTF-8 when Encoding is
	// set); for HTML, JSON Lines and CSV the title, a blank line, then the
	// article text.
	Text  string
	Title string
	// Date is when the article was published, in UTC; zero when unknown
	// (see ParseDate for the forms understood).
	Date time.Time
	// DateText is the date as the input gives it, also when it could not
	// be parsed (Date is then zero and Notes says so).
	DateText string
	// URL is the article's address, when the input names one: a url or
	// link field, or a page's canonical link or og:url.
	URL string
	// Truncated is set when the text was longer than MaxDocBytes; Text
	// then holds the leading part, cut at a line or word boundary.
	Truncated bool
	// Encoding is the character encoding the input was decoded from, such
	// as "windows-1252" or "utf-16le"; empty for UTF-8.
	Encoding string
	// Notes say how the document was read when it was not plainly: the
	// encoding decoded or guessed, markup too deep for boilerplate
	// removal, a CSV delimiter other than a comma, a date not understood.
	// Short phrases, for a summary or a warning.
	Notes []string
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

// Read reads one plain-text document from r. Text that is not UTF-8 is
// decoded: UTF-16 by its byte order mark, anything else by a guess
// (Windows-1252 unless the detector is confident of another), and the
// document's Encoding and Notes say so. Empty and binary input is an
// error. id names the document in errors.
func Read(id string, r io.Reader, opts Options) (Document, error) {
	limit := opts.maxBytes()
	// Decoding may shrink the text (UTF-16 halves it): read enough raw
	// bytes to fill the limit with any encoding.
	raw, more, err := readLimited(r, rawPerTextByte*limit)
	if err != nil {
		return Document{}, &Error{Path: id, Err: describe(err)}
	}
	doc, err := decodeDocument(id, raw, textCharset(raw, more), limit)
	if err != nil {
		return Document{}, err
	}
	doc.Truncated = doc.Truncated || more
	return doc, nil
}

// rawPerTextByte bounds the raw bytes read per byte of text allowed: no
// encoding takes more than two bytes for a character UTF-8 writes in one.
const rawPerTextByte = 4

// decodeDocument checks and decodes the raw bytes of a text document and
// cuts the text to limit.
func decodeDocument(id string, raw []byte, c charsetChoice, limit int64) (Document, error) {
	if c.enc == nil || !strings.HasPrefix(c.name, "utf-16") {
		// UTF-16 is full of NULs; anything else with one is binary.
		if err := checkText(raw); err != nil && err != errInvalidUTF8 {
			return Document{}, &Error{Path: id, Err: err}
		}
	}
	text, err := c.decode(raw)
	if err != nil {
		return Document{}, &Error{Path: id, Err: err}
	}
	doc := Document{ID: id, Path: id, Encoding: c.name}
	if c.note != "" {
		doc.Notes = []string{c.note}
	}
	if int64(len(text)) > limit {
		text, doc.Truncated = cutAtBoundary(text[:limit]), true
	}
	if err := checkText(text); err != nil {
		if err == errInvalidUTF8 { // a rune cut by the raw limit
			text = bytes.ToValidUTF8(text, nil)
		} else {
			return Document{}, &Error{Path: id, Err: err}
		}
	}
	doc.Text = string(text)
	return doc, nil
}

// readLimited reads at most limit bytes of r, reporting whether there was
// more.
func readLimited(r io.Reader, limit int64) (data []byte, more bool, err error) {
	data, err = io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, false, err
	}
	if int64(len(data)) > limit {
		return data[:limit], true, nil
	}
	return data, false, nil
}

// readCapped reads at most limit bytes of r, reporting whether there was
// more; a cut buffer ends at a line or word boundary.
func readCapped(r io.Reader, limit int64) (data []byte, truncated bool, err error) {
	data, truncated, err = readLimited(r, limit)
	if truncated {
		data = cutAtBoundary(data)
	}
	return data, truncated, err
}

// errInvalidUTF8 is returned by checkText for text that is not UTF-8.
var errInvalidUTF8 = errors.New("invalid UTF-8")

// checkText rejects empty, binary and non-UTF-8 data.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)
	}
	if !utf8.Valid(data) {
		return errInvalidUTF8
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
