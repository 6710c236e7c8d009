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

// entityInfo is what cross-document merging needs to know of an entity.
type entityInfo struct {
	key      string
	tokens   []string   // words of the key
	forms    [][]string // words of the key and of every multi-word name
	typ      annot.Type
	acronym  bool
	name     string
	mentions int
	// calls counts the entity's mentions by name key: what its documents
	// called it. A name key other than its own is evidence: a document
	// that used both resolved one to the other.
	calls map[string]int
}

func infoOf(e *Entity) entityInfo {
	in := entityInfo{key: e.Key, tokens: strings.Fields(e.Key), typ: entityType(e.ForceType, e.Types),
		name: bestName(e.Names, e.Key), mentions: e.Mentions(), calls: map[string]int{}}
	if in.name == "" {
		in.name = cmp.Or(e.Display, e.Hint, e.Key)
	}
	in.forms = [][]string{in.tokens}
	for _, n := range slices.Sorted(maps.Keys(e.Names)) {
		if isAcronym(n) && len(in.tokens) == 1 {
			in.acronym = true
		}
		k := nameKey(n)
		in.calls[k] += e.Names[n]
		// A renamed entity is still found by the names it was called.
		f := strings.Fields(k)
		if len(f) >= 2 && !slices.ContainsFunc(in.forms, func(x []string) bool { return slices.Equal(x, f) }) {
			in.forms = append(in.forms, f)
		}
	}
	return in
}

// Cross-document merging. Entities that share a key are one node already;
// what is left are different keys for one referent, and a merge is made
// with evidence in proportion to its risk:
//
//   - support: documents that used both names resolved one to the other
//     (the long entity was also called by the short entity's key). This
//     is the strongest evidence, and the only one accepted across
//     recognized types, and then only for people and organizations, when
//     it covers a third of the short name's mentions (ORG "Kilroy-Silk"
//     joins PERSON "Robert Kilroy-Silk"; LOC "Jordan" does not join
//     "Michael Jordan").
//   - without support, only cheap guesses of the same type: a rare
//     spelling one typo away from a name four times as frequent
//     (organizations and places of 8 letters or more; not people, whose
//     names differ by a letter: "Johnson", "Johnston"); a one-word
//     personal name of one full name ("Kamau" of "Wanjiru Kamau"); an
//     organization name plus designators ("Texaco" of "Texaco Inc",
//     "Labour" of "Labour Party"); a place plus geographic words that is
//     not a rare extension ("Omo" of "Omo River", not "Japan" of "Sea of
//     Japan"); an acronym of three or more letters spelled by the
//     capitalised initials of a name of three or more words.
//
// When several entities qualify, salience decides: the one with clearly
// more support and mentions wins (the Blair of 345 mentions takes "Mr
// Blair" from Cherie and Ian Blair); otherwise the short form stays
// itself ("BBC" with "BBC Radio" and "BBC One").

// crossDocMerges unites entities by the rules above, longer entities
// settled first.
func crossDocMerges(ents []*Entity) unionFind {
	uf := newUnionFind(len(ents))
	info := make([]entityInfo, len(ents))
	byWord := map[string][]int{} // word -> multi-word entities containing it
	byInitials := map[string][]int{}
	byCall := map[string][]int{} // name key -> other entities called by it
	for i, e := range ents {
		info[i] = infoOf(e)
		seen := map[string]bool{}
		for _, f := range info[i].forms {
			for _, w := range f {
				if len(f) >= 2 && !seen[w] {
					seen[w] = true
					byWord[w] = append(byWord[w], i)
				}
			}
		}
		for _, k := range slices.Sorted(maps.Keys(info[i].calls)) {
			if k != e.Key {
				byCall[k] = append(byCall[k], i)
			}
		}
		if len(info[i].tokens) < 2 {
			continue
		}
		for _, in := range initials(info[i].name) {
			byInitials[in] = append(byInitials[in], i)
		}
	}
	spellings := newSpellingIndex(info)
	order := make([]int, len(ents))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(len(info[y].tokens), len(info[x].tokens)) })
	for _, si := range order {
		s := &info[si]
		if len(s.tokens) == 0 {
			continue
		}
		var cands []int
		for _, li := range candidateWords(byWord, s.tokens) {
			cands = appendUnique(cands, li)
		}
		if s.acronym {
			for _, li := range byInitials[s.tokens[0]] {
				cands = appendUnique(cands, li)
			}
		}
		for _, li := range byCall[s.key] {
			cands = appendUnique(cands, li)
		}
		for _, li := range spellings.near(s.key) {
			cands = appendUnique(cands, li)
		}
		if r := pickTarget(info, ents, uf, si, cands); r >= 0 {
			uf.union(si, r)
		}
	}
	return uf
}

