package newswire

import (
	"strings"
	"unicode"
)

// Agency is a news agency and the names it is written under.
type Agency struct {
	// Name is the usual form, which names the agency's node.
	Name string
	// Forms are other names of the agency alone: written anywhere, they
	// name it.
	Forms []string
	// Credit are names that are the agency only in a credit line, a
	// dateline or a sign-off ("AP", "Bloomberg", "PA"); elsewhere they may
	// be a place, a person or another body.
	Credit []string
}

// agencies is the embedded list. Keep Name and Forms unambiguous: the
// resolver joins them whatever the recognizer typed them.
var agencies = []Agency{
	{Name: "Reuters", Forms: []string{"Reuter", "Reuters News Agency", "Reuters News"}},
	{Name: "Associated Press", Forms: []string{"The Associated Press"}, Credit: []string{"AP"}}, // AP alone is also Andhra Pradesh
	{Name: "Agence France-Presse", Forms: []string{"AFP", "Agence France Presse", "France-Presse"}},
	{Name: "United Press International", Forms: []string{"UPI"}},
	{Name: "Xinhua", Forms: []string{"Xinhua News Agency", "New China News Agency"}},
	{Name: "TASS", Forms: []string{"ITAR-TASS", "Itar-Tass", "Tass"}},
	{Name: "Kyodo", Forms: []string{"Kyodo News", "Kyodo News Agency"}},
	{Name: "Deutsche Presse-Agentur", Forms: []string{"DPA", "dpa", "Deutsche Presse Agentur"}},
	{Name: "ANSA"},
	{Name: "EFE", Forms: []string{"Agencia EFE"}},
	{Name: "Bloomberg News", Credit: []string{"Bloomberg"}},
	{Name: "Press Trust of India", Forms: []string{"PTI"}},
	{Name: "Yonhap", Forms: []string{"Yonhap News Agency", "Yonhap News"}},
	{Name: "Jiji Press", Forms: []string{"Jiji"}},
	{Name: "Interfax"},
	{Name: "RIA Novosti", Credit: []string{"RIA"}},
	{Name: "Anadolu Agency", Credit: []string{"Anadolu", "AA"}},
	{Name: "Press Association", Forms: []string{"PA Media"}, Credit: []string{"PA"}},
	{Name: "Australian Associated Press", Forms: []string{"AAP"}},
	{Name: "Canadian Press", Forms: []string{"The Canadian Press"}, Credit: []string{"CP"}},
	{Name: "Korean Central News Agency", Forms: []string{"KCNA"}},
	{Name: "Islamic Republic News Agency", Forms: []string{"IRNA"}},
	{Name: "Middle East News Agency", Credit: []string{"MENA"}},
	{Name: "Saudi Press Agency", Credit: []string{"SPA"}},
	{Name: "Antara"},
	{Name: "Bernama"},
	{Name: "Tanjug"},
	{Name: "Prensa Latina"},
	{Name: "Notimex"},
	{Name: "Polish Press Agency", Credit: []string{"PAP"}},
	{Name: "Dow Jones Newswires"},
}

// Agencies returns a copy of the embedded list, in a fixed order.
func Agencies() []Agency {
	out := make([]Agency, len(agencies))
	for i, a := range agencies {
		out[i] = Agency{Name: a.Name,
			Forms:  append([]string(nil), a.Forms...),
			Credit: append([]string(nil), a.Credit...)}
	}
	return out
}

// form is one written form of an agency in the look-up index.
type form struct {
	agency int
	text   string // as listed, for the case check
	credit bool
}

var (
	index      = map[string][]form{}
	firstWords = map[string]bool{}
	maxWords   = 1
)

func init() {
	for i, a := range agencies {
		add := func(s string, credit bool) {
			k := Fold(s)
			index[k] = append(index[k], form{i, s, credit})
			w := strings.Fields(k)
			firstWords[w[0]] = true
			maxWords = max(maxWords, len(w))
		}
		add(a.Name, false)
		for _, f := range a.Forms {
			add(f, false)
		}
		for _, f := range a.Credit {
			add(f, true)
		}
	}
}

// Fold is the comparison form of a name: lower case, without dots, with
// hyphens and slashes as spaces and white space collapsed.
func Fold(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '.':
			return -1
		case '-', '‐', '‑', '–', '—', '/':
			return ' '
		}
		return unicode.ToLower(r)
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// MaxWords is the number of words in the longest listed form.
func MaxWords() int { return maxWords }

// MayStart reports whether the folded word w starts a listed form, a
// cheap test before Lookup.
func MayStart(w string) bool { return firstWords[w] }

// Lookup returns the agency that the name s is written for, and whether
// s is a Credit form, which names the agency only in a credit position.
// A form listed in capitals ("AP", "ANSA") matches only a name written in
// capitals ("Ap" does not), a listed form in lower case ("dpa") only
// itself, and other forms match whatever their case ("REUTER", "reuter").
func Lookup(s string) (a Agency, credit, ok bool) {
	for _, f := range index[Fold(s)] {
		if caseFits(f.text, s) {
			return agencies[f.agency], f.credit, true
		}
	}
	return Agency{}, false, false
}

// caseFits reports whether name s may be written for the listed form f.
func caseFits(f, s string) bool {
	switch {
	case isUpper(f) && len(strings.Fields(f)) == 1:
		return isUpper(s)
	case isLower(f):
		return s == f
	}
	return true
}

func isUpper(s string) bool { return s != "" && strings.ToUpper(s) == s && strings.ToLower(s) != s }
func isLower(s string) bool { return s != "" && strings.ToLower(s) == s && strings.ToUpper(s) != s }
