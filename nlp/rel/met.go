package rel

import (
	"github.com/entigraph/entigraph/annot"
)

// met has no public training data, so it is found by rules over the
// trigger words of lexMeet: a subject (the nearest PERSON or ORG before
// the trigger, with those coordinated with it) and an object (the first
// PERSON or ORG shortly after it, with those coordinated with it), or
// "a meeting between X and Y", or "X and Y met". Every pair holds at
// least one PERSON.

// metVerb describes how a trigger word takes its object.
type metVerb struct {
	prep   []string // a required preposition right after the word ("spoke with")
	reach  int      // how many tokens may separate the trigger and its object
	person bool     // the object must be a PERSON ("visited", "received")
}

var metVerbs = map[string]metVerb{
	"met":        {reach: 6},
	"meet":       {reach: 6},
	"meets":      {reach: 6},
	"meeting":    {reach: 6},
	"meetings":   {reach: 6},
	"talks":      {prep: []string{"with", "between"}, reach: 6},
	"talked":     {prep: []string{"with", "to"}, reach: 6},
	"spoke":      {prep: []string{"with", "to"}, reach: 6},
	"speaks":     {prep: []string{"with", "to"}, reach: 6},
	"conferred":  {prep: []string{"with"}, reach: 6},
	"negotiated": {prep: []string{"with"}, reach: 6},
	"visited":    {reach: 2, person: true},
	"received":   {reach: 2, person: true},
	"hosted":     {reach: 2, person: true},
	"phoned":     {reach: 2, person: true},
	"telephoned": {reach: 2, person: true},
	"summit":     {prep: []string{"with", "between"}, reach: 6},
}

// Scores of the met rules: a verb with both arguments close, and the
// looser patterns.
const (
	metScoreClose = 0.85
	metScoreFar   = 0.65
)

// party reports whether m can take part in a meeting.
func party(m *sentMention) bool { return m.typ == annot.Person || m.typ == annot.Org }

// appendMet adds the met relations of sentence s to out.
func appendMet(out []annot.Relation, doc *annot.Document, s *sentInfo, si int) []annot.Relation {
	for k := range s.low {
		v, ok := metVerbs[s.low[k]]
		if !ok || inMention(s, k) {
			continue
		}
		next := at(s, k+1)
		if len(v.prep) > 0 && !oneOf(next, v.prep) {
			continue
		}
		if next == "between" {
			objs := coordinated(s, k+2, 3)
			out = emitAll(out, doc, s, si, k, objs, metScoreClose)
			continue
		}
		subj := subjects(s, k)
		objs := objects(s, k, v)
		switch {
		case len(subj) > 0 && len(objs) > 0:
			for _, a := range subj {
				for _, b := range objs {
					out = emit(out, doc, s, si, k, a, b, scoreFor(s, a, b, k))
				}
			}
		case len(objs) == 0 && len(subj) > 1:
			// "X and Y met".
			out = emitAll(out, doc, s, si, k, subj, metScoreFar)
		}
	}
	return out
}

func oneOf(w string, set []string) bool {
	for _, s := range set {
		if w == s {
			return true
		}
	}
	return false
}

func scoreFor(s *sentInfo, a, b *sentMention, k int) float64 {
	if k-a.end <= 3 && b.start-k <= 4 {
		return metScoreClose
	}
	return metScoreFar
}

// breaks are tokens a subject–trigger or trigger–object link does not
// cross.
var breaks = map[string]bool{".": true, ";": true, ":": true, "said": true, "says": true,
	"that": true, "but": true, "while": true, "before": true, "after": true, "told": true,
	"?": true, "!": true}

