package nlp

import (
	"fmt"
	"math/rand"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/quick"

	"github.com/entigraph/entigraph/annot"
	"github.com/google/go-cmp/cmp"
)

var markedMention = regexp.MustCompile(`\[\[(PER|ORG|LOC):([^\]]+)\]\]`)

// marked parses "[[PER:Reuter]]" mark-up into the plain text and its
// mentions, in text order.
func marked(src string) (string, []annot.Mention) {
	var text strings.Builder
	var ms []annot.Mention
	last := 0
	for _, m := range markedMention.FindAllStringSubmatchIndex(src, -1) {
		text.WriteString(src[last:m[0]])
		typ, _ := annot.ParseType(src[m[2]:m[3]])
		start := text.Len()
		text.WriteString(src[m[4]:m[5]])
		ms = append(ms, annot.Mention{Text: src[m[4]:m[5]], Type: typ, Start: start, End: text.Len()})
		last = m[1]
	}
	text.WriteString(src[last:])
	return text.String(), ms
}

// markUp writes mentions back into text as "[[TYPE:name]]".
func markUp(text string, ms []annot.Mention) string {
	var b strings.Builder
	last := 0
	for _, m := range ms {
		b.WriteString(text[last:m.Start])
		fmt.Fprintf(&b, "[[%s:%s]]", shortType[m.Type], text[m.Start:m.End])
		last = m.End
	}
	b.WriteString(text[last:])
	return b.String()
}

var shortType = map[annot.Type]string{annot.Person: "PER", annot.Org: "ORG", annot.Loc: "LOC"}

// segmented segments text and gives each mention its sentence.
func segmented(t *testing.T, text string, ms []annot.Mention) *annot.Document {
	t.Helper()
	doc, err := Segment(text)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ms {
		for _, tok := range doc.Tokens {
			if tok.Start <= ms[i].Start && ms[i].Start < tok.End {
				ms[i].Sentence = tok.Sentence
			}
		}
	}
	return doc
}

