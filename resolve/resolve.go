package resolve

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entigraph/entigraph/annot"
)

// Entity resolution.
//
// Within a document (Document):
//  1. every mention is cleaned into a name: white space collapsed, quotes
//     normalised and unbalanced ones trimmed, surrounding punctuation and
//     a possessive 's removed, a leading "the" removed (not from "The
//     Hague"), and titles and honorifics cut ("Ayatollah Seyyed Ali
//     Khamenei" -> "Ali Khamenei"; "Hamas political leader Ismail
//     Haniyeh" -> "Ismail Haniyeh" for PERSON mentions; "federal Food and
//     Drug Administration" -> "Food and Drug Administration" for others).
//     A mention that carried a personal title votes PERSON, whatever its
//     recognized type.
//  2. names are folded into keys (case, dots and hyphens ignored) and
//     mapped through the built-in variant table (U.S. -> United States;
//     an acronym variant only when written in capitals); names the
//     aliases file drops are dropped, and names it merges take the key of
//     their target. Mentions with the same key form a group, typed by
//     majority vote (ties: PERSON, ORG, LOC).
//  3. an acronym defined in the text ("Afghan Voice Agency (AVA)") joins
//     its expansion when its first letter starts it;
//  4. a shorter group joins the one longer group of the same type that
//     contains it as a run of whole words (a surname or given name; the
//     start of an organization name that is not just generic words, not
//     used as a place in the document, and not followed by a part or a
//     list: "House" of "House Budget Committee" stays; "Omo" in "Omo
//     River"); a party by its members ("Socialists", "Socialist Party");
//     when two or more longer entities contain it ("Smith" with "John
//     Smith" and "Anna Smith") it stays apart. Failing that, a short form
//     the recognizer typed differently joins the one full name it is the
//     start of a company or the surname of (and votes its type);
//  5. an acronym joins the one group whose initials it spells, unless the
//     group's name starts with it ("EC" of "EC Commission").
//
// The canonical key of a local entity is the key of its most complete
// group (most words, then longest), or the target of a rename rule.
// Across documents (Clusters, corpus.go) equal keys are one entity, and
// entities with different keys merge on evidence; see crossDocMerges.

// Local is one entity of a document after local resolution.
type Local struct {
	Key       string         // canonical key: the corpus-level entity key
	Display   string         // forced canonical name (an aliases rename), or ""
	Hint      string         // canonical name to use if no mention has it (a merge target)
	ForceType annot.Type     // type set by the aliases file, or ""
	Names     map[string]int // cleaned mention names
	Types     map[annot.Type]int
	Mentions  []int // indices into the document's mentions
}

// group is the set of a document's mentions with the same key.
type group struct {
	key       string
	tokens    []string
	types     map[annot.Type]int
	typ       annot.Type
	hint      string     // merge target of an aliases rule
	forceType annot.Type // type of an aliases rule
	acronym   bool
	cased     bool   // some mention is written in mixed case, not a headline's capitals
	name      string // a representative cleaned name
	mentions  []int
}

