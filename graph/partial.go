package graph

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/resolve"
)

// Partial is the graph of a set of documents before the corpus-level
// steps: per entity key and per pair of keys, sums that merge exactly.
// Merging partials is associative and commutative, and the graph of the
// merged value is byte for byte the graph of one run over all their
// documents, so documents can be added on many goroutines, machines or
// days (see Merge, MarshalJSON). Cross-document resolution, canonical
// names and type votes run only when a graph is taken (Graph).
//
// A Partial is not safe for concurrent use; Prepare is.
type Partial struct {
	opts  Options
	docs  int
	units int // scope units in all documents
	ents  map[string]*entAgg
	links map[pair]*linkAgg
	rels  map[relKey]*relAgg
	// res caches the corpus-level resolution until the next change.
	res *resolution
}

// pair is an unordered pair of entity keys, a < b.
type pair struct{ a, b string }

func makePair(x, y string) pair {
	if x > y {
		x, y = y, x
	}
	return pair{x, y}
}

// relKey identifies a relation between two entity keys.
type relKey struct {
	typ        annot.RelationType
	head, tail string
}

// entAgg is what the corpus knows of one entity key.
type entAgg struct {
	*resolve.Entity
	mentions, docs, units int
	days                  dayCounts
}

// linkAgg is what the corpus knows of one pair of entity keys.
type linkAgg struct {
	share    int64 // Σ 1/(k−1) in units of 1/shareOne
	units    int
	docs     int
	days     dayCounts // units per day
	evidence evidenceSet
}

// relAgg is what the corpus knows of one relation between two keys.
type relAgg struct {
	count, docs int
	score       int64 // Σ score in units of 1/scoreOne
	days        dayCounts
	evidence    evidenceSet
}

// Shares and scores are summed as integers, so that sums do not depend on
// the order of additions and merges, as float sums would.
const (
	shareOne = 1 << 32
	scoreOne = 1_000_000
)

// NewPartial returns an empty partial graph.
func NewPartial(opts Options) *Partial {
	return &Partial{opts: opts, ents: map[string]*entAgg{}, links: map[pair]*linkAgg{}, rels: map[relKey]*relAgg{}}
}

// Options returns the options the partial was made with.
func (p *Partial) Options() Options { return p.opts }

// Docs returns the number of documents added.
func (p *Partial) Docs() int { return p.docs }

// Add resolves one document's mentions and counts them, their
// co-occurrences and relations. It returns an error, and adds nothing,
// for a document without an ID or with inconsistent annotations.
func (p *Partial) Add(doc *annot.Document) error {
	pd, err := p.Prepare(doc)
	if err != nil {
		return err
	}
	p.AddPrepared(pd)
	return nil
}

// AddPrepared counts a document that Prepare resolved. Documents may be
// added in any order: the graph depends only on the set of documents.
func (p *Partial) AddPrepared(pd *Prepared) {
	p.res = nil
	p.docs++
	p.units += pd.nunits
	day, dated := dayOf(pd.doc.Date)
	for _, de := range pd.ents {
		e := p.entity(de.Key)
		e.Add(de)
		e.mentions += len(de.Mentions)
		e.docs++
		if dated {
			e.days.add(day, len(de.Mentions))
		}
	}
	seenLinks := map[pair]bool{}
	limit := p.opts.evidence()
	for _, un := range pd.units {
		k := len(un.keys)
		for _, key := range un.keys {
			p.entity(key).units++
		}
		for i := range un.keys {
			for j := i + 1; j < k; j++ {
				pr := makePair(un.keys[i], un.keys[j])
				l := p.links[pr]
				if l == nil {
					l = &linkAgg{}
					p.links[pr] = l
				}
				l.share += shareOne / int64(k-1)
				l.units++
				if !seenLinks[pr] {
					seenLinks[pr] = true
					l.docs++
				}
				if dated {
					l.days.add(day, 1)
				}
				if limit > 0 {
					focus := span{min(un.first[i].start, un.first[j].start), max(un.first[i].end, un.first[j].end)}
					l.evidence = l.evidence.add(pd.passage(un.where, focus, "", l.evidence, limit), limit)
				}
			}
		}
	}
	seenRels := map[relKey]bool{}
	for _, r := range pd.rels {
		a := p.rels[r.key]
		if a == nil {
			a = &relAgg{}
			p.rels[r.key] = a
		}
		a.count++
		a.score += r.score
		if !seenRels[r.key] {
			seenRels[r.key] = true
			a.docs++
		}
		if dated {
			a.days.add(day, 1)
		}
		if limit > 0 {
			a.evidence = a.evidence.add(pd.passage(r.where, r.focus, r.trigger, a.evidence, limit), limit)
		}
	}
}

