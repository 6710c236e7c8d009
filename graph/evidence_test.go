package graph

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/nlp"
)

func TestEvidenceSet(t *testing.T) {
	ev := func(doc string, start int) Evidence { return Evidence{Doc: doc, Start: start} }
	item := func(e Evidence) evidenceItem { return evidenceItem{Evidence: e} }
	tests := []struct {
		name string
		add  []Evidence
		want []Evidence
	}{
		{"keeps the first k", []Evidence{ev("a", 1), ev("b", 1), ev("c", 1), ev("d", 1)},
			[]Evidence{ev("a", 1), ev("b", 1), ev("c", 1)}},
		{"new documents displace repeats", []Evidence{ev("a", 1), ev("a", 2), ev("a", 3), ev("b", 1), ev("c", 1)},
			[]Evidence{ev("a", 1), ev("b", 1), ev("c", 1)}},
		{"a represented document displaces nothing", []Evidence{ev("a", 1), ev("a", 2), ev("b", 1), ev("a", 3)},
			[]Evidence{ev("a", 1), ev("b", 1), ev("a", 2)}},
		{"documents in natural order", []Evidence{ev("f.jsonl:10", 1), ev("f.jsonl:9", 1), ev("f.jsonl:100", 1), ev("f.jsonl:11", 1)},
			[]Evidence{ev("f.jsonl:9", 1), ev("f.jsonl:10", 1), ev("f.jsonl:11", 1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Items are ranked within their document as Prepared.passage
			// ranks them: by the order they come in.
			items := make([]evidenceItem, len(tt.add))
			seen := map[string]int{}
			for i, e := range tt.add {
				items[i] = item(e)
				items[i].rank = seen[e.Doc]
				seen[e.Doc]++
			}
			var s evidenceSet
			for _, it := range items {
				s = s.add(it, 3)
			}
			if diff := cmp.Diff(tt.want, s.passages()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			// Any order of adds, and any split into merged sets, keeps
			// the same passages.
			for shift := range items {
				var a, b evidenceSet
				for i := range items {
					it := items[(i+shift)%len(items)]
					if i%2 == 0 {
						a = a.add(it, 3)
					} else {
						b = b.add(it, 3)
					}
				}
				if diff := cmp.Diff(tt.want, b.merge(a, 3).passages()); diff != "" {
					t.Errorf("rotated by %d and merged (-want +got):\n%s", shift, diff)
				}
			}
		})
	}
}

func TestCapText(t *testing.T) {
	short := "Amara Okafor met Lukas Brandt."
	if got := capText(short, 0, len(short), 0, 5); got != short {
		t.Errorf("short text changed: %q", got)
	}
	long := strings.Repeat("é word ", 100) + "Amara Okafor met Lukas Brandt" + strings.Repeat(" more ü text", 60)
	focusStart := strings.Index(long, "Amara")
	focusEnd := strings.Index(long, "Brandt") + len("Brandt")
	got := capText(long, 0, len(long), focusStart, focusEnd)
	if len(got) > MaxEvidenceBytes {
		t.Errorf("capped text is %d bytes", len(got))
	}
	if !utf8.ValidString(got) {
		t.Errorf("capped text is not valid UTF-8: %q", got)
	}
	if !strings.Contains(got, "Amara Okafor met Lukas Brandt") {
		t.Errorf("capped text lost the mentions: %q", got)
	}
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("elisions not marked: %q", got)
	}
	head := capText(long, 0, len(long), 0, 5)
	if !strings.HasPrefix(head, "é word") || len(head) > MaxEvidenceBytes {
		t.Errorf("focus at the start: %q", head)
	}
}

// segmented returns text as a document with the given id, whose mentions
// are every occurrence of each name.
func segmented(t *testing.T, id, text string, names map[string]annot.Type) *annot.Document {
	t.Helper()
	doc, err := nlp.Segment(text)
	if err != nil {
		t.Fatal(err)
	}
	doc.ID = id
	for _, tok := range doc.Tokens {
		for name, typ := range names {
			first := strings.Fields(name)[0]
			if tok.Text == first && strings.HasPrefix(text[tok.Start:], name) {
				doc.Mentions = append(doc.Mentions, annot.Mention{Text: name, Type: typ,
					Start: tok.Start, End: tok.Start + len(name), Sentence: tok.Sentence})
			}
		}
	}
	return doc
}

func TestBuilderEvidence(t *testing.T) {
	names := map[string]annot.Type{"Amara Okafor": annot.Person, "Hamburg": annot.Loc, "Lukas Brandt": annot.Person}
	docs := []*annot.Document{
		segmented(t, "d1", "Amara Okafor flew to Hamburg. Rain fell. Amara Okafor left Hamburg again.", names),
		segmented(t, "d2", "In Hamburg, Amara Okafor met Lukas Brandt.", names),
		segmented(t, "d3", "Nothing here. Hamburg welcomed Amara Okafor.", names),
	}
	tests := []struct {
		name     string
		opts     Options
		wantDocs []string // documents of the evidence of Amara Okafor -- Hamburg
		wantText []string
	}{
		{"two passages prefer new documents", Options{Evidence: 2}, []string{"d1", "d2"},
			[]string{"Amara Okafor flew to Hamburg.", "In Hamburg, Amara Okafor met Lukas Brandt."}},
		{"default keeps three", Options{}, []string{"d1", "d2", "d3"},
			[]string{"Amara Okafor flew to Hamburg.", "In Hamburg, Amara Okafor met Lukas Brandt.", "Hamburg welcomed Amara Okafor."}},
		{"paragraph scope quotes the paragraph", Options{Scope: Scope{Kind: ScopeParagraph}, Evidence: 1}, []string{"d1"},
			[]string{"Amara Okafor flew to Hamburg. Rain fell. Amara Okafor left Hamburg again."}},
		{"negative keeps none", Options{Evidence: -1}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewPartial(tt.opts)
			texts := map[string]string{}
			for _, d := range docs {
				texts[d.ID] = d.Text
				if err := b.Add(d); err != nil {
					t.Fatal(err)
				}
			}
			g := b.Graph()
			var edge *Edge
			for i := range g.Edges {
				if g.Edges[i].Source == "Amara Okafor" && g.Edges[i].Target == "Hamburg" {
					edge = &g.Edges[i]
				}
			}
			if edge == nil {
				t.Fatalf("no edge Amara Okafor -- Hamburg in %+v", g.Edges)
			}
			var gotDocs, gotText []string
			for _, e := range edge.Evidence {
				gotDocs = append(gotDocs, e.Doc)
				gotText = append(gotText, e.Text)
				if texts[e.Doc][e.Start:e.End] != e.Text {
					t.Errorf("evidence offsets %d:%d do not slice its text %q", e.Start, e.End, e.Text)
				}
			}
			if diff := cmp.Diff(tt.wantDocs, gotDocs); diff != "" {
				t.Errorf("documents (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantText, gotText); diff != "" {
				t.Errorf("texts (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTooltipPassagesOnOneLine checks that passages lose their line
// breaks in tooltips: Graphviz's own DOT writer, which PNG rendering reads
// back, breaks on a quoted line start.
func TestTooltipPassagesOnOneLine(t *testing.T) {
	e := &Edge{Source: "A", Target: "B", Units: 1, Docs: 1,
		Evidence: []Evidence{{Doc: "d", Text: "said he hoped\nBaker would help,\n\"especially on policy.\""}}}
	got := EdgeTooltip(e, Scope{})
	want := "A — B: together in 1 sentence of 1 document\n\n[d] said he hoped Baker would help, \"especially on policy.\""
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	r := &Relation{Type: annot.Met, Head: "A", Tail: "B", Count: 1, Docs: 1, Score: 0.5, Evidence: e.Evidence}
	if got := RelationTooltip(r); strings.Count(got, "\n") != 2 {
		t.Errorf("relation tooltip keeps the passage's line breaks:\n%s", got)
	}
}
