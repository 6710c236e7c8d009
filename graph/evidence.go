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

// Evidence is a passage where both ends of an edge occur, or that states
// a relation: the answer to "why are these two connected?".
type Evidence struct {
	Doc     string `json:"doc"`   // document id
	Start   int    `json:"start"` // byte offsets of the sentence (or unit) in the document
	End     int    `json:"end"`
	Text    string `json:"text"`              // the passage, capped at MaxEvidenceBytes
	Trigger string `json:"trigger,omitempty"` // for a relation, the words that state it
}

// evidenceItem is a passage with its rank among the passages of its
// document for the same edge (0 for the first).
type evidenceItem struct {
	Evidence
	rank int
}

// evidenceSet keeps the k best passages of an edge, in order: first
// passages of documents before second ones (so the passages come from as
// many documents as possible), then by document id (in natural order:
// "a.jsonl:9" before "a.jsonl:10"), then by offset. The order depends
// only on the passages, so the set of a corpus is the same whatever the
// order in which documents and partial graphs are added.
type evidenceSet []evidenceItem

func (x evidenceItem) compare(y evidenceItem) int {
	return cmp.Or(cmp.Compare(x.rank, y.rank), naturalCompare(x.Doc, y.Doc),
		cmp.Compare(x.Start, y.Start), cmp.Compare(x.End, y.End), strings.Compare(x.Trigger, y.Trigger))
}

// wants reports whether the set would keep it.
func (s evidenceSet) wants(it evidenceItem, k int) bool {
	return k > 0 && (len(s) < k || it.compare(s[len(s)-1]) < 0)
}

// add inserts it if it is among the k best.
func (s evidenceSet) add(it evidenceItem, k int) evidenceSet {
	if !s.wants(it, k) {
		return s
	}
	i, found := slices.BinarySearchFunc(s, it, evidenceItem.compare)
	if found {
		return s
	}
	s = slices.Insert(s, i, it)
	if len(s) > k {
		s = s[:k]
	}
	return s
}

// merge adds the items of o.
func (s evidenceSet) merge(o evidenceSet, k int) evidenceSet {
	for _, it := range o {
		s = s.add(it, k)
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

// naturalCompare orders strings with runs of digits compared as numbers,
// then byte-wise ("a01" before "a1").
func naturalCompare(a, b string) int {
	return cmp.Or(naturalOrder(a, b), strings.Compare(a, b))
}

func naturalOrder(a, b string) int {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if c := cmp.Or(cmp.Compare(len(na), len(nb)), strings.Compare(na, nb)); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b))
}

func digitRun(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
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
		e.Units, plural(e.Units, unit), e.Docs, plural(e.Docs, "document"))
	for _, ev := range e.Evidence {
		fmt.Fprintf(&b, "\n\n[%s] %s", ev.Doc, oneLine(ev.Text))
	}
	return b.String()
}

// RelationTooltip describes a relation and its evidence, for a DOT
// tooltip: "A works for B: stated in 2 sentences of 2 documents (score
// 0.83)", then each passage with its document and trigger.
func RelationTooltip(r *Relation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s: stated in %d %s of %d %s (score %.2f)", r.Head, r.Type.Label(), r.Tail,
		r.Count, plural(r.Count, "sentence"), r.Docs, plural(r.Docs, "document"), r.Score)
	for _, ev := range r.Evidence {
		fmt.Fprintf(&b, "\n\n[%s] %s", ev.Doc, oneLine(ev.Text))
		if ev.Trigger != "" {
			fmt.Fprintf(&b, " (%q)", ev.Trigger)
		}
	}
	return b.String()
}

// oneLine joins a passage's lines: hard-wrapped newswire reads better in
// a tooltip as one paragraph, and Graphviz's own DOT writer (which PNG
// rendering reads back) mangles a line that starts with a quote.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
