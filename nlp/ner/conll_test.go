package ner

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadCoNLL(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Document
		wantErr string
	}{
		{
			name: "conll2003 columns with docstart and misc",
			in: "-DOCSTART- -X- -X- O\n\nAnna NNP B-NP B-PER\nvisits VBZ B-VP O\nLyon NNP B-NP B-LOC\n. . O O\n\n" +
				"Acme NNP B-NP B-ORG\nCorp NNP I-NP I-ORG\nlikes VBZ B-VP O\nGerman JJ B-NP B-MISC\nfood NN I-NP O\n\n" +
				"-DOCSTART- -X- -X- O\n\nBob NNP B-NP B-PER\n",
			want: []Document{
				{Sentences: []Sentence{
					{Tokens: []string{"Anna", "visits", "Lyon", "."}, Tags: []string{"B-PER", "O", "B-LOC", "O"}},
					{Tokens: []string{"Acme", "Corp", "likes", "German", "food"}, Tags: []string{"B-ORG", "I-ORG", "O", "O", "O"}},
				}},
				{Sentences: []Sentence{{Tokens: []string{"Bob"}, Tags: []string{"B-PER"}}}},
			},
		},
		{
			name: "tab separated without docstart, IOB1 and synonyms",
			in:   "Paris\tI-GPE\nand\tO\nNew\tI-LOCATION\nYork\tI-LOCATION\r\n\nAl\tI-PERSON\nGore\tI-PERSON\nIBM\tI-ORGANIZATION\n",
			want: []Document{{Sentences: []Sentence{
				{Tokens: []string{"Paris", "and", "New", "York"}, Tags: []string{"B-LOC", "O", "B-LOC", "I-LOC"}},
				{Tokens: []string{"Al", "Gore", "IBM"}, Tags: []string{"B-PER", "I-PER", "B-ORG"}},
			}}},
		},
		{
			name: "IOB1 type change starts an entity",
			in:   "a I-PER\nb I-ORG\nc B-ORG\n",
			want: []Document{{Sentences: []Sentence{
				{Tokens: []string{"a", "b", "c"}, Tags: []string{"B-PER", "B-ORG", "B-ORG"}},
			}}},
		},
		{
			name: "universal NER layout with newdoc comments",
			in: "# newdoc id = a\n# sent_id = a-1\n# text = Mia in Rome\n1\tMia\tB-PER\t-\tann\n2\tin\tO\t-\t-\n3\tRome\tB-LOC\t-\tann\n\n" +
				"# sent_id = a-2\n1\t#\tO\t-\t-\n\n# newdoc id = b\n# sent_id = b-1\n1\tAcme\tB-ORG\t-\tann\n2\tLtd\tI-ORG\t-\tann\n",
			want: []Document{
				{Sentences: []Sentence{
					{Tokens: []string{"Mia", "in", "Rome"}, Tags: []string{"B-PER", "O", "B-LOC"}},
					{Tokens: []string{"#"}, Tags: []string{"O"}},
				}},
				{Sentences: []Sentence{{Tokens: []string{"Acme", "Ltd"}, Tags: []string{"B-ORG", "I-ORG"}}}},
			},
		},
		{name: "hash token in CoNLL columns", in: "# SYM O O\n", want: []Document{{Sentences: []Sentence{{Tokens: []string{"#"}, Tags: []string{"O"}}}}}},
		{name: "universal NER bad tag", in: "1\tMia\tB_\t-\tann\n", wantErr: "line 1: bad tag"},
		{name: "empty input", in: "", want: nil},
		{name: "one column", in: "a O\n\nlonely\n", wantErr: "line 3: want at least two columns"},
		{name: "bad tag", in: "a O\nb X-PER\n", wantErr: "line 2: bad tag"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadCoNLL(strings.NewReader(tc.in))
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
				t.Errorf("ReadCoNLL mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func FuzzReadCoNLL(f *testing.F) {
	for _, s := range []string{"a O\n", "-DOCSTART-\n\nx\tB-PER\n", "# newdoc id = d\n1\tx\tB-LOC\t-\ty\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := ReadCoNLL(strings.NewReader(string(data)))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Fatalf("error without line number: %v", err)
			}
			return
		}
		for _, d := range docs {
			if len(d.Sentences) == 0 {
				t.Fatal("empty document")
			}
			for _, s := range d.Sentences {
				if len(s.Tokens) == 0 || len(s.Tokens) != len(s.Tags) {
					t.Fatalf("bad sentence %+v", s)
				}
				for i, tag := range s.Tags {
					if !slices.Contains(bioNames, tag) {
						t.Fatalf("tag %q not a label", tag)
					}
					// IOB2: an I- tag continues an entity of its type.
					if tag[0] == 'I' && (i == 0 || s.Tags[i-1] == "O" || s.Tags[i-1][2:] != tag[2:]) {
						t.Fatalf("tags %v are not IOB2", s.Tags)
					}
				}
			}
		}
	})
}

func TestSpansAndScorer(t *testing.T) {
	tests := []struct {
		name      string
		gold      []string
		pred      []string
		wantSpans []Span // spans of pred
		want      map[string]Counts
	}{
		{
			name:      "exact match",
			gold:      []string{"B-PER", "I-PER", "O", "B-LOC"},
			pred:      []string{"B-PER", "I-PER", "O", "B-LOC"},
			wantSpans: []Span{{0, 2, "PER"}, {3, 4, "LOC"}},
			want:      map[string]Counts{"PER": {TP: 1}, "LOC": {TP: 1}},
		},
		{
			name:      "boundary error is one fp and one fn",
			gold:      []string{"B-ORG", "I-ORG", "I-ORG"},
			pred:      []string{"B-ORG", "I-ORG", "O"},
			wantSpans: []Span{{0, 2, "ORG"}},
			want:      map[string]Counts{"ORG": {FP: 1, FN: 1}},
		},
		{
			name:      "conlleval: I after O starts, type change splits",
			gold:      []string{"O", "B-PER", "B-LOC", "O"},
			pred:      []string{"O", "I-PER", "I-LOC", "O"},
			wantSpans: []Span{{1, 2, "PER"}, {2, 3, "LOC"}},
			want:      map[string]Counts{"PER": {TP: 1}, "LOC": {TP: 1}},
		},
		{
			name:      "wrong type",
			gold:      []string{"B-LOC"},
			pred:      []string{"B-ORG"},
			wantSpans: []Span{{0, 1, "ORG"}},
			want:      map[string]Counts{"LOC": {FN: 1}, "ORG": {FP: 1}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.wantSpans, Spans(tc.pred)); diff != "" {
				t.Errorf("Spans (-want +got):\n%s", diff)
			}
			var sc Scorer
			sc.Add(tc.gold, tc.pred)
			got := map[string]Counts{}
			for k, v := range sc.ByType {
				got[k] = *v
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("counts (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScorerF1(t *testing.T) {
	var sc Scorer
	sc.Add([]string{"B-PER", "O", "B-ORG", "B-LOC"}, []string{"B-PER", "O", "B-LOC", "B-LOC"})
	// micro: tp 2, fp 1, fn 1 -> P = R = F1 = 2/3.
	if got, want := sc.F1(), 2.0/3; got < want-1e-9 || got > want+1e-9 {
		t.Errorf("F1 = %v, want %v", got, want)
	}
}

// sharedData returns the path of a file under ../shared/data, skipping the
// test when the data is not present.
func sharedData(t testing.TB, rel string) string {
	p := filepath.Join("..", "..", "..", "shared", "data", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not present", p)
	}
	return p
}
