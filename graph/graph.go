package graph

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	dgraph "github.com/dominikbraun/graph"

	"github.com/entigraph/entigraph/nlp"
)

// maxEntitiesPerUnit bounds the entities linked within one scope unit, so
// a pathological unit (a huge document at document scope) costs at most
// maxEntitiesPerUnit² edge updates rather than growing without limit.
const maxEntitiesPerUnit = 500

// Options control which mentions count and what the graph keeps. The zero
// value links all types at sentence scope and keeps everything.
type Options struct {
	Scope       Scope
	Types       []nlp.Type // mention types to keep; empty keeps all
	MinWeight   int        // drop edges with a smaller weight
	MinMentions int        // drop nodes with fewer mentions (and their edges)
}

// Node is an entity in a graph snapshot.
type Node struct {
	Key      string   // unique id
	Label    string   // display name
	Type     nlp.Type // majority type of its mentions
	Mentions int      // number of mentions
	Docs     int      // number of documents mentioning it
}

// Edge joins two entities; Source < Target.
type Edge struct {
	Source, Target string
	Weight         int // number of scope units where both occur
	Docs           int // number of documents where they co-occur
}

// Graph is a sorted snapshot: nodes by key, edges by (source, target).
type Graph struct {
	Nodes []Node
	Edges []Edge
	// Options are the options the graph was built with.
	Options Options
}

// entity is the accumulated state of a node.
type entity struct {
	key      string
	labels   map[string]int
	types    map[nlp.Type]int
	mentions int
	docs     int
	lastDoc  int // index of the last document counted in docs
}

// link is the accumulated state of an edge.
type link struct {
	weight  int
	docs    int
	lastDoc int
}

// Builder accumulates documents into a graph. It is not safe for
// concurrent use: feed it from one goroutine, in input order.
type Builder struct {
	opts  Options
	keep  map[nlp.Type]bool
	store dgraph.Graph[string, *entity]
	ndocs int
}

// NewBuilder returns an empty builder.
func NewBuilder(opts Options) *Builder {
	b := &Builder{
		opts:  opts,
		store: dgraph.New(func(e *entity) string { return e.key }),
	}
	if len(opts.Types) > 0 {
		b.keep = map[nlp.Type]bool{}
		for _, t := range opts.Types {
			b.keep[t] = true
		}
	}
	return b
}

// Key returns the node key of a mention text: white space collapsed and a
// trailing possessive removed.
func Key(text string) string {
	k := strings.Join(strings.FieldsFunc(text, unicode.IsSpace), " ")
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if t, ok := strings.CutSuffix(k, suf); ok && t != "" {
			return strings.TrimRightFunc(t, unicode.IsSpace)
		}
	}
	return k
}

// Add counts one document's mentions and co-occurrences.
func (b *Builder) Add(doc *nlp.Document) error {
	b.ndocs++
	docIdx := b.ndocs
	units := map[int][]string{} // unit id -> keys in order of first mention
	var order []int
	for _, m := range doc.Mentions {
		if b.keep != nil && !b.keep[m.Type] {
			continue
		}
		key := Key(m.Text)
		if key == "" {
			continue
		}
		e, err := b.entity(key)
		if err != nil {
			return err
		}
		e.mentions++
		e.labels[key]++
		e.types[m.Type]++
		if e.lastDoc != docIdx {
			e.lastDoc = docIdx
			e.docs++
		}
		for _, u := range b.unitsOf(doc, m.Sentence) {
			if _, seen := units[u]; !seen {
				order = append(order, u)
			}
			if !slices.Contains(units[u], key) && len(units[u]) < maxEntitiesPerUnit {
				units[u] = append(units[u], key)
			}
		}
	}
	for _, u := range order {
		keys := units[u]
		for i := range keys {
			for j := i + 1; j < len(keys); j++ {
				if err := b.link(keys[i], keys[j], docIdx); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// unitsOf returns the scope units sentence s belongs to.
func (b *Builder) unitsOf(doc *nlp.Document, s int) []int {
	switch b.opts.Scope.Kind {
	case ScopeParagraph:
		return []int{doc.Sentences[s].Paragraph}
	case ScopeDocument:
		return []int{0}
	case ScopeWindow:
		// Windows start at every sentence 0..n-w (one window if the
		// document is shorter than w); s is in those starting in
		// [s-w+1, s].
		w, n := b.opts.Scope.Window, len(doc.Sentences)
		last := max(n-w, 0)
		var out []int
		for start := max(s-w+1, 0); start <= min(s, last); start++ {
			out = append(out, start)
		}
		return out
	}
	return []int{s}
}

func (b *Builder) entity(key string) (*entity, error) {
	e, err := b.store.Vertex(key)
	if err == nil {
		return e, nil
	}
	if !errors.Is(err, dgraph.ErrVertexNotFound) {
		return nil, fmt.Errorf("graph store: %w", err)
	}
	e = &entity{key: key, labels: map[string]int{}, types: map[nlp.Type]int{}}
	if err := b.store.AddVertex(e); err != nil {
		return nil, fmt.Errorf("graph store: %w", err)
	}
	return e, nil
}

func (b *Builder) link(a, c string, docIdx int) error {
	if a > c {
		a, c = c, a
	}
	var l *link
	edge, err := b.store.Edge(a, c)
	switch {
	case err == nil:
		l = edge.Properties.Data.(*link)
	case errors.Is(err, dgraph.ErrEdgeNotFound):
		l = &link{}
		if err := b.store.AddEdge(a, c, dgraph.EdgeData(l)); err != nil {
			return fmt.Errorf("graph store: %w", err)
		}
	default:
		return fmt.Errorf("graph store: %w", err)
	}
	l.weight++
	if l.lastDoc != docIdx {
		l.lastDoc = docIdx
		l.docs++
	}
	return nil
}

// Graph returns the pruned, sorted snapshot of what has been added.
func (b *Builder) Graph() (*Graph, error) {
	adj, err := b.store.AdjacencyMap()
	if err != nil {
		return nil, fmt.Errorf("graph store: %w", err)
	}
	g := &Graph{Options: b.opts}
	kept := map[string]bool{}
	for key := range adj {
		e, err := b.store.Vertex(key)
		if err != nil {
			return nil, fmt.Errorf("graph store: %w", err)
		}
		if e.mentions < b.opts.MinMentions {
			continue
		}
		kept[key] = true
		g.Nodes = append(g.Nodes, Node{
			Key: key, Label: majority(e.labels), Type: majority(e.types),
			Mentions: e.mentions, Docs: e.docs,
		})
	}
	for a, nbrs := range adj {
		for c, edge := range nbrs {
			if a >= c || !kept[a] || !kept[c] {
				continue // undirected: each edge appears under both ends
			}
			l := edge.Properties.Data.(*link)
			if l.weight < b.opts.MinWeight {
				continue
			}
			g.Edges = append(g.Edges, Edge{Source: a, Target: c, Weight: l.weight, Docs: l.docs})
		}
	}
	slices.SortFunc(g.Nodes, func(x, y Node) int { return strings.Compare(x.Key, y.Key) })
	slices.SortFunc(g.Edges, func(x, y Edge) int {
		return cmp.Or(strings.Compare(x.Source, y.Source), strings.Compare(x.Target, y.Target))
	})
	return g, nil
}

// majority returns the most frequent value, breaking ties by the smallest
// value so the result never depends on map order.
func majority[T ~string](counts map[T]int) T {
	var best T
	n := -1
	for v, c := range counts {
		if c > n || (c == n && v < best) {
			best, n = v, c
		}
	}
	return best
}
