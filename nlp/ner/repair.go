package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// repair fixes, in place, span errors of one sentence's BIO labels that
// the model makes on text unlike its training data (CoNLL-2003 news), with
// rules that follow CoNLL's own conventions. Each was measured on CoNLL
// dev (no loss) and on the out-of-domain uner set (gain); see the README.
//
// The repairs that read capitals as the mark of a name are skipped on a
// sentence in capitals (a headline, a results table), where every word
// has them.
func (m *Model) repair(toks, labels []string) {
	caps := inCapitals(toks)
	if !caps {
		m.splitOfTitles(toks, labels)
	}
	m.trimTitles(toks, labels)
	m.trimMonths(toks, labels)
	m.splitBrackets(toks, labels)
	markStateAbbrevs(toks, labels)
	extendPolities(toks, labels)
	mergeFormalNames(toks, labels)
	m.markCountries(toks, labels)
	dropWorkTitles(toks, labels)
	if caps {
		return
	}
	m.markPolities(toks, labels)
	dropEvents(toks, labels)
	extendPersons(toks, labels)
	retypeDescribed(toks, labels)
	markStreets(toks, labels)
	dropOccasions(toks, labels)
	m.matchClubs(toks, labels)
	markEmployers(toks, labels)
	markOwners(toks, labels)
	m.typeAcronyms(toks, labels)
	joinFirmNames(toks, labels)
	markUnits(toks, labels)
	splitCoordinated(toks, labels)
	m.retypeHeaded(toks, labels)
	joinInstitutionOf(toks, labels)
	m.unifyLists(toks, labels)
}

// inCapitals reports whether a sentence is written in capitals: at least
// two words of two or more letters in capitals, and at most a quarter as
// many with a lowercase letter, as the featurizer's headline mode.
func inCapitals(toks []string) bool {
	var nu, nl int
	for _, w := range toks {
		if len(w) < 2 {
			continue
		}
		hasU, hasL := false, false
		for _, r := range w {
			hasU = hasU || unicode.IsUpper(r)
			hasL = hasL || unicode.IsLower(r)
		}
		switch {
		case hasL:
			nl++
		case hasU:
			nu++
		}
	}
	return nu >= 2 && nl <= nu/4
}

// Titles and honorifics in front of a name are not part of it ("President
// Clinton", "Lord Halifax"), as in CoNLL and most news annotation. The
// model mostly learns this, but for titles rare in its training data
// ("Lord", "Prince") it takes the title into the span, or reads the
// title and a place name as a place ("Lord Halifax" as LOC). trimTitles
// fixes both after decoding.

// personTitles start a PERSON span only by mistake.
var personTitles = wordSet(`mr mr. mrs mrs. ms ms. dr dr. prof prof. sir lord lady dame
president vice-president vice deputy prime minister secretary chancellor premier senator sen. rep. congressman congresswoman
governor gov. mayor ambassador judge general gen. colonel col. lieutenant lt. captain capt.
sergeant sgt. commander admiral adm. marshal
king queen prince princess emperor empress tsar czar tsarina kaiser pharaoh pope
duke duchess earl baron baroness marquis marquess viscount sultan emir sheikh ayatollah
imam rabbi bishop archbishop cardinal`)

