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
// elsewhere, and a person's surname alone after the full name.

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
	for si, toks := range doc {
		ls := labels[si]
		changed := false
		for i := 0; i < len(toks); i++ {
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
