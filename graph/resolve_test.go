package graph

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/nlp"
	"github.com/entigraph/entigraph/resolve"
)

// m is a mention to find in a test text: the next occurrence of text
// after the previous mention.
type m struct {
	text string
	typ  annot.Type
}

const (
	per = annot.Person
	org = annot.Org
	loc = annot.Loc
)

// testDoc segments text and adds the mentions ms, found in order.
func testDoc(t *testing.T, text string, ms ...m) *annot.Document {
	t.Helper()
	doc, err := nlp.Segment(text)
	if err != nil {
		t.Fatal(err)
	}
	docSeq++
	doc.ID = fmt.Sprintf("doc%d", docSeq)
	from := 0
	for _, x := range ms {
		i := strings.Index(text[from:], x.text)
		if i < 0 {
			t.Fatalf("%q not found in %q after %d", x.text, text, from)
		}
		start := from + i
		doc.Mentions = append(doc.Mentions, annot.Mention{
			Text: x.text, Type: x.typ, Start: start, End: start + len(x.text), Sentence: sentenceAt(doc, start),
		})
		from = start + len(x.text)
	}
	return doc
}

// entityNames resolves docs with one builder and returns each mention's
// entity name, all documents in a row ("" for a dropped mention).
func entityNames(t *testing.T, al *resolve.Aliases, docs ...*annot.Document) []string {
	t.Helper()
	var out []string
	for _, names := range resolveCorpus(t, docs, al) {
		out = append(out, names...)
	}
	return out
}

