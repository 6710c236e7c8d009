package entigraph_test

import (
	"testing"

	"github.com/entigraph/entigraph"
)

func TestContentHash(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"white space", "Ana met Bo.", "Ana  met\n\tBo.", true},
		{"leading and trailing white space", "Ana met Bo.", "\n  Ana met Bo.  \n", true},
		{"leading punctuation", "Ana met Bo.", "# Ana met Bo", true},
		{"case", "Ana met Bo.", "ANA MET BO.", true},
		{"punctuation inside", "Ana met Bo, then left.", "Ana met Bo then left", true},
		{"a word more", "Ana met Bo.", "Ana met Bo today.", false},
		{"words joined", "Ana met Bo.", "Anamet Bo.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := entigraph.ContentHash(tc.a) == entigraph.ContentHash(tc.b); got != tc.same {
				t.Errorf("ContentHash(%q) == ContentHash(%q) is %v, want %v", tc.a, tc.b, got, tc.same)
			}
		})
	}
}