// subjects returns the party mentions that are the subject of the
// trigger at k: the nearest one before it, within 12 tokens, not crossing
// a break or another party, with those coordinated before it.
func subjects(s *sentInfo, k int) []*sentMention {
	var first *sentMention
	for i := len(s.ments) - 1; i >= 0; i-- {
		m := &s.ments[i]
		if m.end > k || !party(m) {
			continue
		}
		if k-m.end > 12 || crosses(s, m.end, k) {
			return nil
		}
		first = m
		break
	}
	if first == nil {
		return nil
	}
	out := []*sentMention{first}
	// Coordinated subjects: "X and Y met", "X, Y and Z held talks".
	cur := first
	for i := len(s.ments) - 1; i >= 0; i-- {
		m := &s.ments[i]
		if m.end > cur.start || !party(m) {
			continue
		}
		if !joiners(s, m.end, cur.start) {
			break
		}
		out = append(out, m)
		cur = m
	}
	return out
}

// objects returns the party mentions the trigger at k takes as object.
func objects(s *sentInfo, k int, v metVerb) []*sentMention {
	from := k + 1
	if len(v.prep) > 0 {
		from++
	}
	for i := range s.ments {
		m := &s.ments[i]
		if m.start < from {
			continue
		}
		if m.start-from > v.reach || crosses(s, from, m.start) || !party(m) {
			return nil
		}
		if v.person && m.typ != annot.Person {
			return nil
		}
		return append([]*sentMention{m}, coordinatedAfter(s, i)...)
	}
	return nil
}

// coordinated returns the party mentions from token from on joined by
// "and" or commas, when there are at least two and the first starts within
// reach tokens.
func coordinated(s *sentInfo, from, reach int) []*sentMention {
	for i := range s.ments {
		m := &s.ments[i]
		if m.start < from {
			continue
		}
		if m.start-from > reach || !party(m) {
			return nil
		}
		return append([]*sentMention{m}, coordinatedAfter(s, i)...)
	}
	return nil
}

// coordinatedAfter returns the party mentions joined to s.ments[i] by
// "and" or commas.
func coordinatedAfter(s *sentInfo, i int) []*sentMention {
	var out []*sentMention
	cur := &s.ments[i]
	for j := i + 1; j < len(s.ments); j++ {
		m := &s.ments[j]
		if !party(m) || !joiners(s, cur.end, m.start) {
			break
		}
		out = append(out, m)
		cur = m
	}
	return out
}

// joiners reports whether tokens [from, to) only join two names: "and",
// ",", "and the", ", and".
func joiners(s *sentInfo, from, to int) bool {
	if to <= from || to-from > 3 {
		return false
	}
	and := false
	for i := from; i < to; i++ {
		switch s.low[i] {
		case "and", "&":
			and = true
		case ",", "the":
		default:
			return false
		}
	}
	return and || (to-from == 1 && s.low[from] == ",")
}

// crosses reports whether tokens [from, to) hold a break or a party
// mention.
func crosses(s *sentInfo, from, to int) bool {
	for i := from; i < to; i++ {
		if breaks[s.low[i]] {
			return true
		}
	}
	for k := range s.ments {
		m := &s.ments[k]
		if party(m) && m.start >= from && m.end <= to {
			return true
		}
	}
	return false
}

func emitAll(out []annot.Relation, doc *annot.Document, s *sentInfo, si, k int, ms []*sentMention, score float64) []annot.Relation {
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			out = emit(out, doc, s, si, k, ms[i], ms[j], score)
		}
	}
	return out
}

// emit adds met(a, b), the earlier mention as head, unless neither is a
// PERSON or the pair is already there.
func emit(out []annot.Relation, doc *annot.Document, s *sentInfo, si, k int, a, b *sentMention, score float64) []annot.Relation {
	if a.typ != annot.Person && b.typ != annot.Person {
		return out
	}
	if a.idx > b.idx {
		a, b = b, a
	}
	for _, r := range out {
		if r.Type == annot.Met && r.Head == a.idx && r.Tail == b.idx {
			return out
		}
	}
	r := annot.Relation{Type: annot.Met, Head: a.idx, Tail: b.idx, Score: score, Sentence: si}
	end := k + 1
	if w := at(s, k+1); w == "with" || w == "to" || w == "between" {
		end++
	}
	setSpan(&r, doc, s.toks[k].Start, s.toks[end-1].End)
	return append(out, r)
}
