package rel_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/nlp"
	"github.com/entigraph/entigraph/nlp/rel"
)

// TestConjunctsAreNotRelated checks that names joined by "and" or "or"
// are named together, not related, while the same names in a relation's
// construction still are.
func TestConjunctsAreNotRelated(t *testing.T) {
	m, err := rel.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := &nlp.Pipeline{Relations: m}
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"an organization and a country", "Lopez and Brandt discussed trade with Canada and the European Union.", nil},
		{"a bank and a country", "Talks between the Bank of England and Japan ended on Friday.", nil},
		{"the same names in a construction", "The Ottawa-based Canadian Wheat Board sells grain.",
			[]string{"based_in Canadian Wheat Board → Ottawa"}},
	}
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
