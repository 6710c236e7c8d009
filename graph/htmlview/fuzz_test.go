package htmlview

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/graph"
)

// FuzzWrite writes pages of graphs whose names, texts and title come from
// the fuzzer (as they come from outside input): the page must stay valid
// UTF-8, its data must stay inside its script element and parse back.
func FuzzWrite(f *testing.F) {
	f.Add("Ana Silva", "Lisbon", "Ana Silva flew to Lisbon.", "a.txt", "title")
	f.Add("</script><script>alert(1)</script>", "<!--", "]]> & \u2028 \u2029", "x\"y", "</title>")
	f.Add("\xff\xfe", "é", "\x00text", "", "\xc3")
	f.Fuzz(func(t *testing.T, a, b, text, doc, title string) {
		if a == b {
			b += "2"
		}
		s, u := min(a, b), max(a, b)
		g := &graph.Graph{
			Nodes: []graph.Node{
				{Key: s, Label: s, Type: annot.Person, Mentions: 1, Docs: 1, Aliases: []graph.Alias{{Name: text, Count: 1}}},
				{Key: u, Label: u, Type: annot.Type(text), Mentions: 2, Docs: 1},
			},
			Edges: []graph.Edge{{Source: s, Target: u, Weight: 1, Units: 1, Docs: 1, Evidence: []graph.Evidence{{Doc: doc, Text: text}}}},
		}
		var buf bytes.Buffer
		if err := Write(&buf, g, Options{Title: title, Docs: map[string]Doc{doc: {URL: text, Title: title, Date: a}}}); err != nil {
			t.Fatal(err)
		}
		html := buf.Bytes()
		if !utf8.Valid(html) {
			t.Fatal("page is not valid UTF-8")
		}
		data, rest := embedded(t, html)
		if got := strings.Count(strings.ToLower(rest), "</script"); got != 2 {
			t.Fatalf("%d </script outside the data, want 2 (the data leaked out of its element)", got)
		}
		var p page
		if err := json.Unmarshal(data, &p); err != nil {
			t.Fatalf("data does not parse: %v", err)
		}
		if len(p.Nodes) != 2 || len(p.Links) != 1 {
			t.Fatalf("data has %d nodes and %d links, want 2 and 1", len(p.Nodes), len(p.Links))
		}
	})
}