// Document clusters the mentions of one document. It returns the entities
// in order of first mention and, for each mention, the index of its
// entity, or -1 when the mention is dropped (empty or stoplisted). It
// reads only its arguments, so it is safe to call from many goroutines.
func Document(text string, mentions []annot.Mention, al *Aliases) ([]*Local, []int) {
	of := make([]int, len(mentions))
	names := make([]string, len(mentions))
	votes := make([]annot.Type, len(mentions))
	var groups []*group
	byKey := map[string]*group{}
	gOf := make([]*group, len(mentions))
	for i, m := range mentions {
		of[i] = -1
		name, vote := mentionName(m.Text, m.Type)
		if m.Credit {
			name = creditName(name)
		}
		key := nameKey(name)
		if key == "" || al.dropped(key) {
			continue
		}
		// A merge rule moves the mentions of a name to its target
		// before anything else; a rename names the entity (below).
		hint := ""
		if r := al.rule(key); r != nil && r.target != "" && !r.rename {
			key, hint = aliasKey(r.target), r.target
		}
		names[i], votes[i] = name, vote
		g := byKey[key]
		if g == nil {
			g = &group{key: key, tokens: strings.Fields(key), types: map[annot.Type]int{}, name: name}
			byKey[key] = g
			groups = append(groups, g)
		}
		if hint != "" {
			g.hint = hint
			g.name = hint
		}
		if r := al.rule(nameKey(name)); r != nil && r.typ != "" {
			g.forceType = r.typ
		}
		g.types[vote]++
		g.acronym = g.acronym || isAcronym(name)
		g.cased = g.cased || caseRank(name) == 2
		g.mentions = append(g.mentions, i)
		gOf[i] = g
	}
	for _, g := range groups {
		g.typ = entityType("", g.types)
	}

	uf := newUnionFind(len(groups))
	idx := make(map[*group]int, len(groups))
	for i, g := range groups {
		idx[g] = i
	}

	// Acronyms defined in the text: "Long Name (LN)".
	defined := map[string]int{} // acronym key -> group, or -1 if defined twice
	for i, m := range mentions {
		if names[i] == "" {
			continue
		}
		acr, ok := parenthesizedAcronym(text, m.End)
		if !ok {
			continue
		}
		g := gOf[i]
		if len(g.tokens) < 2 || !acronymFits(acr, names[i]) {
			continue
		}
		k := foldKey(acr)
		if prev, seen := defined[k]; seen && prev != idx[g] {
			defined[k] = -1
		} else {
			defined[k] = idx[g]
		}
	}
	for _, k := range slices.Sorted(maps.Keys(defined)) {
		if gi := defined[k]; gi >= 0 {
			if a := byKey[variantKey(k)]; a != nil {
				uf.union(idx[a], gi)
			}
		}
	}

	// Containment, longest groups first so that the candidates' own
	// merges are done when a shorter group looks at them.
	byWord := map[string][]int{}     // word -> multi-word groups holding it
	byInitials := map[string][]int{} // initials -> multi-word groups
	for li, l := range groups {
		if len(l.tokens) < 2 {
			continue
		}
		for j, w := range l.tokens {
			if !slices.Contains(l.tokens[:j], w) {
				byWord[w] = append(byWord[w], li)
			}
		}
		for _, in := range initials(l.name) {
			byInitials[in] = append(byInitials[in], li)
		}
	}
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(groups[b].tokens), len(groups[a].tokens)) })
	voteAs := make([]annot.Type, len(groups)) // type a retyped short form votes
	for _, si := range order {
		s := groups[si]
		if !mayShorten(s.typ, s.types) {
			continue
		}
		var roots, other []int
		otherType := annot.Type("")
		for _, li := range candidateWords(byWord, s.tokens) {
			l := groups[li]
			switch {
			case li == si, s.cased && !l.cased: // "Reagan" is no short form of "MAY LINK REAGAN"
			case l.typ == s.typ && shortFormOf(s.tokens, l.tokens, s.typ) && !parentAcronym(s, l.tokens),
				l.typ == s.typ && !s.acronym && partyForm(s.tokens, l.tokens):
				roots = appendUnique(roots, uf.find(li))
			case l.typ != s.typ && retypedShortForm(s, l):
				other = appendUnique(other, uf.find(li))
				otherType = l.typ
			}
		}
		if len(roots) == 0 && len(other) == 1 {
			// The full name in the document tells the type of its
			// short form better than the recognizer did.
			roots, voteAs[si] = other, otherType
		}
		if len(roots) == 1 && roots[0] != uf.find(si) {
			uf.union(si, roots[0])
		}
	}
	// Acronyms spelled by the initials of a longer name.
	for si, s := range groups {
		if !s.acronym || len(s.tokens) != 1 {
			continue
		}
		var roots []int
		for _, li := range byInitials[s.key] {
			// "EC Commission" spells "EC" because it starts with it:
			// it is not what EC stands for.
			if !slices.Contains(groups[li].tokens, s.key) {
				roots = appendUnique(roots, uf.find(li))
			}
		}
		if len(roots) == 1 && roots[0] != uf.find(si) {
			uf.union(si, roots[0])
		}
	}

	// Entities, in order of first mention.
	var ents []*Local
	entOf := map[int]int{} // root group -> index in ents
	members := map[int][]*group{}
	for gi, g := range groups {
		members[uf.find(gi)] = append(members[uf.find(gi)], g)
	}
	for i := range mentions {
		if names[i] == "" {
			continue
		}
		r := uf.find(idx[gOf[i]])
		ei, ok := entOf[r]
		if !ok {
			ei = len(ents)
			entOf[r] = ei
			ents = append(ents, newDocEntity(members[r], al))
		}
		e := ents[ei]
		e.Names[names[i]]++
		e.Types[cmp.Or(voteAs[idx[gOf[i]]], votes[i])]++
		e.Mentions = append(e.Mentions, i)
		of[i] = ei
	}
	return ents, of
}

