package htmlview

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/entigraph/entigraph/graph"
)

// chromiumPath returns Debian's chromium (or another Chrome on PATH),
// or "" when there is none.
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// shared is the one headless Chromium the tests and benchmarks share,
// started by the first that needs it and stopped by TestMain.
var shared struct {
	once    sync.Once
	ctx     context.Context
	err     error
	stop    func()
	dataDir string
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.stop != nil {
		shared.stop()
		os.RemoveAll(shared.dataDir)
	}
	os.Exit(code)
}

// startBrowser returns the shared browser's context, starting it if
// needed. It skips when Chromium is absent, except on CI, where .ci/run
// installs it and its absence is a failure.
func startBrowser(tb testing.TB) context.Context {
	tb.Helper()
	path := chromiumPath()
	if path == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal("chromium is not installed, and CI=true: .ci/run must install it (apt-get install chromium)")
		}
		tb.Skip("skipping the browser test: no chromium on PATH (apt-get install chromium)")
	}
	shared.once.Do(func() {
		if shared.dataDir, shared.err = os.MkdirTemp("", "htmlview-chromium-"); shared.err != nil {
			return
		}
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(path),
			chromedp.NoSandbox, // Chromium refuses to run as root with its sandbox
			chromedp.DisableGPU,
			chromedp.Flag("disable-component-update", true),
			chromedp.UserDataDir(shared.dataDir),
			chromedp.WindowSize(1280, 800),
		)
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		bctx, cancelBrowser := chromedp.NewContext(actx)
		shared.ctx, shared.stop = bctx, func() { cancelBrowser(); cancelAlloc() }
		if err := chromedp.Do(bctx); err != nil {
			shared.err = fmt.Errorf("starting %s: %w", path, err)
		}
	})
	if shared.err != nil {
		tb.Fatal(shared.err)
	}
	return shared.ctx
}

// tab is a page open in the browser, with what it logged.
type tab struct {
	ctx      context.Context
	mu       sync.Mutex
	errors   []string // console errors, uncaught exceptions, failed loads
	requests []string // every URL other than the page's own file
}

func (tb *tab) add(list *[]string, s string) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	*list = append(*list, s)
}

// open writes html to a file and opens it in a new tab, waiting until
// the page says it is ready.
func open(t testing.TB, browser context.Context, html []byte) *tab {
	t.Helper()
	path := filepath.Join(t.TempDir(), "view.html")
	if err := os.WriteFile(path, html, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := chromedp.NewContext(browser)
	// One bound for the whole tab, so a broken page fails rather than hangs.
	ctx, cancelTimeout := context.WithTimeout(ctx, time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	tb := &tab{ctx: ctx}
	url := "file://" + path
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				tb.add(&tb.errors, fmt.Sprintf("console.%s: %s", ev.Type, args(ev.Args)))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			desc := d.Text
			if d.Exception != nil {
				desc += " " + d.Exception.Description
			}
			tb.add(&tb.errors, fmt.Sprintf("exception at %d:%d: %s", d.LineNumber+1, d.ColumnNumber+1, desc))
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				tb.add(&tb.errors, "log: "+ev.Entry.Text)
			}
		case *network.EventRequestWillBeSent:
			if ev.Request.URL != url {
				tb.add(&tb.requests, ev.Request.URL)
			}
		}
	})
	if err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	// Reduced motion: the page then moves the view at once, so a click
	// never lands on an element still sliding under the pointer.
	reduce := chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}})
		return err
	})
	if err := chromedp.Do(tb.ctx, reduce, chromedp.Navigate(url), waitReady()); err != nil {
		t.Fatalf("opening the page: %v (errors: %q)", err, tb.errors)
	}
	return tb
}

var clearSearch = chromedp.Evaluate[chromedp.Void](`document.getElementById("search").value = ""`)

func waitReady() chromedp.Action[chromedp.Void] {
	return chromedp.WaitReady(chromedp.CSS(`html[data-ready="true"]`))
}

func args(as []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range as {
		if a.Description != "" {
			parts = append(parts, a.Description)
		} else {
			parts = append(parts, string(a.Value))
		}
	}
	return strings.Join(parts, " ")
}

