package rel_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/nlp"
	"github.com/entigraph/entigraph/nlp/rel"
)

const shared = "../../../shared"

func pipeline(t testing.TB) *nlp.Pipeline {
	t.Helper()
	m, err := rel.Default()
	if err != nil {
		t.Fatal(err)
	}
	return &nlp.Pipeline{Relations: m}
}

// TestExampleArticle checks the relations the issue asks of the example
// article in ../shared, end to end from its raw text. Mentions are
// matched by a word of their name, as entity resolution later merges
// "Haniyeh" with "Ismail Haniyeh".
func TestExampleArticle(t *testing.T) {
	path := filepath.Join(shared, "examples/press-tv-haniyeh-2023-11-05.txt")
	text, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("%s is absent: skipping the example-article acceptance test", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pipeline(t).Process(string(text))
	if err != nil {
		t.Fatal(err)
	}
	has := func(typ annot.RelationType, head string, ht annot.Type, tail string, tt annot.Type) bool {
		for _, r := range doc.Relations {
			h, tl := doc.Mentions[r.Head], doc.Mentions[r.Tail]
			if r.Type.Symmetric() && !strings.Contains(h.Text, head) {
				h, tl = tl, h
			}
			if r.Type == typ && strings.Contains(h.Text, head) && h.Type == ht &&
				strings.Contains(tl.Text, tail) && tl.Type == tt {
				return true
			}
		}
		return false
	}
	for _, w := range []struct {
		typ        annot.RelationType
		head       string
		ht         annot.Type
		tail       string
		tt         annot.Type
		recognizer bool // depends on a recognizer fix not made yet
	}{
		{annot.WorksFor, "Osama Hamdan", annot.Person, "Hamas", annot.Org, false},
		{annot.BasedIn, "Hamas", annot.Org, "Gaza Strip", annot.Loc, false},
		{annot.LivesIn, "Haniyeh", annot.Person, "Doha", annot.Loc, false},
		{annot.Met, "Haniyeh", annot.Person, "Khamenei", annot.Person, false},
		{annot.BasedIn, "Al Mayadeen", annot.Org, "Lebanon", annot.Loc, false},
	} {
		t.Run(fmt.Sprintf("%s(%s,%s)", w.typ, w.head, w.tail), func(t *testing.T) {
			if has(w.typ, w.head, w.ht, w.tail, w.tt) {
				return
			}
			if w.recognizer {
				for _, m := range doc.Mentions {
					if m.Text == w.head && m.Type != w.ht {
						t.Skipf("the recognizer types %q %s, not %s: the relation cannot be found until it is fixed", m.Text, m.Type, w.ht)
					}
				}
			}
			t.Errorf("no %s(%s %s → %s %s)", w.typ, w.head, w.ht, w.tail, w.tt)
		})
	}
}

// TestCoNLL04Dev scores the embedded model on the CoNLL04 dev split in
// ../shared: on the gold mentions (the classifier alone) and end to end
// from the raw sentence texts through nlp.Pipeline. The floors guard
// against regressions; run with -v for the figures per type.
func TestCoNLL04Dev(t *testing.T) {
	path := filepath.Join(shared, "data/conll04/conll04_dev.json")
	if _, err := os.Stat(path); os.IsNotExist(err) {
		t.Skipf("%s is absent: skipping the CoNLL04 dev scores", path)
	}
	gold, err := rel.ReadCoNLL04File(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := rel.Default()
	if err != nil {
		t.Fatal(err)
	}
	onGold, _, err := rel.Evaluate(gold, m, nil, rel.EvalOptions{GoldMentions: true})
	if err != nil {
		t.Fatal(err)
	}
	endToEnd, bounds, err := rel.Evaluate(gold, m, pipeline(t).Process, rel.EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	logReachable(t, gold)
	for _, tc := range []struct {
		name  string
		s     *rel.Scores
		floor float64
	}{
		{"gold mentions", &onGold, 0.68},
		{"end to end", &endToEnd, 0.28},
		{"end to end, boundaries", &bounds, 0.28},
	} {
		var b strings.Builder
		tc.s.Report(&b)
		t.Logf("CoNLL04 dev, %s:\n%s", tc.name, b.String())
		if _, _, f := tc.s.Micro().PRF(); f < tc.floor {
			t.Errorf("%s: micro F1 %.3f, below the floor %.2f", tc.name, f, tc.floor)
		}
	}
}

// logReachable logs how many gold relations the recognizer makes
// reachable (both arguments found with their exact span and type: the
// ceiling of end-to-end recall), and why the other arguments are missed.
func logReachable(t *testing.T, gold []*annot.Document) {
	var p nlp.Pipeline
	reach, total := 0, 0
	why := map[string]int{}
	for _, g := range gold {
		pd, err := p.Process(g.Text)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range g.Relations {
			total++
			a, b := argFate(g.Mentions[r.Head], pd.Mentions), argFate(g.Mentions[r.Tail], pd.Mentions)
			if a == "exact" && b == "exact" {
				reach++
			}
			why[a]++
			why[b]++
		}
	}
	t.Logf("CoNLL04 dev: the recognizer finds both arguments of %d of %d gold relations exactly (recall ceiling %.3f)", reach, total, float64(reach)/float64(total))
	t.Logf("CoNLL04 dev relation arguments: %d exact, %d wrong type, %d differ only by a final period, %d other overlapping span, %d not found",
		why["exact"], why["type"], why["period"], why["overlap"], why["missed"])
}

// argFate says how the recognizer's mentions match gold argument g.
func argFate(g annot.Mention, ms []annot.Mention) string {
	fate := "missed"
	for _, m := range ms {
		switch {
		case m.Start == g.Start && m.End == g.End && m.Type == g.Type:
			return "exact"
		case m.Start == g.Start && m.End == g.End:
			fate = "type"
		case m.Start == g.Start && m.End == g.End-1 && strings.HasSuffix(g.Text, ".") && fate == "missed":
			fate = "period"
		case m.Start < g.End && g.Start < m.End && fate == "missed":
			fate = "overlap"
		}
	}
	return fate
}

func Example() {
	m, err := rel.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	p := nlp.Pipeline{Relations: m}
	doc, err := p.Process("Tim Cook, the chief executive of Apple Inc, met Angela Merkel on Monday.")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range doc.Relations {
		fmt.Printf("%s(%s, %s) trigger %q\n", r.Type, doc.Mentions[r.Head].Text, doc.Mentions[r.Tail].Text, r.Trigger)
	}
	// Output:
	// works_for(Tim Cook, Apple Inc) trigger "chief executive of"
	// met(Tim Cook, Angela Merkel) trigger "met"
}

// FuzzPipelineRelations runs the pipeline with relations on arbitrary
// text: it must return an error or a valid document, never panic.
func FuzzPipelineRelations(f *testing.F) {
	f.Add("Tim Cook, the chief executive of Apple Inc, met Angela Merkel on Monday.")
	f.Add("The Lebanon-based channel Al Mayadeen said Haniyeh met with Khamenei in Tehran, Iran.")
	f.Add("A and B met. , , and met between")
	p := pipeline(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := p.Process(text)
		if err != nil {
			return
		}
		if err := doc.Validate(); err != nil {
			t.Fatalf("invalid document: %v", err)
		}
		for _, r := range doc.Relations {
			if r.Score < 0 || r.Score > 1 || doc.Text[r.TriggerStart:r.TriggerEnd] != r.Trigger {
				t.Fatalf("bad relation %+v", r)
			}
		}
	})
}