// newDocEntity makes the entity of a set of groups: its key is the most
// complete group's key, then the aliases rules apply.
func newDocEntity(gs []*group, al *Aliases) *Local {
	slices.SortFunc(gs, func(a, b *group) int { return moreComplete(a.key, b.key, len(a.mentions), len(b.mentions)) })
	e := &Local{Key: gs[0].key, Names: map[string]int{}, Types: map[annot.Type]int{}}
	for _, g := range gs {
		if e.Hint == "" {
			e.Hint = g.hint
		}
		if e.ForceType == "" {
			e.ForceType = g.forceType
		}
	}
	for _, g := range gs {
		if r := al.rule(g.key); r != nil && r.rename {
			e.Key, e.Display = aliasKey(r.target), r.target
			break
		}
	}
	if r := al.rule(e.Key); r != nil && r.typ != "" {
		e.ForceType = r.typ
	}
	for _, g := range gs {
		if r := al.rule(g.key); e.ForceType == "" && r != nil && r.typ != "" {
			e.ForceType = r.typ
		}
	}
	return e
}

// moreComplete orders keys most complete first: more words, then longer,
// then more mentions, then by key.
func moreComplete(a, b string, na, nb int) int {
	return cmp.Or(
		-cmp.Compare(len(strings.Fields(a)), len(strings.Fields(b))),
		-cmp.Compare(len(a), len(b)),
		-cmp.Compare(na, nb),
		strings.Compare(a, b))
}

// shortFormOf reports whether the words s are a shorter form of the name
// l of type t: s is a run of l's words and, for places, the words left
// over are geographic features ("Omo" of "Omo River", not "Sudan" of
// "South Sudan"); for organizations s is at the start of l and is not
// just a generic word ("Elbmarsch" of "Elbmarsch Terminals GmbH", not
// "Bank" of "World Bank").
func shortFormOf(s, l []string, t annot.Type) bool {
	if len(s) == 0 || len(s) >= len(l) {
		return false
	}
	at := -1
	for i := 0; i+len(s) <= len(l); i++ {
		if slices.Equal(l[i:i+len(s)], s) {
			at = i
			break
		}
	}
	if at < 0 {
		return false
	}
	switch t {
	case annot.Org:
		if at != 0 || partOf(l[len(s):]) {
			return false
		}
		for _, w := range s {
			if !orgWords[w] && !stopWords[w] {
				return true
			}
		}
		return false
	case annot.Loc:
		for i, w := range l {
			if (i < at || i >= at+len(s)) && !geoFeatures[w] {
				return false
			}
		}
		return true
	case annot.Person:
		for _, w := range s {
			if !particles[w] {
				return true
			}
		}
		return false
	}
	return false
}

// candidateWords returns the multi-word names to try as long forms of
// the name s: those that hold its first word, or, for one word, its
// singular or adjective ("Socialists" for "Socialist Party").
func candidateWords(byWord map[string][]int, s []string) []int {
	out := slices.Clone(byWord[s[0]])
	if len(s) == 1 {
		if base, ok := strings.CutSuffix(s[0], "s"); ok && base != "" {
			for _, li := range slices.Concat(byWord[base], byWord[base+"ic"]) {
				out = appendUnique(out, li)
			}
		}
	}
	return out
}

