package newswire

import (
	"testing"
	"testing/quick"

	"github.com/google/go-cmp/cmp"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		name, in   string
		want       string // agency name, "" for none
		wantCredit bool
	}{
		{"usual form", "Reuters", "Reuters", false},
		{"signature form", "Reuter", "Reuters", false},
		{"signature in capitals", "REUTER", "Reuters", false},
		{"lower case", "reuter", "Reuters", false},
		{"acronym", "AFP", "Agence France-Presse", false},
		{"acronym with dots", "A.F.P.", "Agence France-Presse", false},
		{"acronym not in capitals", "Afp", "", false},
		{"long form", "Agence France Presse", "Agence France-Presse", false},
		{"hyphenated", "ITAR-TASS", "TASS", false},
		{"lower-case form only as listed", "dpa", "Deutsche Presse-Agentur", false},
		{"credit form", "Bloomberg", "Bloomberg News", true},
		{"short credit acronym (also Andhra Pradesh)", "AP", "Associated Press", true},
		{"a word, not an acronym", "Ap", "", false},
		{"unknown", "Smith", "", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, credit, ok := Lookup(tt.in)
			got := ""
			if ok {
				got = a.Name
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Lookup(%q) agency (-want +got):\n%s", tt.in, diff)
			}
			if credit != tt.wantCredit {
				t.Errorf("Lookup(%q) credit = %v, want %v", tt.in, credit, tt.wantCredit)
			}
		})
	}
}

// Every listed form, as written, finds its own agency, and only Credit
// forms are marked so.
func TestEveryFormFindsItsAgency(t *testing.T) {
	for _, a := range Agencies() {
		check := func(s string, credit bool) {
			got, c, ok := Lookup(s)
			if !ok || got.Name != a.Name || c != credit {
				t.Errorf("Lookup(%q) = %q, %v, %v; want %q, %v, true", s, got.Name, c, ok, a.Name, credit)
			}
			if !MayStart(firstWord(Fold(s))) {
				t.Errorf("MayStart(first word of %q) = false", s)
			}
		}
		check(a.Name, false)
		for _, f := range a.Forms {
			check(f, false)
		}
		for _, f := range a.Credit {
			check(f, true)
		}
	}
}

func firstWord(s string) string {
	for i, r := range s {
		if r == ' ' {
			return s[:i]
		}
	}
	return s
}

// Fold is idempotent, and Lookup never fails on any input.
func TestFoldProperties(t *testing.T) {
	f := func(s string) bool {
		Lookup(s)
		return Fold(Fold(s)) == Fold(s)
	}
	if err := quick.Check(f, nil); err != nil {
		t.Error(err)
	}
}

// Agencies returns a copy: changing it does not change the list.
func TestAgenciesIsACopy(t *testing.T) {
	a := Agencies()
	a[0].Name = "changed"
	a[0].Forms[0] = "changed"
	if b := Agencies(); b[0].Name == "changed" || b[0].Forms[0] == "changed" {
		t.Error("Agencies shares its list with the caller")
	}
}

// Every state abbreviation is written with a dot and names a state of
// more letters; none is listed twice.
func TestStateAbbreviations(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range StateAbbreviations() {
		if s[0] == "" || s[0][len(s[0])-1] != '.' || len(s[1]) <= len(s[0]) || seen[s[0]] {
			t.Errorf("bad or repeated abbreviation %q for %q", s[0], s[1])
		}
		seen[s[0]] = true
	}
}
