package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// DefaultEvidence is how many supporting sentences an edge keeps when
// Options.Evidence is zero.
const DefaultEvidence = 3

// MaxEvidenceBytes caps the text of one piece of evidence.
const MaxEvidenceBytes = 300

// Evidence is a passage where both ends of an edge occur: the answer to
// "why are these two connected?".
type Evidence struct {
	Doc   string `json:"doc"`   // document id
	Start int    `json:"start"` // byte offsets of the sentence (or unit) in the document
	End   int    `json:"end"`
	Text  string `json:"text"` // the passage, capped at MaxEvidenceBytes
}

// evidenceItem is a passage with the input order of its document, which
// merging needs.
type evidenceItem struct {
	Evidence
	docIdx int
}

// evidenceSet keeps up to k passages for one edge. It is deterministic:
// documents arrive in input order, and a passage from a document not yet
// represented displaces the newest passage of the most represented
// document, so the kept passages come from as many documents as possible.
type evidenceSet []evidenceItem

// slot returns where a passage from document doc would be stored, or -1
// when it would not be kept. Callers build the passage only when wanted.
func (s evidenceSet) slot(doc string, k int) int {
	if len(s) < k {
		return len(s)
	}
	victim, most := -1, 1
	for i := len(s) - 1; i >= 0; i-- {
		if s[i].Doc == doc {
			return -1
		}
		n := 0
		for _, x := range s {
			if x.Doc == s[i].Doc {
				n++
			}
		}
		if n > most {
			victim, most = i, n
		}
	}
	return victim
}

// put stores e at a slot returned by slot: appended when the set is not
// full, else replacing the victim, which leaves the set in arrival order.
func (s evidenceSet) put(i int, e evidenceItem) evidenceSet {
	if i == len(s) {
		return append(s, e)
	}
	s = append(s[:i], s[i+1:]...)
	return append(s, e)
}

func (s evidenceSet) add(e evidenceItem, k int) evidenceSet {
	if i := s.slot(e.Doc, k); i >= 0 {
		return s.put(i, e)
	}
	return s
}

// passages returns the stored passages, nil when there are none.
func (s evidenceSet) passages() []Evidence {
	if len(s) == 0 {
		return nil
	}
	out := make([]Evidence, len(s))
	for i, e := range s {
		out[i] = e.Evidence
	}
	return out
}

// mergeEvidence combines the passages of edges contracted into one, as if
// they had arrived in input order.
func mergeEvidence(sets []evidenceSet, k int) evidenceSet {
	var all []evidenceItem
	for _, s := range sets {
		all = append(all, s...)
	}
	slices.SortStableFunc(all, func(x, y evidenceItem) int {
		return cmp.Or(cmp.Compare(x.docIdx, y.docIdx), cmp.Compare(x.Start, y.Start))
	})
	var out evidenceSet
	for _, e := range all {
		out = out.add(e, k)
	}
	return out
}

// capText returns text[start:end] cut to at most MaxEvidenceBytes. When
// the passage is longer, the window is placed to show the byte range
// [focusStart, focusEnd) (the two mentions) if it fits, and the cut never
// splits a UTF-8 sequence. Elided ends are marked with "…".
func capText(text string, start, end, focusStart, focusEnd int) string {
	if end-start <= MaxEvidenceBytes {
		return text[start:end]
	}
	budget := MaxEvidenceBytes - 2*len("…")
	from := start
	if focusEnd-start > budget {
		// Centre the window on the focus range.
		from = max(start, min((focusStart+focusEnd)/2-budget/2, end-budget))
	}
	to := min(from+budget, end)
	for from < to && !utf8.RuneStart(text[from]) {
		from++
	}
	for to > from && to < len(text) && !utf8.RuneStart(text[to]) {
		to--
	}
	out := text[from:to]
	if from > start {
		out = "…" + out
	}
	if to < end {
		out += "…"
	}
	return out
}

// EdgeTooltip describes an edge and its evidence, for a DOT tooltip:
// "A — B: together in 3 sentences of 2 documents", then each passage
// with its document.
func EdgeTooltip(e *Edge, scope Scope) string {
	unit := scope.String()
	if scope.Kind == ScopeWindow {
		unit = "window"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s: together in %d %s of %d %s", e.Source, e.Target,
		e.Weight, plural(e.Weight, unit), e.Docs, plural(e.Docs, "document"))
	for _, ev := range e.Evidence {
		fmt.Fprintf(&b, "\n\n[%s] %s", ev.Doc, ev.Text)
	}
	return b.String()
}