func (p *Partial) entity(key string) *entAgg {
	e := p.ents[key]
	if e == nil {
		e = &entAgg{Entity: resolve.NewEntity(key)}
		p.ents[key] = e
	}
	return e
}

// ErrOptionsDiffer is returned by Merge for partials accumulated with
// different scopes or evidence limits.
var ErrOptionsDiffer = errors.New("graph: partials built with different options cannot be merged")

// Merge adds the documents of o to p. Both must have been made with the
// same Options (the aliases rules, applied per document, included); o is
// left unchanged.
func (p *Partial) Merge(o *Partial) error {
	if p.opts.Scope != o.opts.Scope || p.opts.evidence() != o.opts.evidence() {
		return fmt.Errorf("%w: scope %s/%s, evidence %d/%d", ErrOptionsDiffer,
			p.opts.Scope, o.opts.Scope, p.opts.evidence(), o.opts.evidence())
	}
	p.res = nil
	p.docs += o.docs
	p.units += o.units
	limit := p.opts.evidence()
	for k, oe := range o.ents {
		e := p.entity(k)
		e.Merge(oe.Entity)
		e.mentions += oe.mentions
		e.docs += oe.docs
		e.units += oe.units
		e.days.merge(oe.days)
	}
	for k, ol := range o.links {
		l := p.links[k]
		if l == nil {
			l = &linkAgg{}
			p.links[k] = l
		}
		l.share += ol.share
		l.units += ol.units
		l.docs += ol.docs
		l.days.merge(ol.days)
		l.evidence = l.evidence.merge(ol.evidence, limit)
	}
	for k, or := range o.rels {
		r := p.rels[k]
		if r == nil {
			r = &relAgg{}
			p.rels[k] = r
		}
		r.count += or.count
		r.docs += or.docs
		r.score += or.score
		r.days.merge(or.days)
		r.evidence = r.evidence.merge(or.evidence, limit)
	}
	return nil
}

// dayCounts counts per day, days since the Unix epoch.
type dayCounts map[int32]int

// dayOf returns the day of t, and false for the zero time.
func dayOf(t time.Time) (int32, bool) {
	if t.IsZero() {
		return 0, false
	}
	u := t.UTC()
	return int32(time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400), true
}

func (d *dayCounts) add(day int32, n int) {
	if *d == nil {
		*d = dayCounts{}
	}
	(*d)[day] += n
}

func (d *dayCounts) merge(o dayCounts) {
	for day, n := range o {
		d.add(day, n)
	}
}

// time returns the sorted timeline of d.
func (d dayCounts) time() Time {
	if len(d) == 0 {
		return Time{}
	}
	days := make([]int32, 0, len(d))
	for day := range d {
		days = append(days, day)
	}
	slices.Sort(days)
	t := Time{Timeline: make([]DayCount, len(days))}
	for i, day := range days {
		t.Timeline[i] = DayCount{Day: dayTime(day), Count: d[day]}
	}
	t.FirstSeen, t.LastSeen = t.Timeline[0].Day, t.Timeline[len(days)-1].Day
	return t
}

func dayTime(day int32) time.Time { return time.Unix(int64(day)*86400, 0).UTC() }

// scoreUnits turns a score in [0, 1] into its integer sum form.
func scoreUnits(s float64) int64 {
	if math.IsNaN(s) {
		return 0
	}
	return int64(math.Round(min(max(s, 0), 1) * scoreOne))
}