// partyForm reports whether the one word s names the party l, "X Party",
// by its members: "Socialists" (Socialist Party), "Democrats"
// (Democratic Party), "Greens" (Green Party).
func partyForm(s, l []string) bool {
	if len(s) != 1 || len(l) != 2 || l[1] != "party" {
		return false
	}
	base, ok := strings.CutSuffix(s[0], "s")
	return ok && (base == l[0] || base+"ic" == l[0])
}

// parentAcronym reports whether s is an acronym that starts the longer
// name l followed by more than designators: "BBC" of "BBC Radio", "EC"
// of "EC Commission", "GM" of "GM Canada" name a part of the entity the
// acronym names, not the entity itself ("IBM" of "IBM Corp" is).
func parentAcronym(s *group, l []string) bool {
	return s.acronym && len(s.tokens) == 1 && hasNonLegalWord(l[1:])
}

// retypedShortForm reports whether s, typed differently by the recognizer,
// is a short form of l all the same: the start of a company name that
// ends in a designator ("Chrysler" taken for a person, of "Chrysler
// Corp"), or the surname of a full personal name taken for an
// organization ("Kilroy-Silk" of "Robert Kilroy-Silk"). Places are left
// alone: "Jordan" of "Michael Jordan" is usually the country.
func retypedShortForm(s, l *group) bool {
	if s.acronym || s.types[annot.Loc] > 0 || len(s.tokens) >= len(l.tokens) {
		return false
	}
	switch l.typ {
	case annot.Org:
		return designators[l.tokens[len(l.tokens)-1]] && slices.Equal(l.tokens[:len(s.tokens)], s.tokens) &&
			!onlyDesignators(s.tokens)
	case annot.Person:
		if s.typ != annot.Org || !slices.Equal(l.tokens[len(l.tokens)-len(s.tokens):], s.tokens) {
			return false
		}
		for _, w := range s.tokens {
			if orgWords[w] || designators[w] || stopWords[w] {
				return false
			}
		}
		return true
	}
	return false
}

// partOf reports whether the words that extend an organization's name
// make it a part of it, or a list that holds it: a committee of the
// "House", the "Capital Markets" arm of "Merrill Lynch", "Bundesbank and
// Finance Ministry". Legal forms ("and Co Inc") do not.
func partOf(rest []string) bool {
	if onlyDesignators(rest) && !slices.ContainsFunc(rest, func(w string) bool { return unitNouns[w] }) {
		return false
	}
	return slices.Contains(rest, "and") || slices.Contains(rest, "&") || slices.Contains(rest, "or") ||
		len(rest) > 0 && unitNouns[rest[len(rest)-1]]
}

// unitNouns end the names of the parts of an organization.
var unitNouns = setOf("committee", "subcommittee", "commission", "council", "ministry", "department", "office",
	"agency", "division", "unit", "branch", "bureau", "board", "panel", "caucus", "delegation", "markets",
	"investors", "savings", "partners", "services", "capital", "finance", "financial",
	"overseas", "radio", "tv", "news", "one", "two", "three", "four", "online", "website")

// mayShorten reports whether a name of type t whose mentions voted
// votes may be a short form of a longer name: a name also used as a place
// is not taken for part of an organization ("Mombasa" of "Mombasa Port
// Corporation").
func mayShorten(t annot.Type, votes map[annot.Type]int) bool {
	return t != annot.Org || votes[annot.Loc] == 0
}

// mentionName cleans a mention's text into a name and returns the type
// the mention votes for: PERSON when a personal title was cut.
func mentionName(text string, t annot.Type) (string, annot.Type) {
	words := strings.Fields(CleanName(text))
	if len(words) > 1 && strings.EqualFold(words[0], "the") && !theNames[strings.ToLower(words[1])] {
		words = words[1:]
	}
	vote := t
	if cut := titleCut(words, t); cut > 0 {
		words = words[cut:]
		vote = annot.Person
	} else if t != annot.Person {
		// "federal Food and Drug Administration", "state-owned
		// Petrobras": a description the recognizer took in.
		for len(words) > 1 && lowerWord(words[0]) && !particles[words[0]] && startsUpper(words[1]) {
			words = words[1:]
		}
	} else {
		// "Hamas political leader Ismail Haniyeh": keep the names after
		// the last lower-case word.
		for i := len(words) - 2; i >= 0; i-- {
			if !nameWord(words[i]) {
				words = words[i+1:]
				break
			}
		}
	}
	return strings.Join(words, " "), vote
}

