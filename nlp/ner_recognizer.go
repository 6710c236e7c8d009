package nlp

import (
	"sync"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/nlp/ner"
)

// nerRecognizer adapts the project's own model (package ner) to Recognizer.
type nerRecognizer struct{ m *ner.Model }

// NewNERRecognizer returns a Recognizer that labels each document with m.
// The model sees the whole document at once, so its second, document-level
// pass can make mentions of the same name consistent.
func NewNERRecognizer(m *ner.Model) Recognizer { return nerRecognizer{m} }

var tokPool = sync.Pool{New: func() any { return new([][]string) }}

func (r nerRecognizer) Recognize(doc *annot.Document) []annot.Mention {
	if len(doc.Sentences) == 0 {
		return nil
	}
	bufp := tokPool.Get().(*[][]string)
	sents := (*bufp)[:0]
	flat := make([]string, len(doc.Tokens))
	for i, t := range doc.Tokens {
		flat[i] = t.Text
	}
	for _, s := range doc.Sentences {
		sents = append(sents, flat[s.FirstToken:s.EndToken])
	}
	labels := r.m.Tag(sents)
	clear(sents)
	*bufp = sents[:0]
	tokPool.Put(bufp)
	var out []annot.Mention
	for si, ls := range labels {
		out = appendBIO(out, doc, si, doc.SentenceTokens(si), func(i int) string { return ls[i] })
	}
	return out
}

// DefaultRecognizer returns the recognizer Pipeline uses when none is set:
// the project's own model embedded in package ner, loaded once per process.
func DefaultRecognizer() (Recognizer, error) {
	m, err := ner.Default()
	if err != nil {
		return nil, err
	}
	return NewNERRecognizer(m), nil
}
