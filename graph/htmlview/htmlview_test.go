package htmlview

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sample is a small analysed graph whose texts hold what a page must
// escape: markup, quotes, ampersands and non-ASCII letters.
func sample() *graph.Graph {
	g := &graph.Graph{
		Nodes: []graph.Node{
			{Key: "Ana Silva", Label: "Ana Silva", Type: annot.Person, Mentions: 4, Docs: 2, Aliases: []graph.Alias{{Name: "Ana Silva", Count: 3}, {Name: "Silva", Count: 1}}},
			{Key: "Bo Chen", Label: "Bo Chen", Type: annot.Person, Mentions: 2, Docs: 1, Aliases: []graph.Alias{{Name: "Bo Chen", Count: 2}}},
			{Key: "José Núñez", Label: "José Núñez", Type: annot.Person, Mentions: 1, Docs: 1, Aliases: []graph.Alias{{Name: "José Núñez", Count: 1}}},
			{Key: "Lisbon", Label: "Lisbon", Type: annot.Loc, Mentions: 5, Docs: 2, Aliases: []graph.Alias{{Name: "Lisbon", Count: 5}}},
			{Key: "Porto & Co </script>", Label: "Porto & Co </script>", Type: annot.Org, Mentions: 1, Docs: 1, Aliases: []graph.Alias{{Name: "Porto & Co </script>", Count: 1}}},
			{Key: "United Nations", Label: "United Nations", Type: annot.Org, Mentions: 3, Docs: 2, Aliases: []graph.Alias{{Name: "United Nations", Count: 2}, {Name: "UN", Count: 1}}},
		},
		Edges: []graph.Edge{
			{Source: "Ana Silva", Target: "Bo Chen", Weight: 2, Units: 2, Docs: 1, Evidence: []graph.Evidence{
				{Doc: "a.txt", Start: 0, End: 36, Text: "Ana Silva met Bo Chen in the square."},
			}},
			{Source: "Ana Silva", Target: "Lisbon", Weight: 3, Units: 3, Docs: 2, Evidence: []graph.Evidence{
				{Doc: "a.txt", Start: 37, End: 66, Text: "Silva flew to Lisbon at dawn."},
				{Doc: "b.txt", Start: 0, End: 41, Text: `In Lisbon, Ana Silva said "no" to <b>it</b>.`},
			}},
			{Source: "José Núñez", Target: "United Nations", Weight: 1, Units: 1, Docs: 1, Evidence: []graph.Evidence{
				{Doc: "c.txt", Start: 10, End: 65, Text: "José Núñez spoke for the UN today, not for UNESCO."},
			}},
			{Source: "Lisbon", Target: "Porto & Co </script>", Weight: 1, Units: 1, Docs: 1, Evidence: []graph.Evidence{
				{Doc: "b.txt", Start: 42, End: 80, Text: "Porto & Co </script> opened in Lisbon."},
			}},
			{Source: "Lisbon", Target: "United Nations", Weight: 1, Units: 1, Docs: 1},
		},
		Units: 12,
	}
	return graph.Analyse(graph.Weigh(g, graph.MeasureCount), graph.AnalyseOptions{})
}

// timed is sample with dates and a relation.
func timed() *graph.Graph {
	g := sample()
	dates := [][]string{{"1987-02-26", "1987-03-02"}, {"1987-03-01"}, nil, {"1987-03-01", "1987-10-20"}, {"1987-10-20"}, {"1987-03-02", "1987-10-20"}}
	for i := range g.Nodes {
		g.Nodes[i].Time = seen(dates[i]...)
	}
	for i := range g.Edges {
		g.Edges[i].Time = seen("1987-02-26", "1987-10-20")
	}
	g.Relations = []graph.Relation{{Type: annot.WorksFor, Head: "Ana Silva", Tail: "United Nations", Count: 1, Docs: 1, Score: 0.9,
		Time: seen("1987-03-01"), Evidence: []graph.Evidence{{Doc: "d.txt", Start: 0, End: 27, Text: "Ana Silva works for the UN.", Trigger: "works for"}}}}
	return g
}