// titleCut returns how many leading words of a name are titles and
// descriptions to cut, or 0. The cut is after the last title word that is
// followed only by name words, and only when the name does not end in an
// organization or geographic word ("King Abdullah University", "Prince
// Edward Island" stay). Words that are titles only sometimes ("General",
// "King") are cut from PERSON mentions, and from others when two or more
// name words follow ("President Amara Okafor" typed ORG by mistake).
func titleCut(words []string, t annot.Type) int {
	if len(words) < 2 {
		return 0
	}
	if last := wordKey(words[len(words)-1]); orgWords[last] || geoFeatures[last] {
		return 0
	}
	for i := len(words) - 2; i >= 0; i-- {
		w := wordKey(words[i])
		if strongTitles[w] || weakTitles[w] && (t == annot.Person || len(words)-i-1 >= 2) {
			return i + 1
		}
		if !nameWord(words[i]) {
			return 0
		}
	}
	return 0
}

// lowerWord reports whether w is written in lower case only and has a
// letter ("federal", "state-owned"; not "eBay").
func lowerWord(w string) bool {
	return strings.ToLower(w) == w && strings.ToUpper(w) != w
}

// nameWord reports whether w can be part of a name: it does not start
// with a lower-case letter, or it is a particle (al, bin, van, de).
func nameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return !unicode.IsLower(r) || particles[strings.ToLower(w)]
}

// wordKey is a word lower-cased without dots, for table look-ups.
func wordKey(w string) string {
	return strings.ToLower(strings.ReplaceAll(w, ".", ""))
}

// edgeTrim is trimmed from both ends of a mention.
const edgeTrim = ",;:()[]{}<>*_ \t\n\r"

// quoteNormalizer turns typographic quotes into ASCII ones.
var quoteNormalizer = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "‟", `"`, "«", `"`, "»", `"`,
	"’", "'", "‘", "'", "‚", "'", "‛", "'", "‹", "'", "›", "'", "`", "'")

// CleanName normalises white space and quotes, trims punctuation and
// unbalanced quotes from the ends ("Tehran “" -> "Tehran"), unquotes a
// fully quoted name and removes a possessive ("Iran’s" -> "Iran"). It
// decodes character references and drops a ticker in angle brackets
// ("HARCOURT &lt;HBJ>" -> "HARCOURT").
func CleanName(text string) string {
	s := quoteNormalizer.Replace(strings.Join(strings.Fields(text), " "))
	for {
		prev := s
		s = strings.Trim(quoteNormalizer.Replace(stripMarkup(s)), edgeTrim)
		if strings.Count(s, `"`)%2 == 1 {
			s = strings.TrimSuffix(strings.TrimPrefix(s, `"`), `"`)
		} else if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' && strings.Count(s, `"`) == 2 {
			s = s[1 : len(s)-1]
		}
		s = strings.TrimPrefix(s, "'")
		for _, suf := range []string{"'s", "'S"} {
			if t, ok := strings.CutSuffix(s, suf); ok && t != "" {
				s = t
			}
		}
		if t, ok := strings.CutSuffix(s, "'"); ok {
			s = t
		}
		if s == prev {
			return s
		}
	}
}