// pickTarget returns the root of the cluster the entity si joins, or -1.
func pickTarget(info []entityInfo, ents []*Entity, uf unionFind, si int, cands []int) int {
	type score struct{ root, support, mentions int }
	var roots []score
	for _, li := range cands {
		if li == si || uf.find(li) == uf.find(si) {
			continue
		}
		if headlineOnly(&info[li], ents[li]) && !headlineOnly(&info[si], ents[si]) {
			continue // "MAY LINK REAGAN" is no full name of Reagan
		}
		sup, ok := mergeEvidence(&info[si], &info[li], ents[si])
		if !ok {
			continue
		}
		r := uf.find(li)
		at := slices.IndexFunc(roots, func(x score) bool { return x.root == r })
		if at < 0 {
			roots = append(roots, score{root: r})
			at = len(roots) - 1
		}
		roots[at].support += sup
		roots[at].mentions += info[li].mentions
	}
	switch len(roots) {
	case 0:
		return -1
	case 1:
		return roots[0].root
	}
	slices.SortFunc(roots, func(x, y score) int {
		return cmp.Or(-cmp.Compare(x.support, y.support), -cmp.Compare(x.mentions, y.mentions), cmp.Compare(x.root, y.root))
	})
	best, next := roots[0], roots[1]
	if best.support >= 2 && best.support >= next.support && best.mentions >= salience*next.mentions {
		return best.root
	}
	return -1
}

// headlineOnly reports whether an entity of several words was only ever
// written in capitals: a span of a headline, where the recognizer takes
// in the words around a name ("MAY LINK REAGAN", "BUNDESBANK
// ALLOCATES").
func headlineOnly(in *entityInfo, e *Entity) bool {
	if len(in.tokens) < 2 {
		return false
	}
	// Its own names decide (others may come from merges in documents);
	// a renamed entity has none, and all its names do.
	own := slices.ContainsFunc(slices.Sorted(maps.Keys(e.Names)), func(n string) bool { return nameKey(n) == in.key })
	for n := range e.Names {
		if caseRank(n) != 1 && (!own || nameKey(n) == in.key) {
			return false
		}
	}
	return len(e.Names) > 0
}

// supportShare: support for at least 1/supportShare of a name's mentions
// is enough on its own.
const supportShare = 20

// salience is how many times more mentions the chosen one of several
// candidates needs than the next (with at least as much support).
const salience = 3