// seen is a timeline of one mention on each day.
func seen(days ...string) graph.Time {
	var t graph.Time
	for _, d := range days {
		day, err := time.Parse("2006-01-02", d)
		if err != nil {
			panic(err)
		}
		t.Timeline = append(t.Timeline, graph.DayCount{Day: day, Count: 1})
	}
	if len(t.Timeline) > 0 {
		t.FirstSeen, t.LastSeen = t.Timeline[0].Day, t.Timeline[len(t.Timeline)-1].Day
	}
	return t
}

var sampleOptions = Options{Title: "Sample <view> & co", Docs: map[string]Doc{
	"a.txt":      {Title: "Talks in the square", Date: "1987-03-02"},
	"b.txt":      {URL: "https://example.org/b", Date: "1987-03-03T10:00:00Z"},
	"c.txt":      {URL: "javascript:alert(1)"}, // never a link
	"unused.txt": {URL: "https://example.org/u"},
}}

func render(t *testing.T, g *graph.Graph, o Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, g, o); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	got := render(t, sample(), sampleOptions)
	path := filepath.Join("testdata", "sample.html")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./graph/htmlview -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("page differs from %s (-want +got), rerun with -update if intended:\n%s", path, diff)
	}
}

func TestDeterministic(t *testing.T) {
	a, b := render(t, sample(), sampleOptions), render(t, sample(), sampleOptions)
	if !bytes.Equal(a, b) {
		t.Error("two renderings of the same graph differ")
	}
}

var dataRE = regexp.MustCompile(`(?s)<script type="application/json" id="graph-data">(.*?)</script>`)

// embedded returns the page's JSON data and the page without it.
func embedded(t *testing.T, html []byte) (data []byte, rest string) {
	t.Helper()
	m := dataRE.FindSubmatchIndex(html)
	if m == nil {
		t.Fatal("no graph-data script in the page")
	}
	return html[m[2]:m[3]], string(html[:m[2]]) + string(html[m[3]:])
}

// xmlNamespaces are the URLs d3-selection and d3-interpolate name as XML
// namespaces: identifiers, never fetched.
var xmlNamespaces = []string{
	"http://www.w3.org/1999/xhtml", "http://www.w3.org/1999/xlink", "http://www.w3.org/2000/svg",
	"http://www.w3.org/2000/xmlns/", "http://www.w3.org/XML/1998/namespace",
}

var (
	licenceRE = regexp.MustCompile(`(?s)/\*!.*?\*/|// https://d3js\.org/[^\n]*`)
	urlRE     = regexp.MustCompile(`https?://[^\s"'<>)]*`)
	// fetchRE finds markup and CSS that would load something.
	fetchRE = regexp.MustCompile(`(?i)<(link|img|iframe|object|embed|base)\b|\bsrc\s*=|@import|url\((["']?)[^#)]`)
)

