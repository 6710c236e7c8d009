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

// maxTagSentences is how many sentences the model tags at once. News
// articles are far shorter, so they are tagged whole and the model's
// document-level pass sees all of them; a document of megabytes is tagged
// in windows of this many sentences, which bounds the model's working
// memory (about 250 bytes a token) to a window instead of the document.
const maxTagSentences = 2000

func (r nerRecognizer) Recognize(doc *annot.Document) []annot.Mention {
	var out []annot.Mention
	for first := 0; first < len(doc.Sentences); first += maxTagSentences {
		out = r.tagWindow(doc, first, min(first+maxTagSentences, len(doc.Sentences)), out)
	}
	// The model reads sentences; sign-offs, credits and datelines are
	// typed by their place in the document (newswire.go).
	return repairNewswire(doc, out)
}

// tagWindow tags sentences [first, end) of doc and appends their mentions.
func (r nerRecognizer) tagWindow(doc *annot.Document, first, end int, out []annot.Mention) []annot.Mention {
	bufp := tokPool.Get().(*[][]string)
	sents := (*bufp)[:0]
	t0, t1 := doc.Sentences[first].FirstToken, doc.Sentences[end-1].EndToken
	flat := make([]string, t1-t0)
	for i, t := range doc.Tokens[t0:t1] {
		flat[i] = t.Text
	}
	for _, s := range doc.Sentences[first:end] {
		sents = append(sents, flat[s.FirstToken-t0:s.EndToken-t0])
	}
	labels := r.m.Tag(sents)
	clear(sents)
	*bufp = sents[:0]
	tokPool.Put(bufp)
	for i, ls := range labels {
		si := first + i
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