// honorifics are titles that only ever precede a person's name, so a span
// they start is a person whatever the model typed it.
var honorifics = wordSet(`mr mr. mrs mrs. ms ms. sir lord lady dame`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// trimTitles removes leading titles from the entity spans of one sentence
// of BIO labels, in place. A span typed ORG or LOC that an honorific starts
// becomes PERSON, unless the rest looks like an organization or place
// name ("Lord Mayor of London", "Lady Margaret Hall").
func (m *Model) trimTitles(toks, labels []string) {
	for a := 0; a < len(labels); a++ {
		if !strings.HasPrefix(labels[a], "B-") {
			continue
		}
		typ := labels[a][2:]
		b := a + 1
		for b < len(labels) && labels[b] == "I-"+typ {
			b++
		}
		first := strings.ToLower(toks[a])
		if b-a < 2 || !isTitleCase(toks[a]) {
			continue
		}
		switch {
		case typ == "PER" && personTitles[first]:
		case typ != "PER" && honorifics[first] && m.plainName(toks[a+1:b]):
			typ = "PER"
		default:
			continue
		}
		start := a
		for start < b-1 && personTitles[strings.ToLower(toks[start])] && isTitleCase(toks[start]) {
			labels[start] = "O"
			start++
		}
		relabel(labels, start, b, typ)
		a = b - 1
	}
}

// plainName reports whether toks are all capitalised words with no
// organization or place cue among them.
func (m *Model) plainName(toks []string) bool {
	for _, t := range toks {
		if !isTitleCase(t) || m.gaz.isCue(t) {
			return false
		}
	}
	return true
}

// relabel makes tokens [start, end) one span of type typ.
func relabel(labels []string, start, end int, typ string) {
	labels[start] = "B-" + typ
	for i := start + 1; i < end; i++ {
		labels[i] = "I-" + typ
	}
}

func isTitleCase(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// cueClasses are the gazetteer bits of organization (o) and location (k)
// cue words.
var cueClasses = uint16(1)<<strings.IndexByte(gazClasses, 'o') | uint16(1)<<strings.IndexByte(gazClasses, 'k')

// isCue reports whether the single word w is an organization or location
// cue word ("University", "County").
func (g *gazetteer) isCue(w string) bool {
	return g.m[phraseStep(phraseSeed, hlower(w))]&cueClasses != 0
}

// polityHeads are the nouns that head a state's name after an adjective
// ("Ottoman Empire", "Soviet Union", "Islamic Republic"). The model, which
// learned such adjectives as MISC (and so O), often keeps only the noun.
var polityHeads = wordSet(`empire kingdom republic union federation confederation caliphate
sultanate khanate emirate dynasty commonwealth principality duchy`)

// extendPolities extends, in place, a span that starts with a polity noun
// leftwards over the capitalised words before it that the model left
// out, stopping at a sentence start's "The".
func extendPolities(toks, labels []string) {
	for a := 1; a < len(labels); a++ {
		if !strings.HasPrefix(labels[a], "B-") || !polityHeads[strings.ToLower(toks[a])] {
			continue
		}
		typ := labels[a][2:]
		start := a
		for start > 0 && a-start < 3 && labels[start-1] == "O" && isTitleCase(toks[start-1]) &&
			!strings.EqualFold(toks[start-1], "the") {
			start--
		}
		if start == a {
			continue
		}
		relabel(labels, start, a+1, typ)
	}
}

// stateHeads start a state's or city's formal name before "of" ("Kingdom
// of France", "Federal Republic of Cameroon", "City of Buenos Aires").
var stateHeads = wordSet(`empire kingdom republic union federation confederation caliphate
sultanate khanate emirate commonwealth principality duchy grand-duchy city state province
county territory`)

// mergeFormalNames joins "Head of PLACE" into one LOC span when the words
// before "of" are capitalised and end in a state noun, whatever the model
// made of them: it tends to label "Kingdom" or "Federal Republic" an
// organization and the place after "of" a location of its own.
func mergeFormalNames(toks, labels []string) {
	for of := 1; of+1 < len(labels); of++ {
		if toks[of] != "of" || labels[of] != "O" || labels[of+1] != "B-LOC" ||
			!isTitleCase(toks[of-1]) || !stateHeads[strings.ToLower(toks[of-1])] {
			continue
		}
		start := of - 1
		for start > 0 && of-start < 4 && isTitleCase(toks[start-1]) && !strings.EqualFold(toks[start-1], "the") &&
			(labels[start-1] == "O" || labels[start-1][2:] != "PER") {
			if strings.HasPrefix(labels[start], "B-") && labels[start-1] == "O" {
				break // the span before stands alone ("France Kingdom of ...")
			}
			start--
		}
		if !isTitleCase(toks[start]) {
			continue
		}
		end := of + 2
		for end < len(labels) && labels[end] == "I-LOC" {
			end++
		}
		relabel(labels, start, end, "LOC")
		of = end - 1
	}
}

// workNouns introduce the title of a work, which CoNLL labels MISC: "the
// film Looper", "the album Over My Head".
// Words that are also verbs or adjectives before a name ("play", "show",
// "single", "game ,") are left out.
var workNouns = wordSet(`film films movie movies song songs album albums novel novels
book books opera musical sitcom documentary poem painting videogame anthem hymn`)

// functionWords may sit inside a title ("Salmon Fishing in the Yemen").
var functionWords = wordSet(`of the in a an and on for to with at from by 's`)

// dropWorkTitles clears the entity spans inside the capitalised title that
// follows a work noun.
func dropWorkTitles(toks, labels []string) {
	for i := 0; i+1 < len(toks); i++ {
		if !workNouns[toks[i]] {
			continue
		}
		j := i + 1
		if toks[j] == "," && j+1 < len(toks) {
			j++
		}
		end := j
		for k := j; k < len(toks); k++ {
			if isTitleCase(toks[k]) {
				end = k + 1
			} else if !functionWords[strings.ToLower(toks[k])] || k == j {
				break
			}
		}
		if end == j {
			continue
		}
		// A span that runs past the title is someone or something else.
		if end < len(labels) && strings.HasPrefix(labels[end], "I-") {
			continue
		}
		for k := j; k < end; k++ {
			labels[k] = "O"
		}
		i = end - 1
	}
}

// eventNouns end the name of an event or an agreement, which CoNLL labels
// MISC: "the Gulf War", "the Monegasque Treaty", "the Suez Crisis". The
// model, with no MISC type, reads such names as organizations, or the
// place inside them as a location.
var eventNouns = wordSet(`war wars treaty crisis revolution accord accords agreement pact
uprising rebellion massacre`)

// eventOfNouns start one before "of": "the Treaty of London", "the
// Battle of Marengo", "the War of the First Coalition".
var eventOfNouns = wordSet(`war treaty battle siege convention revolution accord agreement
massacre`)

// dropEvents clears, in place, the entity spans of one sentence that name
// an event: spans that end in an event noun, and the capitalised run after
// "Treaty of", "Battle of" and the like.
func dropEvents(toks, labels []string) {
	for a := 0; a < len(labels); a++ {
		if !strings.HasPrefix(labels[a], "B-") {
			continue
		}
		b := spanEnd(labels, a)
		if isTitleCase(toks[b-1]) && eventNouns[strings.ToLower(toks[b-1])] {
			clearLabels(labels, a, b)
		}
		a = b - 1
	}
	for i := 0; i+2 < len(toks); i++ {
		if toks[i+1] != "of" || !isTitleCase(toks[i]) || !eventOfNouns[strings.ToLower(toks[i])] {
			continue
		}
		end := titleRunEnd(toks, i+2)
		if end == i+2 {
			continue
		}
		// A span running on past the name is something else.
		if end < len(labels) && strings.HasPrefix(labels[end], "I-") {
			continue
		}
		start := i
		if strings.HasPrefix(labels[i], "I-") {
			for start > 0 && !strings.HasPrefix(labels[start], "B-") {
				start--
			}
		}
		clearLabels(labels, start, end)
		i = end - 1
	}
}

// titleRunEnd returns the end of the capitalised run that starts at i,
// allowing "the" and "of" inside it ("the First Coalition").
func titleRunEnd(toks []string, i int) int {
	end := i
	for k := i; k < len(toks); k++ {
		switch {
		case isTitleCase(toks[k]):
			end = k + 1
		case toks[k] == "the" || toks[k] == "of":
			if k > i && toks[k-1] == "of" {
				return end
			}
		default:
			return end
		}
	}
	return end
}

// spanStart returns the start of the span that holds token i.
func spanStart(labels []string, i int) int {
	for i > 0 && strings.HasPrefix(labels[i], "I-") {
		i--
	}
	return i
}

// spanEnd returns the end of the span that starts at a.
func spanEnd(labels []string, a int) int {
	b := a + 1
	if len(labels[a]) < 2 {
		return b
	}
	for b < len(labels) && labels[b] == "I-"+labels[a][2:] {
		b++
	}
	return b
}

func clearLabels(labels []string, start, end int) {
	for k := start; k < end; k++ {
		labels[k] = "O"
	}
}

// ofTitles are the titles that name an office or a peerage before "of":
// "Duke of York", "Lord Mayor of Brisbane", "Archbishop of Canterbury".
// "Queen" is left out: "Queen of the South" is a football club.
var ofTitles = wordSet(`lord lady mayor president governor duke duchess earl count countess
baron baroness marquis marquess viscount prince princess king emperor empress sultan emir
archbishop bishop cardinal chancellor secretary minister nawab maharaja raja rajah shah
khedive viceroy doge margrave elector`)

// splitOfTitles fixes, in place, the spans the model makes of an office
// named after a place. As CoNLL does ("the Archbishop of [Buenos
// Aires]", "Duke of [Orleans]"), the title is not part of any name; the
// place after "of" is a location when the gazetteer knows it as one and
// keeps the model's type otherwise ("Minister of [Finance]"), and a span
// of the title alone ("Henry , [Duke] of Cumberland") is dropped.
func (m *Model) splitOfTitles(toks, labels []string) {
	for a := 0; a < len(labels); a++ {
		if !strings.HasPrefix(labels[a], "B-") {
			continue
		}
		b := spanEnd(labels, a)
		of := a
		for of < b && isTitleCase(toks[of]) && ofTitles[strings.ToLower(toks[of])] {
			of++
		}
		if of == a || of >= len(toks) || toks[of] != "of" {
			a = b - 1
			continue
		}
		if of == b { // the title alone, "of" outside the span
			clearLabels(labels, a, b)
			a = b - 1
			continue
		}
		typ := labels[a][2:]
		clearLabels(labels, a, of+1)
		if of+1 < b && isTitleCase(toks[of+1]) {
			if m.gaz.isPlace(toks[of+1 : b]) {
				typ = "LOC"
			}
			relabel(labels, of+1, b, typ)
		} else {
			clearLabels(labels, of+1, b)
		}
		a = b - 1
	}
}

// placeClasses are the gazetteer bits of countries, cities, towns and
// regions.
var placeClasses = func() uint16 {
	var m uint16
	for _, c := range "ctur" {
		m |= 1 << strings.IndexRune(gazClasses, c)
	}
	return m
}()

// isPlace reports whether the gazetteer holds toks as a place name.
func (g *gazetteer) isPlace(toks []string) bool {
	h := uint64(phraseSeed)
	for _, t := range toks {
		h = phraseStep(h, hlower(t))
	}
	return g.m[h]&placeClasses != 0
}

// nameSuffixes end a person's name after an optional comma: "Martin
// Luther King, Jr.", as CoNLL labels "Ken Griffey Jr".
var nameSuffixes = wordSet(`jr jr. sr sr.`)

// extendPersons extends, in place, person spans over a following "Jr." and
// over an epithet ("the" and capitalised words).
func extendPersons(toks, labels []string) {
	for a := 0; a < len(labels); a++ {
		if labels[a] != "B-PER" {
			continue
		}
		b := spanEnd(labels, a)
		end := b
		switch {
		case b < len(toks) && nameSuffixes[strings.ToLower(toks[b])]:
			end = b + 1
		case b+1 < len(toks) && toks[b] == "," && nameSuffixes[strings.ToLower(toks[b+1])]:
			end = b + 2
		case b+1 < len(toks) && toks[b] == "the" && isTitleCase(toks[b+1]):
			end = b + 2
			for end < len(toks) && end < b+3 && isTitleCase(toks[end]) {
				end++
			}
			if end < len(toks) && isTitleCase(toks[end]) {
				end = b // a longer capitalised run is a title or a name of its own
			}
		}
		if end > b && (end == len(labels) || !strings.HasPrefix(labels[end], "I-")) {
			relabel(labels, a, end, "PER")
		}
		a = end - 1
	}
}

// polityNames head the name of a historical state or ruling house after a
// capitalised word, which Universal NER labels ORG: "the Ottoman Empire",
// "the Qing dynasty".
var polityNames = wordSet(`empire dynasty caliphate sultanate khanate`)

// markPolities labels, in place, an unlabelled capitalised word or two
// before a polity noun as ORG, with the noun when it is capitalised
// ("Ottoman Empire") and without it when not ("Qing dynasty"). The model
// learnt such adjectives as MISC, and so as nothing, from CoNLL. A
// lowercase "empire" follows adjectives ("the British empire"), and a
// demonym or a country before a lowercase noun is not a name of its own.
func (m *Model) markPolities(toks, labels []string) {
	for h := 1; h < len(toks); h++ {
		if labels[h] != "O" || !polityNames[strings.ToLower(toks[h])] {
			continue
		}
		start := h
		for start > 0 && h-start < 2 && labels[start-1] == "O" && isTitleCase(toks[start-1]) &&
			!strings.EqualFold(toks[start-1], "the") {
			start--
		}
		if start == h || (start > 0 && isTitleCase(toks[start-1]) && labels[start-1] == "O" &&
			!strings.EqualFold(toks[start-1], "the")) {
			continue
		}
		end := h + 1
		if !isTitleCase(toks[h]) {
			// "the British empire": a lowercase empire follows adjectives.
			if strings.ToLower(toks[h]) == "empire" || m.gaz.isDemonymOrCountry(toks[start:h]) {
				continue
			}
			end = h
		}
		relabel(labels, start, end, "ORG")
	}
}

var demonymClasses = uint16(1)<<strings.IndexByte(gazClasses, 'c') | uint16(1)<<strings.IndexByte(gazClasses, 'd')

// isDemonymOrCountry reports whether the gazetteer holds toks as a
// demonym or a country.
func (g *gazetteer) isDemonymOrCountry(toks []string) bool {
	h := uint64(phraseSeed)
	for _, t := range toks {
		h = phraseStep(h, hlower(t))
	}
	return g.m[h]&demonymClasses != 0
}

// streetNouns end the name of a street or a square, a place in CoNLL ("Wall
// Street", "Downing Street").
var streetNouns = wordSet(`street road avenue boulevard square lane`)

// markStreets makes, in place, a person span that ends in a street noun a
// location, and labels an unlabelled capitalised word or two before one
// ("in Downing Street") a location.
func markStreets(toks, labels []string) {
	for h := 1; h < len(toks); h++ {
		if !isTitleCase(toks[h]) || !streetNouns[strings.ToLower(toks[h])] {
			continue
		}
		if labels[h] == "I-PER" {
			a := spanStart(labels, h)
			if b := spanEnd(labels, a); b == h+1 && strings.HasPrefix(labels[a], "B-") {
				relabel(labels, a, b, "LOC")
			}
			continue
		}
		if labels[h] != "O" || (h+1 < len(toks) && isTitleCase(toks[h+1])) {
			continue
		}
		start := h
		for start > 0 && h-start < 2 && labels[start-1] == "O" && isTitleCase(toks[start-1]) &&
			!strings.EqualFold(toks[start-1], "the") {
			start--
		}
		if start == h || (start > 0 && isTitleCase(toks[start-1]) && !strings.EqualFold(toks[start-1], "the")) {
			continue
		}
		relabel(labels, start, h+1, "LOC")
	}
}

// holidays are names of holidays and festivals, which CoNLL labels MISC.
// (Awards such as "Oscar" are left alone: CoNLL labels "an Oscar" PER.)
var holidays = wordSet(`christmas easter ramadan thanksgiving hanukkah diwali eid passover
halloween lent advent pentecost`)

// dropOccasions clears, in place, one-word spans that name a holiday.
func dropOccasions(toks, labels []string) {
	for a := 0; a < len(labels); a++ {
		if strings.HasPrefix(labels[a], "B-") && spanEnd(labels, a) == a+1 && holidays[strings.ToLower(toks[a])] {
			labels[a] = "O"
		}
	}
}

// matchVerbs report a result between two sides: "Bath beat Gloucester",
// "Leicester drew with Bath", "Gloucester lost to Bath".
var matchVerbs = wordSet(`beat beats defeated defeat drew draw lost lose losing edged thrashed
hammered overcame trounced routed`)

// matchClubs gives the two sides of a match verb the same type when the
// model made one an organization and the other a location: clubs are
// named after their towns ("Bath", "Leicester"), and the side the model
// knew as a club tells what the other is. A country stays a location, as
// CoNLL labels national teams ("South Africa beat All Blacks"), and so do
// two locations.
func (m *Model) matchClubs(toks, labels []string) {
	for v := 1; v+1 < len(toks); v++ {
		if labels[v] != "O" || !matchVerbs[strings.ToLower(toks[v])] || !strings.HasPrefix(labels[v-1], "B-") && !strings.HasPrefix(labels[v-1], "I-") {
			continue
		}
		a := spanStart(labels, v-1)
		if !strings.HasPrefix(labels[a], "B-") {
			continue
		}
		r := v + 1
		if r+1 < len(toks) && (toks[r] == "to" || toks[r] == "with") {
			r++
		}
		if !strings.HasPrefix(labels[r], "B-") {
			continue
		}
		lt, rt := labels[a][2:], labels[r][2:]
		re := spanEnd(labels, r)
		switch {
		case lt == "ORG" && rt == "LOC" && !m.gaz.isCountry(toks[r:re]):
			relabel(labels, r, re, "ORG")
		case lt == "LOC" && rt == "ORG" && !m.gaz.isCountry(toks[a:v]):
			relabel(labels, a, v, "ORG")
		}
	}
}

var countryClass = uint16(1) << strings.IndexByte(gazClasses, 'c')

// isCountry reports whether the gazetteer holds toks as a country.
func (g *gazetteer) isCountry(toks []string) bool {
	h := uint64(phraseSeed)
	for _, t := range toks {
		h = phraseStep(h, hlower(t))
	}
	return g.m[h]&countryClass != 0
}

// employerRoles are the roles that a company's or a body's name precedes
// before its holder's name: "OpenAI chief executive Sam Altman", "Fed
// chair Jerome Powell". ("President" is left out: "U.S. President Bill
// Clinton" names a country.)
var employerRoles = wordSet(`executive chairman chairwoman chair spokesman spokeswoman
spokesperson founder co-founder ceo boss analyst economist`)

// markEmployers labels, in place, an unlabelled run of one to three
// capitalised words ORG when a role noun (after an optional "chief") and a person's name
// follow it.
func markEmployers(toks, labels []string) {
	for r := 1; r+1 < len(toks); r++ {
		if labels[r] != "O" || !isLowerWord(toks[r]) || !employerRoles[toks[r]] || labels[r+1] != "B-PER" {
			continue
		}
		end := r
		if toks[end-1] == "chief" {
			end--
		}
		start := end
		for start > 0 && end-start < 3 && labels[start-1] == "O" && isTitleCase(toks[start-1]) &&
			!strings.EqualFold(toks[start-1], "the") {
			start--
		}
		if start == end || (start > 0 && isTitleCase(toks[start-1]) && !strings.EqualFold(toks[start-1], "the")) {
			continue
		}
		relabel(labels, start, end, "ORG")
	}
}

// ownedRoles are the roles only an organization has: "Mekong Star's chief
// executive", "Acme's shareholders" (a person has a spokesman too).
var ownedRoles = wordSet(`executive chairman chairwoman ceo founder co-founder shareholders
employees subsidiary`)

// markOwners makes, in place, the name before "'s" and an owned role an
// organization: a span of another type is retyped, and an unlabelled
// capitalised word or two labelled.
func markOwners(toks, labels []string) {
	for p := 1; p+1 < len(toks); p++ {
		if toks[p] != "'s" && toks[p] != "’s" || labels[p] != "O" {
			continue
		}
		r := p + 1
		if toks[r] == "chief" && r+1 < len(toks) {
			r++
		}
		if !ownedRoles[toks[r]] {
			continue
		}
		end := p
		start := end - 1
		switch {
		case labels[start] != "O":
			start = spanStart(labels, start)
		case isTitleCase(toks[start]):
			for start > 0 && end-start < 3 && labels[start-1] == "O" && isTitleCase(toks[start-1]) &&
				!strings.EqualFold(toks[start-1], "the") {
				start--
			}
			if start > 0 && isTitleCase(toks[start-1]) && !strings.EqualFold(toks[start-1], "the") {
				continue
			}
		default:
			continue
		}
		relabel(labels, start, end, "ORG")
	}
}

// typeAcronyms gives, in place, an acronym in brackets right after a name
// the name's type: "the East African Water Authority ( EAWA )". The
// acronym must start with the name's first letter, which a country after
// a player's name ("Tim Henman ( GBR )") does not, as a rule, and the name
// must hold an organization or place cue word ("Authority"): the model
// also makes names of other things organizations ("London Interbank
// Offered Rates ( LIBOR )"), and propagation would spread the acronym.
func (m *Model) typeAcronyms(toks, labels []string) {
	for a := 0; a < len(labels); a++ {
		if !strings.HasPrefix(labels[a], "B-") {
			continue
		}
		b := spanEnd(labels, a)
		if b-a >= 2 && b+2 < len(toks) && toks[b] == "(" && toks[b+2] == ")" && isAcronym(toks[b+1]) &&
			toks[b+1][0] == toks[a][0] && !m.plainName(toks[a:b]) {
			relabel(labels, b+1, b+2, labels[a][2:])
		}
		a = b - 1
	}
}

// isAcronym reports whether w is two to eight capital letters, digits,
// hyphens or ampersands, with a letter first.
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 8 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		c := w[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '&') {
			return false
		}
	}
	return true
}

