package graph

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/resolve"
)

// wireVersion is the version of the serialized form of a Partial; a
// different version is refused rather than misread.
const wireVersion = 1

// The serialized form of a Partial: every collection sorted, so the same
// partial always gives the same bytes.
type wirePartial struct {
	Version   int        `json:"version"`
	Scope     string     `json:"scope"`
	Evidence  int        `json:"evidence"`
	Docs      int        `json:"docs"`
	Units     int        `json:"units"`
	Entities  []wireEnt  `json:"entities"`
	Links     []wireLink `json:"links"`
	Relations []wireRel  `json:"relations,omitempty"`
}

type wireEnt struct {
	Key       string         `json:"key"`
	Display   string         `json:"display,omitempty"`
	Hint      string         `json:"hint,omitempty"`
	ForceType annot.Type     `json:"force_type,omitempty"`
	Names     map[string]int `json:"names"`
	Types     map[string]int `json:"types"`
	Mentions  int            `json:"mentions"`
	Docs      int            `json:"docs"`
	Units     int            `json:"units"`
	Days      dayCounts      `json:"days,omitempty"`
}

type wireLink struct {
	A        string     `json:"a"`
	B        string     `json:"b"`
	Share    int64      `json:"share"`
	Units    int        `json:"units"`
	Docs     int        `json:"docs"`
	Days     dayCounts  `json:"days,omitempty"`
	Evidence []wireEvid `json:"evidence,omitempty"`
}

type wireRel struct {
	Type     annot.RelationType `json:"type"`
	Head     string             `json:"head"`
	Tail     string             `json:"tail"`
	Count    int                `json:"count"`
	Docs     int                `json:"docs"`
	Score    int64              `json:"score"`
	Days     dayCounts          `json:"days,omitempty"`
	Evidence []wireEvid         `json:"evidence,omitempty"`
}

type wireEvid struct {
	Evidence
	Rank int `json:"rank"`
}

// MarshalJSON serializes the partial (without its aliases rules, which
// were applied as documents were added).
func (p *Partial) MarshalJSON() ([]byte, error) {
	w := wirePartial{Version: wireVersion, Scope: p.opts.Scope.String(), Evidence: p.opts.evidence(), Docs: p.docs, Units: p.units}
	for _, k := range slices.Sorted(maps.Keys(p.ents)) {
		e := p.ents[k]
		types := map[string]int{}
		for t, c := range e.Types {
			types[string(t)] = c
		}
		w.Entities = append(w.Entities, wireEnt{
			Key: k, Display: e.Display, Hint: e.Hint, ForceType: e.ForceType, Names: e.Names, Types: types,
			Mentions: e.mentions, Docs: e.docs, Units: e.units, Days: e.days,
		})
	}
	for pr, l := range p.links {
		w.Links = append(w.Links, wireLink{A: pr.a, B: pr.b, Share: l.share, Units: l.units, Docs: l.docs, Days: l.days, Evidence: wireEvidence(l.evidence)})
	}
	slices.SortFunc(w.Links, func(x, y wireLink) int { return cmp.Or(strings.Compare(x.A, y.A), strings.Compare(x.B, y.B)) })
	for k, r := range p.rels {
		w.Relations = append(w.Relations, wireRel{Type: k.typ, Head: k.head, Tail: k.tail, Count: r.count, Docs: r.docs, Score: r.score, Days: r.days, Evidence: wireEvidence(r.evidence)})
	}
	slices.SortFunc(w.Relations, func(x, y wireRel) int {
		return cmp.Or(strings.Compare(x.Head, y.Head), strings.Compare(x.Tail, y.Tail), strings.Compare(string(x.Type), string(y.Type)))
	})
	return json.Marshal(w)
}

// UnmarshalJSON reads a partial written by MarshalJSON. Options other than
// the scope and evidence limit (types, minimum mentions, aliases) are
// those of the receiver.
func (p *Partial) UnmarshalJSON(data []byte) error {
	var w wirePartial
	if err := json.Unmarshal(data, &w); err != nil {
		return fmt.Errorf("partial graph: %w", err)
	}
	if w.Version != wireVersion {
		return fmt.Errorf("partial graph: version %d, want %d", w.Version, wireVersion)
	}
	scope, err := ParseScope(w.Scope)
	if err != nil {
		return fmt.Errorf("partial graph: %w", err)
	}
	q := NewPartial(p.opts)
	q.opts.Scope, q.opts.Evidence = scope, w.Evidence
	if w.Evidence == 0 {
		q.opts.Evidence = -1
	}
	q.docs, q.units = w.Docs, w.Units
	for _, we := range w.Entities {
		e := &entAgg{Entity: resolve.NewEntity(we.Key), mentions: we.Mentions, docs: we.Docs, units: we.Units, days: we.Days}
		e.Display, e.Hint, e.ForceType = we.Display, we.Hint, we.ForceType
		for n, c := range we.Names {
			e.Names[n] = c
		}
		for t, c := range we.Types {
			e.Types[annot.Type(t)] = c
		}
		q.ents[we.Key] = e
	}
	for _, wl := range w.Links {
		q.links[pair{wl.A, wl.B}] = &linkAgg{share: wl.Share, units: wl.Units, docs: wl.Docs, days: wl.Days, evidence: readEvidence(wl.Evidence)}
	}
	for _, wr := range w.Relations {
		if _, ok := annot.ParseRelationType(string(wr.Type)); !ok {
			return fmt.Errorf("partial graph: unknown relation type %q", wr.Type)
		}
		q.rels[relKey{wr.Type, wr.Head, wr.Tail}] = &relAgg{count: wr.Count, docs: wr.Docs, score: wr.Score, days: wr.Days, evidence: readEvidence(wr.Evidence)}
	}
	*p = *q
	return nil
}

func wireEvidence(s evidenceSet) []wireEvid {
	out := make([]wireEvid, len(s))
	for i, it := range s {
		out[i] = wireEvid{it.Evidence, it.rank}
	}
	return out
}

func readEvidence(ws []wireEvid) evidenceSet {
	s := make(evidenceSet, len(ws))
	for i, w := range ws {
		s[i] = evidenceItem{w.Evidence, w.Rank}
	}
	slices.SortFunc(s, evidenceItem.compare)
	return s
}
