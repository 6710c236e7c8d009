package htmlview

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/nlp"
)

// bigGraph is a made-up graph of nodes entities and edges co-occurrence
// links, each with three passages of evidence and a few dated mentions
// over eight months, plus a relation for one entity in ten. It is
// seeded, so every run measures the same page.
func bigGraph(nodes, edges int) *graph.Graph {
	rng := rand.New(rand.NewPCG(1, 2))
	types := []annot.Type{annot.Person, annot.Org, annot.Loc}
	g := &graph.Graph{Units: 20000, Docs: 19000}
	days := func() graph.Time {
		var t graph.Time
		d := time.Date(1987, 2, 26, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(200))
		for range 1 + rng.IntN(5) {
			t.Timeline = append(t.Timeline, graph.DayCount{Day: d, Count: 1 + rng.IntN(3)})
			d = d.AddDate(0, 0, 1+rng.IntN(20))
		}
		t.FirstSeen, t.LastSeen = t.Timeline[0].Day, t.Timeline[len(t.Timeline)-1].Day
		return t
	}
	for i := range nodes {
		key := fmt.Sprintf("Entity %03d", i)
		g.Nodes = append(g.Nodes, graph.Node{Key: key, Label: key, Type: types[i%3], Mentions: 1 + rng.IntN(200), Docs: 1 + rng.IntN(50),
			Aliases: []graph.Alias{{Name: key, Count: 5}, {Name: fmt.Sprintf("E%d", i), Count: 1}}, Time: days()})
	}
	for i := 0; i+1 < nodes; i += 10 {
		g.Relations = append(g.Relations, graph.Relation{Type: annot.RelationTypes[i%len(annot.RelationTypes)], Head: g.Nodes[i].Key, Tail: g.Nodes[i+1].Key,
			Count: 1 + rng.IntN(5), Docs: 1, Score: 0.5, Time: days(),
			Evidence: []graph.Evidence{{Doc: "doc-rel", Text: g.Nodes[i].Key + " works for " + g.Nodes[i+1].Key + ".", Trigger: "works for"}}})
	}
	seen := map[[2]int]bool{}
	for len(seen) < edges {
		// Skewed ends, as in news: a few entities have many links.
		a, b := int(float64(nodes)*rng.Float64()*rng.Float64()), rng.IntN(nodes)
		if a == b {
			continue
		}
		a, b = min(a, b), max(a, b)
		seen[[2]int{a, b}] = true
	}
	for a := range nodes {
		for b := a + 1; b < nodes; b++ {
			if !seen[[2]int{a, b}] {
				continue
			}
			e := graph.Edge{Source: g.Nodes[a].Key, Target: g.Nodes[b].Key, Units: 1 + rng.IntN(30), Docs: 1 + rng.IntN(10), Time: days()}
			e.Weight = float64(e.Units)
			for k := range 3 {
				text := fmt.Sprintf("%s and %s were both named in report %d, %s", e.Source, e.Target, k, strings.Repeat("with more words of the sentence around them ", 4))
				e.Evidence = append(e.Evidence, graph.Evidence{Doc: fmt.Sprintf("doc-%05d", rng.IntN(20000)), Start: 0, End: len(text), Text: text})
			}
			g.Edges = append(g.Edges, e)
		}
	}
	return graph.Analyse(graph.Weigh(g, graph.MeasureCount), graph.AnalyseOptions{})
}

