package ner

import (
	"strings"
)

// Document-level consistency after the repairs. The model's second pass
// already sees the first pass's labels of the same word elsewhere in the
// document, but it cannot see what the repairs did, and it leaves a name
// unlabelled where its context is weak ("Blunt began filming" after "Emily
// Blunt", "during the Qing" after "the Qing dynasty"). propagate labels
// every unlabelled capitalised occurrence of a name the document labels
// elsewhere, and a person's surname alone after the full name; and it
// makes the short form of an organization's name an organization where
// the model took it for a person (shortForms).

// maxPropagate is the longest name, in tokens, that propagate looks for.
const maxPropagate = 6

// propagate labels, in place, unlabelled capitalised token runs of doc that
// spell a name labelled elsewhere in it, with the type that name has most
// often. A single word the document also writes in lower case ("Apple"
// and "apple") is left alone, and so is a run that a longer capitalised
// run contains. The sentences it changes are repaired again, so that it
// does not undo a repair ("the Treaty of London" after "London").
func (m *Model) propagate(doc [][]string, labels [][]string) {
	type count [nTypes]int
	names := map[string]*count{}
	add := func(toks []string, typ string) {
		k := strings.Join(toks, " ")
		c := names[k]
		if c == nil {
			c = new(count)
			names[k] = c
		}
		for t, n := range typeNames {
			if n == typ {
				c[t]++
			}
		}
	}
	lower := map[string]bool{}
	for si, toks := range doc {
		ls := labels[si]
		for i, w := range toks {
			if isLowerWord(w) {
				lower[w] = true
			}
			if !strings.HasPrefix(ls[i], "B-") {
				continue
			}
			b := spanEnd(ls, i)
			typ := ls[i][2:]
			add(toks[i:b], typ)
			if typ == "PER" && b-i >= 2 && isTitleCase(toks[b-1]) && len(toks[b-1]) > 2 {
				add(toks[b-1:b], "PER")
			}
		}
	}
	if len(names) == 0 {
		return
	}
	short := m.shortForms(doc, labels)
	for k := range short { // the person spans of a short form become ORG below
		c := names[k]
		if c == nil {
			c = new(count)
			names[k] = c
		}
		c[1] += c[0] + c[2] + 1
	}
	for si, toks := range doc {
		ls := labels[si]
		if inCapitals(toks) {
			continue // every word of a headline is capitalised
		}
		changed := false
		for i := 0; i < len(toks); i++ {
			// A span missing a capitalised word of the full name the document
			// gives elsewhere takes it: "[Turkana]" after "Lake Turkana".
			if strings.HasPrefix(ls[i], "B-") && i > 0 && ls[i-1] == "O" && isTitleCase(toks[i-1]) {
				b := spanEnd(ls, i)
				if c := names[strings.Join(toks[i-1:b], " ")]; c != nil && c[typeIndex(ls[i][2:])] > 0 {
					relabel(ls, i-1, b, ls[i][2:])
					changed = true
				}
			}
			if ls[i] == "B-PER" {
				b := spanEnd(ls, i)
				// "Joliot - Curie" is a person's name, whatever "Curie Institute" is.
				if short[strings.Join(toks[i:b], " ")] && (i == 0 || toks[i-1] != "-") {
					relabel(ls, i, b, "ORG")
					changed = true
				}
				i = b - 1
				continue
			}
			if ls[i] != "O" || !isTitleCase(toks[i]) || (i > 0 && ls[i-1] == "O" && isTitleCase(toks[i-1])) {
				continue
			}
			end := i
			for end < len(toks) && end-i < maxPropagate && ls[end] == "O" && isTitleCase(toks[end]) {
				end++
			}
			if end < len(toks) && isTitleCase(toks[end]) {
				continue // part of a longer name
			}
			c := names[strings.Join(toks[i:end], " ")]
			if c == nil || (end-i == 1 && lower[strings.ToLower(toks[i])]) {
				i = end - 1
				continue
			}
			best := 0
			for t := 1; t < nTypes; t++ {
				if c[t] > c[best] {
					best = t
				}
			}
			relabel(ls, i, end, typeNames[best])
			changed = true
			i = end - 1
		}
		if changed {
			m.repair(toks, ls)
		}
	}
}

var (
	orgCueClass = uint16(1) << strings.IndexByte(gazClasses, 'o')
	// nonNameClasses are common words, demonyms and first names: one of
	// them alone is no short form ("Iraqi" of "Iraqi National Congress",
	// "Melinda" of "Bill and Melinda Gates Foundation").
	nonNameClasses = uint16(1)<<strings.IndexByte(gazClasses, 'w') |
		uint16(1)<<strings.IndexByte(gazClasses, 'd') | uint16(1)<<strings.IndexByte(gazClasses, 'f')
)

// adjectival reports whether w ends like an adjective of nationality or
// creed ("Irish", "Islamic", "Jewish"), which the demonym list lacks.
func adjectival(w string) bool {
	w = strings.ToLower(w)
	for _, suf := range []string{"ish", "ic", "ian", "ese"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// shortForms returns the short forms of the document's organization
// names that end in an organization cue: "Mekong Star" and "Mekong" for
// "Mekong Star Shipping Corp.", "Elbmarsch" for "Elbmarsch Terminals
// GmbH". News names a company in full once and by its short form after,
// where the model, without the cue, often takes it for a person or
// nothing. A one-word short form that is a common word, a demonym or
// adjective, or a first name, or the surname of a person the document
// names ("Ford" beside "Harrison Ford"), is left out.
func (m *Model) shortForms(doc [][]string, labels [][]string) map[string]bool {
	out := map[string]bool{}
	surnames := map[string]bool{}
	for si, toks := range doc {
		ls := labels[si]
		for a := 0; a < len(ls); a++ {
			if !strings.HasPrefix(ls[a], "B-") {
				continue
			}
			b := spanEnd(ls, a)
			switch typ := ls[a][2:]; {
			case typ == "PER" && b-a >= 2:
				surnames[toks[b-1]] = true
			case typ == "ORG" && b-a >= 2 && m.gaz.hasClass(toks[b-1:b], orgCueClass):
				for k := a + 1; k < b && isTitleCase(toks[k-1]) && !m.gaz.isCue(toks[k-1]); k++ {
					if k-a > 1 || !m.gaz.hasClass(toks[a:k], nonNameClasses) && !adjectival(toks[a]) {
						out[strings.Join(toks[a:k], " ")] = true
					}
				}
			}
			a = b - 1
		}
	}
	for k := range surnames {
		delete(out, k)
	}
	return out
}

// hasClass reports whether the gazetteer holds toks in one of the classes.
func (g *gazetteer) hasClass(toks []string, classes uint16) bool {
	h := uint64(phraseSeed)
	for _, t := range toks {
		h = phraseStep(h, hlower(t))
	}
	return g.m[h]&classes != 0
}

// typeIndex returns the index in typeNames of a span type.
func typeIndex(typ string) int {
	for t, n := range typeNames {
		if n == typ {
			return t
		}
	}
	return 0
}