// TestRepairNewswire runs the conventions over mentions as a model might
// have typed them (the "in" mark-up) and compares with the right typing.
func TestRepairNewswire(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"sign-off line typed PERSON",
			"Oil rose.\n\n [[PER:Reuter]]\n&#3;", "Oil rose.\n\n [[ORG:Reuter]]\n&#3;"},
		{"sign-off in capitals",
			"Oil rose.\n [[PER:REUTER]]", "Oil rose.\n [[ORG:REUTER]]"},
		{"sign-off the model missed",
			"Oil rose.\n Reuter\n", "Oil rose.\n [[ORG:Reuter]]\n"},
		{"sign-off after the last sentence",
			"It rose 3 pct. [[PER:REUTER]]...", "It rose 3 pct. [[ORG:REUTER]]..."},
		{"sign-off with a carriage return in caret notation",
			"Oil rose.\n[[ORG:REUTER^M]]", "Oil rose.\n[[ORG:REUTER]]^M"},
		{"unknown agency signing off in capitals",
			"Rates rose.\n [[PER:SAPA]]\n", "Rates rose.\n [[ORG:SAPA]]\n"},
		{"a name in mixed case closing a letter is left",
			"Thank you.\n[[PER:Margaret]]\n", "Thank you.\n[[PER:Margaret]]\n"},
		{"a word in capitals inside the last line is left",
			"Rates rose, said [[PER:SMITH]]\n", "Rates rose, said [[PER:SMITH]]\n"},
		{"dash credit at the end",
			"Oil rose on Monday.\n-- [[PER:Kyodo]]", "Oil rose on Monday.\n-- [[ORG:Kyodo]]"},
		{"copyright credit",
			"Talks ended. © AFP 2020", "Talks ended. © [[ORG:AFP]] 2020"},
		{"copyright with year and article",
			"Copyright 2019 The [[LOC:Associated Press]].", "Copyright 2019 The [[ORG:Associated Press]]."},
		{"credit-only form in a credit",
			"Photo: [[PER:Bloomberg]]\nThe mayor spoke.", "Photo: [[ORG:Bloomberg]]\nThe mayor spoke."},
		{"credit-only form elsewhere is left",
			"[[PER:Bloomberg]] said he would run.", "[[PER:Bloomberg]] said he would run."},
		{"agency in the text typed PERSON",
			"He told [[PER:Xinhua]] the talks failed.", "He told [[ORG:Xinhua]] the talks failed."},
		{"surname of a person in the document",
			"[[PER:Ernst Reuter]] spoke. [[PER:Reuter]] left.", "[[PER:Ernst Reuter]] spoke. [[PER:Reuter]] left."},
		{"agency starting a longer name",
			"Oil rose.\n[[ORG:Reuters Holdings]]", "Oil rose.\n[[ORG:Reuters Holdings]]"},
		{"last word of a sentence is no sign-off",
			"The report was written by [[PER:Bloomberg]]", "The report was written by [[PER:Bloomberg]]"},
		{"byline run into the agency",
			"By [[PER:MARY WELLS]] and [[ORG:TOM O'HARA Associated Press]]\n",
			"By [[PER:MARY WELLS]] and [[PER:TOM O'HARA]] [[ORG:Associated Press]]\n"},
		{"byline with a title after the agency",
			"By [[PER:Jane Doe]], [[ORG:Associated Press Writer]]\n", "By [[PER:Jane Doe]], [[ORG:Associated Press]] Writer\n"},
		{"no byline without By at the line start",
			"Written [[ORG:TOM LEE Associated Press]]\n", "Written [[ORG:TOM LEE Associated Press]]\n"},
		{"agency dateline",
			"[[ORG:WASHINGTON]] ([[PER:Reuters]]) - Oil rose.", "[[LOC:WASHINGTON]] ([[ORG:Reuters]]) - Oil rose."},
		{"dateline with state and date",
			"[[LOC:SAN FRANCISCO]], [[PER:Calif.]], March 3 - [[ORG:Chevron]] cut jobs.",
			"[[LOC:SAN FRANCISCO]], [[LOC:Calif.]], March 3 - [[ORG:Chevron]] cut jobs."},
		{"model's finer place span stands",
			"[[LOC:SAN FRANCISCO]], [[LOC:Calif]]., March 3 - Jobs went.",
			"[[LOC:SAN FRANCISCO]], [[LOC:Calif]]., March 3 - Jobs went."},
		{"dateline place the model missed",
			"Headline\n\nMOMBASA, Kenya, March 3 — Talks opened.",
			"Headline\n\n[[LOC:MOMBASA]], [[LOC:Kenya]], March 3 — Talks opened."},
		{"date and source, no place",
			"Dec 3 ([[PER:Reuters]]) - [[ORG:Apple]] fell.", "Dec 3 ([[ORG:Reuters]]) - [[ORG:Apple]] fell."},
		{"source alone",
			"([[LOC:CNN]]) -- Storms hit [[LOC:Texas]].", "([[ORG:CNN]]) -- Storms hit [[LOC:Texas]]."},
		{"two sources",
			"PARIS (AFP/[[PER:Reuters]]) - Talks.", "[[LOC:PARIS]] ([[ORG:AFP]]/[[ORG:Reuters]]) - Talks."},
		{"date before source",
			"[[LOC:BEIJING]], Jan. 5 ([[LOC:Xinhua]]) -- Talks.", "[[LOC:BEIJING]], Jan. 5 ([[ORG:Xinhua]]) -- Talks."},
		{"headline with a dash is no dateline",
			"SOCCER - [[LOC:JAPAN]] WIN\n", "SOCCER - [[LOC:JAPAN]] WIN\n"},
		{"company and ticker is no dateline",
			"[[ORG:Apple Inc]] (AAPL.O) - shares fell.", "[[ORG:Apple Inc]] (AAPL.O) - shares fell."},
		{"byline is no dateline",
			"By [[PER:Jane Smith]], March 3 - Talks.", "By [[PER:Jane Smith]], March 3 - Talks."},
		{"dateline only at the start of a line",
			"He went to [[LOC:Paris]], March 3 - and left.", "He went to [[LOC:Paris]], March 3 - and left."},
		{"mention across the dateline dash is replaced",
			"[[PER:LONDON (Reuters]]) - Oil.", "[[LOC:LONDON]] ([[ORG:Reuters]]) - Oil."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, ms := marked(tt.in)
			doc := segmented(t, text, ms)
			got := markUp(text, repairNewswire(doc, ms))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("repairNewswire(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// wireVocabulary builds random texts full of the conventions' cues.
var wireVocabulary = strings.Fields(`Reuter REUTER Reuters AFP AP Bloomberg Kyodo dpa ( ) - -- — , . : © ` +
	`Copyright Photo: March Jan. 3 2020 LONDON WASHINGTON Calif. Paris Smith said the oil rose ^M &#3; By ` +
	`Associated Press Writer AFP/Reuters TOM REUTER^M Reuter...`)

// randomWire returns a random text of wire cues and random mentions over
// its tokens, sorted and not overlapping.
func randomWire(t *testing.T, r *rand.Rand) (*annot.Document, []annot.Mention) {
	var b strings.Builder
	for range r.Intn(40) {
		b.WriteString(wireVocabulary[r.Intn(len(wireVocabulary))])
		b.WriteString([]string{" ", " ", "\n", "\n\n", ""}[r.Intn(5)])
	}
	doc, err := Segment(b.String())
	if err != nil {
		t.Fatal(err)
	}
	var ms []annot.Mention
	for i := 0; i < len(doc.Tokens); i++ {
		if r.Intn(3) > 0 {
			continue
		}
		j := min(len(doc.Tokens), i+1+r.Intn(3))
		if doc.Tokens[j-1].Sentence != doc.Tokens[i].Sentence {
			j = i + 1
		}
		s, e := doc.Tokens[i].Start, doc.Tokens[j-1].End
		ms = append(ms, annot.Mention{Text: doc.Text[s:e], Type: annot.Types[r.Intn(len(annot.Types))],
			Start: s, End: e, Sentence: doc.Tokens[i].Sentence})
		i = j - 1
	}
	return doc, ms
}

// The repair keeps mentions well formed (sorted, not overlapping, text
// matching the offsets, a valid sentence), is idempotent, does not change
// its input, and leaves mentions of the other types alone.
func TestRepairNewswireProperties(t *testing.T) {
	f := func(seed int64) bool {
		r := rand.New(rand.NewSource(seed))
		doc, ms := randomWire(t, r)
		in := slices.Clone(ms)
		got := repairNewswire(doc, ms)
		if !slices.Equal(in, ms) {
			t.Logf("input changed: %q", doc.Text)
			return false
		}
		for i, m := range got {
			if m.Text != doc.Text[m.Start:m.End] || m.Start >= m.End || m.Sentence < 0 || m.Sentence >= len(doc.Sentences) ||
				i > 0 && got[i-1].End > m.Start {
				t.Logf("bad mention %+v in %q", m, doc.Text)
				return false
			}
		}
		if again := repairNewswire(doc, got); !slices.Equal(again, got) {
			t.Logf("not idempotent on %q:\n%s", doc.Text, cmp.Diff(got, again))
			return false
		}
		return true
	}
	if err := quick.Check(f, &quick.Config{MaxCount: 500}); err != nil {
		t.Error(err)
	}
}

// Through the whole pipeline, whatever the model makes of them, the
// sign-off and the dateline's source are the agency and its place a
// place, and no mention is typed PERSON.
func TestPipelineNewswire(t *testing.T) {
	text := "Ports reopen\n\nLAGOS, Nigeria, May 4 (AFP) - Ports reopened on Monday after a strike, Lagos port officials told Reuters.\n\n REUTER\n&#3;"
	var p Pipeline
	doc, err := p.Process(text)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]annot.Type{"LAGOS": annot.Loc, "Nigeria": annot.Loc, "AFP": annot.Org, "Reuters": annot.Org, "REUTER": annot.Org}
	got := map[string]annot.Type{}
	for _, m := range doc.Mentions {
		if _, ok := want[m.Text]; ok || m.Type == annot.Person {
			got[m.Text] = m.Type
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}
}
