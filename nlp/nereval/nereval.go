package nereval

import (
	"strings"
	"time"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/nlp"
	"github.com/entigraph/entigraph/nlp/ner"
)

// Evaluate runs rec on every gold document rebuilt as text and scores the
// mentions against the gold spans, both as byte ranges of the text. It
// returns the scores, the number of tokens and the time rec took.
func Evaluate(rec nlp.Recognizer, docs []ner.Document) (*ner.Scorer, int, time.Duration) {
	var sc ner.Scorer
	var ntok int
	var elapsed time.Duration
	for _, d := range docs {
		doc, gold := GoldDocument(d)
		ntok += len(doc.Tokens)
		start := time.Now()
		ms := rec.Recognize(doc)
		elapsed += time.Since(start)
		pred := make([]ner.Span, 0, len(ms))
		for _, m := range ms {
			pred = append(pred, ner.Span{Start: m.Start, End: m.End, Type: nerType(m.Type)})
		}
		sc.AddSpans(gold, pred)
	}
	return &sc, ntok, elapsed
}

func nerType(t annot.Type) string {
	switch t {
	case annot.Person:
		return "PER"
	case annot.Org:
		return "ORG"
	case annot.Loc:
		return "LOC"
	}
	return string(t)
}

// GoldDocument builds the text of a CoNLL document the way
// ../shared/tools/conll2docs.py does (tokens joined by single spaces, one
// sentence per line, a final newline) with its tokens, sentences and gold
// entity spans as byte ranges.
func GoldDocument(d ner.Document) (*annot.Document, []ner.Span) {
	var b strings.Builder
	doc := &annot.Document{}
	var gold []ner.Span
	for si, s := range d.Sentences {
		if si > 0 {
			b.WriteByte('\n')
		}
		sent := annot.Sentence{Start: b.Len(), FirstToken: len(doc.Tokens)}
		for ti, w := range s.Tokens {
			if ti > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(w)
			doc.Tokens = append(doc.Tokens, annot.Token{Text: w, Start: start, End: b.Len(), Sentence: si})
		}
		sent.End, sent.EndToken = b.Len(), len(doc.Tokens)
		doc.Sentences = append(doc.Sentences, sent)
		toks := doc.Tokens[sent.FirstToken:]
		for _, sp := range ner.Spans(s.Tags) {
			gold = append(gold, ner.Span{Start: toks[sp.Start].Start, End: toks[sp.End-1].End, Type: sp.Type})
		}
	}
	b.WriteByte('\n')
	doc.Text = b.String()
	return doc, gold
}
