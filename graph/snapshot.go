package graph

import (
	"cmp"
	"slices"
	"strings"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/resolve"
)

// resolution is the corpus-level resolution of a partial: the cluster of
// every entity key.
type resolution struct {
	keys     []string          // entity keys, sorted
	clusters []resolve.Cluster // members index keys
	nodeOf   map[string]string // entity key -> node key
}

// resolve runs the corpus-level steps once per change.
func (p *Partial) resolve() *resolution {
	if p.res != nil {
		return p.res
	}
	keys := make([]string, 0, len(p.ents))
	for k := range p.ents {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	ents := make([]*resolve.Entity, len(keys))
	for i, k := range keys {
		ents[i] = p.ents[k].Entity
	}
	r := &resolution{keys: keys, clusters: resolve.Clusters(ents), nodeOf: make(map[string]string, len(keys))}
	for _, c := range r.clusters {
		for _, m := range c.Members {
			r.nodeOf[keys[m]] = c.Name
		}
	}
	p.res = r
	return r
}

// EntityName returns the key of the node an entity key (from
// Prepared.Keys) resolved to: the canonical name extract prints as
// "entity". It returns "" for an unknown key.
func (p *Partial) EntityName(key string) string {
	return p.resolve().nodeOf[key]
}

// Graph returns the sorted graph of what has been added, after the
// corpus-level steps: each entity that is a shorter form of exactly one
// longer entity of the corpus is merged into it (summing mentions,
// documents, edge weights and edge documents; dropping the self-loops
// this makes), clusters are named and typed, and the Types and
// MinMentions options applied. Each call builds a new graph, which the
// caller owns.
func (p *Partial) Graph() *Graph {
	r := p.resolve()
	g := &Graph{Options: p.opts, Docs: p.docs, Units: p.units}
	var keep map[annot.Type]bool
	if len(p.opts.Types) > 0 {
		keep = map[annot.Type]bool{}
		for _, t := range p.opts.Types {
			keep[t] = true
		}
	}
	kept := map[string]bool{}
	for _, c := range r.clusters {
		n := Node{Key: c.Name, Label: c.Name, Type: c.Type, Aliases: c.Aliases}
		var days dayCounts
		for _, m := range c.Members {
			e := p.ents[r.keys[m]]
			n.Mentions += e.mentions
			n.Docs += e.docs
			n.Units += e.units
			days.merge(e.days)
		}
		n.Time = days.time()
		if n.Mentions < p.opts.MinMentions || (keep != nil && !keep[n.Type]) {
			continue
		}
		kept[n.Key] = true
		g.Nodes = append(g.Nodes, n)
	}
	g.Edges = p.edges(r, kept)
	g.Relations = p.relations(r, kept)
	slices.SortFunc(g.Nodes, func(x, y Node) int { return strings.Compare(x.Key, y.Key) })
	return g
}

// edges sums the links between kept nodes.
func (p *Partial) edges(r *resolution, kept map[string]bool) []Edge {
	type acc struct {
		share    int64
		units    int
		docs     int
		days     dayCounts
		evidence evidenceSet
	}
	limit := p.opts.evidence()
	sums := map[pair]*acc{}
	for k, l := range p.links {
		s, t := r.nodeOf[k.a], r.nodeOf[k.b]
		if s == t || !kept[s] || !kept[t] {
			continue
		}
		pr := makePair(s, t)
		a := sums[pr]
		if a == nil {
			a = &acc{}
			sums[pr] = a
		}
		a.share += l.share
		a.units += l.units
		a.docs += l.docs
		a.days.merge(l.days)
		a.evidence = a.evidence.merge(l.evidence, limit)
	}
	out := make([]Edge, 0, len(sums))
	for pr, a := range sums {
		out = append(out, Edge{
			Source: pr.a, Target: pr.b, Weight: float64(a.share) / shareOne, Units: a.units, Docs: a.docs,
			Time: a.days.time(), Evidence: a.evidence.passages(),
		})
	}
	slices.SortFunc(out, func(x, y Edge) int {
		return cmp.Or(strings.Compare(x.Source, y.Source), strings.Compare(x.Target, y.Target))
	})
	return out
}

// relations sums the relations between kept nodes.
func (p *Partial) relations(r *resolution, kept map[string]bool) []Relation {
	type acc struct {
		count, docs int
		score       int64
		days        dayCounts
		evidence    evidenceSet
	}
	limit := p.opts.evidence()
	sums := map[relKey]*acc{}
	for k, rl := range p.rels {
		h, t := r.nodeOf[k.head], r.nodeOf[k.tail]
		if h == t || !kept[h] || !kept[t] {
			continue
		}
		if k.typ.Symmetric() && h > t {
			h, t = t, h
		}
		nk := relKey{k.typ, h, t}
		a := sums[nk]
		if a == nil {
			a = &acc{}
			sums[nk] = a
		}
		a.count += rl.count
		a.docs += rl.docs
		a.score += rl.score
		a.days.merge(rl.days)
		a.evidence = a.evidence.merge(rl.evidence, limit)
	}
	out := make([]Relation, 0, len(sums))
	for k, a := range sums {
		out = append(out, Relation{
			Type: k.typ, Head: k.head, Tail: k.tail, Count: a.count, Docs: a.docs,
			Score: float64(a.score) / scoreOne / float64(max(a.count, 1)),
			Time:  a.days.time(), Evidence: a.evidence.passages(),
		})
	}
	slices.SortFunc(out, func(x, y Relation) int {
		return cmp.Or(strings.Compare(x.Head, y.Head), strings.Compare(x.Tail, y.Tail), strings.Compare(string(x.Type), string(y.Type)))
	})
	return out
}