// mergeEvidence reports whether s may join l, and the support for it.
func mergeEvidence(s, l *entityInfo, se *Entity) (int, bool) {
	sup := l.calls[s.key]
	if sup > 0 {
		if s.typ == l.typ {
			// Little support for a longer name that adds content words
			// is a few documents' merges, not the corpus's: the rugby
			// "Lions" are not "Lions Gate Entertainment", nor "Ford
			// Motor Co" (125) "Ford Motor Co of Canada Ltd" because one
			// article said both. Surnames and acronyms are exempt: their
			// long forms are rarely written ("USDA").
			weak := supportShare*sup < s.mentions
			return sup, !weak || s.typ == annot.Person || s.acronym || !extendedBy(s.tokens, l.forms)
		}
		// Across types, places stay apart ("York" and "York Research
		// Corp"), and support must cover a third of the mentions.
		return sup, s.typ != annot.Loc && l.typ != annot.Loc && sup >= 2 && 3*sup >= s.mentions
	}
	if s.typ != l.typ {
		return 0, false
	}
	if s.acronym && len(s.tokens[0]) >= 3 && !slices.Contains(l.tokens, s.tokens[0]) && len(l.tokens) >= 3 && initials(l.name)[0] == s.tokens[0] {
		return 0, true
	}
	if s.typ != annot.Person && rareExtension/2*s.mentions <= l.mentions && oneTypo(s.key, l.key) {
		return 0, true // "Commodity Credit Corportion", "Organisation"
	}
	if s.typ == annot.Org && !s.acronym && slices.ContainsFunc(l.forms, func(f []string) bool { return partyForm(s.tokens, f) }) {
		return 0, true
	}
	if !mayShorten(s.typ, se.Types) {
		return 0, false
	}
	for _, f := range l.forms {
		if !shortFormOf(s.tokens, f, s.typ) {
			continue
		}
		switch s.typ {
		case annot.Person:
			return 0, len(s.tokens) == 1
		case annot.Org:
			if onlyDesignators(f[len(s.tokens):]) && !(s.acronym && hasNonLegalWord(f[len(s.tokens):])) {
				return 0, true
			}
		case annot.Loc:
			return 0, rareExtension*l.mentions >= s.mentions
		}
	}
	return 0, false
}

// extendedBy reports whether one of the forms holds the words s plus
// words that are not designators.
func extendedBy(s []string, forms [][]string) bool {
	for _, f := range forms {
		for i := 0; i+len(s) < len(f)+1 && len(s) < len(f); i++ {
			if slices.Equal(f[i:i+len(s)], s) {
				rest := slices.Concat(f[:i], f[i+len(s):])
				if !onlyDesignators(rest) || partOf(rest) {
					return true
				}
			}
		}
	}
	return false
}

// hasNonLegalWord reports whether words hold a word other than a legal
// form: "BBC" of "BBC Radio" is the parent, "IBM" of "IBM Corp" the same.
func hasNonLegalWord(words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return !designators[w] })
}

// rareExtension: a longer name with less than 1/rareExtension of the
// mentions of a shorter one it contains is an extension of it (a
// recognizer span with extra words, or another entity), never its full
// form.
const rareExtension = 8

// onlyDesignators reports whether words are organization designators
// and function words, which add nothing to the name before them ("Inc",
// "Corp", "Party", "Shipping Corp").
func onlyDesignators(words []string) bool {
	for _, w := range words {
		if !orgWords[w] && !stopWords[w] && !designators[w] {
			return false
		}
	}
	return len(words) > 0
}

// designators are the legal-form words that end company names; a name
// ending in one is an organization.
var designators = setOf("inc", "corp", "co", "ltd", "llc", "plc", "gmbh", "ag", "sa", "nv", "bv", "bhd", "spa",
	"srl", "kk", "oy", "ab", "as", "asa", "pty", "lp", "llp", "corporation", "company", "incorporated",
	"limited", "cos", "companies", "brothers", "bros", "partners", "group", "holding", "holdings")

