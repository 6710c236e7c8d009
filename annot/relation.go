package annot

// RelationType is the kind of a relation between two mentions.
type RelationType string

// The relation types entigraph extracts. The first five follow the CoNLL04
// definitions (Roth and Yih 2004); Met is symmetric.
const (
	WorksFor  RelationType = "works_for"  // PERSON → ORG: employment, membership, office
	BasedIn   RelationType = "based_in"   // ORG → LOC: headquarters, base, seat
	LocatedIn RelationType = "located_in" // LOC → LOC: a place inside another
	LivesIn   RelationType = "lives_in"   // PERSON → LOC: residence, home town
	Killed    RelationType = "killed"     // PERSON → PERSON
	Met       RelationType = "met"        // PERSON ↔ PERSON (or ORG): met, held talks, visited
)

// RelationTypes lists every relation type in canonical order.
var RelationTypes = []RelationType{WorksFor, BasedIn, LocatedIn, LivesIn, Killed, Met}

// ParseRelationType maps a relation type name to a RelationType.
func ParseRelationType(s string) (RelationType, bool) {
	for _, t := range RelationTypes {
		if string(t) == s {
			return t, true
		}
	}
	return "", false
}

// Symmetric reports whether the relation holds both ways (met).
func (t RelationType) Symmetric() bool { return t == Met }

// Label is the human wording of the type ("works for").
func (t RelationType) Label() string {
	switch t {
	case WorksFor:
		return "works for"
	case BasedIn:
		return "based in"
	case LocatedIn:
		return "located in"
	case LivesIn:
		return "lives in"
	case Killed:
		return "killed"
	case Met:
		return "met"
	}
	return string(t)
}

// Relation is a typed, directed link between two mentions of one sentence.
type Relation struct {
	Type RelationType
	// Head and Tail index Document.Mentions. For a symmetric type Head is
	// the earlier mention.
	Head, Tail int
	// Score is the extractor's confidence, in [0, 1].
	Score float64
	// Trigger is the words that express the relation ("based in",
	// "member of"), "" when none stands out; TriggerStart and TriggerEnd
	// are its byte offsets (equal when there is no trigger).
	Trigger                  string
	TriggerStart, TriggerEnd int
	// Sentence indexes Document.Sentences.
	Sentence int
}
