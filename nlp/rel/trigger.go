package rel

import (
	"strings"

	"github.com/entigraph/entigraph/annot"
)

// triggerClasses lists, per relation type, the lexicon classes whose words
// express it, strongest first.
var triggerClasses = map[annot.RelationType][]uint8{
	annot.WorksFor:  {lexRole, lexWork},
	annot.BasedIn:   {lexBased, lexPrep},
	annot.LocatedIn: {lexPrep},
	annot.LivesIn:   {lexLive, lexBased, lexPrep},
	annot.Killed:    {lexKill},
	annot.Met:       {lexMeet},
}

// weakWork are lexWork words too vague to show as a trigger.
var weakWork = map[string]bool{"said": true, "says": true, "told": true}

// setTrigger finds the words expressing r: a word of the type's trigger
// classes between the mentions, else next to them, extended by a
// following preposition ("member of", "based in"). "X-based" yields
// "based". No trigger is set when none is found.
func setTrigger(r *annot.Relation, doc *annot.Document, s *sentInfo, a, b *sentMention) {
	if r.Type == annot.BasedIn || r.Type == annot.LivesIn {
		for i := max(0, a.start-1); i < min(len(s.low), b.end+1); i++ {
			if k := strings.Index(s.low[i], "-based"); k >= 0 && k+6 == len(s.low[i]) {
				t := s.toks[i]
				setSpan(r, doc, t.Start+k+1, t.End)
				return
			}
		}
	}
	for _, c := range triggerClasses[r.Type] {
		i := findClass(s, c, a.end, b.start)
		if i < 0 && c != lexPrep {
			// A preposition outside the pair is rarely about it
			// ("riots in Marseille, France").
			i = findClass(s, c, max(0, a.start-3), a.start)
		}
		if i < 0 && c != lexPrep {
			i = findClass(s, c, b.end, min(len(s.low), b.end+3))
		}
		if i < 0 {
			continue
		}
		j := i + 1
		for j < len(s.low) && j < i+3 && s.lex[j] == c && c == lexRole && !inMention(s, j) {
			j++ // "chief executive", "vice president"
		}
		if c != lexPrep && j < len(s.low) && j != b.start && j != a.start &&
			(s.lex[j] == lexPrep || s.lex[j] == lexOf) {
			j++
		}
		setSpan(r, doc, s.toks[i].Start, s.toks[j-1].End)
		return
	}
}

// findClass returns the first token in [from, to) of lexicon class c.
func findClass(s *sentInfo, c uint8, from, to int) int {
	for i := from; i < to; i++ {
		if s.lex[i] == c && !(c == lexWork && weakWork[s.low[i]]) && !inMention(s, i) {
			return i
		}
	}
	return -1
}

func inMention(s *sentInfo, i int) bool {
	for k := range s.ments {
		if s.ments[k].start <= i && i < s.ments[k].end {
			return true
		}
	}
	return false
}

func setSpan(r *annot.Relation, doc *annot.Document, start, end int) {
	r.Trigger = doc.Text[start:end]
	r.TriggerStart, r.TriggerEnd = start, end
}