// name returns the canonical name, type and aliases of the cluster of
// entities ms (most complete first). The name is the form readers use:
// among the names with at least 1/rareExtension of the mentions of the
// most used name, the most complete one. So "EU" and "European Union"
// are "European Union", but one "European Union Vet Fund" among them
// does not name the node.
func name(ents []*Entity, ms []int) Cluster {
	rep := ents[ms[0]]
	names := map[string]int{}
	types := map[annot.Type]int{}
	force := rep.ForceType
	for _, m := range ms {
		e := ents[m]
		for k, c := range e.Names {
			names[k] += c
		}
		for t, c := range e.Types {
			types[t] += c
		}
		if force == "" {
			force = e.ForceType
		}
	}
	c := Cluster{Members: ms, Type: entityType(force, types)}
	c.Name = cmp.Or(rep.Display, rep.Hint, readersName(names, c.Type == annot.Person), rep.Key)
	if force == "" && c.Type != annot.Org && types[annot.Org] > 0 && hasDesignatorName(names) {
		c.Type = annot.Org
	}
	for k, n := range names {
		c.Aliases = append(c.Aliases, Alias{Name: k, Count: n})
	}
	slices.SortFunc(c.Aliases, func(x, y Alias) int { return cmp.Or(-cmp.Compare(x.Count, y.Count), strings.Compare(x.Name, y.Name)) })
	return c
}

// readersName returns the display name of the most complete name key
// that is not rare and not an extension of a more used name, or "" for
// no names. For a person, the bar is set by
// the full names only: "Barber Conable" names the node even if the
// surname alone is used ten times as often, but one "Tory Liam Fox"
// among many "Liam Fox" does not.
func readersName(names map[string]int, person bool) string {
	byKey := map[string]int{}
	for n, c := range names {
		byKey[nameKey(n)] += c
	}
	top := 0
	for k, c := range byKey {
		if !person || strings.Contains(k, " ") {
			top = max(top, c)
		}
	}
	keys := slices.Sorted(maps.Keys(byKey))
	best := ""
	for _, k := range keys {
		if k == "" || rareExtension*byKey[k] < top || extends(k, keys, byKey) {
			continue
		}
		if best == "" || moreComplete(k, best, byKey[k], byKey[best]) < 0 {
			best = k
		}
	}
	if best == "" {
		return ""
	}
	return cmp.Or(variantDisplay[best], bestName(names, best))
}

// extends reports whether the name key k is an extension of a name of
// the cluster used more than twice as often: the name plus words that
// readers do not use with it ("European Union Vet Fund" of "European
// Union", "Tory Liam Fox" of "Liam Fox"). A one-word name does not
// count: "Texaco Inc", "Boatmen's Bancshares" and "Barber Conable"
// complete it.
func extends(k string, keys []string, byKey map[string]int) bool {
	kw := strings.Fields(k)
	for _, j := range keys {
		jw := strings.Fields(j)
		if j == k || len(jw) < 2 || len(jw) >= len(kw) || 2*byKey[k] >= byKey[j] {
			continue
		}
		for i := 0; i+len(jw) <= len(kw); i++ {
			if slices.Equal(kw[i:i+len(jw)], jw) {
				return true
			}
		}
	}
	return false
}

// hasDesignatorName reports whether a name of the cluster that is not
// rare ends in a company designator ("Chrysler Corp"): the cluster is
// an organization even if its bare name was taken for a person.
func hasDesignatorName(names map[string]int) bool {
	top := 0
	for _, c := range names {
		top = max(top, c)
	}
	for n, c := range names {
		f := strings.Fields(foldKey(n))
		if len(f) >= 2 && designators[f[len(f)-1]] && rareExtension*c >= top {
			return true
		}
	}
	return false
}

// entityType is the forced type, or the majority type, PERSON before ORG
// before LOC on ties.
func entityType(force annot.Type, types map[annot.Type]int) annot.Type {
	if force != "" {
		return force
	}
	best, n := annot.Type(""), 0
	for _, t := range annot.Types {
		if types[t] > n {
			best, n = t, types[t]
		}
	}
	if best == "" {
		best = majority(types)
	}
	return best
}

// bestName returns the most frequent name whose key is key (any name when
// key is ""), preferring mixed case ("Nairobi" over "NAIROBI"), then
// capitals ("USDA" over "usda"), then the smallest; "" if there is none.
func bestName(names map[string]int, key string) string {
	best, bestN, bestCase := "", 0, 0
	for n, c := range names {
		if key != "" && nameKey(n) != key {
			continue
		}
		cs := caseRank(n)
		if best == "" || cs > bestCase || cs == bestCase && (c > bestN || c == bestN && n < best) {
			best, bestN, bestCase = n, c, cs
		}
	}
	return best
}

