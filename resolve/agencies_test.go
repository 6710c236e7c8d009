package resolve

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/annot"
)

// TestCreditNames checks that a credit-only agency form names its agency
// in a credit position ("NEW YORK (AP) -") and stays itself elsewhere
// ("the AP government": Andhra Pradesh).
func TestCreditNames(t *testing.T) {
	type cm struct {
		text   string
		typ    annot.Type
		credit bool
	}
	tests := []struct {
		name string
		text string
		ms   []cm
		want []string // entity keys, one per mention
	}{
		{"in a dateline", "NEW YORK (AP) - Shares rose.",
			[]cm{{"NEW YORK", annot.Loc, true}, {"AP", annot.Org, true}}, []string{"new york", "associated press"}},
		{"in running text", "The AP government met in Guntur.",
			[]cm{{"AP", annot.Loc, false}, {"Guntur", annot.Loc, false}}, []string{"ap", "guntur"}},
		{"a person's name", "Michael Bloomberg spoke.",
			[]cm{{"Michael Bloomberg", annot.Person, false}}, []string{"michael bloomberg"}},
		{"a credit line", "Shares rose.\nPhoto: Bloomberg",
			[]cm{{"Bloomberg", annot.Org, true}}, []string{"bloomberg news"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ms []annot.Mention
			from := 0
			for _, m := range tt.ms {
				i := strings.Index(tt.text[from:], m.text) + from
				ms = append(ms, annot.Mention{Text: m.text, Type: m.typ, Start: i, End: i + len(m.text), Credit: m.credit})
				from = i + len(m.text)
			}
			locals, of := Document(tt.text, ms, nil)
			var got []string
			for _, l := range of {
				got = append(got, locals[l].Key)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("keys (-want +got):\n%s", diff)
			}
		})
	}
}
