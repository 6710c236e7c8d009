package input

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// result is a document or error, flattened for comparison.
type result struct {
	ID, Text, Title, Date, Err string
	Time, URL, Encoding        string // Time is Document.Date in RFC 3339, "" when zero
	Notes                      []string
	Truncated                  bool
}

func collect(t *testing.T, path string, opts Options) []result {
	t.Helper()
	var out []result
	for d, err := range Documents(Input{Path: path}, nil, opts) {
		if err != nil {
			out = append(out, result{Err: err.Error()})
			continue
		}
		r := result{ID: d.ID, Text: d.Text, Title: d.Title, Date: d.DateText, Truncated: d.Truncated,
			URL: d.URL, Encoding: d.Encoding, Notes: d.Notes}
		if !d.Date.IsZero() {
			r.Time = d.Date.Format(time.RFC3339)
		}
		out = append(out, r)
	}
	return out
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gzipped(data []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	zw.Close()
	return buf.Bytes()
}

func TestJSONL(t *testing.T) {
	data := strings.Join([]string{
		`{"id": "a1", "title": "Port deal", "text": "Amara Okafor signed.", "date": "2026-03-01", "url": "https://example.org/a1"}`,
		``,
		`{"content": "No id here: Lukas Brandt.", "headline": "Second"}`,
		`{"id": 42, "body": "Numeric id.", "timestamp": 1772323200}`,
		`{"id": "a1", "text": "Duplicate id falls back to the line."}`,
		`{"text": "broken`,
		`{"title": "no text"}`,
		`{"text": "   "}`,
		`[1, 2, 3]`,
		`{"text": 5}`,
		`{"text": true}`,
		`{"text": ["a", "b"]}`,
		`{"text": {"en": "nested"}}`,
		`{"text": null, "content": "A null text falls back to content."}`,
		`{"text": "Reuters date.", "date": "26-FEB-1987 15:01:01.79"}`,
		`{"text": "Odd date.", "date": "next Tuesday"}`,
		`{"text": "Last line without a newline."}`,
	}, "\n")
	path := writeFile(t, "news.jsonl", []byte(data))
	want := []result{
		{ID: "a1", Title: "Port deal", Date: "2026-03-01", Time: "2026-03-01T00:00:00Z", URL: "https://example.org/a1",
			Text: "Port deal\n\nAmara Okafor signed."},
		{ID: path + ":3", Title: "Second", Text: "Second\n\nNo id here: Lukas Brandt."},
		{ID: "42", Text: "Numeric id.", Date: "1772323200", Time: "2026-03-01T00:00:00Z"},
		{ID: path + ":5", Text: "Duplicate id falls back to the line."},
		{Err: path + ":6: malformed JSON: unexpected end of JSON input"},
		{Err: path + ":7: no text field (tried text, content, body, article, full_text, maintext, description; set --text-field)"},
		{Err: path + ":8: empty text"},
		{Err: path + ":9: malformed JSON: json: cannot unmarshal array into Go value of type map[string]json.RawMessage"},
		{Err: path + `:10: field "text" is a number, not text (set --text-field to the field holding the article)`},
		{Err: path + `:11: field "text" is true or false, not text (set --text-field to the field holding the article)`},
		{Err: path + `:12: field "text" is an array, not text (set --text-field to the field holding the article)`},
		{Err: path + `:13: field "text" is an object, not text (set --text-field to the field holding the article)`},
		{ID: path + ":14", Text: "A null text falls back to content."},
		{ID: path + ":15", Text: "Reuters date.", Date: "26-FEB-1987 15:01:01.79", Time: "1987-02-26T15:01:01Z"},
		{ID: path + ":16", Text: "Odd date.", Date: "next Tuesday", Notes: []string{`date "next Tuesday" not understood`}},
		{ID: path + ":17", Text: "Last line without a newline."},
	}
	if diff := cmp.Diff(want, collect(t, path, Options{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestJSONLCases(t *testing.T) {
	long := strings.Repeat("word ", 30_000)
	tests := []struct {
		name string
		data string
		opts Options
		want []result // P stands for the file's path in IDs and errors
	}{
		{
			name: "field flags",
			data: `{"story": "Text.", "ref": "r-1", "title": "T", "src": "http://x.test/1"}` + "\n",
			opts: Options{TextField: "story", IDField: "ref", TitleField: "-", URLField: "src"},
			want: []result{{ID: "r-1", Text: "Text.", URL: "http://x.test/1"}},
		},
		{
			name: "a UTF-8 byte order mark keeps the first record",
			data: "\ufeff" + `{"id": "b1", "text": "First."}` + "\n" + `{"id": "b2", "text": "Second."}`,
			want: []result{{ID: "b1", Text: "First."}, {ID: "b2", Text: "Second."}},
		},
		{
			name: "UTF-16LE with a byte order mark is decoded",
			data: utf16LE(`{"id": "u1", "text": "Nairobi."}` + "\n"),
			want: []result{{ID: "u1", Text: "Nairobi.", Encoding: "utf-16le", Notes: []string{"decoded from UTF-16LE (byte order mark)"}}},
		},
		{
			name: "UTF-8 with a stray byte is not decoded as a legacy encoding",
			data: `{"id": "s1", "text": "It’s Tomás in Zürich, caf` + "\xe9" + `."}`,
			want: []result{{ID: "s1", Text: "It’s Tomás in Zürich, caf\uFFFD."}},
		},
		{
			name: "Windows-1252 is decoded",
			data: `{"id": "w1", "text": "It` + "\x92" + `s Tom` + "\xe1" + `s."}`,
			want: []result{{ID: "w1", Text: "It’s Tomás.", Encoding: "windows-1252",
				Notes: []string{"decoded from windows-1252 (not valid UTF-8; encoding guessed)"}}},
		},
		{
			name: "an over-long record is cut, not dropped",
			data: `{"id": "big", "title": "Big", "text": "` + long + `", "date": "2026-01-01"}` + "\n" + `{"text": "ok"}` + "\n",
			opts: Options{MaxDocBytes: 10_000},
			want: []result{
				{ID: "big", Title: "Big", Text: "Big\n\n" + strings.Repeat("word ", 1999), Truncated: true,
					Notes: []string{"record longer than 105536 bytes: cut there"}},
				{ID: "P:2", Text: "ok"},
			},
		},
		{
			name: "a record cut inside an escape",
			data: `{"text": "` + strings.Repeat(`\u00e9`, 20_000) + `"}`,
			opts: Options{MaxDocBytes: 10},
			want: []result{{ID: "P:1", Text: "ééééé", Truncated: true, Notes: []string{"record longer than 65576 bytes: cut there"}}},
		},
		{
			name: "an over-long line that is not an object",
			data: strings.Repeat("x", 70_000) + "\n" + `{"text": "ok"}`,
			opts: Options{MaxDocBytes: 10},
			want: []result{{Err: "P:1: record longer than 65576 bytes and not a JSON object"}, {ID: "P:2", Text: "ok"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "x.jsonl", []byte(tt.data))
			got := collect(t, path, tt.opts)
			for i := range got {
				got[i].ID = strings.ReplaceAll(got[i].ID, path, "P")
				got[i].Err = strings.ReplaceAll(got[i].Err, path, "P")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// utf16LE encodes s (ASCII or BMP text) as UTF-16LE with a byte order mark.
func utf16LE(s string) string {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

func TestCSV(t *testing.T) {
	data := "id,title,text\n" +
		"c1,Port,\"Amara Okafor met\nLukas Brandt.\"\n" +
		"c2,Only two\n" +
		"c3,Bad,\"unterminated \"quote\" here\"\n" +
		"c4,,Plain row.\n"
	path := writeFile(t, "news.csv", []byte(data))
	want := []result{
		{ID: "c1", Title: "Port", Text: "Port\n\nAmara Okafor met\nLukas Brandt."},
		{Err: path + ":4: row has 2 fields, the header has 3"},
		{Err: path + `:5: bad CSV row: extraneous or missing " in quoted-field`},
		{ID: "c4", Text: "Plain row."},
	}
	if diff := cmp.Diff(want, collect(t, path, Options{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	empty := writeFile(t, "empty.csv", nil)
	if diff := cmp.Diff([]result{{Err: empty + ":1: empty file"}}, collect(t, empty, Options{})); diff != "" {
		t.Errorf("empty CSV (-want +got):\n%s", diff)
	}
}

func TestHTML(t *testing.T) {
	got := collect(t, "testdata/page.html", Options{})
	if len(got) != 1 || got[0].Err != "" {
		t.Fatalf("got %+v", got)
	}
	d := got[0]
	if d.Title != "Harbour board approves dredging plan" && !strings.HasPrefix(d.Title, "Harbour board approves dredging plan") {
		t.Errorf("title %q", d.Title)
	}
	if d.Date != "2026-03-14T09:30:00Z" {
		t.Errorf("date %q", d.Date)
	}
	for _, want := range []string{"Elena Fuentes", "Pacific Marine Works", "Tomás Ibarra", "Santiago"} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("article text lacks %q", want)
		}
	}
	for _, boilerplate := range []string{"Sign in", "Marco Vitale", "Bergen", "Your email", "Post a comment", "Privacy policy"} {
		if strings.Contains(d.Text, boilerplate) {
			t.Errorf("boilerplate %q reached the text:\n%s", boilerplate, d.Text)
		}
	}
	if !strings.HasPrefix(d.Text, d.Title+"\n\n") {
		t.Errorf("text does not start with the title: %q", d.Text[:min(80, len(d.Text))])
	}
}

func TestGzip(t *testing.T) {
	jsonl := []byte(`{"id": "g1", "text": "Inside gzip."}` + "\n" + `{"id": "g2", "text": "Second record."}` + "\n")
	good := writeFile(t, "news.jsonl.gz", gzipped(jsonl))
	want := []result{{ID: "g1", Text: "Inside gzip."}, {ID: "g2", Text: "Second record."}}
	if diff := cmp.Diff(want, collect(t, good, Options{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	big := bytes.Repeat([]byte(`{"text": "Record text that repeats."}`+"\n"), 5000)
	z := gzipped(big)
	cut := writeFile(t, "cut.jsonl.gz", z[:len(z)/2])
	got := collect(t, cut, Options{})
	last := got[len(got)-1]
	if len(got) < 2 || !strings.HasSuffix(last.Err, "truncated gzip data (unexpected end of file)") {
		t.Errorf("truncated gzip: last of %d results is %+v", len(got), last)
	}

	txt := writeFile(t, "a.txt.gz", gzipped([]byte("Plain text in gzip.\n")))
	if diff := cmp.Diff([]result{{ID: txt, Text: "Plain text in gzip.\n"}}, collect(t, txt, Options{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	junk := writeFile(t, "junk.txt.gz", []byte("not gzip at all"))
	if got := collect(t, junk, Options{}); len(got) != 1 || !strings.Contains(got[0].Err, "corrupt gzip data") {
		t.Errorf("junk gzip: %+v", got)
	}
}

func TestFormatOf(t *testing.T) {
	tests := []struct {
		name string
		want Format
		ok   bool
	}{
		{"a.txt", Text, true}, {"a.MD", Text, true}, {"a.htm", HTML, true}, {"a.html.gz", HTML, true},
		{"a.ndjson", JSONL, true}, {"a.csv.gz", CSV, true}, {"a.json", "", false}, {"a.gz", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := FormatOf(tt.name)
			if got != tt.want || ok != tt.ok {
				t.Errorf("FormatOf(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// fuzzRecords feeds data to a record reader as a file of the given name
// and checks that it never panics and yields only valid documents.
func fuzzRecords(t *testing.T, name string, data []byte) {
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	n := 0
	for d, err := range Documents(Input{Path: path}, nil, Options{MaxDocBytes: 1 << 12}) {
		if n++; n > len(data)+2 {
			t.Fatalf("more results than lines")
		}
		if err != nil {
			if !strings.HasPrefix(err.Error(), path) {
				t.Fatalf("error %q does not name the input", err)
			}
			continue
		}
		if d.ID == "" || strings.TrimSpace(d.Text) == "" || strings.ContainsRune(d.Text, 0) || !utf8.ValidString(d.Text) {
			t.Fatalf("bad document %+v", d)
		}
		if d.Path != path || len(d.Text) > 1<<12 || (!d.Date.IsZero() && d.Date.Location() != time.UTC) {
			t.Fatalf("bad path %q, length %d or date %v", d.Path, len(d.Text), d.Date)
		}
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id": "a", "text": "Amara Okafor."}` + "\n" + `{"text": 5}`))
	f.Add([]byte("{\"text\": \"\\u0000\"}\n\n{"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRecords(t, "f.jsonl", data) })
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("id,text\n1,\"Amara, Okafor\"\n2\n"))
	f.Add([]byte("text\n\"a\"\"b\"\n\"open"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRecords(t, "f.csv", data) })
}

func FuzzHTML(f *testing.F) {
	page, _ := os.ReadFile("testdata/page.html")
	f.Add(page)
	f.Add([]byte("<html><body><p>Amara Okafor met Lukas Brandt.</p><script>x</script>"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRecords(t, "f.html", data) })
}

func TestCSVCases(t *testing.T) {
	tests := []struct {
		name string
		data string
		opts Options
		want []result
	}{
		{
			name: "semicolons are detected and noted",
			data: "id;title;text;date;url\ns1;Port;Amara Okafor met Lukas Brandt, then left.;2026-03-01;https://news.test/s1\n",
			want: []result{{ID: "s1", Title: "Port", Text: "Port\n\nAmara Okafor met Lukas Brandt, then left.", Date: "2026-03-01",
				Time: "2026-03-01T00:00:00Z", URL: "https://news.test/s1", Notes: []string{"CSV delimiter ';' (detected from the header)"}}},
		},
		{
			name: "tabs are detected",
			data: "id\ttext\nt1\tAmara Okafor; Lukas Brandt.\n",
			want: []result{{ID: "t1", Text: "Amara Okafor; Lukas Brandt.", Notes: []string{"CSV delimiter tab (detected from the header)"}}},
		},
		{
			name: "quoted header names do not count",
			data: "\"a;b;c\",text\nx,Plain.\n",
			want: []result{{ID: "P:2", Text: "Plain."}},
		},
		{
			name: "the comma wins ties",
			data: "id;x,text\n1;2,One.\n",
			want: []result{{ID: "P:2", Text: "One."}},
		},
		{
			name: "a delimiter given is used",
			data: "text|id\nOne, two; three.|p1\n",
			opts: Options{CSVDelimiter: '|'},
			want: []result{{ID: "p1", Text: "One, two; three."}},
		},
		{
			name: "a UTF-8 byte order mark",
			data: "\ufeffid,text\nb1,First.\n",
			want: []result{{ID: "b1", Text: "First."}},
		},
		{
			name: "Windows-1252 from a spreadsheet",
			data: "id;text\nw1;Se\xf1or N\xfa\xf1ez paid \xa35 in the caf\xe9.\n",
			want: []result{{ID: "w1", Text: "Señor Núñez paid £5 in the café.", Encoding: "windows-1252",
				Notes: []string{"decoded from windows-1252 (not valid UTF-8; encoding guessed)", "CSV delimiter ';' (detected from the header)"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "x.csv", []byte(tt.data))
			got := collect(t, path, tt.opts)
			for i := range got {
				got[i].ID = strings.ReplaceAll(got[i].ID, path, "P")
				got[i].Err = strings.ReplaceAll(got[i].Err, path, "P")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestDocumentPosition checks that each document names where it comes
// from, so that messages about it read PATH[:LINE] rather than its id.
func TestDocumentPosition(t *testing.T) {
	jsonl := writeFile(t, "a.jsonl", []byte("\n"+`{"id": "r-9", "text": "One."}`+"\n"))
	csvPath := writeFile(t, "a.csv", []byte("id,text\nc-1,\"Two\nlines.\"\nc-2,Three.\n"))
	txt := writeFile(t, "a.txt", []byte("Four."))
	type pos struct {
		ID, Path string
		Line     int
	}
	var got []pos
	for _, p := range []string{jsonl, csvPath, txt} {
		for d, err := range Documents(Input{Path: p}, nil, Options{}) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, pos{d.ID, d.Path, d.Line})
		}
	}
	want := []pos{{"r-9", jsonl, 2}, {"c-1", csvPath, 2}, {"c-2", csvPath, 4}, {txt, txt, 0}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestParseDelimiter(t *testing.T) {
	tests := []struct {
		in      string
		want    rune
		wantErr bool
	}{
		{"", 0, false}, {"auto", 0, false}, {",", ',', false}, {";", ';', false}, {"tab", '\t', false},
		{`\t`, '\t', false}, {"\t", '\t', false}, {"|", '|', false},
		{`"`, 0, true}, {"\n", 0, true}, {" ", 0, true}, {";;", 0, true}, {"\xff", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDelimiter(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ParseDelimiter(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}
