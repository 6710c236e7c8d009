package ner

import "strings"

// Boundary repairs: spans the model ends or starts at the wrong token in
// news text unlike CoNLL's, each fixed as CoNLL-2003 labels the class.

// monthNames end no name in CoNLL: a date after a place in a dateline
// ("Moscow March 5") is not part of the place. "May" is also a surname
// ("Fiona May"), so it counts only before a day number.
var monthNames = wordSet(`january february march april june july august september october
november december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.`)

// trimMonths removes, in place, a trailing month name from spans of two or
// more tokens when a day number follows it or the rest is a place the
// gazetteer knows; the rest becomes a location when the gazetteer knows
// it as a place and keeps its type otherwise.
func (m *Model) trimMonths(toks, labels []string) {
	for a := 0; a < len(labels); a++ {
		if !strings.HasPrefix(labels[a], "B-") {
			continue
		}
		b := spanEnd(labels, a)
		mon := strings.ToLower(toks[b-1])
		day := b < len(toks) && isDayNumber(toks[b])
		if b-a < 2 || !(monthNames[mon] || mon == "may" && day) {
			a = b - 1
			continue
		}
		place := m.gaz.isPlace(toks[a : b-1])
		if !day && !place {
			a = b - 1
			continue
		}
		labels[b-1] = "O"
		if place {
			relabel(labels, a, b-1, "LOC")
		}
		a = b - 1
	}
}