func TestPageProperties(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    *graph.Graph
		o    Options
	}{
		{"sample", sample(), sampleOptions},
		{"empty graph", &graph.Graph{}, Options{}},
		{"not weighed nor analysed", &graph.Graph{Nodes: sample().Nodes[:2], Edges: sample().Edges[:1]}, Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			html := render(t, tc.g, tc.o)
			if !utf8.Valid(html) {
				t.Error("the page is not valid UTF-8")
			}
			data, rest := embedded(t, html)
			if strings.Count(strings.ToLower(string(html)), "</script") != strings.Count(strings.ToLower(rest), "</script") {
				t.Error("the data holds a </script")
			}
			code := licenceRE.ReplaceAllString(rest, "")
			for _, u := range urlRE.FindAllString(code, -1) {
				if !contains(xmlNamespaces, u) {
					t.Errorf("the page refers to %s outside licences and data", u)
				}
			}
			if m := fetchRE.FindString(code); m != "" {
				t.Errorf("the page would fetch something: %q", m)
			}
			var got page
			if err := json.Unmarshal(data, &got); err != nil {
				t.Fatalf("the data is not JSON: %v", err)
			}
			if diff := cmp.Diff(newPage(tc.g, tc.o), &got); diff != "" {
				t.Errorf("embedded data (-want +got):\n%s", diff)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestNewPage checks the conversion of what the graph has today.
func TestNewPage(t *testing.T) {
	p := newPage(sample(), sampleOptions)
	for _, tc := range []struct {
		name      string
		got, want any
	}{
		{"title", p.Title, "Sample <view> & co"},
		{"measure", p.Measure, "count"},
		{"node ids", ids(p), []string{"Ana Silva", "Bo Chen", "José Núñez", "Lisbon", "Porto & Co </script>", "United Nations"}},
		{"aliases", p.Nodes[5].Aliases, []alias{{"United Nations", 2}, {"UN", 1}}},
		{"stats present", p.Nodes[0].Stats != nil, true},
		{"degree", p.Nodes[3].Stats.Degree, 3},
		{"link ends", [2]string{p.Links[3].Source, p.Links[3].Target}, [2]string{"Lisbon", "Porto & Co </script>"}},
		{"strength", p.Links[1].Strength, 3.0},
		{"units", p.Links[1].Units, 3},
		{"evidence", p.Links[1].Evidence[1], evidence{"b.txt", 0, 41, `In Lisbon, Ana Silva said "no" to <b>it</b>.`, ""}},
		{"no evidence is an empty list", p.Links[4].Evidence, []evidence{}},
		{"only cited documents are kept", p.Sources, map[string]doc{"a.txt": {Title: "Talks in the square", Date: "1987-03-02"}, "b.txt": {URL: "https://example.org/b", Date: "1987-03-03T10:00:00Z"}, "c.txt": {URL: "javascript:alert(1)"}}},
		{"a co-occurrence has no type", p.Links[0].Type, ""},
		{"document count", newPage(withView(sample(), func(g *graph.Graph) { g.Docs = 7 }), Options{}).Docs, 7},
		{"default title", newPage(&graph.Graph{}, Options{}).Title, "entigraph"},
		{"relation", newPage(timed(), Options{}).Links[5], link{Source: "Ana Silva", Target: "United Nations", Type: "works_for", Label: "works for", Directed: true,
			Weight: 1, Units: 1, Docs: 1, Strength: 1, Score: 0.9,
			Evidence: []evidence{{Doc: "d.txt", Start: 0, End: 27, Text: "Ana Silva works for the UN.", Trigger: "works for"}},
			Seen:     Seen{"1987-03-01", "1987-03-01", []period{{"1987-03", "1987-03-01", "1987-03-31", 1}}}}},
		{"entity seen, by month", newPage(timed(), Options{}).Nodes[0].Seen,
			Seen{"1987-02-26", "1987-03-02", []period{{"1987-02", "1987-02-01", "1987-02-28", 1}, {"1987-03", "1987-03-01", "1987-03-31", 1}}}},
		{"entity seen, by the graph's slice", newPage(withView(timed(), func(g *graph.Graph) { g.Slice = graph.Week }), Options{}).Nodes[4].Seen,
			Seen{"1987-10-20", "1987-10-20", []period{{"1987-W43", "1987-10-19", "1987-10-25", 1}}}},
		{"undated entity", newPage(timed(), Options{}).Nodes[2].Seen, Seen{}},
		{"colour by type by default", p.ColorBy, "type"},
		{"colour by community when asked", newPage(withView(sample(), func(g *graph.Graph) { g.ColorCommunities = true }), Options{}).ColorBy, "community"},
		{"no community colours before Analyse", newPage(&graph.Graph{View: graph.View{ColorCommunities: true}}, Options{}).ColorBy, "type"},
		{"focus", newPage(withView(sample(), func(g *graph.Graph) { g.Focus = "Lisbon" }), Options{}).Focus, "Lisbon"},
		{"no stats before Analyse", newPage(&graph.Graph{Nodes: sample().Nodes[:1]}, Options{}).Nodes[0].Stats == nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func withView(g *graph.Graph, f func(*graph.Graph)) *graph.Graph {
	f(g)
	return g
}

func ids(p *page) []string {
	out := make([]string, len(p.Nodes))
	for i, n := range p.Nodes {
		out[i] = n.ID
	}
	return out
}

func TestTitleEscaped(t *testing.T) {
	html := string(render(t, sample(), sampleOptions))
	if !strings.Contains(html, "<title>Sample &lt;view&gt; &amp; co</title>") {
		t.Error("the title is not escaped in <title>")
	}
	if strings.Contains(html, "<view>") {
		t.Error("the raw title markup reached the page")
	}
}