// Alias is one name of an entity and how many mentions used it. Names are
// cleaned: titles, possessives and surrounding quotes removed.
type Alias struct {
	Name  string
	Count int
}

// Entity is what the corpus knows of one local key: the sum of the Local
// entities with that key over all documents.
type Entity struct {
	Key       string
	Display   string // forced name (rename), or ""
	Hint      string // merge target's name, or ""
	ForceType annot.Type
	Names     map[string]int
	Types     map[annot.Type]int
}

// NewEntity returns an empty entity for key.
func NewEntity(key string) *Entity {
	return &Entity{Key: key, Names: map[string]int{}, Types: map[annot.Type]int{}}
}

// Add counts a document's local entity with the same key into e.
func (e *Entity) Add(l *Local) {
	e.add(l.Names, l.Types, l.Display, l.Hint, l.ForceType)
}

// Merge adds o, an entity with the same key, into e. Merging is
// associative and commutative: forced names and types are taken from
// the smallest non-empty value, so any order of merges agrees.
func (e *Entity) Merge(o *Entity) {
	e.add(o.Names, o.Types, o.Display, o.Hint, o.ForceType)
}

func (e *Entity) add(names map[string]int, types map[annot.Type]int, display, hint string, force annot.Type) {
	for n, c := range names {
		e.Names[n] += c
	}
	for t, c := range types {
		e.Types[t] += c
	}
	e.Display = minNonEmpty(e.Display, display)
	e.Hint = minNonEmpty(e.Hint, hint)
	e.ForceType = annot.Type(minNonEmpty(string(e.ForceType), string(force)))
}

func minNonEmpty(a, b string) string {
	if a == "" || (b != "" && b < a) {
		return b
	}
	return a
}

// Mentions returns how many mentions the entity has.
func (e *Entity) Mentions() int {
	n := 0
	for _, c := range e.Types {
		n += c
	}
	return n
}

// Cluster is one real-world entity of the corpus: the entities that were
// merged into it, its canonical name, type and aliases.
type Cluster struct {
	Members []int // indices into the entities given to Clusters, most complete first
	Name    string
	Type    annot.Type
	Aliases []Alias // most frequent first
}

// Clusters runs the corpus-level resolution over the entities of a corpus
// (each key once, in any order): entities merge on evidence (see
// crossDocMerges), and each cluster is named by the form readers use and
// typed. Clusters come in the order of their first member in ents, and
// names are unique.
func Clusters(ents []*Entity) []Cluster {
	uf := crossDocMerges(ents)
	// Two clusters of one type that readers would call by the same name
	// are one entity whose documents chose different complete forms
	// ("TWA" and a "TWA-USAir" span mostly called "TWA").
	seen := map[string]int{}
	for _, c := range clustersOf(ents, uf) {
		k := string(c.Type) + "\x00" + nameKey(c.Name)
		if first, ok := seen[k]; ok {
			uf.union(c.Members[0], first)
		} else {
			seen[k] = c.Members[0]
		}
	}
	out := clustersOf(ents, uf)
	used := map[string]bool{}
	for i := range out {
		if c := &out[i]; used[c.Name] { // same name, other type
			c.Name += " [" + ents[c.Members[0]].Key + "]"
		}
		used[out[i].Name] = true
	}
	return out
}

// clustersOf names the clusters of uf, in the order of their first member.
func clustersOf(ents []*Entity, uf unionFind) []Cluster {
	members := map[int][]int{}
	var roots []int
	for i := range ents {
		r := uf.find(i)
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], i)
	}
	out := make([]Cluster, 0, len(roots))
	for _, r := range roots {
		ms := slices.Clone(members[r])
		slices.SortFunc(ms, func(x, y int) int {
			return moreComplete(ents[x].Key, ents[y].Key, ents[x].Mentions(), ents[y].Mentions())
		})
		out = append(out, name(ents, ms))
	}
	return out
}

