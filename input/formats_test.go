package input

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// result is a document or error, flattened for comparison.
type result struct {
	ID, Text, Title, Date, Err string
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
		out = append(out, result{ID: d.ID, Text: d.Text, Title: d.Title, Date: d.Date, Truncated: d.Truncated})
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
		`{"id": "a1", "title": "Port deal", "text": "Amara Okafor signed.", "date": "2026-03-01"}`,
		``,
		`{"content": "No id here: Lukas Brandt.", "headline": "Second"}`,
		`{"id": 42, "body": "Numeric id."}`,
		`{"id": "a1", "text": "Duplicate id falls back to the line."}`,
		`{"text": "broken`,
		`{"title": "no text"}`,
		`{"text": "   "}`,
		`[1, 2, 3]`,
		`{"text": "Last line without a newline."}`,
	}, "\n")
	path := writeFile(t, "news.jsonl", []byte(data))
	want := []result{
		{ID: "a1", Title: "Port deal", Date: "2026-03-01", Text: "Port deal\n\nAmara Okafor signed."},
		{ID: path + ":3", Title: "Second", Text: "Second\n\nNo id here: Lukas Brandt."},
		{ID: "42", Text: "Numeric id."},
		{ID: path + ":5", Text: "Duplicate id falls back to the line."},
		{Err: path + ":6: malformed JSON: unexpected end of JSON input"},
		{Err: path + ":7: no text field (tried text, content, body, article, full_text, maintext, description; set --text-field)"},
		{Err: path + ":8: empty text"},
		{Err: path + ":9: malformed JSON: json: cannot unmarshal array into Go value of type map[string]json.RawMessage"},
		{ID: path + ":10", Text: "Last line without a newline."},
	}
	if diff := cmp.Diff(want, collect(t, path, Options{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	t.Run("field flags", func(t *testing.T) {
		path := writeFile(t, "x.ndjson", []byte(`{"story": "Text.", "ref": "r-1", "title": "T"}`+"\n"))
		got := collect(t, path, Options{TextField: "story", IDField: "ref", TitleField: "-"})
		if diff := cmp.Diff([]result{{ID: "r-1", Text: "Text."}}, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("over-long line", func(t *testing.T) {
		long := `{"text": "` + strings.Repeat("a", 70_000) + `"}`
		path := writeFile(t, "x.jsonl", []byte(long+"\n"+`{"text": "ok"}`+"\n"))
		got := collect(t, path, Options{MaxDocBytes: 10})
		if len(got) != 2 || !strings.Contains(got[0].Err, ":1: record longer than") || got[1].Text != "ok" {
			t.Errorf("got %+v", got)
		}
	})
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
	for d, err := range Documents(Input{Path: path}, nil, Options{MaxDocBytes: 1 << 16}) {
		if n++; n > len(data)+2 {
			t.Fatalf("more results than lines")
		}
		if err != nil {
			if !strings.HasPrefix(err.Error(), path) {
				t.Fatalf("error %q does not name the input", err)
			}
			continue
		}
		if d.ID == "" || strings.TrimSpace(d.Text) == "" || strings.ContainsRune(d.Text, 0) {
			t.Fatalf("bad document %+v", d)
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
