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
	prep   []string // a required preposition after the word ("spoke with", "spoke by phone with")
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
	"call":       {prep: []string{"with", "from", "to"}, reach: 6},
	"calls":      {prep: []string{"with", "from", "to"}, reach: 6},
	"shook":      {prep: []string{"hands"}, reach: 3},
	"shake":      {prep: []string{"hands"}, reach: 3},
	"sat":        {prep: []string{"with"}, reach: 6},
	"dined":      {prep: []string{"with"}, reach: 6},
	"lunched":    {prep: []string{"with"}, reach: 6},
	"greeted":    {reach: 2, person: true},
	"embraced":   {reach: 2, person: true},
	"hugged":     {reach: 2, person: true},
}

// negators before a trigger deny the meeting ("never met", "refused to
// meet").
var negators = map[string]bool{"not": true, "n't": true, "never": true, "refused": true,
	"declined": true, "no": true, "cancelled": true, "canceled": true, "without": true}

// fronting words open a clause before its subject: "After talks with X,
// Y flew home."
var fronting = map[string]bool{"after": true, "following": true, "before": true, "during": true, "in": true}

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
		if negated(s, k) {
			continue
		}
		next := at(s, k+1)
		if next == "between" {
			objs := coordinated(s, k+2, 3)
			out = emitAll(out, doc, s, si, k, objs, metScoreClose)
			continue
		}
		subj := subjects(s, k)
		var objs []*sentMention
		if from := objectStart(s, k, v); from >= 0 {
			objs = objects(s, from, v)
		}
		if len(subj) == 0 && len(objs) > 0 {
			subj = frontedSubject(s, k, objs[len(objs)-1])
		}
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

// negated reports whether a negator stands in the three tokens before
// the trigger at k.
func negated(s *sentInfo, k int) bool {
	for i := max(0, k-3); i < k; i++ {
		if negators[s.low[i]] {
			return true
		}
	}
	return false
}

// frontedSubject returns the subject of a sentence that opens with the
// trigger's clause ("After talks with X, Y flew home"): the first party
// right after the comma that closes the clause.
func frontedSubject(s *sentInfo, k int, obj *sentMention) []*sentMention {
	if k > 2 || (k > 0 && !fronting[s.low[0]]) {
		return nil
	}
	for i := obj.end; i < len(s.low) && i < obj.end+6; i++ {
		if s.low[i] != "," {
			continue
		}
		for j := range s.ments {
			m := &s.ments[j]
			if m.start == i+1 && party(m) {
				return []*sentMention{m}
			}
		}
		return nil
	}
	return nil
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
	"that": true, "but": true, "while": true, "told": true,
	"?": true, "!": true}

// subjects returns the party mentions that are the subject of the
// trigger at k: the nearest one before it, within 12 tokens, not crossing
// a break or another party, with those coordinated before it.
func subjects(s *sentInfo, k int) []*sentMention {
	if m := appositionHead(s, k); m != nil {
		return []*sentMention{m}
	}
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

// appositionHead returns the subject of a trigger that follows an
// apposition ("Tim Cook, the chief executive of Apple, met ..."): the party
// that ends right before the apposition's opening comma, or nil.
func appositionHead(s *sentInfo, k int) *sentMention {
	close := k - 1
	if close > 0 && (s.low[close] == "has" || s.low[close] == "had") {
		close--
	}
	if close < 1 || s.low[close] != "," {
		return nil
	}
	for c := close - 1; c > 0 && c >= close-15; c-- {
		if breaks[s.low[c]] {
			return nil
		}
		if s.low[c] != "," {
			continue
		}
		for i := range s.ments {
			if m := &s.ments[i]; m.end == c && party(m) {
				return m
			}
		}
		return nil
	}
	return nil
}

// objectStart returns where the object of the trigger at k may start:
// right after it, or after its preposition, which may follow a few
// lowercase words ("spoke by phone with", "sat down with"); -1 when the
// preposition the trigger needs is missing.
func objectStart(s *sentInfo, k int, v metVerb) int {
	if len(v.prep) == 0 {
		return k + 1
	}
	for i := k + 1; i < len(s.low) && i <= k+3; i++ {
		if oneOf(s.low[i], v.prep) {
			if at(s, i+1) == "with" {
				i++ // "shook hands with"
			}
			return i + 1
		}
		if breaks[s.low[i]] || shape(s.toks[i].Text) != "x" || inMention(s, i) {
			break
		}
	}
	return -1
}

// objects returns the party mentions that are the object of a trigger
// whose object may start at token from.
func objects(s *sentInfo, from int, v metVerb) []*sentMention {
	for i := range s.ments {
		m := &s.ments[i]
		if m.start < from || !party(m) {
			continue // places in a title phrase: "Morocco's King X"
		}
		if span(s, from, m.start) > v.reach || crosses(s, from, m.start) {
			return nil
		}
		if m.typ == annot.Org {
			// "IMF chief Kristalina Georgieva": the organization
			// only qualifies the person who follows it.
			if p := roleHolder(s, i); p != nil {
				m, i = p, indexOf(s, p)
			}
		}
		if v.person && m.typ != annot.Person {
			return nil
		}
		return append([]*sentMention{m}, coordinatedAfter(s, i)...)
	}
	return nil
}

// span counts the tokens in [from, to) outside title phrases: capitalised
// words, "of", "the" and "'s" do not take a trigger away from its object
// ("met with the Leader of the Islamic Revolution Ayatollah X").
func span(s *sentInfo, from, to int) int {
	n := 0
	for i := from; i < to; i++ {
		w := s.toks[i].Text
		if w == "of" || w == "the" || w == "'s" || shape(w) == "Xx" || shape(w) == "X" {
			continue
		}
		n++
	}
	return n
}

// roleHolder returns the PERSON that follows ORG mention i after one or
// two role words ("IMF chief X", "Hamas political leader X"), or nil.
func roleHolder(s *sentInfo, i int) *sentMention {
	org := &s.ments[i]
	if i+1 >= len(s.ments) {
		return nil
	}
	p := &s.ments[i+1]
	if p.typ != annot.Person || p.start-org.end < 1 || p.start-org.end > 2 {
		return nil
	}
	for j := org.end; j < p.start; j++ {
		if s.lex[j] != lexRole && !(j+1 < p.start && shape(s.toks[j].Text) == "x") {
			return nil
		}
	}
	return p
}

func indexOf(s *sentInfo, m *sentMention) int {
	for i := range s.ments {
		if &s.ments[i] == m {
			return i
		}
	}
	return -1
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
