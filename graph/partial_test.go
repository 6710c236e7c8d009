package graph

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/nlp"
)

// sampleDocs analyses the sample articles, dated one day apart, with a
// relation between the first two mentions of each.
func sampleDocs(t *testing.T) []*annot.Document {
	t.Helper()
	paths, err := filepath.Glob("../testdata/articles/*")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no sample articles: %v", err)
	}
	var pipe nlp.Pipeline
	var docs []*annot.Document
	for i, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := pipe.Process(string(text))
		if err != nil {
			t.Fatal(err)
		}
		doc.ID = filepath.Base(p)
		doc.Date = time.Date(2024, 3, 1+i%4, 12, 0, 0, 0, time.UTC)
		if len(doc.Mentions) >= 2 && doc.Mentions[0].Sentence == doc.Mentions[1].Sentence {
			doc.Relations = []annot.Relation{{Type: annot.Met, Head: 0, Tail: 1, Score: 0.7, Trigger: "x", Sentence: doc.Mentions[0].Sentence}}
		}
		docs = append(docs, doc)
	}
	return docs
}

// TestPartialMerge checks that merged partials give the graph of one run,
// whatever the split, the order of merges and a JSON round trip.
func TestPartialMerge(t *testing.T) {
	docs := sampleDocs(t)
	opts := Options{Evidence: 2}
	whole := NewPartial(opts)
	for _, d := range docs {
		if err := whole.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	want := whole.Graph()
	var wantDOT bytes.Buffer
	if err := WriteDOT(&wantDOT, want); err != nil {
		t.Fatal(err)
	}
	if len(want.Relations) == 0 || len(want.Edges) == 0 || want.Nodes[0].FirstSeen.IsZero() {
		t.Fatalf("sample graph lacks relations, edges or dates: %d relations, %d edges", len(want.Relations), len(want.Edges))
	}
	splits := []struct {
		name  string
		parts func(i int) int // document i goes to part parts(i)
		n     int
	}{
		{"halves", func(i int) int { return i * 2 / len(docs) }, 2},
		{"interleaved", func(i int) int { return i % 3 }, 3},
		{"one per document, reversed", func(i int) int { return len(docs) - 1 - i }, len(docs)},
	}
	for _, sp := range splits {
		t.Run(sp.name, func(t *testing.T) {
			parts := make([]*Partial, sp.n)
			for i := range parts {
				parts[i] = NewPartial(opts)
			}
			for i, d := range docs {
				if err := parts[sp.parts(i)].Add(d); err != nil {
					t.Fatal(err)
				}
			}
			// Merge right to left, each part through JSON.
			acc := NewPartial(opts)
			for i := len(parts) - 1; i >= 0; i-- {
				data, err := json.Marshal(parts[i])
				if err != nil {
					t.Fatal(err)
				}
				back := NewPartial(opts)
				if err := json.Unmarshal(data, back); err != nil {
					t.Fatal(err)
				}
				if err := acc.Merge(back); err != nil {
					t.Fatal(err)
				}
			}
			got := acc.Graph()
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(Options{})); diff != "" {
				t.Errorf("merged graph differs (-want +got):\n%s", diff)
			}
			var gotDOT bytes.Buffer
			if err := WriteDOT(&gotDOT, got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(wantDOT.Bytes(), gotDOT.Bytes()) {
				t.Errorf("merged DOT differs")
			}
		})
	}
}

func TestPartialMergeRefusesOtherOptions(t *testing.T) {
	a, b := NewPartial(Options{}), NewPartial(Options{Scope: Scope{Kind: ScopeParagraph}})
	if err := a.Merge(b); err == nil {
		t.Error("merged partials of different scopes")
	}
}

func TestPartialRefusesBadDocuments(t *testing.T) {
	tests := []struct {
		name string
		doc  *annot.Document
	}{
		{"no id", &annot.Document{Text: "x"}},
		{"sentence out of range", &annot.Document{ID: "d", Text: "Anna", Mentions: []annot.Mention{{Text: "Anna", Type: annot.Person, End: 4, Sentence: 3}}}},
		{"paragraph scope, no sentences", &annot.Document{ID: "d", Text: "Anna", Mentions: []annot.Mention{{Text: "Anna", Type: annot.Person, End: 4}}}},
		{"mention outside the text", &annot.Document{ID: "d", Text: "Ann", Sentences: []annot.Sentence{{End: 3}}, Mentions: []annot.Mention{{Text: "Anna", Type: annot.Person, End: 4}}}},
		{"relation out of range", &annot.Document{ID: "d", Text: "Anna", Sentences: []annot.Sentence{{End: 4}}, Mentions: []annot.Mention{{Text: "Anna", Type: annot.Person, End: 4}}, Relations: []annot.Relation{{Type: annot.Met, Head: 0, Tail: 1}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewPartial(Options{Scope: Scope{Kind: ScopeParagraph}})
			if err := p.Add(tt.doc); err == nil {
				t.Error("Add succeeded, want an error")
			}
			if p.Docs() != 0 {
				t.Errorf("%d documents added, want 0", p.Docs())
			}
		})
	}
}

func TestPartialUnmarshalRefusesOtherVersions(t *testing.T) {
	p := NewPartial(Options{})
	for _, in := range []string{`{"version": 99}`, `{"version": 1, "scope": "chapter"}`, `not json`,
		`{"version": 1, "scope": "sentence", "relations": [{"type": "loves"}]}`} {
		if err := json.Unmarshal([]byte(in), p); err == nil {
			t.Errorf("%s: read without error", in)
		}
	}
}
