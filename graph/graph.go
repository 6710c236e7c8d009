package graph

import (
	"strings"
	"time"
	"unicode"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/resolve"
)

// maxEntitiesPerUnit bounds the entities linked within one scope unit, so
// a pathological unit (a huge document at document scope) costs at most
// maxEntitiesPerUnit² edge updates rather than growing without limit.
const maxEntitiesPerUnit = 500

// Options control how documents are accumulated and what the graph
// keeps. The zero value links all types at sentence scope, keeps
// DefaultEvidence passages per edge and keeps every entity.
type Options struct {
	Scope       Scope
	Types       []annot.Type     // entity types to keep; empty keeps all
	MinMentions int              // drop nodes with fewer mentions (and their edges)
	Aliases     *resolve.Aliases // user rules for entity resolution; nil for none
	// Evidence is how many supporting passages each edge keeps: zero
	// means DefaultEvidence, negative none.
	Evidence int
}

func (o Options) evidence() int {
	if o.Evidence == 0 {
		return DefaultEvidence
	}
	return max(o.Evidence, 0)
}

// Alias is one name of an entity and how many mentions used it.
type Alias = resolve.Alias

// Node is an entity in a graph snapshot.
type Node struct {
	Key      string     // unique id: the canonical name, as in extract's "entity"
	Label    string     // display name: the canonical name
	Type     annot.Type // forced by the aliases file, or majority type of its mentions
	Mentions int        // number of mentions
	Docs     int        // number of documents mentioning it
	Aliases  []Alias    // the names it was mentioned by, most frequent first
	Units    int        // number of scope units mentioning it (for pmi, dice, ...)
	Time                // when it was mentioned, for dated documents
	Stats               // centrality and community, set by Analyse
}

// Edge joins two entities that occur in the same scope units; Source <
// Target.
type Edge struct {
	Source, Target string
	// Weight is the co-occurrence weight: each unit where both occur adds
	// 1/(k−1), k being the number of entities in the unit, so a pair in a
	// plain sentence counts 1 and a pair in a team sheet of 20 names
	// counts 1/19 (Newman's weighting of co-authorship networks).
	Weight      float64
	Units       int // number of scope units where both occur
	Docs        int // number of documents where they co-occur
	Association     // pmi, npmi, dice, jaccard and the chosen strength, set by Weigh
	Time            // when they co-occurred, for dated documents
	// Evidence holds up to Options.Evidence passages where both occur,
	// from as many documents as possible (see Evidence).
	Evidence []Evidence
}

// Relation is a typed, directed link between two entities, aggregated
// over every sentence that states it.
type Relation struct {
	Type annot.RelationType
	// Head and Tail are node keys; for a symmetric type Head < Tail.
	Head, Tail string
	Count      int     // sentences stating it
	Docs       int     // documents stating it
	Score      float64 // mean extractor score
	Time
	Evidence []Evidence // with Trigger set
}

// Time is when a node, edge or relation was seen in dated documents: the
// first and last day, and a count per day. It is empty when no document
// had a date.
type Time struct {
	FirstSeen, LastSeen time.Time // UTC midnight of the first and last day
	Timeline            []DayCount
}

// DayCount is a count on one day.
type DayCount struct {
	Day   time.Time // UTC midnight
	Count int
}

// Graph is a sorted snapshot: nodes by key, edges by (source, target),
// relations by (head, tail, type).
type Graph struct {
	Nodes     []Node
	Edges     []Edge
	Relations []Relation
	// Options are the options the graph was built with.
	Options Options
	// Docs is the number of documents added; Units the number of scope
	// units in them.
	Docs, Units int
	View        // what Weigh, Prune and Analyse did
}

// Key returns the display key of a mention text: white space collapsed
// and a trailing possessive removed. Entity resolution compares names
// more loosely (case, dots, hyphens, titles and well-known variants do
// not matter); see package resolve.
func Key(text string) string {
	k := strings.Join(strings.FieldsFunc(text, unicode.IsSpace), " ")
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if t, ok := strings.CutSuffix(k, suf); ok && t != "" {
			return strings.TrimRightFunc(t, unicode.IsSpace)
		}
	}
	return k
}
