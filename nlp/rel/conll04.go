package rel

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/entigraph/entigraph/annot"
)

// conll04Sentence is one record of the CoNLL04 token JSON.
type conll04Sentence struct {
	Tokens   []string `json:"tokens"`
	Entities []struct {
		Type       string `json:"type"`
		Start, End int
	} `json:"entities"`
	Relations []struct {
		Type       string `json:"type"`
		Head, Tail int
	} `json:"relations"`
}

// conll04Types maps CoNLL04 entity types to ours; Other has no counterpart.
var conll04Types = map[string]annot.Type{"Peop": annot.Person, "Org": annot.Org, "Loc": annot.Loc}

// conll04Rels maps CoNLL04 relation types to ours.
var conll04Rels = map[string]annot.RelationType{
	"Work_For":    annot.WorksFor,
	"OrgBased_In": annot.BasedIn,
	"Located_In":  annot.LocatedIn,
	"Live_In":     annot.LivesIn,
	"Kill":        annot.Killed,
}

// ReadCoNLL04 reads a CoNLL04 split in its token JSON form (an array of
// {"tokens", "entities", "relations"}) and returns one single-sentence
// Document per record, its text the tokens joined by spaces (as
// ../shared/tools/conll04docs.py writes them), its Mentions the Peop, Org
// and Loc entities and its Relations the gold relations. Entities of type
// Other are dropped, and so are relations that touch one.
func ReadCoNLL04(r io.Reader) ([]*annot.Document, error) {
	var recs []conll04Sentence
	if err := json.NewDecoder(r).Decode(&recs); err != nil {
		return nil, fmt.Errorf("reading CoNLL04 JSON: %w", err)
	}
	docs := make([]*annot.Document, 0, len(recs))
	for i, rec := range recs {
		d, err := conll04Doc(rec)
		if err != nil {
			return nil, fmt.Errorf("CoNLL04 record %d: %w", i, err)
		}
		d.ID = fmt.Sprintf("%04d.txt", i)
		docs = append(docs, d)
	}
	return docs, nil
}

func conll04Doc(rec conll04Sentence) (*annot.Document, error) {
	if len(rec.Tokens) == 0 {
		return nil, fmt.Errorf("no tokens")
	}
	var b strings.Builder
	d := &annot.Document{}
	for i, t := range rec.Tokens {
		if t == "" || strings.ContainsAny(t, " \t\n") {
			return nil, fmt.Errorf("token %d %q is empty or holds a space", i, t)
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		d.Tokens = append(d.Tokens, annot.Token{Text: t, Start: b.Len(), End: b.Len() + len(t)})
		b.WriteString(t)
	}
	d.Text = b.String()
	d.Sentences = []annot.Sentence{{Start: 0, End: len(d.Text), FirstToken: 0, EndToken: len(d.Tokens)}}
	idx := make([]int, len(rec.Entities))
	for i, e := range rec.Entities {
		idx[i] = -1
		if e.Start < 0 || e.Start >= e.End || e.End > len(d.Tokens) {
			return nil, fmt.Errorf("entity %d: token span [%d,%d) out of range", i, e.Start, e.End)
		}
		typ, ok := conll04Types[e.Type]
		if !ok {
			continue
		}
		s, end := d.Tokens[e.Start].Start, d.Tokens[e.End-1].End
		idx[i] = len(d.Mentions)
		d.Mentions = append(d.Mentions, annot.Mention{Text: d.Text[s:end], Type: typ, Start: s, End: end})
	}
	for i, r := range rec.Relations {
		if r.Head < 0 || r.Head >= len(idx) || r.Tail < 0 || r.Tail >= len(idx) {
			return nil, fmt.Errorf("relation %d: entity index out of range", i)
		}
		typ, ok := conll04Rels[r.Type]
		if !ok {
			return nil, fmt.Errorf("relation %d: unknown type %q", i, r.Type)
		}
		h, t := idx[r.Head], idx[r.Tail]
		if h < 0 || t < 0 || h == t {
			continue
		}
		d.Relations = append(d.Relations, annot.Relation{Type: typ, Head: h, Tail: t, Score: 1})
	}
	sortMentions(d)
	return d, d.Validate()
}

// sortMentions orders d.Mentions by offset, as recognizers return them,
// and renumbers the relations to match.
func sortMentions(d *annot.Document) {
	order := make([]int, len(d.Mentions))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ma, mb := d.Mentions[order[a]], d.Mentions[order[b]]
		if ma.Start != mb.Start {
			return ma.Start < mb.Start
		}
		return ma.End < mb.End
	})
	newIdx := make([]int, len(order))
	ms := make([]annot.Mention, len(order))
	for n, o := range order {
		newIdx[o] = n
		ms[n] = d.Mentions[o]
	}
	d.Mentions = ms
	for i := range d.Relations {
		d.Relations[i].Head = newIdx[d.Relations[i].Head]
		d.Relations[i].Tail = newIdx[d.Relations[i].Tail]
	}
}

// Project returns a copy of pred, an analysis of the same text as gold,
// holding gold's relations moved onto pred's mentions: each argument to
// the mention of the same type that overlaps it most. Training on
// recognized mentions rather than gold ones teaches the classifier the
// candidates it meets at run time ("Lincoln" where CoNLL04 has
// "President Lincoln").
func Project(gold, pred *annot.Document) *annot.Document {
	out := *pred
	out.Relations = nil
	for _, r := range gold.Relations {
		hi := overlapping(pred.Mentions, gold.Mentions[r.Head])
		ti := overlapping(pred.Mentions, gold.Mentions[r.Tail])
		if hi >= 0 && ti >= 0 && hi != ti {
			r.Head, r.Tail = hi, ti
			out.Relations = append(out.Relations, r)
		}
	}
	return &out
}

// overlapping returns the index of the mention of g's type that overlaps
// g most, or -1.
func overlapping(ms []annot.Mention, g annot.Mention) int {
	best, bestN := -1, 0
	for i, m := range ms {
		n := min(m.End, g.End) - max(m.Start, g.Start)
		if m.Type == g.Type && n > bestN {
			best, bestN = i, n
		}
	}
	return best
}
