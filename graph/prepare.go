package graph

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/resolve"
)

// ErrNoID is returned for a document without an ID: evidence could not
// say where it comes from.
var ErrNoID = errors.New("document has no ID")

// Prepared is a document resolved to entities and split into scope units:
// the part of adding a document that touches no shared state.
type Prepared struct {
	doc    *annot.Document
	ents   []*resolve.Local
	keys   []string // entity key of each mention, "" when dropped
	units  []*preparedUnit
	rels   []preparedRel
	nunits int // scope units in the document, mentioned or not
}

// Keys returns, for each of the document's mentions, the key of the
// entity it resolved to in the document, or "" for a dropped mention.
// EntityName maps a key to its node once all documents are in.
func (pd *Prepared) Keys() []string { return pd.keys }

// preparedUnit is one scope unit with the entities mentioned in it.
type preparedUnit struct {
	keys  []string // in order of first mention
	first []span   // the first mention of each key in the unit
	where span     // the unit's text
}

// preparedRel is one relation between two resolved entities.
type preparedRel struct {
	key          relKey
	score        int64
	trigger      string
	where, focus span
}

// Prepare validates doc, resolves its mentions and groups them by scope
// unit. It reads only the partial's options, so it is safe to call from
// many goroutines while one goroutine feeds the results to AddPrepared.
func (p *Partial) Prepare(doc *annot.Document) (*Prepared, error) {
	if doc.ID == "" {
		return nil, ErrNoID
	}
	if err := doc.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", doc.ID, err)
	}
	ents, of := resolve.Document(doc.Text, doc.Mentions, p.opts.Aliases)
	pd := &Prepared{doc: doc, ents: ents, keys: make([]string, len(doc.Mentions)), nunits: docUnits(p.opts.Scope, doc)}
	byID := map[int]*preparedUnit{}
	spans := newUnitSpans(p.opts.Scope, doc)
	for i, m := range doc.Mentions {
		if of[i] < 0 {
			continue
		}
		key := ents[of[i]].Key
		pd.keys[i] = key
		if m.Credit {
			continue // counted for its entity, but linked to nothing
		}
		for _, u := range unitsOf(p.opts.Scope, doc, m.Sentence) {
			un := byID[u]
			if un == nil {
				un = &preparedUnit{where: spans.of(u)}
				byID[u] = un
				pd.units = append(pd.units, un)
			}
			if !slices.Contains(un.keys, key) && len(un.keys) < maxEntitiesPerUnit {
				un.keys = append(un.keys, key)
				un.first = append(un.first, span{m.Start, m.End})
			}
		}
	}
	for _, r := range doc.Relations {
		head, tail := pd.keys[r.Head], pd.keys[r.Tail]
		if head == "" || tail == "" || head == tail {
			continue
		}
		hm, tm := doc.Mentions[r.Head], doc.Mentions[r.Tail]
		if !annot.CreditsMayRelate(hm, tm) {
			continue // a dateline or a byline says nothing of the story
		}
		if r.Type.Symmetric() && head > tail {
			head, tail = tail, head
		}
		s := doc.Sentences[r.Sentence]
		focus := span{min(hm.Start, tm.Start), max(hm.End, tm.End)}
		pd.rels = append(pd.rels, preparedRel{
			key: relKey{r.Type, head, tail}, score: scoreUnits(r.Score), trigger: r.Trigger,
			where: span{s.Start, s.End}, focus: focus,
		})
	}
	return pd, nil
}

// passage returns the evidence item for the text where in pd's document,
// ranked after the items set already holds from the same document. Its
// text is cut only when set would keep it.
func (pd *Prepared) passage(where, focus span, trigger string, set evidenceSet, limit int) evidenceItem {
	it := evidenceItem{Evidence: Evidence{Doc: pd.doc.ID, Start: where.start, End: where.end, Trigger: trigger}}
	for _, x := range set {
		if x.Doc == pd.doc.ID {
			it.rank++
		}
	}
	if set.wants(it, limit) {
		// A copy, so the edge does not keep the whole text alive.
		it.Text = strings.Clone(capText(pd.doc.Text, where.start, where.end, focus.start, focus.end))
	}
	return it
}

// span is a byte range of a document.
type span struct{ start, end int }

// unitSpans gives the byte range of each scope unit of a document: the
// sentence, the paragraph, the window of sentences, or the whole text.
type unitSpans struct {
	scope Scope
	doc   *annot.Document
	paras map[int]span
}

func newUnitSpans(scope Scope, doc *annot.Document) *unitSpans {
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

// unitsOf returns the scope units sentence s of doc belongs to; s must be
// a valid sentence index.
func unitsOf(scope Scope, doc *annot.Document, s int) []int {
	switch scope.Kind {
	case ScopeParagraph:
		return []int{doc.Sentences[s].Paragraph}
	case ScopeDocument:
		return []int{0}
	case ScopeWindow:
		// Windows start at every sentence 0..n-w (one window if the
		// document is shorter than w); s is in those starting in
		// [s-w+1, s].
		w, n := max(scope.Window, 1), len(doc.Sentences)
		last := max(n-w, 0)
		var out []int
		for start := max(s-w+1, 0); start <= min(s, last); start++ {
			out = append(out, start)
		}
		return out
	}
	return []int{s}
}

// docUnits returns the number of scope units in doc: the N of PMI.
func docUnits(scope Scope, doc *annot.Document) int {
	n := len(doc.Sentences)
	switch scope.Kind {
	case ScopeParagraph:
		paras := map[int]bool{}
		for _, s := range doc.Sentences {
			paras[s.Paragraph] = true
		}
		return len(paras)
	case ScopeDocument:
		return 1
	case ScopeWindow:
		if n == 0 {
			return 0
		}
		return max(n-max(scope.Window, 1), 0) + 1
	}
	return n
}
