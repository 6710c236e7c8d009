package rel

import "github.com/entigraph/entigraph/annot"

// Joint inference of entity and relation types (after Roth and Yih
// 2004): the recognizer types a mention from its words and their
// surroundings alone, but a relation can settle the type. In "the
// Lebanon-based TV channel Al Mayadeen" the construction says based_in, so
// Al Mayadeen is an organization whatever its name looks like; in
// "Lowman, Idaho" the town-comma-state construction says located_in, so
// Lowman is a place. When the classifier is confident of a relation under
// another type of one argument, and that argument is in no relation of
// its own type, the argument takes the type the relation needs.
const (
	// retypeMin is the score a relation must reach under the new type.
	retypeMin = 0.7
	// retypeGain is how much more it must score than what the pair
	// scores under the recognizer's types.
	retypeGain = 0.1
	// retypeSupport is the score from which a relation under its own
	// type keeps a mention's type.
	retypeSupport = 0.5
	// retypeMaxTokens bounds the distance between the arguments: the
	// constructions that can overrule the recognizer are local, and
	// scoring every pair under every type would cost five times as much.
	retypeMaxTokens = 8
)

var retypeTypes = [...]annot.Type{annot.Person, annot.Org, annot.Loc}

// retypable reports whether a mention typed from may become to. Only a
// person may become an organization: names of channels, firms and
// parties read like people's ("Al Mayadeen", "Becton Dickinson"), while
// places, which the recognizer knows from gazetteers, and organizations
// are typed more surely than the classifier, which learned relations and
// not types, can overrule (on CoNLL04 dev, letting places become people
// turned "the President of the United States, was born in ..." into
// lives_in(United States, ...)).
func retypable(from, to annot.Type) bool {
	return from == annot.Person && to == annot.Org
}

// orgNouns name kinds of organization. One just before a name ("the TV
// channel Al Mayadeen", "the firm Becton Dickinson") says what the name
// is, whatever it looks like; without one, the classifier's liking for a
// relation under another type proved no evidence of that type (on CoNLL04
// dev it turned Lincoln, Reagan and Stalin into organizations).
var orgNouns = map[string]bool{
	"channel": true, "network": true, "broadcaster": true, "station": true, "newspaper": true,
	"daily": true, "weekly": true, "magazine": true, "agency": true, "company": true,
	"firm": true, "group": true, "bank": true, "party": true, "movement": true,
	"union": true, "organization": true, "organisation": true, "institute": true,
	"foundation": true, "charity": true, "militia": true, "airline": true, "carrier": true,
	"maker": true, "manufacturer": true, "retailer": true, "chain": true, "club": true,
	"team": true, "outlet": true, "publisher": true, "broadcasting": true, "corporation": true,
}

// namedAsOrg reports whether an organization noun directly precedes the
// mention, perhaps with a comma, an article or a quote between.
func namedAsOrg(s *sentInfo, mi *sentMention) bool {
	for k := mi.start - 1; k >= 0 && k >= mi.start-3; k-- {
		switch w := s.low[k]; {
		case orgNouns[w]:
			return true
		case w == "," || w == "the" || w == "\"" || w == "'":
		default:
			return false
		}
	}
	return false
}

// retype re-types the mentions of sentence s that a confident relation
// needs of another type, in s and in doc.
func (m *Model) retype(doc *annot.Document, s *sentInfo, w *worker) {
	any := false
	for i := range s.ments {
		any = any || (s.ments[i].typ == annot.Person && namedAsOrg(s, &s.ments[i]))
	}
	if !any {
		return // the common case costs one look at each mention
	}
	// support[i] is the best score of a relation mention i takes part in
	// under the recognizer's types, and with whom.
	type best struct {
		p       float64
		partner int
	}
	support := make([]best, len(s.ments))
	second := make([]float64, len(s.ments)) // best score with another partner
	orig := map[[2]int]float64{}
	forPairIdx(s, func(i, j int) {
		a, b := &s.ments[i], &s.ments[j]
		allowed := allowedClasses(a.typ, b.typ)
		if allowed == 1 {
			return
		}
		m.scores(w.f.pair(s, a, b), &w.sc)
		c, p := decide(&w.sc, allowed, m.temp)
		if c == clsNone {
			return
		}
		orig[[2]int{i, j}] = p
		for _, x := range [2][2]int{{i, j}, {j, i}} {
			if p > support[x[0]].p {
				second[x[0]] = max(second[x[0]], support[x[0]].p)
				support[x[0]] = best{p, x[1]}
			} else {
				second[x[0]] = max(second[x[0]], p)
			}
		}
	})
	// supportBut is i's best score in a relation with anyone but k.
	supportBut := func(i, k int) float64 {
		if support[i].partner == k {
			return second[i]
		}
		return support[i].p
	}
	newType := make([]annot.Type, len(s.ments))
	newP := make([]float64, len(s.ments))
	forPairIdx(s, func(i, j int) {
		if s.ments[j].start-s.ments[i].end > retypeMaxTokens {
			return
		}
		p0 := orig[[2]int{i, j}]
		for _, x := range [2][2]int{{i, j}, {j, i}} {
			mi := &s.ments[x[0]]
			if supportBut(x[0], x[1]) >= retypeSupport || !namedAsOrg(s, mi) {
				continue
			}
			was := mi.typ
			for _, t := range retypeTypes {
				if !retypable(was, t) {
					continue
				}
				mi.typ = t
				a, b := &s.ments[i], &s.ments[j]
				if allowed := allowedClasses(a.typ, b.typ); allowed != 1 {
					m.scores(w.f.pair(s, a, b), &w.sc)
					if c, p := decide(&w.sc, allowed, m.temp); c != clsNone && p >= retypeMin && p >= p0+retypeGain && p > newP[x[0]] {
						newType[x[0]], newP[x[0]] = t, p
					}
				}
			}
			mi.typ = was
		}
	})
	for i, t := range newType {
		if t != "" {
			s.ments[i].typ = t
			doc.Mentions[s.ments[i].idx].Type = t
		}
	}
}

// forPairIdx calls fn for the indexes of the pairs forPairs visits.
func forPairIdx(s *sentInfo, fn func(i, j int)) {
	for i := range s.ments {
		a := &s.ments[i]
		for j := i + 1; j < len(s.ments); j++ {
			b := &s.ments[j]
			if b.start < a.end {
				continue
			}
			if b.start-a.end > MaxPairTokens {
				break
			}
			fn(i, j)
		}
	}
}
