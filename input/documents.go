package input

import (
	"bufio"
	"compress/gzip"
	"errors"
	"io"
	"iter"
	"os"
	"strings"
	"time"
)

// Documents reads the documents of one expanded input. It yields each
// document, or an *Error for each record or file that cannot be read, and
// then goes on with the next record where the format allows. stdin is read
// for the path "-". Documents are produced one at a time, so a file of any
// size is read in bounded memory.
func Documents(in Input, stdin io.Reader, opts Options) iter.Seq2[Document, error] {
	return func(yield func(Document, error) bool) {
		if in.Err != nil {
			yield(Document{}, in.Err)
			return
		}
		path := in.Path
		var r io.Reader
		if path == StdinPath {
			r = stdin
		} else {
			f, err := os.Open(path)
			if err != nil {
				yield(Document{}, &Error{Path: path, Err: describe(err)})
				return
			}
			defer f.Close()
			if info, err := f.Stat(); err == nil && info.IsDir() {
				yield(Document{}, &Error{Path: path, Err: errors.New("is a directory")})
				return
			}
			r = f
		}
		br := bufio.NewReaderSize(r, 64<<10)
		if strings.HasSuffix(strings.ToLower(path), ".gz") || isGzip(br) {
			zr, err := gzip.NewReader(br)
			if err != nil {
				yield(Document{}, &Error{Path: path, Err: gzipError(err)})
				return
			}
			defer zr.Close()
			br = bufio.NewReaderSize(&gzipErrorReader{zr}, 64<<10)
		}
		format := opts.Format
		if format == "" {
			format, _ = FormatOf(path)
		}
		switch format {
		case JSONL:
			readJSONL(path, br, opts, yield)
		case CSV:
			readCSV(path, br, opts, yield)
		case HTML:
			doc, err := readHTML(path, br, opts)
			yield(withSidecar(doc, err))
		default:
			doc, err := Read(path, br, opts)
			if err == nil && doc.DateText == "" {
				setDate(&doc, dateline(doc.Text))
			}
			yield(withSidecar(doc, err))
		}
	}
}

// SidecarSuffix names the optional file that gives the date of a whole-file
// document: the date of news/a.txt is the first line of news/a.txt.date
// (any form ParseDate reads). It overrides dates found in the document.
const SidecarSuffix = ".date"

// withSidecar sets the document's date from its sidecar file, if any.
func withSidecar(doc Document, err error) (Document, error) {
	if err != nil || doc.ID == StdinPath {
		return doc, err
	}
	data, rerr := readSmall(doc.ID + SidecarSuffix)
	if rerr != nil {
		return doc, nil // no sidecar
	}
	line, _, _ := strings.Cut(string(data), "\n")
	doc.Date, doc.DateText = time.Time{}, ""
	setDate(&doc, line)
	return doc, nil
}

// readSmall reads the first KiB of a file.
func readSmall(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, 1<<10))
}

// isGzip reports whether r starts with the gzip magic number, so that a
// compressed file is read even without a .gz name (or from stdin).
func isGzip(r *bufio.Reader) bool {
	b, err := r.Peek(2)
	return err == nil && b[0] == 0x1f && b[1] == 0x8b
}

// gzipErrorReader rewords the errors of a damaged gzip stream.
type gzipErrorReader struct{ r io.Reader }

func (g *gzipErrorReader) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = gzipError(err)
	}
	return n, err
}

func gzipError(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("truncated gzip data (unexpected end of file)")
	}
	return errors.New("corrupt gzip data: " + err.Error())
}
