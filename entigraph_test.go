package entigraph

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/input"
)

func day(d int) time.Time { return time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC) }

// docs is a small source with a failure, a copy and dates.
func docs() Source {
	return func(yield func(input.Document, error) bool) {
		items := []struct {
			doc input.Document
			err error
		}{
			{input.Document{ID: "a", Text: "Ana Silva met Bo Chen in Lisbon.", Date: day(1)}, nil},
			{input.Document{}, &input.Error{Path: "bad.txt", Err: errors.New("binary file")}},
			{input.Document{ID: "b", Text: "Bo Chen flew from Lisbon to Porto.", Date: day(9).Add(10 * time.Hour)}, nil},
			{input.Document{ID: "c", Text: "ana silva MET bo chen in Lisbon!", Date: day(2)}, nil}, // a copy of a
			{input.Document{ID: "d", Text: "Tejo Shipping hired Ana Silva in Porto."}, nil},        // undated
		}
		for _, it := range items {
			if !yield(it.doc, it.err) {
				return
			}
		}
	}
}

func dotOf(t *testing.T, c *Corpus) string {
	t.Helper()
	g, err := c.Graph(View{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := graph.WriteDOT(&b, g); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestBuild(t *testing.T) {
	tests := []struct {
		name      string
		cfg       Config
		wantStats Stats
	}{
		{"defaults drop the copy", Config{}, Stats{Docs: 4, Failed: 1, Analysed: 3, Duplicates: 1}},
		{"keep duplicates", Config{KeepDuplicates: true}, Stats{Docs: 5, Failed: 1, Analysed: 4}},
		{"time window leaves out undated and later documents", Config{Since: day(1), Until: day(5)},
			Stats{Docs: 2, Failed: 1, Analysed: 1, Duplicates: 1, OutsideWindow: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want string
			for _, workers := range []int{1, 2, 4} {
				cfg := tt.cfg
				cfg.Workers = workers
				c, err := Build(context.Background(), cfg, docs())
				if err != nil {
					t.Fatal(err)
				}
				got := c.Stats
				got.Sentences, got.Tokens, got.Mentions, got.Relations = 0, 0, 0, 0
				if diff := cmp.Diff(tt.wantStats, got); diff != "" {
					t.Errorf("%d workers: stats (-want +got):\n%s", workers, diff)
				}
				if diff := cmp.Diff([]Failure{{Input: "bad.txt", Error: "binary file"}}, c.Failures); diff != "" {
					t.Errorf("failures (-want +got):\n%s", diff)
				}
				dot := dotOf(t, c)
				if want == "" {
					want = dot
				} else if dot != want {
					t.Errorf("%d workers give another graph", workers)
				}
			}
		})
	}
}

func TestBuildFailFast(t *testing.T) {
	c, err := Build(context.Background(), Config{FailFast: true}, docs())
	if !errors.Is(err, ErrFailFast) || c.Stats.Docs != 2 {
		t.Errorf("err %v after %d documents, want ErrFailFast after 2", err, c.Stats.Docs)
	}
}

func TestBuildInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, Config{}, docs()); !errors.Is(err, ErrInterrupted) {
		t.Errorf("err %v, want ErrInterrupted", err)
	}
}

func TestRunOrderAndIDs(t *testing.T) {
	var ids []string
	err := Run(context.Background(), Config{Workers: 3, KeepDuplicates: true}, docs(), nil, func(r Result) error {
		if r.Doc != nil {
			if r.Doc.ID != r.Input.ID || r.Tokens == 0 || r.Doc.Tokens != nil {
				t.Errorf("%s: id %q, %d tokens, tokens kept %v", r.Input.ID, r.Doc.ID, r.Tokens, r.Doc.Tokens != nil)
			}
			ids = append(ids, r.Doc.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a", "b", "c", "d"}, ids); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}

func TestContentHash(t *testing.T) {
	const body = "The water authority said on Monday that the lake had fallen by two metres since March.\n\n" +
		"Officials in Nairobi and Addis Ababa will meet again next week to discuss the dam.\n\n"
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"case, space and punctuation", "Ana met Bo.", "  ana MET bo!\n", true},
		{"different words", "Ana met Bo.", "Ana met Bob.", false},
		{"wrapped differently", body, strings.ReplaceAll(body, " that the", "\nthat the"), true},
		{"boilerplate around the same article", "Home | World | Sport\n\n" + body + "Post a comment\n\nYour Name\n",
			"Menu\n\n" + body + "Share this article\n", true},
		{"another article with the same boilerplate", "Home | World\n\n" + body, "Home | World\n\n" + strings.Replace(body, "two", "three", 1), false},
		{"lines of a text without paragraphs", "Ana met Bo in Lisbon.", "Ana met Bo\nin Lisbon.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ContentHash(tt.a) == ContentHash(tt.b); got != tt.same {
				t.Errorf("same hash = %v, want %v", got, tt.same)
			}
		})
	}
}
