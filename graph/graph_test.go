package graph

import (
	"fmt"
	"testing"

	"github.com/entigraph/entigraph/annot"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// mention is a test shorthand: a mention of text with type typ in sentence
// s of paragraph p.
type mention struct {
	text     string
	typ      annot.Type
	sentence int
}

// makeDoc builds a document whose sentence i is in paragraph paras[i]
// (or paragraph i when paras is nil) holding the given mentions.
func makeDoc(nsent int, paras []int, ms ...mention) *annot.Document {
	docSeq++
	doc := &annot.Document{ID: fmt.Sprintf("doc%d", docSeq)}
	for i := 0; i < nsent; i++ {
		p := i
		if paras != nil {
			p = paras[i]
		}
		doc.Sentences = append(doc.Sentences, annot.Sentence{Paragraph: p})
	}
	for _, m := range ms {
		start := len(doc.Text)
		doc.Text += m.text + " "
		doc.Mentions = append(doc.Mentions, annot.Mention{Text: m.text, Type: m.typ, Start: start, End: start + len(m.text), Sentence: m.sentence})
	}
	return doc
}

// docSeq numbers the documents makeDoc makes.
var docSeq int

// addDocument adds doc to p and returns the entity key of each mention.
func addDocument(t testing.TB, p *Partial, doc *annot.Document) []string {
	t.Helper()
	pd, err := p.Prepare(doc)
	if err != nil {
		t.Fatal(err)
	}
	p.AddPrepared(pd)
	return pd.Keys()
}

// ignoreEvidence leaves evidence to TestBuilderEvidence: these tests'
// documents have no text.
var ignoreEvidence = cmpopts.IgnoreFields(Edge{}, "Evidence")

func TestKey(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Ismail Haniyeh", "Ismail Haniyeh"},
		{"white space collapsed", " Ismail \n\t Haniyeh ", "Ismail Haniyeh"},
		{"possessive", "Iran's", "Iran"},
		{"curly possessive", "Iran’s", "Iran"},
		{"not a possessive alone", "'s", "'s"},
		{"unicode kept", "Zürich", "Zürich"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Key(tt.in); got != tt.want {
				t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestBuilderScopes(t *testing.T) {
	// Three sentences: A and B in sentence 0, C in sentence 1, A in
	// sentence 2; sentences 0 and 1 form paragraph 0.
	doc := func() *annot.Document {
		return makeDoc(3, []int{0, 0, 1},
			mention{"Anna", annot.Person, 0}, mention{"Bonn", annot.Loc, 0},
			mention{"Cargo Inc", annot.Org, 1}, mention{"Anna", annot.Person, 2})
	}
	tests := []struct {
		name  string
		scope string
		want  []Edge
	}{
		{"sentence", "sentence", []Edge{{Source: "Anna", Target: "Bonn", Weight: 1, Units: 1, Docs: 1}}},
		// Paragraph 0 holds three entities: each pair weighs 1/2.
		{"paragraph", "paragraph", []Edge{{Source: "Anna", Target: "Bonn", Weight: 0.5, Units: 1, Docs: 1}, {Source: "Anna", Target: "Cargo Inc", Weight: 0.5, Units: 1, Docs: 1}, {Source: "Bonn", Target: "Cargo Inc", Weight: 0.5, Units: 1, Docs: 1}}},
		{"document", "document", []Edge{{Source: "Anna", Target: "Bonn", Weight: 0.5, Units: 1, Docs: 1}, {Source: "Anna", Target: "Cargo Inc", Weight: 0.5, Units: 1, Docs: 1}, {Source: "Bonn", Target: "Cargo Inc", Weight: 0.5, Units: 1, Docs: 1}}},
		// Windows of 2 start at sentences 0 and 1: {0,1} and {1,2}.
		{"window of two", "window:2", []Edge{{Source: "Anna", Target: "Bonn", Weight: 0.5, Units: 1, Docs: 1}, {Source: "Anna", Target: "Cargo Inc", Weight: 1.5, Units: 2, Docs: 1}, {Source: "Bonn", Target: "Cargo Inc", Weight: 0.5, Units: 1, Docs: 1}}},
		// A window longer than the document is the whole document.
		{"window longer than document", "window:9", []Edge{{Source: "Anna", Target: "Bonn", Weight: 0.5, Units: 1, Docs: 1}, {Source: "Anna", Target: "Cargo Inc", Weight: 0.5, Units: 1, Docs: 1}, {Source: "Bonn", Target: "Cargo Inc", Weight: 0.5, Units: 1, Docs: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			scope, err := ParseScope(tt.scope)
			if err != nil {
				t.Fatal(err)
			}
			b := NewPartial(Options{Scope: scope})
			for i := 0; i < 2; i++ { // two identical documents double every count
				if err := b.Add(doc()); err != nil {
					t.Fatal(err)
				}
			}
			g := b.Graph()
			var want []Edge
			for _, e := range tt.want {
				want = append(want, Edge{Source: e.Source, Target: e.Target, Weight: 2 * e.Weight, Units: 2 * e.Units, Docs: 2 * e.Docs})
			}
			if diff := cmp.Diff(want, g.Edges, ignoreEvidence); diff != "" {
				t.Errorf("edges (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseScopeErrors(t *testing.T) {
	for _, s := range []string{"window:0", "window:x", "window:", "chapter"} {
		if _, err := ParseScope(s); err == nil {
			t.Errorf("ParseScope(%q) succeeded, want an error", s)
		}
	}
}

func TestBuilderOptions(t *testing.T) {
	docs := []*annot.Document{
		makeDoc(1, nil, mention{"Anna", annot.Person, 0}, mention{"Bonn", annot.Loc, 0}, mention{"Acme", annot.Org, 0}),
		makeDoc(1, nil, mention{"Anna", annot.Person, 0}, mention{"Bonn", annot.Loc, 0}),
		makeDoc(1, nil, mention{"Anna’s", annot.Person, 0}, mention{"Anna", annot.Loc, 0}),
	}
	tests := []struct {
		name      string
		opts      Options
		wantNodes []Node
		wantEdges []Edge
	}{
		{"defaults", Options{},
			[]Node{
				{Key: "Acme", Label: "Acme", Type: annot.Org, Mentions: 1, Docs: 1, Aliases: []Alias{{Name: "Acme", Count: 1}}, Units: 1},
				{Key: "Anna", Label: "Anna", Type: annot.Person, Mentions: 4, Docs: 3, Aliases: []Alias{{Name: "Anna", Count: 4}}, Units: 3},
				{Key: "Bonn", Label: "Bonn", Type: annot.Loc, Mentions: 2, Docs: 2, Aliases: []Alias{{Name: "Bonn", Count: 2}}, Units: 2},
			},
			// The first sentence has three entities: each of its pairs
			// weighs 1/2.
			[]Edge{{Source: "Acme", Target: "Anna", Weight: 0.5, Units: 1, Docs: 1}, {Source: "Acme", Target: "Bonn", Weight: 0.5, Units: 1, Docs: 1}, {Source: "Anna", Target: "Bonn", Weight: 1.5, Units: 2, Docs: 2}}},
		{"min mentions", Options{MinMentions: 2},
			nil, []Edge{{Source: "Anna", Target: "Bonn", Weight: 1.5, Units: 2, Docs: 2}}},
		{"types", Options{Types: []annot.Type{annot.Person, annot.Org}},
			nil, []Edge{{Source: "Acme", Target: "Anna", Weight: 0.5, Units: 1, Docs: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewPartial(tt.opts)
			for _, d := range docs {
				if err := b.Add(d); err != nil {
					t.Fatal(err)
				}
			}
			g := b.Graph()
			if tt.wantNodes != nil {
				if diff := cmp.Diff(tt.wantNodes, g.Nodes); diff != "" {
					t.Errorf("nodes (-want +got):\n%s", diff)
				}
			}
			if diff := cmp.Diff(tt.wantEdges, g.Edges, ignoreEvidence); diff != "" {
				t.Errorf("edges (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBuilderBoundsEntitiesPerUnit(t *testing.T) {
	var ms []mention
	for i := 0; i < maxEntitiesPerUnit+50; i++ {
		ms = append(ms, mention{fmt.Sprintf("Org %d", i), annot.Org, 0})
	}
	b := NewPartial(Options{})
	if err := b.Add(makeDoc(1, nil, ms...)); err != nil {
		t.Fatal(err)
	}
	g := b.Graph()
	if max := maxEntitiesPerUnit * (maxEntitiesPerUnit - 1) / 2; len(g.Edges) > max {
		t.Errorf("%d edges, want at most %d", len(g.Edges), max)
	}
}

// TestCreditsJoinNoEdge checks that a credit mention (a dateline, a
// sign-off) counts for its entity but joins no co-occurrence and no
// relation, even in the sentence of the story it opens.
func TestCreditsJoinNoEdge(t *testing.T) {
	doc := makeDoc(2, nil,
		mention{"Nairobi", annot.Loc, 0}, mention{"Reuters", annot.Org, 0},
		mention{"Grace Wanjiru", annot.Person, 0}, mention{"Kenya Bank", annot.Org, 0},
		mention{"Reuters", annot.Org, 1})
	for _, i := range []int{0, 1, 4} {
		doc.Mentions[i].Credit = true
	}
	doc.Relations = []annot.Relation{
		{Type: annot.WorksFor, Head: 2, Tail: 3, Score: 0.9},
		{Type: annot.LivesIn, Head: 2, Tail: 0, Score: 0.9},
	}
	p := NewPartial(Options{})
	addDocument(t, p, doc)
	g := p.Graph()
	var nodes []string
	for _, n := range g.Nodes {
		nodes = append(nodes, fmt.Sprintf("%s ×%d", n.Key, n.Mentions))
	}
	var edges []string
	for _, e := range g.Edges {
		edges = append(edges, fmt.Sprintf("%s — %s", e.Source, e.Target))
	}
	for _, r := range g.Relations {
		edges = append(edges, fmt.Sprintf("%s %s %s", r.Head, r.Type, r.Tail))
	}
	if diff := cmp.Diff([]string{"Grace Wanjiru ×1", "Kenya Bank ×1", "Nairobi ×1", "Reuters ×2"}, nodes); diff != "" {
		t.Errorf("nodes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Grace Wanjiru — Kenya Bank", "Grace Wanjiru works_for Kenya Bank"}, edges); diff != "" {
		t.Errorf("edges and relations (-want +got):\n%s", diff)
	}
}
