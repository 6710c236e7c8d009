package nlp

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCredits runs the pipeline and lists the mentions marked as credits:
// the agency and dateline of a story, its writers and editors, but never
// the people and places the story is about.
func TestCredits(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // the credit mentions, in text order
	}{
		{"dateline with a source",
			"NAIROBI (Reuters) - Kenya's finance minister Grace Wanjiru met bankers in Mombasa on Monday.",
			[]string{"NAIROBI", "Reuters"}},
		{"dateline with a date",
			"SAN FRANCISCO, Calif., March 3 - Pacific Gas Co said it would sell its stake to Mitsui.",
			[]string{"SAN FRANCISCO", "Calif."}},
		{"sign-off",
			"Brazil's central bank raised rates, officials in Brasilia said.\n Reuter\n",
			[]string{"Reuter"}},
		{"staff credits",
			"Lopez met Brandt in Madrid.\n\nReporting by Jane Okoro; Editing by Tom Hale\n",
			[]string{"Jane Okoro", "Tom Hale"}},
		{"additional reporting and a plain byline",
			"By Jane Okoro\n\nLopez met Brandt in Madrid.\n\nAdditional reporting by Tom Hale in Lima",
			[]string{"Jane Okoro", "Tom Hale"}},
		{"a sentence starting with By is no byline",
			"By the time Lopez met Brandt in Madrid on Monday the talks had already failed, aides said.",
			nil},
		{"an agency in running text is news",
			"Lopez told Reuters that Brandt would visit Madrid.",
			nil},
	}
	var p Pipeline
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := p.Process(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range doc.Mentions {
				if m.Credit {
					got = append(got, m.Text)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("credits (-want +got):\n%s\nmentions: %+v", diff, doc.Mentions)
			}
		})
	}
}