// foldKey is the comparison key of a cleaned name: lower case, without
// dots, hyphens as spaces, white space collapsed.
func foldKey(name string) string {
	s := strings.ToLower(name)
	s = strings.ReplaceAll(s, ".", "")
	s = strings.Map(func(r rune) rune {
		switch r {
		case '-', '‐', '‑', '–', '—', '_':
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// isAcronym reports whether a cleaned name looks like an acronym: 2 to 6
// upper-case letters or digits, dots allowed (U.S., AVA, EAWA).
func isAcronym(name string) bool {
	s := strings.ReplaceAll(name, ".", "")
	n, letters := 0, 0
	for _, r := range s {
		n++
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsDigit(r):
		default:
			return false
		}
	}
	return n >= 2 && n <= 6 && letters >= 2
}

// initials returns the acronym keys a name can be abbreviated to: the
// initials of its capitalised words, and of all its words.
func initials(name string) []string {
	words := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
	var caps, all strings.Builder
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		all.WriteRune(unicode.ToLower(r))
		if !unicode.IsLower(r) {
			caps.WriteRune(unicode.ToLower(r))
		}
	}
	out := []string{caps.String()}
	if all.String() != caps.String() {
		out = append(out, all.String())
	}
	return out
}

// parenthesizedAcronym returns the acronym in "(XYZ)" right after offset
// end of text, if there is one.
func parenthesizedAcronym(text string, end int) (string, bool) {
	if end < 0 || end > len(text) {
		return "", false
	}
	rest := strings.TrimLeft(text[end:], " \t")
	if !strings.HasPrefix(rest, "(") {
		return "", false
	}
	closeAt := strings.IndexByte(rest, ')')
	if closeAt < 0 || closeAt > 16 {
		return "", false
	}
	acr := strings.TrimSpace(rest[1:closeAt])
	return acr, isAcronym(acr)
}

// variants maps the key of a well-known variant to its canonical key.
var variants = map[string]string{}

// variantNames is the built-in variant table: canonical name, then the
// other names of the same place or organization.
var variantNames = [][]string{
	{"United States", "US", "U.S.", "USA", "U.S.A.", "America", "United States of America"},
	{"United Kingdom", "UK", "U.K.", "Britain", "Great Britain"},
	{"United Nations", "UN", "U.N."},
	{"European Union", "EU", "E.U."},
	{"United Arab Emirates", "UAE", "U.A.E.", "Emirates"},
	{"Soviet Union", "USSR", "U.S.S.R."},
	{"Democratic Republic of the Congo", "DRC", "DR Congo", "Congo-Kinshasa"},
	{"North Atlantic Treaty Organization", "NATO"},
	{"World Health Organization", "WHO"},
	{"International Monetary Fund", "IMF"},
	{"African Union", "AU"},
	// Parties and clubs that news writes by well-known short names no
	// general rule can derive (the "X Party" = "X" rule covers
	// Labour Party, Green Party, and so on).
	{"Conservative Party", "Conservatives", "Tories", "Tory", "Tory Party", "Conservative"},
	{"Liberal Democrats", "Lib Dems", "Lib Dem", "LibDems", "Liberal Democrat", "Liberal Democrat Party"},
	{"Democratic Party", "Democrats"},
	{"Republican Party", "Republicans", "GOP"},
	{"Manchester United", "Man Utd", "Man United"},
	{"Manchester City", "Man City"},
}

// variantDisplay maps a canonical variant key to its display name.
var variantDisplay = map[string]string{}

// acronymVariants are the variant keys written as acronyms in the table.
var acronymVariants = map[string]bool{}

func init() {
	for _, vs := range slices.Concat(variantNames, agencyVariants, stateVariants) {
		k := foldKey(vs[0])
		variantDisplay[k] = vs[0]
		for _, v := range vs[1:] {
			variants[foldKey(v)] = k
			if isAcronym(v) {
				acronymVariants[foldKey(v)] = true
			}
		}
	}
}

// nameKey is the key of a cleaned name: its folded form mapped through
// the variant table. A variant written as an acronym ("US", "WHO") maps
// only when the name is written as one: "Us" (a magazine) and "Who" are
// not the United States and the World Health Organization.
func nameKey(name string) string {
	k := foldKey(name)
	if acronymVariants[k] && !isAcronym(name) {
		return k
	}
	return variantKey(k)
}

// variantKey maps the key of a well-known variant to its canonical key.
func variantKey(k string) string {
	if v, ok := variants[k]; ok {
		return v
	}
	return k
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// strongTitles are cut from any mention and make it vote PERSON.
var strongTitles = setOf(
	"mr", "mrs", "ms", "mx", "miss", "dr", "prof", "professor",
	"ayatollah", "hojatoleslam", "sheikh", "sheik", "shaikh", "seyyed", "sayyid", "sayed", "syed",
	"mullah", "imam", "rev", "reverend", "sen", "senator", "rep", "gen", "lt", "col", "capt", "sgt", "gov", "pres",
	"president", "pope", "sir", "dame", "hon")

// weakTitles are words that also occur in names of organizations and
// places ("General Motors", "King's College"); they are cut only from
// PERSON mentions.
var weakTitles = setOf(
	"prime", "minister", "chancellor", "king", "queen", "judge", "justice", "general", "colonel", "captain",
	"commander", "admiral", "major", "sergeant", "lieutenant", "ambassador", "envoy", "secretary", "governor",
	"mayor", "premier", "emir", "prince", "princess", "sultan", "speaker", "chairman", "chairwoman", "chair",
	"spokesman", "spokeswoman", "spokesperson", "lord", "lady", "cardinal", "bishop", "archbishop", "rabbi",
	"leader", "deputy", "vice", "chief", "executive", "director", "officer", "representative", "congressman",
	"congresswoman", "councillor", "councilor", "sheikha", "crown")

// particles are lower-case words inside personal names.
var particles = setOf("al", "el", "bin", "ibn", "bint", "abu", "abd", "de", "da", "di", "del", "della", "der",
	"den", "van", "von", "la", "le", "du", "dos", "das", "ter", "ten", "zu", "y")

// orgWords end organization names; a name ending in one is never
// title-cut, and a short form made only of them is not linked.
var orgWords = setOf("university", "college", "school", "hospital", "institute", "foundation", "fund", "bank",
	"corporation", "corp", "company", "co", "inc", "ltd", "llc", "plc", "gmbh", "ag", "sa", "group", "party",
	"agency", "authority", "ministry", "department", "council", "committee", "commission", "association",
	"union", "league", "club", "museum", "airport", "port", "street", "road", "avenue", "square", "bridge",
	"hotel", "center", "centre", "church", "mosque", "cathedral", "station", "stadium", "motors", "news",
	"times", "post", "press", "tv", "radio", "organization", "organisation", "office", "court", "army",
	"force", "forces", "movement", "front", "brigade", "brigades", "guard", "police", "service", "services",
	"international", "national", "holdings", "industries", "shipping", "terminals", "infrastructure")

// stopWords are function words in names.
var stopWords = setOf("of", "the", "and", "for", "&", "in", "on", "at")

// geoFeatures may follow or precede a place name without making it a
// different place ("Omo River", "Lake Turkana", "Gaza Strip").
var geoFeatures = setOf("river", "lake", "strip", "sea", "ocean", "gulf", "bay", "mountains", "island",
	"islands", "valley", "desert", "peninsula", "basin", "canal", "falls", "delta", "plateau", "highlands",
	"hills", "forest", "dam", "reservoir", "archipelago", "of", "the")

// theNames keep their leading "the".
var theNames = setOf("hague", "gambia", "bahamas")

// unionFind is a disjoint-set forest over 0..n-1.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra != rb {
		u[ra] = rb
	}
}

func appendUnique(s []int, v int) []int {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// acronymFits reports whether acr can abbreviate long: its first letter
// starts long's first word, after a leading "the" ("ISIL" of "Islamic
// State", the rest of its long form unsaid). A parenthesis after a name
// is not always its acronym: "Toshiba Information Systems (U.K.)" and
// "the World Bank and International Monetary Fund (IMF)" define nothing.
func acronymFits(acr, long string) bool {
	var want []rune
	for _, r := range strings.ToLower(acr) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			want = append(want, r)
		}
	}
	words := strings.Fields(strings.ToLower(long))
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	if len(want) == 0 || len(words) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(words[0])
	return r == want[0]
}

// startsUpper reports whether w starts with an upper-case letter.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