// clean fails the test if the page logged an error or fetched anything.
func (tb *tab) clean(t *testing.T) {
	t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, e := range tb.errors {
		t.Errorf("page error: %s", e)
	}
	for _, u := range tb.requests {
		t.Errorf("page fetched %s", u)
	}
}

func (tb *tab) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// visible returns the data-id of every element that has one, sorted:
// the entities drawn.
func (tb *tab) visible(t *testing.T) []string {
	t.Helper()
	ids := eval[[]string](t, tb, `Array.from(document.querySelectorAll("[data-id]"), e => e.getAttribute("data-id"))`)
	slices.Sort(ids)
	return ids
}

func (tb *tab) text(t *testing.T, sel string) string {
	t.Helper()
	return eval[string](t, tb, fmt.Sprintf(`(document.querySelector(%q) || {}).textContent || ""`, sel))
}

func (tb *tab) hidden(t *testing.T, sel string) bool {
	t.Helper()
	return eval[bool](t, tb, fmt.Sprintf(`document.querySelector(%q).hidden`, sel))
}

func renderPage(t testing.TB, p *page) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := writePage(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestBrowser(t *testing.T) {
	browser := startBrowser(t)
	g := sample()
	tb := open(t, browser, render(t, g, sampleOptions))
	allIDs := ids(newPage(g, sampleOptions))

	t.Run("one element per node", func(t *testing.T) {
		if diff := cmp.Diff(allIDs, tb.visible(t)); diff != "" {
			t.Errorf("data-id elements (-want +got):\n%s", diff)
		}
	})
	t.Run("no relation filter or date slider without them", func(t *testing.T) {
		if !tb.hidden(t, "#relations") || !tb.hidden(t, "#dates") {
			t.Error("relation filter or date slider shown for a graph with neither")
		}
	})
	for _, tc := range []struct{ query, first string }{
		{"UN", "United Nations"}, // an alias, which also occurs inside other names
		{"silva", "Ana Silva"},
		{"jose nunez", "José Núñez"}, // accents and case do not matter
		{"</script>", "Porto & Co </script>"},
	} {
		t.Run("search "+tc.query, func(t *testing.T) {
			tb.do(t, clearSearch, chromedp.SendKeys(chromedp.CSS("#search"), tc.query))
			first := eval[string](t, tb, `(document.querySelector("#results li[data-result]") || {dataset: {}}).dataset.result || ""`)
			if first != tc.first {
				t.Errorf("first result for %q = %q, want %q", tc.query, first, tc.first)
			}
		})
	}
	t.Run("enter selects the first result", func(t *testing.T) {
		tb.do(t, clearSearch, chromedp.SendKeys(chromedp.CSS("#search"), "UN"+kb.Enter))
		if got := tb.text(t, "#details h2"); got != "United Nations" {
			t.Errorf("details heading = %q, want United Nations", got)
		}
	})
	t.Run("click shows aliases, neighbours and evidence", func(t *testing.T) {
		tb.do(t, chromedp.Click(chromedp.CSS(`#nodes [data-id="Ana Silva"] circle`)))
		details := tb.text(t, "#details")
		for _, want := range []string{"Ana Silva", "Silva (1)", "Lisbon", "Bo Chen", "Silva flew to Lisbon at dawn.", "a.txt · 1987-03-02 · Talks in the square", "b.txt · 1987-03-03", `said "no" to <b>it</b>.`, "b.txt"} {
			if !strings.Contains(details, want) {
				t.Errorf("details lack %q:\n%s", want, details)
			}
		}
		href := eval[string](t, tb, `(document.querySelector('#details a') || {}).href || ""`)
		if href != "https://example.org/b" {
			t.Errorf("document link = %q, want https://example.org/b", href)
		}
	})
	t.Run("a script URL is no link", func(t *testing.T) {
		tb.do(t, chromedp.Click(chromedp.CSS(`#nodes [data-id="José Núñez"] circle`)))
		if !strings.Contains(tb.text(t, "#details"), "c.txt") {
			t.Fatal("details lack the evidence of c.txt")
		}
		if n := eval[int](t, tb, `document.querySelectorAll("#details a").length`); n != 0 {
			t.Errorf("%d links in the details, want none", n)
		}
		marks := eval[[]string](t, tb, `Array.from(document.querySelectorAll("#details mark"), m => m.textContent)`)
		if diff := cmp.Diff([]string{"José Núñez", "UN"}, marks); diff != "" {
			t.Errorf("marked names, whole words only (-want +got):\n%s", diff)
		}
		tb.do(t, chromedp.Click(chromedp.CSS(`#nodes [data-id="Ana Silva"] circle`)))
	})
	t.Run("a neighbour in the details is selected by a click", func(t *testing.T) {
		tb.do(t, chromedp.Click(chromedp.CSS(`#details [data-neighbour="Bo Chen"] button`)))
		if got := tb.text(t, "#details h2"); got != "Bo Chen" {
			t.Errorf("details heading = %q, want Bo Chen", got)
		}
	})
	t.Run("escape clears the selection", func(t *testing.T) {
		tb.do(t, chromedp.KeyEvent(kb.Escape))
		if !tb.hidden(t, "#details") {
			t.Error("details still shown after Escape")
		}
	})
	t.Run("colour by community", func(t *testing.T) {
		fill := func() string {
			return eval[string](t, tb, `document.querySelector('#nodes [data-id="Lisbon"] circle').getAttribute("fill")`)
		}
		if got := fill(); got != "#95d5b2" {
			t.Errorf("Lisbon filled %s, want the LOC colour #95d5b2", got)
		}
		tb.do(t, chromedp.Click(chromedp.CSS(`#colour input[value="community"]`)))
		if got := fill(); got == "#95d5b2" {
			t.Error("Lisbon keeps its type colour when colouring by community")
		}
		if legend := tb.text(t, "#legend"); !strings.Contains(legend, "community 0") {
			t.Errorf("legend %q names no community", legend)
		}
		tb.do(t, chromedp.Click(chromedp.CSS(`#colour input[value="type"]`)))
		if got := fill(); got != "#95d5b2" {
			t.Errorf("Lisbon filled %s after switching back, want #95d5b2", got)
		}
	})
	t.Run("type filter hides entities", func(t *testing.T) {
		tb.do(t, chromedp.Click(chromedp.CSS(`#types input[value="LOC"]`)))
		want := slices.DeleteFunc(slices.Clone(allIDs), func(s string) bool { return s == "Lisbon" })
		if diff := cmp.Diff(want, tb.visible(t)); diff != "" {
			t.Errorf("data-id elements with LOC off (-want +got):\n%s", diff)
		}
		tb.do(t, chromedp.Click(chromedp.CSS(`#types input[value="LOC"]`)))
	})
	tb.clean(t)
}

func TestBrowserRelationsAndDates(t *testing.T) {
	browser := startBrowser(t)
	tb := open(t, browser, render(t, timed(), Options{}))
	if tb.hidden(t, "#relations") || tb.hidden(t, "#dates") {
		t.Fatal("relation filter or date slider hidden for a graph with both")
	}
	directed := func() int { return eval[int](t, tb, `document.querySelectorAll("#links line.directed").length`) }
	if directed := directed(); directed != 1 {
		t.Errorf("%d directed lines drawn, want 1", directed)
	}
	tb.do(t, chromedp.Click(chromedp.CSS(`#nodes [data-id="Ana Silva"] circle`)))
	rel := tb.text(t, `#details [data-neighbour="United Nations"]`)
	for _, want := range []string{"→ United Nations", "works for", "stated 1 time in 1 document", "score 0.90", "1987-03-01", "Ana Silva works for the UN.", "d.txt"} {
		if !strings.Contains(rel, want) {
			t.Errorf("relation in the details %q lacks %q", rel, want)
		}
	}
	tb.do(t, chromedp.Click(chromedp.CSS(`#relations input[value="works_for"]`)))
	if directed := directed(); directed != 0 {
		t.Errorf("%d directed lines drawn with works_for off, want 0", directed)
	}
	// From the last date on, only entities seen then, or undated, show.
	tb.do(t, chromedp.Evaluate[chromedp.Void](`(() => { const r = document.getElementById("date-from"); r.value = r.max; r.dispatchEvent(new Event("input")); })()`))
	want := []string{"José Núñez", "Lisbon", "Porto & Co </script>", "United Nations"}
	if diff := cmp.Diff(want, tb.visible(t)); diff != "" {
		t.Errorf("data-id elements from 1987-10-20 (-want +got):\n%s", diff)
	}
	if got := tb.text(t, "#date-from-label"); got != "1987-10-20" {
		t.Errorf("from label = %q, want 1987-10-20", got)
	}
	tb.clean(t)
}

func pruned(t *testing.T) *graph.Graph {
	g, err := graph.Prune(sample(), graph.PruneOptions{TopNodes: 3})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestBrowserEdgeCases(t *testing.T) {
	browser := startBrowser(t)
	for _, tc := range []struct {
		name string
		g    *graph.Graph
	}{
		{"empty graph", &graph.Graph{}},
		{"entities without links", &graph.Graph{Nodes: sample().Nodes}},
		{"not weighed nor analysed", &graph.Graph{Nodes: sample().Nodes[:2], Edges: sample().Edges[:1]}},
		{"focus", withView(sample(), func(g *graph.Graph) { g.Focus = "Lisbon"; g.ColorCommunities = true })},
		{"pruned", pruned(t)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := open(t, browser, render(t, tc.g, Options{}))
			if got := tb.text(t, "#details h2"); got != tc.g.Focus {
				t.Errorf("selected at first: %q, want %q", got, tc.g.Focus)
			}
			if got, want := tb.hidden(t, "#colour"), !tc.g.Analysed; got != want {
				t.Errorf("colour choice hidden: %v, want %v", got, want)
			}
			if got, want := tb.hidden(t, "#pruned"), len(tc.g.Pruned) == 0; got != want {
				t.Errorf("pruning note hidden: %v, want %v", got, want)
			}
			if len(tc.g.Pruned) > 0 && !strings.Contains(tb.text(t, "#pruned"), "--top-nodes 3") {
				t.Errorf("pruning note %q does not name --top-nodes 3", tb.text(t, "#pruned"))
			}
			if diff := cmp.Diff(ids(newPage(tc.g, Options{})), tb.visible(t), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("data-id elements (-want +got):\n%s", diff)
			}
			tb.clean(t)
		})
	}
}

// TestBrowserLabels checks on a graph of the default size that the
// labels shown never overlap, and that some are shown.
func TestBrowserLabels(t *testing.T) {
	tb := open(t, startBrowser(t), render(t, bigGraph(150, 1500), Options{}))
	overlaps := `(() => {
		const boxes = Array.from(document.querySelectorAll("#nodes .node:not(.nolabel) text"), e => e.getBoundingClientRect());
		let n = 0;
		for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
			const a = boxes[i], b = boxes[j];
			if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) n++;
		}
		return [boxes.length, n];
	})()`
	zoom := `d3.zoomTransform(document.getElementById("graph")).k`
	for _, step := range []struct {
		name   string
		action chromedp.Action[chromedp.Void]
	}{
		{"at first", chromedp.Sleep(0)},
		{"zoomed in", chromedp.Evaluate[chromedp.Void](`document.getElementById("graph").dispatchEvent(
			new WheelEvent("wheel", {deltaY: -600, clientX: 800, clientY: 400, bubbles: true, cancelable: true}))`)},
		{"an entity selected", chromedp.Click(chromedp.CSS(`#nodes [data-id="Entity 000"] circle`))},
	} {
		t.Run(step.name, func(t *testing.T) {
			before := eval[float64](t, tb, zoom)
			tb.do(t, step.action)
			if k := eval[float64](t, tb, zoom); step.name == "zoomed in" && k < 1.5*before {
				t.Fatalf("zoom %.2f after the wheel, was %.2f", k, before)
			}
			got := eval[[2]int](t, tb, overlaps)
			if got[0] < 5 {
				t.Errorf("%d labels shown, want at least 5", got[0])
			}
			if got[1] != 0 {
				t.Errorf("%d pairs of the %d labels shown overlap", got[1], got[0])
			}
		})
	}
	tb.clean(t)
}
