package ner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// splitTagged turns "Lord/B-LOC Halifax/I-LOC met/O" into tokens and labels;
// a word without a tag is O.
func splitTagged(s string) (toks, labels []string) {
	for _, f := range strings.Fields(s) {
		tok, lab, ok := strings.Cut(f, "/")
		if !ok {
			lab = "O"
		}
		toks = append(toks, tok)
		labels = append(labels, lab)
	}
	return toks, labels
}

func TestRepair(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, want string
	}{
		{"title off a person", "met Prince/B-PER Henry/I-PER .", "met Prince Henry/B-PER ."},
		{"several titles", "Prime/B-PER Minister/I-PER Jones/I-PER spoke", "Prime Minister Jones/B-PER spoke"},
		{"general before a person", "General/B-PER de/I-PER Meza/I-PER said", "General de/B-PER Meza/I-PER said"},
		{"honorific makes a person", "Lord/B-LOC Halifax/I-LOC met", "Lord Halifax/B-PER met"},
		{"honorific before an organization cue", "Lady/B-ORG Margaret/I-ORG College/I-ORG", "Lady/B-ORG Margaret/I-ORG College/I-ORG"},
		{"company named after a title", "General/B-ORG Motors/I-ORG cut", "General/B-ORG Motors/I-ORG cut"},
		{"accented name after a title", "Lady/B-LOC Élise/I-LOC Dubois/I-LOC", "Lady Élise/B-PER Dubois/I-PER"},
		{"lone title kept", "the Prince/B-PER said", "the Prince/B-PER said"},
		{"polity adjective", "the Ottoman Empire/B-ORG fell", "the Ottoman/B-ORG Empire/I-ORG fell"},
		{"two adjectives", "the Holy Roman Empire/B-LOC", "the Holy/B-LOC Roman/I-LOC Empire/I-LOC"},
		{"sentence-initial The stays out", "The Empire/B-ORG fell", "The Empire/B-ORG fell"},
		{"lowercase word stays out", "a new Republic/B-LOC", "a new Republic/B-LOC"},
		{"formal state name", "the Kingdom/B-ORG of France/B-LOC .", "the Kingdom/B-LOC of/I-LOC France/I-LOC ."},
		{"formal name with adjective", "the Federal/B-ORG Republic/I-ORG of Cameroon/B-LOC", "the Federal/B-LOC Republic/I-LOC of/I-LOC Cameroon/I-LOC"},
		{"head labelled O", "the Principality of Nitra/B-LOC", "the Principality/B-LOC of/I-LOC Nitra/I-LOC"},
		{"lowercase city of", "the Iraqi/B-LOC city of Arbil/B-LOC", "the Iraqi/B-LOC city of Arbil/B-LOC"},
		{"of a person is not a state", "the Kingdom of Bob/B-PER", "the Kingdom of Bob/B-PER"},
		{"film title", "the film Looper/B-PER , directed", "the film Looper , directed"},
		{"film title after comma", "a science-fiction film , Looper/B-PER , directed", "a science-fiction film , Looper , directed"},
		{"title with function words", "film Salmon Fishing in the Yemen/B-LOC , directed", "film Salmon Fishing in the Yemen , directed"},
		{"album title", "the album Over My/B-PER Head/I-PER (", "the album Over My Head ("},
		{"verb play is not a work", "to play Liechtenstein/B-LOC in", "to play Liechtenstein/B-LOC in"},
		{"span running past the title", "the film Star/B-PER Wars/I-PER", "the film Star Wars"},
		{"lowercase after work noun", "the film by Nolan/B-PER", "the film by Nolan/B-PER"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, labels := splitTagged(tt.in)
			_, want := splitTagged(tt.want)
			m.repair(toks, labels)
			if diff := cmp.Diff(want, labels); diff != "" {
				t.Errorf("repair(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