// majority returns the most frequent value, breaking ties by the smallest
// value so the result never depends on map order.
func majority[T ~string](counts map[T]int) T {
	var best T
	n := -1
	for v, c := range counts {
		if c > n || (c == n && v < best) {
			best, n = v, c
		}
	}
	return best
}

// caseRank ranks how a name is written: 2 mixed case, 1 capitals only
// (a headline or dateline: "NAIROBI"), 0 lower case only.
func caseRank(n string) int {
	up, low := strings.ToLower(n) != n, strings.ToUpper(n) != n
	switch {
	case up && low:
		return 2
	case up:
		return 1
	}
	return 0
}

// minTypoLen is the shortest key in which a typo is looked for: shorter
// names one letter apart are different names ("Iran", "Iraq"); see
// typoWord for the word the typo is in.
const minTypoLen = 8

// spellingIndex finds the keys one typo away from a key, by the keys with
// one letter deleted (the symmetric delete method).
type spellingIndex map[string][]int

func newSpellingIndex(info []entityInfo) spellingIndex {
	x := spellingIndex{}
	for i, in := range info {
		// Only a name four times as frequent as a misspelling is its
		// target, so the many names seen once or twice are not indexed.
		if in.typ == annot.Person || in.mentions < rareExtension/2 || utf8.RuneCountInString(in.key) < minTypoLen {
			continue
		}
		for _, d := range deletions(in.key) {
			x[d] = append(x[d], i)
		}
	}
	return x
}

// near returns the entities whose keys may be one typo from key.
func (x spellingIndex) near(key string) []int {
	if utf8.RuneCountInString(key) < minTypoLen {
		return nil
	}
	var out []int
	for _, d := range deletions(key) {
		for _, i := range x[d] {
			out = appendUnique(out, i)
		}
	}
	return out
}

// deletions returns k and k with each one of its letters deleted.
func deletions(k string) []string {
	r := []rune(k)
	out := []string{k}
	for i := range r {
		out = append(out, string(r[:i])+string(r[i+1:]))
	}
	return out
}

// typoWord reports whether the word lists a and b differ in one word
// long enough for a typo to be told from another name: 7 letters or
// more ("Chrsyler Corp"; not "CSX Corp" and "USX Corp"), 9 when it is the
// only word besides designators ("Californai"; not "Atlantis" and
// "Atlantic").
func typoWord(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	at, content := -1, 0
	for i := range a {
		if !designators[a[i]] && !stopWords[a[i]] {
			content++
		}
		if a[i] != b[i] {
			if at >= 0 {
				return false
			}
			at = i
		}
	}
	if at < 0 {
		return false
	}
	n := max(utf8.RuneCountInString(a[at]), utf8.RuneCountInString(b[at]))
	return n >= 7 && (content > 1 || n >= 9)
}

// oneTypo reports whether a and b differ by one letter substituted,
// inserted or deleted, or two adjacent letters swapped, with the same
// words: not a digit ("A320", "A321"), not a letter added at the end
// ("Dominica", "Dominican"; "America", "Americas"), not a space.
func oneTypo(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x) < minTypoLen || len(y)-len(x) > 1 || !typoWord(strings.Fields(a), strings.Fields(b)) {
		return false
	}
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	if i == len(y) {
		return false // equal
	}
	letter := func(r rune) bool { return unicode.IsLetter(r) }
	if len(x) < len(y) { // one inserted at i
		return i < len(x) && letter(y[i]) && string(x[i:]) == string(y[i+1:])
	}
	if string(x[i+1:]) == string(y[i+1:]) { // one substituted
		return letter(x[i]) && letter(y[i])
	}
	return i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && string(x[i+2:]) == string(y[i+2:])
}
