package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entigraph/entigraph/nlp"
)

// Entity resolution.
//
// Within a document (resolveDocument):
//  1. every mention is cleaned into a name: white space collapsed, quotes
//     normalised and unbalanced ones trimmed, surrounding punctuation and
//     a possessive 's removed, a leading "the" removed (not from "The
//     Hague"), and titles and honorifics cut ("Ayatollah Seyyed Ali
//     Khamenei" -> "Ali Khamenei"; "Hamas political leader Ismail
//     Haniyeh" -> "Ismail Haniyeh" for PERSON mentions). A mention that
//     carried a personal title votes PERSON, whatever its recognized type.
//  2. names are folded into keys (case, dots and hyphens ignored) and
//     mapped through the built-in variant table (U.S. -> United States);
//     names the aliases file drops are dropped, and names it merges take
//     the key of their target. Mentions with the same key form a group,
//     typed by majority vote (ties: PERSON, ORG, LOC).
//  3. an acronym defined in the text ("Afghan Voice Agency (AVA)") joins
//     its expansion;
//  4. a shorter group joins the one longer group of the same type that
//     contains it as a run of whole words (a surname or given name; the
//     start of an organization name that is not just generic words and
//     not used as a place in the document; "Omo" in "Omo River"); when
//     two or more longer entities contain it ("Smith" with "John Smith"
//     and "Anna Smith") it stays apart;
//  5. an acronym joins the one group whose initials it spells.
//
// The canonical key of a local entity is the key of its most complete
// group (most words, then longest), or the target of a rename rule.
// Across documents (Builder.Graph) equal keys are one node, and a node
// that is a shorter form of exactly one longer node in the corpus (rules
// 4 and 5, matched against every multi-word name of the longer node) is
// contracted into it. Such a pair seldom occurs in one document (it would
// have merged there unless the recognizer typed the two differently), so
// summing their document counts is exact or nearly so.

// A docEntity is one entity of a document after local resolution.
type docEntity struct {
	key       string         // canonical key: the builder's node key
	display   string         // forced canonical name (rename), or ""
	hint      string         // canonical name to use if no mention has it (merge target)
	forceType nlp.Type       // type set by the aliases file, or ""
	names     map[string]int // cleaned mention names
	types     map[nlp.Type]int
	mentions  []int // indices into the document's mentions
}

// group is the set of a document's mentions with the same key.
type group struct {
	key       string
	tokens    []string
	types     map[nlp.Type]int
	typ       nlp.Type
	hint      string   // merge target of an aliases rule
	forceType nlp.Type // type of an aliases rule
	acronym   bool
	name      string // a representative cleaned name
	mentions  []int
}

// resolveDocument clusters the mentions of one document. It returns the
// entities in order of first mention and, for each mention, the index of
// its entity, or -1 when the mention is dropped (empty or stoplisted).
func resolveDocument(text string, mentions []nlp.Mention, al *Aliases) ([]*docEntity, []int) {
	of := make([]int, len(mentions))
	names := make([]string, len(mentions))
	votes := make([]nlp.Type, len(mentions))
	var groups []*group
	byKey := map[string]*group{}
	gOf := make([]*group, len(mentions))
	for i, m := range mentions {
		of[i] = -1
		name, vote := mentionName(m.Text, m.Type)
		key := variantKey(foldKey(name))
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
			g = &group{key: key, tokens: strings.Fields(key), types: map[nlp.Type]int{}, name: name}
			byKey[key] = g
			groups = append(groups, g)
		}
		if hint != "" {
			g.hint = hint
			g.name = hint
		}
		if r := al.rule(variantKey(foldKey(name))); r != nil && r.typ != "" {
			g.forceType = r.typ
		}
		g.types[vote]++
		g.acronym = g.acronym || isAcronym(name)
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
		if len(g.tokens) < 2 {
			continue
		}
		k := foldKey(acr)
		if prev, seen := defined[k]; seen && prev != idx[g] {
			defined[k] = -1
		} else {
			defined[k] = idx[g]
		}
	}
	for _, k := range sortedKeys(defined) {
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
	for _, si := range order {
		s := groups[si]
		if !mayShorten(s.typ, s.types) {
			continue
		}
		var roots []int
		for _, li := range byWord[s.tokens[0]] {
			if l := groups[li]; li != si && l.typ == s.typ && shortFormOf(s.tokens, l.tokens, s.typ) {
				roots = appendUnique(roots, uf.find(li))
			}
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
			roots = appendUnique(roots, uf.find(li))
		}
		if len(roots) == 1 && roots[0] != uf.find(si) {
			uf.union(si, roots[0])
		}
	}

	// Entities, in order of first mention.
	var ents []*docEntity
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
		e.names[names[i]]++
		e.types[votes[i]]++
		e.mentions = append(e.mentions, i)
		of[i] = ei
	}
	return ents, of
}

