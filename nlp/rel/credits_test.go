package rel_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/nlp"
	"github.com/entigraph/entigraph/nlp/rel"
)

// relCase is a text and the relations the default pipeline must find in
// it, as "type head → tail".
type relCase struct {
	name string
	text string
	want []string
}

// checkRelations runs each case through the pipeline with the embedded
// relation model.
func checkRelations(t *testing.T, tests []relCase) {
	t.Helper()
	m, err := rel.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := &nlp.Pipeline{Relations: m}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := p.Process(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range doc.Relations {
				got = append(got, fmt.Sprintf("%s %s → %s", r.Type, doc.Mentions[r.Head].Text, doc.Mentions[r.Tail].Text))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("relations (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCreditsRelateOnlyPlaces checks that a dateline's source and places
// and a byline's writer are related to nothing the story names, while
// the dateline's places stay in one another.
func TestCreditsRelateOnlyPlaces(t *testing.T) {
	checkRelations(t, []relCase{
		{"dateline with a date",
			"SAN FRANCISCO, Calif., March 3 - Pacific Gas Co said Maria Lopez would join Mitsui.",
			[]string{"located_in SAN FRANCISCO → Calif.", "works_for Maria Lopez → Mitsui"}},
		{"dateline with a source",
			"NAIROBI (Reuters) - Grace Wanjiru, the chief executive of Kenya Bank, spoke on Monday.",
			[]string{"works_for Grace Wanjiru → Kenya Bank"}},
		{"a place of the story is related",
			"Grace Wanjiru, who lives in Nairobi, is the chief executive of Kenya Bank.",
			[]string{"lives_in Grace Wanjiru → Nairobi", "works_for Grace Wanjiru → Kenya Bank"}},
	})
}
