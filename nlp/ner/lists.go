package ner

import "strings"

// A coordinated list of names ("Aloha , America West , Continental , Delta
// and United") names things of one kind far more often than not, but the
// model types each item from its own few words of context and the
// gazetteer, so a company named after a place comes out a location among
// companies ("Delta", "Piedmont"). unifyLists gives the odd one-word items
// of a list the type of the majority, unless the word's own
// evidence is strong: a country among organizations ("Germany , France ,
// the EU") stays a place, and only a place the gazetteer knows joins a
// list of places.

// listItem is one item of a list, toks[a:b]: an entity span, or (with
// open set) a capitalised word the model left unlabelled ("American"
// among airlines, a demonym to CoNLL), which neither counts nor changes.
type listItem struct {
	a, b int
	open bool
}

// minListMajority is the fewest items of the majority type for a list to
// be unified; the majority must also have more items than the other types
// together. (Twice as many changed nothing more on CoNLL-2003, uner or EWT,
// and missed four right retypings in Reuters-21578.)
const minListMajority = 3

// unifyLists retypes, in place, the minority items of coordinated lists.
func (m *Model) unifyLists(toks, labels []string) {
	for a := 0; a < len(labels); {
		items := listAt(toks, labels, a)
		if len(items) == 0 {
			a++
			continue
		}
		m.unifyList(toks, labels, items)
		a = items[len(items)-1].b
	}
}

// listAt returns the items of the list that starts with the span at a,
// joined only by ",", "and", "or", ", and" or ", or". It returns nil when a
// starts no span. A span that a capitalised word follows ("U.S. Air") is
// cut short: it ends the list as an open item. The list ends with the item
// after its last "and" or "or": the names after that one and a comma
// start the next clause ("Kobe and Osaka , Burnside said").
func listAt(toks, labels []string, a int) []listItem {
	if !strings.HasPrefix(labels[a], "B-") {
		return nil
	}
	var items []listItem
	lastAnd := -1 // index in items of the last item after "and" or "or"
	for i := a; ; {
		it, ok := itemAt(toks, labels, i)
		if !ok {
			break
		}
		items = append(items, it)
		if i > a && (toks[i-1] == "and" || toks[i-1] == "or") {
			lastAnd = len(items) - 1
		}
		if it.open && it.b < len(toks) && !listSeparator(toks[it.b]) {
			break
		}
		next := listGap(toks, labels, it.b)
		if next == it.b || next >= len(toks) {
			break
		}
		i = next
	}
	if lastAnd >= 0 {
		items = items[:lastAnd+1]
	}
	return items
}

// itemAt returns the list item at i: an entity span, or one unlabelled
// capitalised word between separators.
func itemAt(toks, labels []string, i int) (listItem, bool) {
	if strings.HasPrefix(labels[i], "B-") {
		b := spanEnd(labels, i)
		open := b < len(toks) && labels[b] == "O" && isTitleCase(toks[b])
		return listItem{i, b, open}, true
	}
	if labels[i] == "O" && isTitleCase(toks[i]) && i > 0 &&
		(i+1 == len(toks) || labels[i+1] == "O" && listSeparator(toks[i+1])) {
		return listItem{i, i + 1, true}, true
	}
	return listItem{}, false
}

func listSeparator(w string) bool { return w == "," || w == "and" || w == "or" }

// listGap returns the index after the separator starting at i (",", "and",
// "or", ", and", ", or"), or i when there is none. "and" ends a list: the
// gap after it is not looked for, as the caller stops at a non-span.
func listGap(toks, labels []string, i int) int {
	j := i
	if j < len(toks) && toks[j] == "," && labels[j] == "O" {
		j++
	}
	if j < len(toks) && (toks[j] == "and" || toks[j] == "or") && labels[j] == "O" {
		j++
	}
	return j
}

// unifyList retypes the weak minority items of one list.
func (m *Model) unifyList(toks, labels []string, items []listItem) {
	var n [nTypes]int
	for _, it := range items {
		if !it.open {
			n[typeIndex(labels[it.a][2:])]++
		}
	}
	major := 0
	for t := range n {
		if n[t] > n[major] {
			major = t
		}
	}
	rest := n[0] + n[1] + n[2] - n[major]
	if n[major] < minListMajority || rest == 0 || n[major] <= rest {
		return
	}
	typ := typeNames[major]
	for _, it := range items {
		if it.open || it.b-it.a != 1 || labels[it.a][2:] == typ || !m.joinsList(toks[it.a:it.b], typ) {
			continue
		}
		relabel(labels, it.a, it.b, typ)
	}
}

// joinsList reports whether a one-word item may take the list's type typ:
// a country is too plainly a place to become anything else, and only a
// place the gazetteer knows, and does not also know as an organization
// ("EU", "NATO"), becomes a place.
func (m *Model) joinsList(item []string, typ string) bool {
	if typ == "LOC" {
		return m.gaz.isPlace(item) && !m.gaz.hasClass(item, knownOrgClass)
	}
	return !m.gaz.isCountry(item)
}

// knownOrgClass is the gazetteer bit of well-known organizations.
var knownOrgClass = uint16(1) << strings.IndexByte(gazClasses, 'g')
