package resolve

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCleanNameMarkup(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"company in escaped brackets", "&lt;Noranda Inc>", "Noranda Inc"},
		{"company in brackets", "<Noranda Inc>", "Noranda Inc"},
		{"ticker after the name", "HARCOURT &lt;HBJ>", "HARCOURT"},
		{"ticker with an exchange", "Cie &lt;BBCZ.Z>", "Cie"},
		{"ticker before the name", "&lt;TEX> Continental Airlines", "Continental Airlines"},
		{"fragment of a bracketed name", "Ltd>", "Ltd"},
		{"ampersand reference", "AT&amp;T", "AT&T"},
		{"double escape", "&amp;lt;Dart Group>", "Dart Group"},
		{"a ticker inside stays", "BankAmerica &lt;BAC> Corp", "BankAmerica <BAC> Corp"},
		{"words in brackets are no ticker: only the edge is trimmed", "Smith <the elder>", "Smith <the elder"},
		{"plain name untouched", "Standard & Poor's", "Standard & Poor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, CleanName(tt.in)); diff != "" {
				t.Errorf("CleanName(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
