package graph

import (
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
	Types       []nlp.Type // entity types to keep; empty keeps all
	MinWeight   int        // drop edges with a smaller weight
	MinMentions int        // drop nodes with fewer mentions (and their edges)
	Aliases     *Aliases   // user rules for entity resolution; nil for none
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

// Node is an entity in a graph snapshot.
type Node struct {
	Key      string   // unique id: the canonical name, as in extract's "entity"
	Label    string   // display name: the canonical name
	Type     nlp.Type // forced by the aliases file, or majority type of its mentions
	Mentions int      // number of mentions
	Docs     int      // number of documents mentioning it
	Aliases  []Alias  // the names it was mentioned by, most frequent first
	Units    int      // number of scope units mentioning it (for pmi, dice, ...)
	Stats             // centrality and community, set by Analyse
}

// Alias is one name of an entity and how many mentions used it. Names
// are cleaned: titles, possessives and surrounding quotes removed.
type Alias struct {
	Name  string
	Count int
}

// Edge joins two entities; Source < Target.
type Edge struct {
	Source, Target string
	Weight         int // number of scope units where both occur
	Docs           int // number of documents where they co-occur
	Association        // pmi, npmi, dice, jaccard and the chosen strength, set by Weigh
	// Evidence holds up to Options.Evidence passages where both occur,
	// from as many documents as possible, in input order.
	Evidence []Evidence
}

// Graph is a sorted snapshot: nodes by key, edges by (source, target).
type Graph struct {
	Nodes []Node
	Edges []Edge
	// Options are the options the graph was built with.
	Options Options
	// Units is the number of scope units in all documents added.
	Units int
	View  // what Weigh, Prune and Analyse did
}

// entity is the accumulated state of a canonical key.
type entity struct {
	key       string
	names     map[string]int // cleaned mention names
	types     map[nlp.Type]int
	display   string   // forced canonical name (aliases rename)
	hint      string   // canonical name when no mention has it (aliases merge)
	forceType nlp.Type // type forced by the aliases file
	mentions  int
	docs      int
	units     int // scope units mentioning it
	lastDoc   int // index of the last document counted in docs
}

// link is the accumulated state of an edge.
type link struct {
	weight   int
	docs     int
	lastDoc  int
	evidence evidenceSet
}

// Builder accumulates documents into a graph, resolving each document's
// mentions to entities as it goes (see resolve.go) and merging entities
// across documents when a snapshot is taken. It is not safe for
// concurrent use: feed it from one goroutine, in input order.
type Builder struct {
	opts  Options
	keep  map[nlp.Type]bool
	store dgraph.Graph[string, *entity]
	ndocs int
	units int // scope units in all documents
	// names caches the entity names of the last snapshot until the
	// next Add.
	names map[string]string // entity key -> node key
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

// Key returns the display key of a mention text: white space collapsed
// and a trailing possessive removed. Entity resolution compares names
// more loosely (case, dots, hyphens, titles and well-known variants do
// not matter); see resolve.go.
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
	_, err := b.AddDocument(doc)
	return err
}

// AddDocument is Add that also returns, for each of doc.Mentions, the key
// of the entity it resolved to in this document, or "" for a dropped
// mention. EntityName maps the key to its node once all documents are in.
func (b *Builder) AddDocument(doc *nlp.Document) ([]string, error) {
	return b.AddPrepared(b.Prepare(doc))
}

// Prepared is a document resolved to entities and split into scope units:
// the part of adding a document that touches no shared state.
type Prepared struct {
	doc    *nlp.Document
	ents   []*docEntity
	keys   []string // entity key of each mention, "" when dropped
	units  []*preparedUnit
	nunits int // scope units in the document, mentioned or not
}

// preparedUnit is one scope unit with the entities mentioned in it.
type preparedUnit struct {
	keys  []string // in order of first mention
	first []span   // the first mention of each key in the unit
	where span     // the unit's text
}

// Prepare resolves doc's mentions and groups them by scope unit. It reads
// only the builder's options, so it is safe to call from many goroutines
// while one goroutine feeds the results to AddPrepared in input order.
func (b *Builder) Prepare(doc *nlp.Document) *Prepared {
	ents, of := resolveDocument(doc.Text, doc.Mentions, b.opts.Aliases)
	p := &Prepared{doc: doc, ents: ents, keys: make([]string, len(doc.Mentions)), nunits: b.docUnits(doc)}
	byID := map[int]*preparedUnit{}
	spans := newUnitSpans(b.opts.Scope, doc)
	for i, m := range doc.Mentions {
		if of[i] < 0 {
			continue
		}
		key := ents[of[i]].key
		p.keys[i] = key
		for _, u := range b.unitsOf(doc, m.Sentence) {
			un := byID[u]
			if un == nil {
				un = &preparedUnit{where: spans.of(u)}
				byID[u] = un
				p.units = append(p.units, un)
			}
			if !slices.Contains(un.keys, key) && len(un.keys) < maxEntitiesPerUnit {
				un.keys = append(un.keys, key)
				un.first = append(un.first, span{m.Start, m.End})
			}
		}
	}
	return p
}

// AddPrepared counts a prepared document's mentions and co-occurrences.
// Call it from one goroutine, in input order.
func (b *Builder) AddPrepared(p *Prepared) ([]string, error) {
	b.ndocs++
	b.names = nil
	docIdx := b.ndocs
	b.units += p.nunits
	for _, de := range p.ents {
		e, err := b.entity(de.key)
		if err != nil {
			return nil, err
		}
		e.mentions += len(de.mentions)
		for n, c := range de.names {
			e.names[n] += c
		}
		for t, c := range de.types {
			e.types[t] += c
		}
		if de.display != "" {
			e.display = de.display
		}
		if de.hint != "" {
			e.hint = de.hint
		}
		if de.forceType != "" {
			e.forceType = de.forceType
		}
		if e.lastDoc != docIdx {
			e.lastDoc = docIdx
			e.docs++
		}
	}
	for _, un := range p.units {
		if err := b.countUnit(un.keys); err != nil {
			return nil, err
		}
		for i := range un.keys {
			for j := i + 1; j < len(un.keys); j++ {
				focus := span{min(un.first[i].start, un.first[j].start), max(un.first[i].end, un.first[j].end)}
				if err := b.link(un.keys[i], un.keys[j], docIdx, p.doc, un.where, focus); err != nil {
					return nil, err
				}
			}
		}
	}
	return p.keys, nil
}

// span is a byte range of a document.
type span struct{ start, end int }

// unitSpans gives the byte range of each scope unit of a document: the
// sentence, the paragraph, the window of sentences, or the whole text.
type unitSpans struct {
	scope Scope
	doc   *nlp.Document
	paras map[int]span
}

func newUnitSpans(scope Scope, doc *nlp.Document) *unitSpans {
	us := &unitSpans{scope: scope, doc: doc}
	if scope.Kind == ScopeParagraph {
		us.paras = map[int]span{}
		for _, s := range doc.Sentences {
			sp, ok := us.paras[s.Paragraph]
			if !ok {
				sp.start = s.Start
			}
			sp.end = s.End
			us.paras[s.Paragraph] = sp
		}
	}
	return us
}

func (us *unitSpans) of(u int) span {
	sents := us.doc.Sentences
	if len(sents) == 0 {
		return span{0, len(us.doc.Text)}
	}
	switch us.scope.Kind {
	case ScopeParagraph:
		return us.paras[u]
	case ScopeDocument:
		return span{sents[0].Start, sents[len(sents)-1].End}
	case ScopeWindow:
		last := min(u+us.scope.Window, len(sents)) - 1
		return span{sents[u].Start, sents[last].End}
	}
	return span{sents[u].Start, sents[u].End}
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
	e = &entity{key: key, names: map[string]int{}, types: map[nlp.Type]int{}}
	if err := b.store.AddVertex(e); err != nil {
		return nil, fmt.Errorf("graph store: %w", err)
	}
	return e, nil
}

// link counts one unit where entities a and c co-occur, keeping the

// link counts one unit where entities a and c co-occur, keeping the
// unit's passage as evidence when the edge still wants one.
func (b *Builder) link(a, c string, docIdx int, doc *nlp.Document, where, focus span) error {
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
	if k := b.opts.evidence(); k > 0 {
		if i := l.evidence.slot(doc.ID, k); i >= 0 {
			l.evidence = l.evidence.put(i, evidenceItem{Evidence{
				Doc: doc.ID, Start: where.start, End: where.end,
				// A copy, so the edge does not keep the whole text alive.
				Text: strings.Clone(capText(doc.Text, where.start, where.end, focus.start, focus.end)),
			}, docIdx})
		}
	}
	return nil
}

// Graph returns the pruned, sorted snapshot of what has been added, with
// the cross-document merges applied: a node that is a shorter form of
// exactly one longer node of the corpus (a surname of one full name, the
// start of one organization name, an acronym of one name) is contracted
// into it (see resolve.go). Each call builds a new snapshot, which the
// caller owns.
func (b *Builder) Graph() (*Graph, error) {
	return b.snapshot()
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