// firmSuffixes end a firm's name: "Birr, Wilson and Co.", "Merrill Lynch,
// Pierce, Fenner and Smith Inc".
var firmSuffixes = wordSet(`co co. inc inc. ltd ltd. llc llp plc`)

// joinFirmNames makes, in place, a firm named after several people one
// organization span, as CoNLL does ("Goldman Sachs & Co", "..., Voorhis &
// Co"): names of one or two capitalised words, separated by commas, with
// "and" or "&" before the last, and a company suffix at the end. The model
// tends to split them into people and places.
func joinFirmNames(toks, labels []string) {
	for k := 2; k < len(toks); k++ {
		if !firmSuffixes[strings.ToLower(toks[k])] || !isTitleCase(toks[k]) {
			continue
		}
		i := k - 1
		i = skipNameBack(toks, i)
		if i < 1 || (toks[i] != "and" && toks[i] != "&") {
			continue
		}
		start := skipNameBack(toks, i-1) + 1
		if start == i {
			continue
		}
		for start >= 3 && toks[start-1] == "," {
			j := skipNameBack(toks, start-2) + 1
			if j == start-1 {
				break
			}
			start = j
		}
		if start > 0 && strings.HasPrefix(labels[start], "I-") {
			continue // inside a longer span
		}
		relabel(labels, start, k+1, "ORG")
	}
}

// skipNameBack returns the index before the capitalised name of one or two
// words that ends at i, or i itself when toks[i] is not such a word.
func skipNameBack(toks []string, i int) int {
	for n := 0; n < 2 && i >= 0 && isTitleCase(toks[i]) && !strings.EqualFold(toks[i], "the") &&
		!firmSuffixes[strings.ToLower(toks[i])]; n++ {
		i--
	}
	return i
}