// isDayNumber reports whether w is a day of the month: one or two digits.
func isDayNumber(w string) bool {
	if len(w) == 0 || len(w) > 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// splitBrackets splits, in place, a span that holds an unbalanced bracket
// ("SHP ( Social Democrat Populist Party", "Communist ) Party"): CoNLL
// never puts one inside a name. Each part keeps the span's type if it
// holds a capitalised word other than a lone cue word ("Party").
func (m *Model) splitBrackets(toks, labels []string) {
	for a := 0; a < len(labels); a++ {
		if !strings.HasPrefix(labels[a], "B-") {
			continue
		}
		b := spanEnd(labels, a)
		if balanced(toks[a:b]) {
			a = b - 1
			continue
		}
		typ := labels[a][2:]
		start := a
		for k := a; k <= b; k++ {
			if k < b && !isBracket(toks[k]) {
				continue
			}
			clearLabels(labels, start, k)
			for start < k && !isTitleCase(toks[start]) {
				start++ // "(south Chicago": the part starts at the name
			}
			if m.namePart(toks[start:k]) {
				relabel(labels, start, k, typ)
			}
			if k < b {
				labels[k] = "O"
			}
			start = k + 1
		}
		a = b - 1
	}
}

func isBracket(w string) bool {
	return w == "(" || w == ")" || w == "[" || w == "]"
}

// balanced reports whether every bracket in toks closes one opened before
// it and every opened one is closed.
func balanced(toks []string) bool {
	depth := 0
	for _, w := range toks {
		switch w {
		case "(", "[":
			depth++
		case ")", "]":
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// namePart reports whether toks can stand as a name: a capitalised word,
// and more than a lone cue word.
func (m *Model) namePart(toks []string) bool {
	if len(toks) == 1 && m.gaz.isCue(toks[0]) {
		return false
	}
	for _, w := range toks {
		if isTitleCase(w) {
			return true
		}
	}
	return false
}

// unitNouns head the name of a military unit ("6th Fleet", "82nd Airborne
// Division", "Black Sea Fleet"); CoNLL labels such units ORG ("Eastern
// Region Brigade", "Popular Revolutionary Army").
var unitNouns = wordSet(`fleet army brigade division corps regiment battalion squadron
infantry cavalry airborne armored armoured marines flotilla`)

// markUnits labels, in place, military units ORG: an ordinal ("6th",
// "21st") and the capitalised words after it up to a unit noun, and a place
// span that a unit noun follows ("Black Sea Fleet"), which the model cuts
// to the place.
func markUnits(toks, labels []string) {
	for a := 0; a < len(toks); a++ {
		if isOrdinal(toks[a]) {
			b := a + 1
			last := -1
			for b < len(toks) && isTitleCase(toks[b]) {
				if unitNouns[strings.ToLower(toks[b])] {
					last = b
				}
				b++
			}
			if last < 0 || (a > 0 && strings.HasPrefix(labels[a], "I-")) ||
				(last+1 < len(labels) && strings.HasPrefix(labels[last+1], "I-")) {
				continue
			}
			relabel(labels, a, last+1, "ORG")
			a = last
			continue
		}
		if labels[a] != "B-LOC" {
			continue
		}
		b := spanEnd(labels, a)
		e := b
		for e < len(toks) && labels[e] == "O" && isTitleCase(toks[e]) && unitNouns[strings.ToLower(toks[e])] {
			e++
		}
		if e > b {
			relabel(labels, a, e, "ORG")
		}
		a = e - 1
	}
}

// isOrdinal reports whether w is a number with an ordinal suffix: "6th",
// "21st", "102nd".
func isOrdinal(w string) bool {
	n := 0
	for n < len(w) && w[n] >= '0' && w[n] <= '9' {
		n++
	}
	if n == 0 || n > 3 {
		return false
	}
	switch w[n:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// orgHeads end the full name of an institution or a firm ("Internal
// Revenue Service", "Justice Department", "Hanover Trust Co.").
var orgHeads = wordSet(`service commission department ministry agency bureau office board
council committee authority administration bank corp corp. corporation company co co. inc inc.
ltd ltd. plc group`)

// splitCoordinated splits, in place, an organization span that joins two
// full names with "and" ("Internal Revenue Service and Manufacturers
// Hanover Trust Co."): the left side has two or more words, the right
// three or more, and each ends with an institution or company noun. A firm
// named after people ("Morgan Stanley and Co Inc"), a name of one
// ministry's fields ("Department of Health and Human Services") and the
// two-word tails of bank names ("First National Bank and Trust Co") are
// left alone.
func splitCoordinated(toks, labels []string) {
	for a := 0; a < len(labels); a++ {
		if labels[a] != "B-ORG" {
			continue
		}
		b := spanEnd(labels, a)
		for k := a + 2; k < b-3; k++ {
			if toks[k] != "and" && toks[k] != "&" {
				continue
			}
			if orgHeads[strings.ToLower(toks[k-1])] &&
				orgHeads[strings.ToLower(toks[b-1])] && !orgHeads[strings.ToLower(toks[k+1])] &&
				isTitleCase(toks[k+1]) && isTitleCase(toks[a]) {
				labels[k] = "O"
				relabel(labels, k+1, b, "ORG")
				break
			}
		}
		a = b - 1
	}
}

// adminNouns follow a place's name as part of it ("Dan Sai District",
// "Loei Province"); a person's name is never followed by one.
var adminNouns = wordSet(`district province county prefecture municipality township oblast
governorate canton parish districts provinces counties parishes`)

// retypeHeaded fixes, in place, person spans that a noun shows to be
// something else: a person span followed by or ending in a capitalised
// administrative noun becomes a location over both ("Dan Sai District",
// "Cameron Parish"), and a person
// span of two or more words ending in a plural firm noun ("Properties",
// "Holdings"; singular cue words are also surnames: "Tomas Post",
// "Domingo Hospital") becomes an organization, taking in the capitalised words before it that the model
// left out ("Sun Hung Kai Properties").
func (m *Model) retypeHeaded(toks, labels []string) {
	for a := 0; a < len(labels); a++ {
		if labels[a] != "B-PER" {
			continue
		}
		b := spanEnd(labels, a)
		switch {
		case b < len(toks) && labels[b] == "O" && isTitleCase(toks[b]) && adminNouns[strings.ToLower(toks[b])]:
			relabel(labels, a, b+1, "LOC")
			b++
		case b-a >= 2 && isTitleCase(toks[b-1]) && adminNouns[strings.ToLower(toks[b-1])]:
			relabel(labels, a, b, "LOC")
		case b-a >= 2 && isPluralCue(toks[b-1]):
			s := a
			for s > 0 && a-s < 3 && labels[s-1] == "O" && isTitleCase(toks[s-1]) &&
				!strings.EqualFold(toks[s-1], "the") && !m.gaz.isCue(toks[s-1]) {
				s--
			}
			relabel(labels, s, b, "ORG")
		}
		a = b - 1
	}
}

// institutionNouns head an organization named after its place with "of"
// ("University of Chicago", "Bank of Finland"), which CoNLL labels as one
// span.
var institutionNouns = wordSet(`university college institute academy bank museum school hospital
library observatory conservatory seminary`)

// joinInstitutionOf makes, in place, an organization span that ends in an
// institution noun, "of" and the place span after it one organization
// ("American University of Beirut"), which the model splits in two.
func joinInstitutionOf(toks, labels []string) {
	for a := 0; a < len(labels); a++ {
		if labels[a] != "B-ORG" {
			continue
		}
		b := spanEnd(labels, a)
		if b+1 < len(toks) && institutionNouns[strings.ToLower(toks[b-1])] && toks[b] == "of" && labels[b+1] == "B-LOC" {
			e := spanEnd(labels, b+1)
			relabel(labels, a, e, "ORG")
			b = e
		}
		a = b - 1
	}
}

// firmPlurals end a firm's name and never a person's ("Properties",
// "Holdings"; not "Mills", a surname); the gazetteer's organization cue words also hold singular
// nouns that are surnames ("Post", "Hospital").
var firmPlurals = wordSet(`properties holdings industries enterprises airlines airways systems
communications securities investments resources associates motors foods services
technologies laboratories pharmaceuticals stores shipyards refineries`)

// isPluralCue reports whether w is a plural noun that ends firms' names.
func isPluralCue(w string) bool {
	return firmPlurals[strings.ToLower(w)]
}

// stateAbbrevs are the news abbreviations of U.S. states ("Wyo.",
// "N.C."), which follow a town's name after a comma; CoNLL labels them
// LOC ("Newark , N.J.").
var stateAbbrevs = wordSet(`ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. kans.
ky. la. md. mass. mich. minn. miss. mo. mont. neb. nebr. nev. n.h. n.j. n.m. n.y. n.c. n.d.
okla. ore. pa. r.i. s.c. s.d. tenn. tex. va. vt. wash. wis. wyo. w.va.`)

// markStateAbbrevs labels, in place, an unlabelled state abbreviation
// after a place and a comma a location.
func markStateAbbrevs(toks, labels []string) {
	for i := 2; i < len(toks); i++ {
		if labels[i] == "O" && toks[i-1] == "," && strings.HasSuffix(labels[i-2], "-LOC") &&
			isTitleCase(toks[i]) && stateAbbrevs[strings.ToLower(toks[i])] {
			labels[i] = "B-LOC"
		}
	}
}

// markCountries labels, in place, an unlabelled country name of one or two
// capitalised words that stands alone (no capitalised word, "of" or hyphen
// next to it) a location: CoNLL labels a country LOC whatever it stands
// for, national teams included. The model misses some before a role noun
// ("former Philippines first lady").
func (m *Model) markCountries(toks, labels []string) {
	for a := 0; a < len(toks); a++ {
		if labels[a] != "O" || !isTitleCase(toks[a]) {
			continue
		}
		for n := 2; n >= 1; n-- {
			b := a + n
			if b > len(toks) || !allO(labels[a:b]) || !m.gaz.isCountry(toks[a:b]) ||
				!standsAlone(toks, a, b) {
				continue
			}
			relabel(labels, a, b, "LOC")
			a = b - 1
			break
		}
	}
}

func allO(labels []string) bool {
	for _, l := range labels {
		if l != "O" {
			return false
		}
	}
	return true
}

// standsAlone reports whether toks[a:b] has no capitalised word, "of" or
// hyphen right before or after it.
func standsAlone(toks []string, a, b int) bool {
	near := func(w string) bool { return isTitleCase(w) || w == "of" || w == "-" }
	return (a == 0 || !near(toks[a-1])) && (b == len(toks) || !near(toks[b]))
}