// newDocEntity makes the entity of a set of groups: its key is the most
// complete group's key, then the aliases rules apply.
func newDocEntity(gs []*group, al *Aliases) *docEntity {
	slices.SortFunc(gs, func(a, b *group) int { return moreComplete(a.key, b.key, len(a.mentions), len(b.mentions)) })
	e := &docEntity{key: gs[0].key, names: map[string]int{}, types: map[nlp.Type]int{}}
	for _, g := range gs {
		if e.hint == "" {
			e.hint = g.hint
		}
		if e.forceType == "" {
			e.forceType = g.forceType
		}
	}
	for _, g := range gs {
		if r := al.rule(g.key); r != nil && r.rename {
			e.key, e.display = aliasKey(r.target), r.target
			break
		}
	}
	if r := al.rule(e.key); r != nil && r.typ != "" {
		e.forceType = r.typ
	}
	for _, g := range gs {
		if r := al.rule(g.key); e.forceType == "" && r != nil && r.typ != "" {
			e.forceType = r.typ
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
func shortFormOf(s, l []string, t nlp.Type) bool {
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
	case nlp.Org:
		if at != 0 {
			return false
		}
		for _, w := range s {
			if !orgWords[w] && !stopWords[w] {
				return true
			}
		}
		return false
	case nlp.Loc:
		for i, w := range l {
			if (i < at || i >= at+len(s)) && !geoFeatures[w] {
				return false
			}
		}
		return true
	case nlp.Person:
		for _, w := range s {
			if !particles[w] {
				return true
			}
		}
		return false
	}
	return false
}

// mayShorten reports whether a name of type t whose mentions voted
// votes may be a short form of a longer name: a name also used as a place
// is not taken for part of an organization ("Mombasa" of "Mombasa Port
// Corporation").
func mayShorten(t nlp.Type, votes map[nlp.Type]int) bool {
	return t != nlp.Org || votes[nlp.Loc] == 0
}

// mentionName cleans a mention's text into a name and returns the type
// the mention votes for: PERSON when a personal title was cut.
func mentionName(text string, t nlp.Type) (string, nlp.Type) {
	words := strings.Fields(cleanName(text))
	if len(words) > 1 && strings.EqualFold(words[0], "the") && !theNames[strings.ToLower(words[1])] {
		words = words[1:]
	}
	vote := t
	if cut := titleCut(words, t); cut > 0 {
		words = words[cut:]
		vote = nlp.Person
	} else if t == nlp.Person {
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
func titleCut(words []string, t nlp.Type) int {
	if len(words) < 2 {
		return 0
	}
	if last := wordKey(words[len(words)-1]); orgWords[last] || geoFeatures[last] {
		return 0
	}
	for i := len(words) - 2; i >= 0; i-- {
		w := wordKey(words[i])
		if strongTitles[w] || weakTitles[w] && (t == nlp.Person || len(words)-i-1 >= 2) {
			return i + 1
		}
		if !nameWord(words[i]) {
			return 0
		}
	}
	return 0
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
const edgeTrim = ",;:()[]{}*_ \t\n\r"

// quoteNormalizer turns typographic quotes into ASCII ones.
var quoteNormalizer = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "‟", `"`, "«", `"`, "»", `"`,
	"’", "'", "‘", "'", "‚", "'", "‛", "'", "‹", "'", "›", "'", "`", "'")

// cleanName normalises white space and quotes, trims punctuation and
// unbalanced quotes from the ends ("Tehran “" -> "Tehran"), unquotes a
// fully quoted name and removes a possessive ("Iran’s" -> "Iran").
func cleanName(text string) string {
	s := quoteNormalizer.Replace(strings.Join(strings.Fields(text), " "))
	for {
		prev := s
		s = strings.Trim(s, edgeTrim)
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
}

// variantDisplay maps a canonical variant key to its display name.
var variantDisplay = map[string]string{}

func init() {
	for _, vs := range variantNames {
		k := foldKey(vs[0])
		variantDisplay[k] = vs[0]
		for _, v := range vs[1:] {
			variants[foldKey(v)] = k
		}
	}
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

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// snapshot builds the graph of Builder.Graph: it applies the
// cross-document merges, contracting each entity that is a shorter form
// of exactly one longer entity of the corpus into it (summing mentions,
// documents, edge weights and edge documents; dropping the self-loops
// contraction creates), then prunes and sorts.
func (b *Builder) snapshot() (*Graph, error) {
	adj, err := b.store.AdjacencyMap()
	if err != nil {
		return nil, fmt.Errorf("graph store: %w", err)
	}
	keys := sortedKeys(adj)
	ents := make([]*entity, len(keys))
	index := make(map[string]int, len(keys))
	for i, k := range keys {
		if ents[i], err = b.store.Vertex(k); err != nil {
			return nil, fmt.Errorf("graph store: %w", err)
		}
		index[k] = i
	}
	uf := crossDocMerges(ents)

	// One node per root; members most complete first.
	members := map[int][]int{}
	var roots []int
	for i := range ents {
		r := uf.find(i)
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], i)
	}
	g := &Graph{Options: b.opts, Units: b.units}
	b.names = make(map[string]string, len(keys))
	nodeOf := make(map[int]string, len(roots)) // root -> node key
	used := map[string]bool{}
	kept := map[string]bool{}
	for _, r := range roots {
		ms := members[r]
		slices.SortFunc(ms, func(x, y int) int {
			return moreComplete(ents[x].key, ents[y].key, ents[x].mentions, ents[y].mentions)
		})
		n := mergedNode(ents, ms)
		if used[n.Key] { // cannot happen with the naming rules; stay unique anyway
			n.Key = n.Key + " [" + ents[ms[0]].key + "]"
			n.Label = n.Key
		}
		used[n.Key] = true
		nodeOf[r] = n.Key
		for _, m := range ms {
			b.names[ents[m].key] = n.Key
		}
		if n.Mentions < b.opts.MinMentions || (b.keep != nil && !b.keep[n.Type]) {
			continue
		}
		kept[n.Key] = true
		g.Nodes = append(g.Nodes, n)
	}
	edges := map[[2]string]*Edge{}
	evidence := map[[2]string][]evidenceSet{}
	for _, a := range keys {
		nbrs := adj[a]
		for _, c := range sortedKeys(nbrs) {
			if a >= c {
				continue // undirected: each edge appears under both ends
			}
			s, t := nodeOf[uf.find(index[a])], nodeOf[uf.find(index[c])]
			if s == t || !kept[s] || !kept[t] {
				continue
			}
			if s > t {
				s, t = t, s
			}
			l := nbrs[c].Properties.Data.(*link)
			e := edges[[2]string{s, t}]
			if e == nil {
				e = &Edge{Source: s, Target: t}
				edges[[2]string{s, t}] = e
			}
			e.Weight += l.weight
			e.Docs += l.docs
			evidence[[2]string{s, t}] = append(evidence[[2]string{s, t}], l.evidence)
		}
	}
	for k, e := range edges {
		if e.Weight >= b.opts.MinWeight {
			if sets := evidence[k]; len(sets) == 1 {
				e.Evidence = sets[0].passages()
			} else {
				e.Evidence = mergeEvidence(sets, b.opts.evidence()).passages()
			}
			g.Edges = append(g.Edges, *e)
		}
	}
	slices.SortFunc(g.Nodes, func(x, y Node) int { return strings.Compare(x.Key, y.Key) })
	slices.SortFunc(g.Edges, func(x, y Edge) int {
		return cmp.Or(strings.Compare(x.Source, y.Source), strings.Compare(x.Target, y.Target))
	})
	return g, nil
}

// EntityName returns the key of the node an entity key (from AddDocument)
// resolved to in the current snapshot: the canonical name extract prints
// as "entity". It returns "" for an unknown key.
func (b *Builder) EntityName(key string) (string, error) {
	if b.names == nil {
		if _, err := b.Graph(); err != nil {
			return "", err
		}
	}
	return b.names[key], nil
}

// entityInfo is what cross-document merging needs to know of an entity.
type entityInfo struct {
	tokens  []string   // words of the key
	forms   [][]string // words of the key and of every multi-word name
	typ     nlp.Type
	acronym bool
	name    string
}

func infoOf(e *entity) entityInfo {
	in := entityInfo{tokens: strings.Fields(e.key), typ: entityType(e.forceType, e.types), name: bestName(e.names, e.key)}
	if in.name == "" {
		in.name = cmp.Or(e.display, e.hint, e.key)
	}
	in.forms = [][]string{in.tokens}
	for _, n := range sortedKeys(e.names) {
		if isAcronym(n) && len(in.tokens) == 1 {
			in.acronym = true
		}
		// A renamed entity is still found by the names it was called.
		f := strings.Fields(variantKey(foldKey(n)))
		if len(f) >= 2 && !slices.ContainsFunc(in.forms, func(x []string) bool { return slices.Equal(x, f) }) {
			in.forms = append(in.forms, f)
		}
	}
	return in
}

// crossDocMerges unites each entity that is a shorter form of exactly one
// longer entity (by root) of the same type, or an acronym of exactly one
// longer name, with it. Longer entities are settled first.
func crossDocMerges(ents []*entity) unionFind {
	uf := newUnionFind(len(ents))
	info := make([]entityInfo, len(ents))
	byWord := map[string][]int{} // word -> multi-word entities containing it
	byInitials := map[string][]int{}
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
		if len(info[i].tokens) < 2 {
			continue
		}
		for _, in := range initials(info[i].name) {
			byInitials[in] = append(byInitials[in], i)
		}
	}
	order := make([]int, len(ents))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(len(info[y].tokens), len(info[x].tokens)) })
	for _, si := range order {
		s := info[si]
		if len(s.tokens) == 0 {
			continue
		}
		var roots []int
		for _, li := range byWord[s.tokens[0]] {
			if mayShorten(s.typ, ents[si].types) && li != si && info[li].typ == s.typ && slices.ContainsFunc(info[li].forms, func(f []string) bool {
				return shortFormOf(s.tokens, f, s.typ)
			}) {
				roots = appendUnique(roots, uf.find(li))
			}
		}
		if s.acronym {
			for _, li := range byInitials[s.tokens[0]] {
				roots = appendUnique(roots, uf.find(li))
			}
		}
		if len(roots) == 1 && roots[0] != uf.find(si) {
			uf.union(si, roots[0])
		}
	}
	return uf
}

// mergedNode sums the entities ms (most complete first) into a node.
func mergedNode(ents []*entity, ms []int) Node {
	rep := ents[ms[0]]
	names := map[string]int{}
	types := map[nlp.Type]int{}
	force := rep.forceType
	var n Node
	for _, m := range ms {
		e := ents[m]
		for k, c := range e.names {
			names[k] += c
		}
		for t, c := range e.types {
			types[t] += c
		}
		if force == "" {
			force = e.forceType
		}
		n.Mentions += e.mentions
		n.Docs += e.docs
		n.Units += e.units
	}
	n.Key = rep.display
	if n.Key == "" {
		n.Key = variantDisplay[rep.key]
	}
	if n.Key == "" {
		n.Key = bestName(names, rep.key)
	}
	if n.Key == "" {
		n.Key = rep.hint
	}
	if n.Key == "" {
		n.Key = bestName(names, "")
	}
	n.Label = n.Key
	n.Type = entityType(force, types)
	for k, c := range names {
		n.Aliases = append(n.Aliases, Alias{Name: k, Count: c})
	}
	slices.SortFunc(n.Aliases, func(x, y Alias) int { return cmp.Or(-cmp.Compare(x.Count, y.Count), strings.Compare(x.Name, y.Name)) })
	return n
}

// entityType is the forced type, or the majority type, PERSON before ORG
// before LOC on ties.
func entityType(force nlp.Type, types map[nlp.Type]int) nlp.Type {
	if force != "" {
		return force
	}
	best, n := nlp.Type(""), 0
	for _, t := range nlp.Types {
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
// key is ""), preferring mixed case ("Nairobi" over "NAIROBI"), then the
// smallest; "" if there is none.
func bestName(names map[string]int, key string) string {
	best, bestN, bestMixed := "", 0, false
	for n, c := range names {
		if key != "" && variantKey(foldKey(n)) != key {
			continue
		}
		mixed := strings.ToUpper(n) != n
		if best == "" || mixed && !bestMixed || mixed == bestMixed && (c > bestN || c == bestN && n < best) {
			best, bestN, bestMixed = n, c, mixed
		}
	}
	return best
}

// Tooltip describes a node: canonical name and type, aliases with
// counts, mention and document counts.
func Tooltip(n Node) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s (%s)\naliases: ", n.Label, n.Type)
	const maxAliases = 12
	for i, a := range n.Aliases {
		if i == maxAliases {
			fmt.Fprintf(&sb, ", … %d more", len(n.Aliases)-maxAliases)
			break
		}
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, "%s ×%d", a.Name, a.Count)
	}
	fmt.Fprintf(&sb, "\n%d %s in %d %s", n.Mentions, plural(n.Mentions, "mention"), n.Docs, plural(n.Docs, "document"))
	return sb.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