// BenchmarkInteractive opens the page of a 150-entity, 1,500-link graph
// (or of -graph-json)
// in headless Chromium and reports how long it takes until it is usable:
// ms-script is the page's own clock (performance.now() when the layout
// is done and every element and handler is in place), ms-wall the time
// from navigation until the test sees it ready. Run it with
//
//	go test ./graph/htmlview -run '^$' -bench Interactive -benchtime 5x
func BenchmarkInteractive(b *testing.B) {
	browser := startBrowser(b)
	var buf bytes.Buffer
	g := benchGraph(b)
	if err := Write(&buf, g, Options{}); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d entities, %d co-occurrence links, %d relations", len(g.Nodes), len(g.Edges), len(g.Relations))
	path := filepath.Join(b.TempDir(), "view.html")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	var script, wall float64
	n := 0
	for b.Loop() {
		ctx, cancel := chromedp.NewContext(browser)
		start := time.Now()
		if err := chromedp.Do(ctx, chromedp.Navigate("file://"+path), waitReady()); err != nil {
			b.Fatal(err)
		}
		wall += float64(time.Since(start).Microseconds()) / 1000
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.entigraphReadyAt`))
		if err != nil {
			b.Fatal(err)
		}
		script += ms
		if n == 0 {
			t, _ := chromedp.Run(ctx, chromedp.Evaluate[map[string]float64](`window.entigraphTimings`))
			b.Logf("timings: %v", t)
		}
		n++
		cancel()
	}
	b.ReportMetric(script/float64(n), "ms-script")
	b.ReportMetric(wall/float64(n), "ms-wall")
	b.ReportMetric(float64(buf.Len()), "html-bytes")
}

// BenchmarkWrite measures the Go side: converting, laying out and
// writing the page of a 150-entity, 1,500-link graph.
func BenchmarkWrite(b *testing.B) {
	g := bigGraph(150, 1500)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, g, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "html-bytes")
}

var (
	screenshot = flag.String("screenshot", "", "write a screenshot of the view of testdata/articles to this PNG file")
	pageTitle  = flag.String("title", "", "with -screenshot: the page's title")
	selectName = flag.String("select", "", "with -screenshot: click this entity (default: the most mentioned; - for none)")
	docsJSONL  = flag.String("docs-jsonl", "", "with -screenshot: JSON Lines (.gz) input whose id, title and date fields describe the documents")
	graphJSON  = flag.String("graph-json", "", "with -screenshot or BenchmarkInteractive: use the graph in this file, written by entigraph build --format json")
)

// benchGraph is the graph of -graph-json, or a made-up one of the
// default size.
func benchGraph(tb testing.TB) *graph.Graph {
	if *graphJSON != "" {
		return readGraphJSON(tb, *graphJSON)
	}
	return bigGraph(150, 1500)
}

// paletted maps img to its 256 most frequent colours.
func paletted(img image.Image) *image.Paletted {
	counts := map[color.RGBA]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			counts[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)]++
		}
	}
	cs := make([]color.RGBA, 0, len(counts))
	for c := range counts {
		cs = append(cs, c)
	}
	slices.SortFunc(cs, func(a, c color.RGBA) int {
		if d := counts[c] - counts[a]; d != 0 {
			return d
		}
		return cmp.Compare(uint32(a.R)<<24|uint32(a.G)<<16|uint32(a.B)<<8|uint32(a.A), uint32(c.R)<<24|uint32(c.G)<<16|uint32(c.B)<<8|uint32(c.A))
	})
	pal := make(color.Palette, 0, 256)
	for _, c := range cs[:min(256, len(cs))] {
		pal = append(pal, c)
	}
	out := image.NewPaletted(b, pal)
	draw.Draw(out, b, img, b.Min, draw.Src)
	return out
}

// readDocs reads the id, title and date of each record of a JSON Lines
// file, gzipped or not; nil for no path.
func readDocs(tb testing.TB, path string) map[string]Doc {
	tb.Helper()
	if path == "" {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		if r, err = gzip.NewReader(f); err != nil {
			tb.Fatal(err)
		}
	}
	docs := map[string]Doc{}
	dec := json.NewDecoder(r)
	for {
		var rec struct{ ID, Title, Date string }
		if err := dec.Decode(&rec); err == io.EOF {
			return docs
		} else if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		docs[rec.ID] = Doc{Title: rec.Title, Date: rec.Date}
	}
}

// readGraphJSON reads what graph.WriteJSON wrote, as far as the page
// needs it (no timelines: first and last days only), and analyses it
// again (weighing by count).
func readGraphJSON(tb testing.TB, path string) *graph.Graph {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var in struct {
		Graph struct{ Docs int }
		Nodes []struct {
			ID, Label, Type string
			Mentions, Docs  int
			Aliases         []graph.Alias
			FirstSeen       string `json:"first_seen"`
			LastSeen        string `json:"last_seen"`
			Periods         []jsonPeriod
		}
		Links []struct {
			Source, Target, Kind, Relation string
			Weight, Score                  float64
			Units, Docs                    int
			FirstSeen                      string `json:"first_seen"`
			LastSeen                       string `json:"last_seen"`
			Periods                        []jsonPeriod
			Evidence                       []graph.Evidence
		}
	}
	if err := json.Unmarshal(data, &in); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	g := &graph.Graph{Docs: in.Graph.Docs}
	for _, n := range in.Nodes {
		g.Nodes = append(g.Nodes, graph.Node{Key: n.ID, Label: n.Label, Type: annot.Type(n.Type), Mentions: n.Mentions, Docs: n.Docs,
			Aliases: n.Aliases, Time: span(tb, n.FirstSeen, n.LastSeen, n.Periods)})
	}
	for _, l := range in.Links {
		if l.Kind == "relation" {
			g.Relations = append(g.Relations, graph.Relation{Type: annot.RelationType(l.Relation), Head: l.Source, Tail: l.Target,
				Count: l.Units, Docs: l.Docs, Score: l.Score, Evidence: l.Evidence, Time: span(tb, l.FirstSeen, l.LastSeen, l.Periods)})
			continue
		}
		g.Edges = append(g.Edges, graph.Edge{Source: l.Source, Target: l.Target, Weight: l.Weight, Units: l.Units, Docs: l.Docs,
			Evidence: l.Evidence, Time: span(tb, l.FirstSeen, l.LastSeen, l.Periods)})
	}
	return graph.Analyse(g, graph.AnalyseOptions{})
}

type jsonPeriod struct {
	Start string
	Count int
}

// span is the time from first to last day, with the counts of periods
// (each on its first day) when the JSON has them, else the two days
// counted once.
func span(tb testing.TB, first, last string, periods []jsonPeriod) graph.Time {
	if first == "" {
		return graph.Time{}
	}
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			tb.Fatal(err)
		}
		return d
	}
	t := graph.Time{FirstSeen: day(first), LastSeen: day(last)}
	if len(periods) == 0 {
		periods = []jsonPeriod{{first, 1}, {last, 1}}
		if first == last {
			periods = periods[:1]
		}
	}
	for _, p := range periods {
		t.Timeline = append(t.Timeline, graph.DayCount{Day: day(p.Start), Count: p.Count})
	}
	return t
}

// TestScreenshot builds the graph of the repository's sample articles as
// `entigraph build` does by default, opens its page, clicks the most
// mentioned entity and writes a screenshot. It runs only with
// -screenshot:
//
//	go test ./graph/htmlview -run Screenshot -screenshot ../../docs/view.png
func TestScreenshot(t *testing.T) {
	if *screenshot == "" {
		t.Skip("no -screenshot FILE given")
	}
	g, title := articlesGraph(t), "entigraph: testdata/articles"
	if *graphJSON != "" {
		g, title = readGraphJSON(t, *graphJSON), "entigraph: "+filepath.Base(*graphJSON)
	}
	if *pageTitle != "" {
		title = *pageTitle
	}
	var buf bytes.Buffer
	if err := Write(&buf, g, Options{Title: title, Docs: readDocs(t, *docsJSONL)}); err != nil {
		t.Fatal(err)
	}
	tb := open(t, startBrowser(t), buf.Bytes())
	name := *selectName
	if name == "" {
		top := g.Nodes[0]
		for _, n := range g.Nodes {
			if n.Mentions > top.Mentions {
				top = n
			}
		}
		name = top.Key
	}
	tb.do(t, chromedp.EmulateViewport(1280, 800), chromedp.Sleep(300*time.Millisecond))
	if name != "-" {
		tb.do(t, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#nodes [data-id=%q] circle`, name))), chromedp.Sleep(300*time.Millisecond))
	}
	shot, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	// The page is mostly flat colours: its 256 most frequent ones, as a
	// palette, keep the picture sharp and small enough for the repository.
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&out, paletted(img)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*screenshot, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	tb.clean(t)
}

// articlesGraph builds testdata/articles with the default recognizer and
// the CLI's default view: weight count, 150 entities, 10 links each.
func articlesGraph(t *testing.T) *graph.Graph {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "articles")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var p nlp.Pipeline
	b := graph.NewPartial(graph.Options{Types: annot.Types})
	for _, e := range entries {
		text, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := p.Process(string(text))
		if err != nil {
			t.Fatal(err)
		}
		doc.ID = filepath.Join("testdata/articles", e.Name())
		if err := b.Add(doc); err != nil {
			t.Fatal(err)
		}
	}
	g, err := graph.Prune(graph.Weigh(b.Graph(), graph.MeasureCount), graph.PruneOptions{TopNodes: 150, TopEdges: 10})
	if err != nil {
		t.Fatal(err)
	}
	return graph.Analyse(g, graph.AnalyseOptions{})
}
