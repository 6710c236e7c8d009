package ner

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRomanNumeral(t *testing.T) {
	for s, want := range map[string]uint8{
		"II": 2, "III": 2, "IV": 2, "VI": 2, "XIV": 2, "XXIII": 2, "VIII.": 2,
		"I": 1, "V": 1, "X": 1, "I.": 1,
		"": 0, "IIII": 0, "VV": 0, "IC": 0, "ii": 0, "MIX": 0, "XXXX": 0, "CIA": 0, "Ivan": 0,
	} {
		if got := romanNumeral(s); got != want {
			t.Errorf("romanNumeral(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestMarkPronouns(t *testing.T) {
	toks := strings.Fields("Through his grandmother , Mishima was a direct descendant of the shogun Tokugawa Ieyasu")
	ti := make([]tokInfo, len(toks))
	for i, w := range toks {
		analyze(w, &ti[i])
	}
	markPronouns(ti)
	got := make([]uint8, len(ti))
	for i := range ti {
		got[i] = ti[i].pron
	}
	// "his" at 1: tokens 0 and 1 see it ahead (bit 1, not itself), tokens
	// 2..9 see it behind within pronWin (bit 2).
	want := []uint8{1, 0, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pron bits (-want +got):\n%s", diff)
	}
}

func TestReplaceEntities(t *testing.T) {
	nl, err := loadNameLists()
	if err != nil {
		t.Fatal(err)
	}
	for name, l := range map[string][]string{"first": nl.first, "last": nl.last, "country": nl.country, "city": nl.city, "region": nl.region, "org": nl.org, "orgCue": nl.orgCue} {
		if len(l) < 50 {
			t.Errorf("%s names: only %d", name, len(l))
		}
	}
	doc := Document{Sentences: []Sentence{
		{Tokens: strings.Fields("Bill Clinton visited Paris and met Acme Corp ."), Tags: []string{"B-PER", "I-PER", "O", "B-LOC", "O", "O", "B-ORG", "I-ORG", "O"}},
		{Tokens: strings.Fields("CLINTON LEFT PARIS"), Tags: []string{"B-PER", "O", "B-LOC"}},
		{Tokens: strings.Fields("Clinton said Paris was lovely ."), Tags: []string{"B-PER", "O", "B-LOC", "O", "O", "O"}},
	}}
	docs := slices.Repeat([]Document{doc}, 20)
	out, group := replaceEntities(docs, 0.5, nl, 7)
	out2, group2 := replaceEntities(docs, 0.5, nl, 7)
	if !cmp.Equal(out, out2) || !slices.Equal(group, group2) {
		t.Fatal("replaceEntities is not deterministic")
	}
	if len(out) == 0 || len(out) == len(docs) || len(out) != len(group) {
		t.Fatalf("%d copies of %d documents (groups %d), want about half", len(out), len(docs), len(group))
	}
	for _, d := range out {
		var per, loc []string
		for si, s := range d.Sentences {
			if len(s.Tokens) != len(s.Tags) {
				t.Fatalf("sentence %d: %d tokens, %d tags", si, len(s.Tokens), len(s.Tags))
			}
			for _, sp := range Spans(s.Tags) {
				text := strings.ToLower(strings.Join(s.Tokens[sp.Start:sp.End], " "))
				switch sp.Type {
				case "PER":
					// A regnal number may have been added: Charles III.
					if f := strings.Fields(text); len(f) > 1 && romanNumeral(strings.ToUpper(f[len(f)-1])) != 0 {
						text = strings.Join(f[:len(f)-1], " ")
					}
					per = append(per, text)
				case "LOC":
					loc = append(loc, text)
				}
			}
			if si == 1 && s.Tokens[len(s.Tokens)-1] != strings.ToUpper(s.Tokens[len(s.Tokens)-1]) {
				t.Errorf("capitals not kept in %q", s.Tokens)
			}
		}
		// The surname is replaced consistently, the place by the same name.
		if len(per) != 3 || !strings.HasSuffix(per[0], " "+per[2]) || per[1] != per[2] {
			t.Errorf("person mentions %q are not replaced consistently", per)
		}
		if len(loc) != 3 || loc[0] != loc[1] || loc[1] != loc[2] || loc[0] == "paris" {
			t.Errorf("place mentions %q are not replaced consistently", loc)
		}
	}
}