func TestResolveWithinDocument(t *testing.T) {
	tests := []struct {
		name string
		text string
		ms   []m
		want []string
	}{
		{"surname after full name", "Ismail Haniyeh met aides. Haniyeh said so.",
			[]m{{"Ismail Haniyeh", per}, {"Haniyeh", per}}, []string{"Ismail Haniyeh", "Ismail Haniyeh"}},
		{"surname before full name", "Haniyeh met aides. Later Ismail Haniyeh said so.",
			[]m{{"Haniyeh", per}, {"Ismail Haniyeh", per}}, []string{"Ismail Haniyeh", "Ismail Haniyeh"}},
		{"given name", "Tesfaye Bekele spoke. Tesfaye left.",
			[]m{{"Tesfaye Bekele", per}, {"Tesfaye", per}}, []string{"Tesfaye Bekele", "Tesfaye Bekele"}},
		{"title cut", "President Amara Okafor spoke. Okafor left. Mr. Okafor returned.",
			[]m{{"President Amara Okafor", per}, {"Okafor", per}, {"Mr. Okafor", per}},
			[]string{"Amara Okafor", "Amara Okafor", "Amara Okafor"}},
		{"honorifics inside a span of another type", "He met the Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei. Ayatollah Khamenei said.",
			[]m{{"Islamic Revolution Ayatollah Seyyed Ali Khamenei", org}, {"Ayatollah Khamenei", per}},
			[]string{"Ali Khamenei", "Ali Khamenei"}},
		{"description before a person", "Hamas political leader Ismail Haniyeh spoke. Haniyeh left.",
			[]m{{"Hamas political leader Ismail Haniyeh", per}, {"Haniyeh", per}}, []string{"Ismail Haniyeh", "Ismail Haniyeh"}},
		{"ambiguous surname", "John Smith met Anna Smith. Smith said no.",
			[]m{{"John Smith", per}, {"Anna Smith", per}, {"Smith", per}}, []string{"John Smith", "Anna Smith", "Smith"}},
		{"part of an organization", "Elbmarsch Terminals GmbH bid. Elbmarsch Terminals said Elbmarsch would win.",
			[]m{{"Elbmarsch Terminals GmbH", org}, {"Elbmarsch Terminals", org}, {"Elbmarsch", org}},
			[]string{"Elbmarsch Terminals GmbH", "Elbmarsch Terminals GmbH", "Elbmarsch Terminals GmbH"}},
		{"generic organization word", "The World Bank lent. The Bank said.",
			[]m{{"World Bank", org}, {"Bank", org}}, []string{"World Bank", "Bank"}},
		{"place with a feature word", "The Omo River is low. The Omo feeds Lake Turkana. Turkana shrinks.",
			[]m{{"Omo River", loc}, {"Omo", loc}, {"Lake Turkana", loc}, {"Turkana", loc}},
			[]string{"Omo River", "Omo River", "Lake Turkana", "Lake Turkana"}},
		{"different place", "South Sudan and Sudan talked.",
			[]m{{"South Sudan", loc}, {"Sudan", loc}}, []string{"South Sudan", "Sudan"}},
		{"different type", "The Mombasa Port Corporation runs the port of Mombasa.",
			[]m{{"Mombasa Port Corporation", org}, {"Mombasa", loc}}, []string{"Mombasa Port Corporation", "Mombasa"}},
		{"defined acronym", "Afghan Voice Agency (AVA) reported. AVA said.",
			[]m{{"Afghan Voice Agency", org}, {"AVA", org}, {"AVA", org}},
			[]string{"Afghan Voice Agency", "Afghan Voice Agency", "Afghan Voice Agency"}},
		{"defined acronym that is not the initials", "The Islamic State (ISIL) claimed it. ISIL said.",
			[]m{{"Islamic State", org}, {"ISIL", org}, {"ISIL", org}},
			[]string{"Islamic State", "Islamic State", "Islamic State"}},
		{"acronym of initials", "The NRP won. The National Renewal Party said.",
			[]m{{"NRP", org}, {"National Renewal Party", org}}, []string{"National Renewal Party", "National Renewal Party"}},
		{"acronym of initials skipping function words", "The Ministry of Water Resources (MWR) said. MWR added.",
			[]m{{"Ministry of Water Resources", org}, {"MWR", org}, {"MWR", org}},
			[]string{"Ministry of Water Resources", "Ministry of Water Resources", "Ministry of Water Resources"}},
		{"ambiguous acronym", "The National Renewal Party and the New Reform Party met. The NRP said.",
			[]m{{"National Renewal Party", org}, {"New Reform Party", org}, {"NRP", org}},
			[]string{"National Renewal Party", "New Reform Party", "NRP"}},
		{"possessive", "Iran's leader spoke. Iran said. Iran’s army moved.",
			[]m{{"Iran's", loc}, {"Iran", loc}, {"Iran’s", loc}}, []string{"Iran", "Iran", "Iran"}},
		{"leading the", "The United Nations met. The UN said.",
			[]m{{"The United Nations", org}, {"UN", org}}, []string{"United Nations", "United Nations"}},
		{"quotes and white space", "He went to Tehran “soon”. Ismail\n  Haniyeh and Ismail Haniyeh. Tehran is big.",
			[]m{{"Tehran “", loc}, {"Ismail\n  Haniyeh", per}, {"Ismail Haniyeh", per}, {"Tehran", loc}},
			[]string{"Tehran", "Ismail Haniyeh", "Ismail Haniyeh", "Tehran"}},
		{"upper-case dateline", "NAIROBI, Kenya — Nairobi is calm.",
			[]m{{"NAIROBI", loc}, {"Kenya", loc}, {"Nairobi", loc}}, []string{"Nairobi", "Kenya", "Nairobi"}},
		{"variants", "U.S. envoy. The US and the United States and America and the USA.",
			[]m{{"U.S.", loc}, {"US", loc}, {"United States", loc}, {"America", loc}, {"USA", loc}},
			[]string{"United States", "United States", "United States", "United States", "United States"}},
		{"King's College stays", "King's College and King Charles met.",
			[]m{{"King's College", org}, {"King Charles", per}}, []string{"King's College", "Charles"}},
		{"General Motors stays", "General Motors sold cars.",
			[]m{{"General Motors", org}}, []string{"General Motors"}},
		{"places with title words stay", "Prince Edward Island and King George Island.",
			[]m{{"Prince Edward Island", loc}, {"King George Island", loc}}, []string{"Prince Edward Island", "King George Island"}},
		{"weak title in a mistyped span", "President Amara Okafor spoke. Okafor left.",
			[]m{{"President Amara Okafor", org}, {"Okafor", per}}, []string{"Amara Okafor", "Amara Okafor"}},
		{"one name word after a weak title of a non-person", "King Charles Street is closed.",
			[]m{{"King Charles", loc}}, []string{"King Charles"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := entityNames(t, nil, testDoc(t, tt.text, tt.ms...))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("entities (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResolveTypeVote(t *testing.T) {
	tests := []struct {
		name string
		text string
		ms   []m
		want annot.Type
	}{
		{"majority", "Hamas said. Hamas said. Hamas said. Hamas said. Hamas said.",
			[]m{{"Hamas", per}, {"Hamas", org}, {"Hamas", loc}, {"Hamas", org}, {"Hamas", per}, {"Hamas", org}}[:5], per},
		{"majority org", "Hamas said. Hamas said. Hamas said.",
			[]m{{"Hamas", per}, {"Hamas", org}, {"Hamas", org}}, org},
		{"tie is PERSON before ORG before LOC", "Hamas said. Hamas said.",
			[]m{{"Hamas", loc}, {"Hamas", org}}, org},
		{"title vote wins a tie", "Ayatollah Khamenei said. Khamenei said.",
			[]m{{"Ayatollah Khamenei", loc}, {"Khamenei", loc}}, per},
		{"title votes PERSON over a single other vote", "Ayatollah Khamenei said. Ayatollah Khamenei said. Khamenei said.",
			[]m{{"Ayatollah Khamenei", org}, {"Ayatollah Khamenei", org}, {"Khamenei", loc}}, per},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewPartial(Options{})
			if err := b.Add(testDoc(t, tt.text, tt.ms...)); err != nil {
				t.Fatal(err)
			}
			g := b.Graph()
			if len(g.Nodes) != 1 {
				t.Fatalf("got %d nodes, want 1: %+v", len(g.Nodes), g.Nodes)
			}
			if g.Nodes[0].Type != tt.want {
				t.Errorf("type %s, want %s", g.Nodes[0].Type, tt.want)
			}
		})
	}
}

func TestResolveAcrossDocuments(t *testing.T) {
	type doc struct {
		text string
		ms   []m
	}
	tests := []struct {
		name string
		docs []doc
		want []string
	}{
		{"same key", []doc{
			{"Ayatollah Khamenei spoke.", []m{{"Ayatollah Khamenei", per}}},
			{"Khamenei spoke.", []m{{"Khamenei", per}}},
		}, []string{"Khamenei", "Khamenei"}},
		{"surname of one full name", []doc{
			{"Kamau spoke.", []m{{"Kamau", per}}},
			{"Wanjiru Kamau spoke.", []m{{"Wanjiru Kamau", per}}},
		}, []string{"Wanjiru Kamau", "Wanjiru Kamau"}},
		{"surname of two full names", []doc{
			{"Carmen Reyes spoke.", []m{{"Carmen Reyes", per}}},
			{"Daniel Reyes spoke.", []m{{"Daniel Reyes", per}}},
			{"Reyes spoke.", []m{{"Reyes", per}}},
		}, []string{"Carmen Reyes", "Daniel Reyes", "Reyes"}},
		{"resolved locally, ambiguous in the corpus", []doc{
			{"Carmen Reyes spoke. Reyes left.", []m{{"Carmen Reyes", per}, {"Reyes", per}}},
			{"Daniel Reyes spoke. Reyes left.", []m{{"Daniel Reyes", per}, {"Reyes", per}}},
		}, []string{"Carmen Reyes", "Carmen Reyes", "Daniel Reyes", "Daniel Reyes"}},
		{"surname is not a place", []doc{
			{"Washington spoke.", []m{{"Washington", loc}}},
			{"George Washington spoke.", []m{{"George Washington", per}}},
		}, []string{"Washington", "George Washington"}},
		{"acronym", []doc{
			{"The NRP won.", []m{{"NRP", org}}},
			{"The National Renewal Party won.", []m{{"National Renewal Party", org}}},
		}, []string{"National Renewal Party", "National Renewal Party"}},
		{"start of an organization", []doc{
			{"Mekong Star bid.", []m{{"Mekong Star", org}}},
			{"Mekong Star Shipping Corp. bid.", []m{{"Mekong Star Shipping Corp.", org}}},
		}, []string{"Mekong Star Shipping Corp.", "Mekong Star Shipping Corp."}},
		{"variants", []doc{
			{"U.S. envoy.", []m{{"U.S.", loc}}},
			{"Britain and the UK and the United Kingdom.", []m{{"Britain", loc}, {"UK", loc}, {"United Kingdom", loc}}},
			{"The United States.", []m{{"United States", loc}}},
		}, []string{"United States", "United Kingdom", "United Kingdom", "United Kingdom", "United States"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []*annot.Document
			for _, d := range tt.docs {
				docs = append(docs, testDoc(t, d.text, d.ms...))
			}
			got := entityNames(t, nil, docs...)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("entities (-want +got):\n%s", diff)
			}
		})
	}
}

// TestContraction checks that a cross-document merge sums mentions,
// documents and edges, and records aliases.
func TestContraction(t *testing.T) {
	b := NewPartial(Options{})
	for _, d := range []*annot.Document{
		testDoc(t, "Wanjiru Kamau visited Kenya. Kamau left.", m{"Wanjiru Kamau", per}, m{"Kenya", loc}, m{"Kamau", per}),
		testDoc(t, "Kamau praised Kenya.", m{"Kamau", per}, m{"Kenya", loc}),
		testDoc(t, "Kamau and Kenya again. Kamau.", m{"Kamau", per}, m{"Kenya", loc}, m{"Kamau", per}),
	} {
		if err := b.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	g := b.Graph()
	type node struct {
		Key, Label            string
		Type                  annot.Type
		Mentions, Docs, Units int
		Aliases               []Alias
	}
	type edge struct {
		Source, Target string
		Weight, Docs   int
	}
	var gotNodes []node
	for _, n := range g.Nodes {
		gotNodes = append(gotNodes, node{n.Key, n.Label, n.Type, n.Mentions, n.Docs, n.Units, n.Aliases})
	}
	var gotEdges []edge
	for _, e := range g.Edges {
		gotEdges = append(gotEdges, edge{e.Source, e.Target, e.Units, e.Docs})
	}
	wantNodes := []node{
		{"Kenya", "Kenya", loc, 3, 3, 3, []Alias{{Name: "Kenya", Count: 3}}},
		{"Wanjiru Kamau", "Wanjiru Kamau", per, 5, 3, 5, []Alias{{Name: "Kamau", Count: 4}, {Name: "Wanjiru Kamau", Count: 1}}},
	}
	wantEdges := []edge{{"Kenya", "Wanjiru Kamau", 3, 3}}
	if diff := cmp.Diff(wantNodes, gotNodes); diff != "" {
		t.Errorf("nodes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantEdges, gotEdges); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
	if g.Units != 5 {
		t.Errorf("graph units %d, want 5", g.Units)
	}
	wantTip := "Wanjiru Kamau (PERSON)\naliases: Kamau ×4, Wanjiru Kamau ×1\n5 mentions in 3 documents"
	if got := Tooltip(g.Nodes[1]); got != wantTip {
		t.Errorf("Tooltip = %q, want %q", got, wantTip)
	}
}

// TestPressTVExample runs the default recognizer and the resolver on the
// example article in ../shared, when it is there.
func TestPressTVExample(t *testing.T) {
	const path = "../../shared/examples/press-tv-haniyeh-2023-11-05.txt"
	text, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("%s not available (%v): this test needs the ../shared checkout next to the repository", path, err)
	}
	doc, err := recognizerPipeline(t).Process(string(text))
	if err != nil {
		t.Fatal(err)
	}
	doc.ID = path
	b := NewPartial(Options{})
	if err := b.Add(doc); err != nil {
		t.Fatal(err)
	}
	g := b.Graph()
	for _, n := range g.Nodes {
		t.Logf("%s", strings.ReplaceAll(Tooltip(n), "\n", " | "))
	}
	for _, name := range []string{"Haniyeh", "Khamenei", "Hamdan"} {
		var people []string
		for _, n := range g.Nodes {
			if n.Type == per && hasWord(n.Key, name) {
				people = append(people, n.Key)
			}
		}
		if len(people) != 1 {
			t.Errorf("PERSON nodes for %s: %q, want exactly one", name, people)
		}
	}
	for name, typ := range map[string]annot.Type{"Hamas": org, "Tehran": loc} {
		found := false
		for _, n := range g.Nodes {
			if n.Key == name {
				found = true
				if n.Type != typ {
					t.Errorf("%s is %s, want %s", name, n.Type, typ)
				}
			}
		}
		if !found {
			t.Errorf("no node %s", name)
		}
	}
}

func hasWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if f == w {
			return true
		}
	}
	return false
}
