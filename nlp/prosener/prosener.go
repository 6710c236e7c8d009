package prosener

import (
	"strings"
	"sync"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/nlp"
	"github.com/jdkato/prose/v2"
)

var (
	proseOnce  sync.Once
	proseModel *prose.Model
)

// proseRecognizer wraps prose's default maxent model: PERSON is kept, GPE
// becomes LOC, and prose never finds organizations.
type proseRecognizer struct{ model *prose.Model }

// New returns a Recognizer backed by prose v2's default
// model, loaded once per process. It is the baseline the project's own
// recognizer is measured against.
func New() (nlp.Recognizer, error) {
	proseOnce.Do(func() {
		// ModelFromData with no sources is prose's way to hand out its
		// default model for reuse via UsingModel.
		proseModel = prose.ModelFromData("en-v2.0.0")
	})
	return proseRecognizer{proseModel}, nil
}

func (r proseRecognizer) Recognize(doc *annot.Document) []annot.Mention {
	var out []annot.Mention
	for si, s := range doc.Sentences {
		toks := doc.SentenceTokens(si)
		pd, err := prose.NewDocument(doc.Text[s.Start:s.End],
			prose.WithSegmentation(false), prose.UsingModel(r.model))
		if err != nil {
			continue
		}
		ptoks := pd.Tokens()
		if len(ptoks) != len(toks) {
			// Our tokens come from the same tokenizer; a mismatch means a
			// token could not be aligned, so align by text instead.
			ptoks = alignLabels(toks, ptoks)
		}
		for _, c := range proseChunks(ptoks) {
			start, end := toks[c.first].Start, toks[c.last].End
			out = append(out, annot.Mention{Text: doc.Text[start:end], Type: c.typ, Start: start, End: end, Sentence: si})
		}
	}
	return out
}

type proseChunk struct {
	first, last int // token indexes, inclusive
	typ         annot.Type
}

// proseChunks groups labelled tokens into entities the way prose's own
// Document.Entities does, quirks included, so the baseline we report is
// prose's: a chunk also absorbs following tokens with the same POS tag, its
// type is PERSON when it has exactly two tokens one of which is B-PERSON,
// and a chunk still open at the end of the sentence is dropped.
func proseChunks(toks []prose.Token) []proseChunk {
	var out []proseChunk
	first, end := -1, ""
	var labels []string
	emit := func(last int) {
		typ := strings.TrimPrefix(strings.TrimPrefix(labels[0], "B-"), "I-")
		if len(labels) == 2 && (labels[0] == "B-PERSON" || labels[1] == "B-PERSON") {
			typ = "PERSON"
		}
		if t, ok := annot.ParseType(typ); ok {
			out = append(out, proseChunk{first, last, t})
		}
		first, end, labels = -1, "", nil
	}
	for i, tok := range toks {
		l := tok.Label
		open := first >= 0
		switch {
		case (l != "O" && l != end) ||
			(open && tok.Tag == toks[i-1].Tag) ||
			(open && tok.Tag == "CD" && toks[i-1].Label != "O"):
			end = strings.Replace(l, "B", "I", 1)
			if !open {
				first = i
			}
			labels = append(labels, l)
		case (l == "O" && end != "") || l == end:
			last := i - 1
			if l != "O" {
				labels = append(labels, l)
				last = i
			}
			if first < 0 {
				first = i
			}
			emit(last)
		}
	}
	return out
}

// alignLabels returns one prose token per token of toks, matched in order
// by text; unmatched tokens get an O label.
func alignLabels(toks []annot.Token, labels []prose.Token) []prose.Token {
	out := make([]prose.Token, len(toks))
	j := 0
	for i, t := range toks {
		out[i].Label = "O"
		for k := j; k < len(labels); k++ {
			if labels[k].Text == t.Text {
				out[i] = labels[k]
				j = k + 1
				break
			}
		}
	}
	return out
}
