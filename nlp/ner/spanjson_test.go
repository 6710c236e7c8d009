package ner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadSpanJSON(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Document
		wantErr string
	}{
		{
			name: "types mapped, Other dropped, overlap keeps the first",
			in: `[{"tokens": ["Mia", "Lund", "of", "Acme", "Corp", "in", "Oslo", "on", "Monday"], "entities": [
				{"type": "Peop", "start": 0, "end": 2}, {"type": "Org", "start": 3, "end": 5},
				{"type": "Loc", "start": 4, "end": 7}, {"type": "Loc", "start": 6, "end": 7},
				{"type": "Other", "start": 8, "end": 9}]},
				{"tokens": [], "entities": []}]`,
			want: []Document{{Sentences: []Sentence{{
				Tokens: []string{"Mia", "Lund", "of", "Acme", "Corp", "in", "Oslo", "on", "Monday"},
				Tags:   []string{"B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O", "B-LOC", "O", "O"},
			}}}},
		},
		{name: "span out of range", in: `[{"tokens": ["a"], "entities": [{"type": "Loc", "start": 0, "end": 2}]}]`, wantErr: "outside its 1 tokens"},
		{name: "empty span", in: `[{"tokens": ["a"], "entities": [{"type": "Loc", "start": 1, "end": 1}]}]`, wantErr: "outside"},
		{name: "bad type", in: `[{"tokens": ["a"], "entities": [{"type": "", "start": 0, "end": 1}]}]`, wantErr: "bad tag"},
		{name: "not JSON", in: `tokens`, wantErr: "span JSON"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadSpanJSON(strings.NewReader(tc.in))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ReadSpanJSON mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func FuzzReadSpanJSON(f *testing.F) {
	f.Add([]byte(`[{"tokens": ["a", "b"], "entities": [{"type": "Peop", "start": 0, "end": 2}]}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := ReadSpanJSON(strings.NewReader(string(data)))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				if len(s.Tags) != len(s.Tokens) {
					t.Fatalf("%d tags for %d tokens", len(s.Tags), len(s.Tokens))
				}
				for _, sp := range Spans(s.Tags) {
					if sp.Type != "PER" && sp.Type != "ORG" && sp.Type != "LOC" {
						t.Fatalf("type %q", sp.Type)
					}
				}
			}
		}
	})
}
