package rel

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/annot"
)

func TestRetype(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		noRetype bool
		want     []annot.Type
		wantRel  []relView
	}{
		{
			name:    "a channel typed as a person becomes an organization",
			text:    "a report by the [LOC Lebanon] -based TV channel [PER Al Mayadeen] .",
			want:    []annot.Type{annot.Loc, annot.Org},
			wantRel: []relView{{annot.BasedIn, "Al Mayadeen", "Lebanon", "based"}},
		},
		{
			name:     "NoRetype keeps the recognizer's types",
			text:     "a report by the [LOC Lebanon] -based TV channel [PER Al Mayadeen] .",
			noRetype: true,
			want:     []annot.Type{annot.Loc, annot.Person},
		},
		{
			name: "no organization noun before the name: no change",
			text: "a report by the [LOC Lebanon] -based writer [PER Rami Haddad] .",
			want: []annot.Type{annot.Loc, annot.Person},
		},
		{
			name: "an organization noun without strong relation evidence: no change",
			text: "[PER Ann Lee] , head of the group [PER Bo Ek] , lives in [LOC Oslo] .",
			want: []annot.Type{annot.Person, annot.Person, annot.Loc},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustDocs(t, tt.text)[0]
			mm, err := Load(bytes.NewReader(embedded))
			if err != nil {
				t.Fatal(err)
			}
			mm.NoRetype = tt.noRetype
			rs := mm.Extract(d)
			var got []annot.Type
			for _, x := range d.Mentions {
				got = append(got, x.Type)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("types (-want +got):\n%s", diff)
			}
			if tt.wantRel != nil {
				if diff := cmp.Diff(tt.wantRel, view(d, rs)); diff != "" {
					t.Errorf("relations (-want +got):\n%s", diff)
				}
			}
		})
	}
}
