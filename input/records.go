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
	"url":   {"url", "link", "canonical_url", "source_url", "href"},
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

// fieldValue is one field of a record: its text, or the kind of JSON
// value it holds when that is not a string or number.
type fieldValue struct {
	s    string
	kind string // "" for a string; "a number" (s holds it as written), "an array", ...
}

// recordMaker turns the fields of one record into a Document.
type recordMaker struct {
	path                       string
	opts                       Options
	notes                      []string // notes every record of the file carries
	encoding                   string
	text, id, title, date, url []string
	seen                       map[uint64]bool // ids given so far, to keep them unique
}

func newRecordMaker(path string, opts Options) *recordMaker {
	return &recordMaker{
		path: path, opts: opts,
		text:  fieldNames(opts.TextField, "text"),
		id:    fieldNames(opts.IDField, "id"),
		title: fieldNames(opts.TitleField, "title"),
		date:  fieldNames(opts.DateField, "date"),
		url:   fieldNames(opts.URLField, "url"),
		seen:  map[uint64]bool{},
	}
}

// make builds the document of the record on line, looking fields up with
// get, which reports whether the record has a value for a name (a JSON
// null counts as absent).
func (m *recordMaker) make(line int, get func(string) (fieldValue, bool)) (Document, error) {
	fail := func(format string, args ...any) (Document, error) {
		return Document{}, &Error{Path: m.path, Line: line, Err: fmt.Errorf(format, args...)}
	}
	lookup := func(names []string) (string, bool) {
		for _, n := range names {
			if v, ok := get(n); ok && (v.kind == "" || v.kind == "a number") {
				return v.s, true
			}
		}
		return "", false
	}
	var body string
	found := false
	for _, n := range m.text {
		v, ok := get(n)
		if !ok {
			continue
		}
		if v.kind != "" {
			return fail("field %q is %s, not text (set --text-field to the field holding the article)", n, v.kind)
		}
		body, found = v.s, true
		break
	}
	if !found {
		return fail("no text field (tried %s; set --text-field)", strings.Join(m.text, ", "))
	}
	title, _ := lookup(m.title)
	date, _ := lookup(m.date)
	url, _ := lookup(m.url)
	title, body = clean(title), strings.ToValidUTF8(body, "\uFFFD")
	if strings.TrimSpace(body) == "" && title == "" {
		return fail("empty text")
	}
	if strings.IndexByte(body, 0) >= 0 {
		return fail("text contains NUL bytes")
	}
	doc := Document{Path: m.path, Line: line, Title: title, URL: clean(url), Encoding: m.encoding}
	doc.Notes = append(doc.Notes, m.notes...)
	setDate(&doc, date)
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

// noteCharset makes every record of a file say how it was decoded.
func (m *recordMaker) noteCharset(c charsetChoice) {
	m.encoding = c.name
	if c.note != "" {
		m.notes = append(m.notes, c.note)
	}
}

// readJSONL yields one document per non-blank line of r.
func readJSONL(path string, br *bufio.Reader, opts Options, yield func(Document, error) bool) {
	m := newRecordMaker(path, opts)
	r, c := decodeStream(br)
	m.noteCharset(c)
	lr := bufio.NewReaderSize(r, 64<<10)
	// A JSON line may be longer than its text (escapes, other fields).
	limit := 4*opts.maxBytes() + 64<<10
	for line := 1; ; line++ {
		data, tooLong, err := readLine(lr, limit)
		if len(bytes.TrimSpace(data)) > 0 {
			doc, rerr := m.jsonRecord(line, data, tooLong)
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

// jsonRecord reads one JSON Lines record. A record cut by the line limit
// is salvaged: its fields up to the cut are read, a string cut short
// ends there, and the document is marked Truncated.
func (m *recordMaker) jsonRecord(line int, data []byte, cut bool) (Document, error) {
	var rec map[string]json.RawMessage
	if cut {
		rec = salvageJSON(data)
		if rec == nil {
			return Document{}, &Error{Path: m.path, Line: line,
				Err: fmt.Errorf("record longer than %d bytes and not a JSON object", len(data))}
		}
	} else if err := json.Unmarshal(data, &rec); err != nil {
		return Document{}, &Error{Path: m.path, Line: line, Err: fmt.Errorf("malformed JSON: %v", err)}
	}
	doc, err := m.make(line, func(name string) (fieldValue, bool) {
		return jsonField(rec[name])
	})
	if err == nil && cut {
		doc.Truncated = true
		doc.Notes = append(doc.Notes, fmt.Sprintf("record longer than %d bytes: cut there", len(data)))
	}
	return doc, err
}

// jsonField reads one JSON value as a field: strings as they are, numbers
// as written (numeric ids, Unix times); null is absent; other kinds are
// reported by name.
func jsonField(raw json.RawMessage) (fieldValue, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return fieldValue{}, false
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return fieldValue{s: s}, true
		}
	case '[':
		return fieldValue{kind: "an array"}, true
	case '{':
		return fieldValue{kind: "an object"}, true
	case 't', 'f':
		return fieldValue{kind: "true or false"}, true
	default:
		var n json.Number
		if json.Unmarshal(raw, &n) == nil {
			return fieldValue{s: n.String(), kind: "a number"}, true
		}
	}
	return fieldValue{kind: "not valid JSON"}, true
}

// salvageJSON reads the members of a JSON object cut short, up to the
// cut: a string value cut short is closed where it stops. It returns nil
// if data does not start as an object.
func salvageJSON(data []byte) map[string]json.RawMessage {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	rec := map[string]json.RawMessage{}
	for dec.More() {
		t, err := dec.Token()
		key, ok := t.(string)
		if err != nil || !ok {
			break
		}
		var raw json.RawMessage
		start := dec.InputOffset()
		if err := dec.Decode(&raw); err == nil {
			rec[key] = raw
			continue
		}
		if s, ok := closeCutString(data[start:]); ok {
			rec[key] = s
		}
		break
	}
	return rec
}

// closeCutString turns the start of a JSON string that was cut short into
// a complete one, dropping an escape sequence cut in two.
func closeCutString(rest []byte) (json.RawMessage, bool) {
	rest = bytes.TrimLeft(rest, " \t\r\n:")
	if len(rest) == 0 || rest[0] != '"' {
		return nil, false
	}
	for k := 0; k < 6 && len(rest) > 1; k++ {
		s := append(append([]byte{}, rest...), '"')
		var v string
		if json.Unmarshal(s, &v) == nil {
			return s, true
		}
		rest = rest[:len(rest)-1] // a cut \uXXXX or \ escape
	}
	return nil, false
}

// readLine reads one line without its terminator. A line longer than
// limit is read up to limit and the rest skipped; tooLong reports it.
func readLine(r *bufio.Reader, limit int64) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if room := limit - int64(len(buf)); int64(len(chunk)) > room {
				tooLong, buf = true, append(buf, chunk[:room]...)
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if !tooLong {
			buf = bytes.TrimRight(buf, "\r\n")
		}
		return buf, tooLong, err
	}
}

// csvDelimiters are the delimiters detected, the comma first so that it
// wins ties.
var csvDelimiters = []rune{',', ';', '\t', '|'}

// detectDelimiter picks the delimiter that occurs most often outside
// quotes on the header line.
func detectDelimiter(head []byte) rune {
	line, _, _ := bytes.Cut(head, []byte("\n"))
	counts := map[rune]int{}
	quoted := false
	for _, b := range line {
		if b == '"' {
			quoted = !quoted
		} else if !quoted {
			counts[rune(b)]++
		}
	}
	best := ','
	for _, d := range csvDelimiters {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}

func delimiterName(d rune) string {
	if d == '\t' {
		return "tab"
	}
	return strconv.QuoteRune(d)
}

// readCSV yields one document per row after the header row.
func readCSV(path string, br *bufio.Reader, opts Options, yield func(Document, error) bool) {
	m := newRecordMaker(path, opts)
	r, c := decodeStream(br)
	m.noteCharset(c)
	cbr := bufio.NewReaderSize(r, 64<<10)
	delim := opts.CSVDelimiter
	if delim == 0 {
		head, _ := cbr.Peek(sniffBytes)
		if delim = detectDelimiter(head); delim != ',' {
			m.notes = append(m.notes, "CSV delimiter "+delimiterName(delim)+" (detected from the header)")
		}
	}
	cr := csv.NewReader(cbr)
	cr.FieldsPerRecord = -1
	cr.Comma = delim
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
		doc, derr := m.make(line, func(name string) (fieldValue, bool) {
			i, ok := index[strings.ToLower(name)]
			if !ok {
				return fieldValue{}, false
			}
			return fieldValue{s: rec[i]}, true
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
