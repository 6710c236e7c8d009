package rel

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/annot"
)

func TestReadCoNLL04(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []*annot.Document
		wantErr string
	}{
		{
			name: "relation kept, Other dropped, mentions sorted",
			in: `[{"tokens": ["Booth", "of", "Acme", "shot", "Lincoln", "in", "1865"],
			  "entities": [{"type": "Peop", "start": 4, "end": 5}, {"type": "Peop", "start": 0, "end": 1},
			               {"type": "Org", "start": 2, "end": 3}, {"type": "Other", "start": 6, "end": 7}],
			  "relations": [{"type": "Kill", "head": 1, "tail": 0}, {"type": "Work_For", "head": 1, "tail": 2},
			                {"type": "Live_In", "head": 0, "tail": 3}]}]`,
			want: []*annot.Document{{
				ID:        "0000.txt",
				Text:      "Booth of Acme shot Lincoln in 1865",
				Sentences: []annot.Sentence{{Start: 0, End: 34, FirstToken: 0, EndToken: 7}},
				Tokens: []annot.Token{
					{Text: "Booth", Start: 0, End: 5}, {Text: "of", Start: 6, End: 8}, {Text: "Acme", Start: 9, End: 13},
					{Text: "shot", Start: 14, End: 18}, {Text: "Lincoln", Start: 19, End: 26}, {Text: "in", Start: 27, End: 29},
					{Text: "1865", Start: 30, End: 34},
				},
				Mentions: []annot.Mention{
					{Text: "Booth", Type: annot.Person, Start: 0, End: 5},
					{Text: "Acme", Type: annot.Org, Start: 9, End: 13},
					{Text: "Lincoln", Type: annot.Person, Start: 19, End: 26},
				},
				Relations: []annot.Relation{
					{Type: annot.Killed, Head: 0, Tail: 2, Score: 1},
					{Type: annot.WorksFor, Head: 0, Tail: 1, Score: 1},
				},
			}},
		},
		{name: "not JSON", in: `{`, wantErr: "reading CoNLL04 JSON"},
		{name: "no tokens", in: `[{"tokens": []}]`, wantErr: "no tokens"},
		{name: "token with a space", in: `[{"tokens": ["a b"]}]`, wantErr: "holds a space"},
		{name: "entity out of range", in: `[{"tokens": ["a"], "entities": [{"type": "Peop", "start": 0, "end": 2}]}]`, wantErr: "out of range"},
		{name: "relation out of range", in: `[{"tokens": ["a"], "entities": [{"type": "Peop", "start": 0, "end": 1}], "relations": [{"type": "Kill", "head": 0, "tail": 5}]}]`, wantErr: "out of range"},
		{name: "unknown relation", in: `[{"tokens": ["a", "b"], "entities": [{"type": "Peop", "start": 0, "end": 1}, {"type": "Peop", "start": 1, "end": 2}], "relations": [{"type": "Loves", "head": 0, "tail": 1}]}]`, wantErr: "unknown type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCoNLL04(strings.NewReader(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("documents (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadBracketed(t *testing.T) {
	in := "# comment\n\n[PER Ann Lee] , head of [ORG Acme] , lives in [LOC Oslo] . => works_for:0,1 lives_in:0,2\n"
	docs, err := ReadBracketed(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	type rel struct{ Type, Head, Tail string }
	var got []rel
	for _, r := range docs[0].Relations {
		got = append(got, rel{string(r.Type), docs[0].Mentions[r.Head].Text, docs[0].Mentions[r.Tail].Text})
	}
	want := []rel{{"works_for", "Ann Lee", "Acme"}, {"lives_in", "Ann Lee", "Oslo"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("relations (-want +got):\n%s", diff)
	}
	for _, bad := range []struct{ name, in string }{
		{"unclosed", "[PER Ann Lee said ."},
		{"nested", "[PER Ann [ORG Acme] ] ."},
		{"unknown type", "[FOO Ann] ."},
		{"bad relation", "[PER Ann] met [PER Bo] . => killed:0"},
		{"met is not learned", "[PER Ann] met [PER Bo] . => met:0,1"},
		{"index out of range", "[PER Ann] met [PER Bo] . => killed:0,7"},
	} {
		t.Run(bad.name, func(t *testing.T) {
			if _, err := ReadBracketed(strings.NewReader(bad.in)); err == nil {
				t.Errorf("no error for %q", bad.in)
			}
		})
	}
}

func FuzzReadCoNLL04(f *testing.F) {
	f.Add([]byte(`[{"tokens": ["Booth", "shot", "Lincoln"], "entities": [{"type": "Peop", "start": 0, "end": 1}, {"type": "Peop", "start": 2, "end": 3}], "relations": [{"type": "Kill", "head": 0, "tail": 1}]}]`))
	f.Add([]byte(`[{"tokens": ["a"], "entities": [{"type": "Loc", "start": -1, "end": 0}]}]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		docs, err := ReadCoNLL04(bytes.NewReader(b))
		if err != nil {
			return
		}
		for _, d := range docs {
			if err := d.Validate(); err != nil {
				t.Fatalf("invalid document accepted: %v", err)
			}
		}
	})
}

func FuzzReadBracketed(f *testing.F) {
	f.Add("[PER Ann Lee] , head of [ORG Acme] , lives in [LOC Oslo] . => works_for:0,1 lives_in:0,2")
	f.Add("[LOC a] [LOC b] => located_in:1,0")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := ReadBracketed(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, d := range docs {
			if err := d.Validate(); err != nil {
				t.Fatalf("invalid document accepted: %v", err)
			}
		}
	})
}
