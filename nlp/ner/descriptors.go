package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Descriptor nouns: a common noun next to a name often says what the name
// is ("the TV channel Al Mayadeen", "the group Hezbollah", "the Qing
// dynasty", "Acme, a company based in ...", "chief executive of Apple").
// The word features see the exact neighbour, and the clusters a class of
// it, but both are learnt from the neighbours the training data happens
// to hold; these features name the class of the nearest descriptor noun
// outside the capitalised run a token belongs to, so that a descriptor
// seen with one kind of name carries over to all.

// Descriptor classes, stored in tokInfo.desc.
const (
	descNone = iota
	descOrg  // names an organization: "company", "channel", "dynasty"
	descLoc  // names a place: "city", "river", "province"
	descPer  // names a person: "singer", "striker", "wife"
	descRole // a role in an organization, before of/at/for: "chief executive of"
)

var descriptorLists = [...]string{
	descOrg: `company companies firm firms group groups party parties channel channels broadcaster
network networks newspaper newspapers daily tabloid magazine agency agencies bank banks lender
insurer carrier airline airlines maker makers manufacturer retailer chain label studio publisher
band bands club clubs team teams outfit militia movement organisation organization charity
union unions federation league association dynasty regime government administration ministry
council committee army faction coalition alliance university college institute
conglomerate operator utility developer startup subsidiary exporter producer brokerage
consortium foundation website broadcasters rebels insurgents`,
	descLoc: `city cities town towns village villages capital province provinces region regions
district districts county counties island islands river rivers lake mountain mountains port
suburb neighbourhood neighborhood valley country countries territory peninsula coast resort
municipality borough prefecture`,
	descPer: `singer actor actress player striker midfielder defender goalkeeper writer author
poet novelist painter artist composer politician rapper musician guitarist pianist lawyer
businessman businesswoman billionaire journalist filmmaker coach son daughter wife husband
brother sister father mother widow cousin uncle nephew niece colleague`,
	descRole: `executive executives chairman chairwoman founder co-founder ceo spokesman
spokeswoman spokesperson employee employees shares stake shareholder shareholders owner
owners director directors boss analyst analysts member members`,
}

// descriptors maps a lowercased word's hash to its descriptor class.
var descriptors = func() map[uint64]uint8 {
	m := map[uint64]uint8{}
	for c, list := range descriptorLists {
		for _, w := range strings.Fields(list) {
			m[hlower(w)] = uint8(c)
		}
	}
	return m
}()

var (
	hOf, hAt, hFor      = hlower("of"), hlower("at"), hlower("for")
	hComma              = hlower(",")
	hA, hAn, hThe       = hlower("a"), hlower("an"), hlower("the")
	descMaxRun          = 4 // capitalised tokens skipped to reach a descriptor
	descAppositionReach = 3 // words after ", a" searched for a descriptor
)

func capitalised(t *tokInfo) bool { return t.cas == casTitle || t.cas == casUpper }

// descriptorFeatures adds, for a capitalised token at info index p, the
// class of the descriptor before its capitalised run and in an apposition
// after it (", a company"), each with the token's casing. The noun right
// after the run is left out: in CoNLL it mostly follows an adjective
// ("a Russian company", MISC), and with it the model did worse on all
// four check sets (docs/notes/recognizer.md).
func (f *featurizer) descriptorFeatures(add func(int, uint64), p int, cas uint64) {
	in := f.info
	if !capitalised(&in[p]) {
		return
	}
	j := p - 1
	for p-j <= descMaxRun && capitalised(&in[j]) {
		j--
	}
	if d := in[j].desc; d != descNone && d != descRole {
		add(tDescL, uint64(d)<<4|cas)
	} else if l := in[j].lower; (l == hOf || l == hAt || l == hFor) && in[j-1].desc == descRole {
		add(tDescL, uint64(descRole)<<4|cas)
	}
	k := p + 1
	for k-p <= descMaxRun && capitalised(&in[k]) {
		k++
	}
	if in[k].lower != hComma || k+1 >= len(in) {
		return
	}
	if l := in[k+1].lower; l != hA && l != hAn && l != hThe {
		return
	}
	for q := k + 2; q < len(in) && q <= k+1+descAppositionReach && in[q].cas != casPad; q++ {
		if d := in[q].desc; d != descNone && d != descRole {
			add(tDescApp, uint64(d)<<4|cas)
			return
		}
	}
}

// descTypes are the span types the descriptor classes name.
var descTypes = [...]string{descOrg: "ORG", descLoc: "LOC", descPer: "PER"}

// retypeDescribed gives, in place, a span right after a lower-case
// descriptor noun the type that noun names: "the TV channel Al Mayadeen",
// "the group Hezbollah". In CoNLL-2003 training text the name after a
// descriptor has the descriptor's type 92 to 99 % of the time.
func retypeDescribed(toks, labels []string) {
	for a := 1; a < len(labels); a++ {
		if !strings.HasPrefix(labels[a], "B-") || !isLowerWord(toks[a-1]) {
			continue
		}
		b := spanEnd(labels, a)
		d := descriptors[hlower(toks[a-1])]
		if (d == descOrg && !agentNouns[strings.ToLower(toks[a-1])]) || d == descLoc || d == descPer {
			relabel(labels, a, b, descTypes[d])
		}
		a = b - 1
	}
}

// agentNouns name organizations but also people ("the manufacturer Georg
// Reichenbach"), so they do not retype a span.
var agentNouns = wordSet(`manufacturer maker makers producer exporter developer operator
publisher carrier lender insurer retailer broadcaster`)

func isLowerWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
