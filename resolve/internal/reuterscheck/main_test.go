package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/annot"
)

// TestCheckSetParses keeps the hand-annotated check sets well formed: 250
// and 100 names, each typed or marked "-", each typed one with acceptable
// names.
func TestCheckSetParses(t *testing.T) {
	set, err := readCheck("../../testdata/reuters-check.tsv")
	if err != nil {
		t.Fatal(err)
	}
	conll, err := readCheck("../../testdata/conll-dev-check.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(set) != 250 || len(conll) != 100 {
		t.Errorf("%d and %d names, want 250 and 100", len(set), len(conll))
	}
	set = append(set, conll...)
	seen := map[string]bool{}
	for _, e := range set {
		if seen[e.name] && e.typ != anyType {
			t.Errorf("%q twice", e.name)
		}
		seen[e.name] = true
		if e.typ != "" && (len(e.accept) == 0 || e.accept[0] == "") {
			t.Errorf("%q: no acceptable node name", e.name)
		}
	}
}

func TestScore(t *testing.T) {
	set := []entry{
		{name: "EU", typ: annot.Org, accept: []string{"European Union"}},
		{name: "Reuter", typ: annot.Org, accept: []string{"Reuters"}},
		{name: "Ltd", accept: []string{""}},
	}
	res := []placed{
		{"EU", "European Union", annot.Org, annot.Org},
		{"EU", "European Union Vet Fund", annot.Org, annot.Org},
		{"Reuter", "Reuter", annot.Person, annot.Person},
		{"Ltd", "Ltd", annot.Org, annot.Org},
	}
	var out bytes.Buffer
	score(&out, res, set, false)
	got := strings.Split(strings.TrimSpace(out.String()), "\n")
	want := []string{
		"check names 3; scored mentions 3; mentions of names with no single referent (not scored) 1",
		"right node name and type       1   33.3%",
		"wrong node name                2   66.7%",
		"right name, wrong type         0    0.0%",
		"misses the recognizer typed wrong       1   33.3%",
		"misses of a wrong recognizer span       0    0.0%",
		"misses left to resolution               1   33.3%",
		"right, of the mentions the recognizer typed right       1 / 2   50.0%",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("score (-want +got):\n%s", diff)
	}
}
