package input

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"strings"
)

// defaultFields are the names tried, in order, for each record field when
// no name is given.
var defaultFields = map[string][]string{
	"text":  {"text", "content", "body", "article", "full_text", "maintext", "description"},
	"id":    {"id", "_id", "uuid", "url", "link"},
	"title": {"title", "headline"},
	"date":  {"date", "published", "published_at", "publish_date", "pubdate", "datetime", "timestamp"},
}

// fieldNames returns the names to try for a field given its flag value.
func fieldNames(flag, field string) []string {
	switch flag {
	case "":
		return defaultFields[field]
	case "-":
		return nil
	}
	return []string{flag}
}

// recordMaker turns the fields of one record into a Document.
type recordMaker struct {
	path                  string
	opts                  Options
	text, id, title, date []string
	seen                  map[uint64]bool // ids given so far, to keep them unique
}

func newRecordMaker(path string, opts Options) *recordMaker {
	return &recordMaker{
		path: path, opts: opts,
		text:  fieldNames(opts.TextField, "text"),
		id:    fieldNames(opts.IDField, "id"),
		title: fieldNames(opts.TitleField, "title"),
		date:  fieldNames(opts.DateField, "date"),
		seen:  map[uint64]bool{},
	}
}

// make builds the document of the record on line, looking fields up with
// get, which reports whether the record has a (string) value for a name.
func (m *recordMaker) make(line int, get func(string) (string, bool)) (Document, error) {
	lookup := func(names []string) (string, bool) {
		for _, n := range names {
			if v, ok := get(n); ok {
				return v, true
			}
		}
		return "", false
	}
	body, ok := lookup(m.text)
	if !ok {
		return Document{}, &Error{Path: m.path, Line: line,
			Err: fmt.Errorf("no text field (tried %s; set --text-field)", strings.Join(m.text, ", "))}
	}
	title, _ := lookup(m.title)
	date, _ := lookup(m.date)
	title, body = clean(title), strings.ToValidUTF8(body, "\uFFFD")
	if strings.TrimSpace(body) == "" && title == "" {
		return Document{}, &Error{Path: m.path, Line: line, Err: errors.New("empty text")}
	}
	if strings.IndexByte(body, 0) >= 0 {
		return Document{}, &Error{Path: m.path, Line: line, Err: errors.New("text contains NUL bytes")}
	}
	doc := Document{Title: title, Date: clean(date)}
	doc.Text, doc.Truncated = joinTitle(title, body, m.opts.maxBytes(), false)
	doc.ID = m.path + ":" + strconv.Itoa(line)
	if id, ok := lookup(m.id); ok && strings.TrimSpace(id) != "" {
		h := fnv.New64a()
		h.Write([]byte(id))
		if sum := h.Sum64(); !m.seen[sum] {
			m.seen[sum] = true
			doc.ID = id
		}
	}
	return doc, nil
}

// readJSONL yields one document per non-blank line of r.
func readJSONL(path string, r *bufio.Reader, opts Options, yield func(Document, error) bool) {
	m := newRecordMaker(path, opts)
	// A JSON line may be longer than its text (escapes, other fields).
	limit := 4*opts.maxBytes() + 64<<10
	for line := 1; ; line++ {
		data, tooLong, err := readLine(r, limit)
		if len(bytes.TrimSpace(data)) > 0 || tooLong {
			var doc Document
			var rerr error
			if tooLong {
				rerr = &Error{Path: path, Line: line, Err: fmt.Errorf("record longer than %d bytes (raise --max-doc-bytes)", limit)}
			} else {
				doc, rerr = m.jsonRecord(line, data)
			}
			if !yield(doc, rerr) {
				return
			}
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			yield(Document{}, &Error{Path: path, Line: line, Err: describe(err)})
			return
		}
	}
}

func (m *recordMaker) jsonRecord(line int, data []byte) (Document, error) {
	var rec map[string]json.RawMessage
	if err := json.Unmarshal(data, &rec); err != nil {
		return Document{}, &Error{Path: m.path, Line: line, Err: fmt.Errorf("malformed JSON: %v", err)}
	}
	return m.make(line, func(name string) (string, bool) {
		raw, ok := rec[name]
		if !ok {
			return "", false
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s, true
		}
		var n json.Number
		if json.Unmarshal(raw, &n) == nil {
			return n.String(), true // numeric ids
		}
		return "", false
	})
}

// readLine reads one line without its terminator. A line longer than
// limit is skipped to its end and reported as tooLong.
func readLine(r *bufio.Reader, limit int64) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf)+len(chunk)) > limit {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		buf = bytes.TrimRight(buf, "\r\n")
		return buf, tooLong, err
	}
}

// readCSV yields one document per row after the header row.
func readCSV(path string, r io.Reader, opts Options, yield func(Document, error) bool) {
	m := newRecordMaker(path, opts)
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			err = ErrEmpty
		}
		yield(Document{}, &Error{Path: path, Line: 1, Err: csvError(err)})
		return
	}
	index := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, dup := index[h]; !dup {
			index[h] = i
		}
	}
	lastErrLine := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			if line == lastErrLine {
				return // the reader cannot move past this error
			}
			lastErrLine = line
			if !yield(Document{}, &Error{Path: path, Line: line, Err: csvError(err)}) {
				return
			}
			if pe == nil {
				return // an I/O error: nothing more can be read
			}
			continue
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			if !yield(Document{}, &Error{Path: path, Line: line,
				Err: fmt.Errorf("row has %d fields, the header has %d", len(rec), len(header))}) {
				return
			}
			continue
		}
		doc, derr := m.make(line, func(name string) (string, bool) {
			i, ok := index[strings.ToLower(name)]
			if !ok {
				return "", false
			}
			return rec[i], true
		})
		if !yield(doc, derr) {
			return
		}
	}
}

// csvError drops encoding/csv's own position prefix: Error adds ours.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("bad CSV row: %v", pe.Err)
	}
	return describe(err)
}
