package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/entigraph/entigraph/nlp"
	"github.com/entigraph/entigraph/nlp/ner"
)

const evalUsage = `Usage: entigraph eval [--ner entigraph|prose] FILE.conll

Scores a recognizer on a CoNLL file (token first, tag last; IOB1 or IOB2;
MISC and other types count as O) and prints entity-level exact-match
precision, recall and F1 per type and micro-averaged over PER, ORG and LOC,
with conlleval semantics. Each document is rebuilt as text (tokens joined
by single spaces, one sentence per line), the recognizer runs on the gold
tokens, and predicted spans are compared with gold spans by token
boundaries, exactly as ../shared/tools/nerscore.py compares byte offsets.

Example:
  entigraph eval ../shared/data/conll2003/dev.txt
  entigraph eval --ner prose ../shared/data/uner-en-pud-wiki/test.conll

Flags:
`

func runEval(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval", evalUsage, stderr)
	recName := fs.String("ner", "entigraph", "recognizer to score: entigraph (the embedded model) or prose (baseline)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageErrorf("eval: want exactly one FILE.conll, got %d arguments", fs.NArg())
	}
	var (
		rec nlp.Recognizer
		err error
	)
	switch *recName {
	case "entigraph", "own", "default":
		rec, err = nlp.DefaultRecognizer()
	case "prose":
		rec, err = nlp.NewProseRecognizer()
	default:
		return usageErrorf("eval: --ner: unknown recognizer %q (want entigraph or prose)", *recName)
	}
	if err != nil {
		return err
	}
	docs, err := readCoNLLFile(fs.Arg(0))
	if err != nil {
		return err
	}
	sc, ntok, elapsed := evaluate(rec, docs)
	fmt.Fprintf(stdout, "%s: %d documents, %d tokens, recognizer %s (%.0f tokens/s)\n",
		fs.Arg(0), len(docs), ntok, *recName, float64(ntok)/elapsed.Seconds())
	return sc.Report(stdout)
}

// evaluate runs rec on every gold document rebuilt as text and scores the
// mentions against the gold spans, both as byte ranges of the text.
func evaluate(rec nlp.Recognizer, docs []ner.Document) (*ner.Scorer, int, time.Duration) {
	var sc ner.Scorer
	var ntok int
	var elapsed time.Duration
	for _, d := range docs {
		doc, gold := goldDocument(d)
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

func nerType(t nlp.Type) string {
	switch t {
	case nlp.Person:
		return "PER"
	case nlp.Org:
		return "ORG"
	case nlp.Loc:
		return "LOC"
	}
	return string(t)
}

// goldDocument builds the text of a CoNLL document the way
// ../shared/tools/conll2docs.py does (tokens joined by single spaces, one
// sentence per line, a final newline) with its tokens, sentences and gold
// entity spans as byte ranges.
func goldDocument(d ner.Document) (*nlp.Document, []ner.Span) {
	var b strings.Builder
	doc := &nlp.Document{}
	var gold []ner.Span
	for si, s := range d.Sentences {
		if si > 0 {
			b.WriteByte('\n')
		}
		sent := nlp.Sentence{Start: b.Len(), FirstToken: len(doc.Tokens)}
		for ti, w := range s.Tokens {
			if ti > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(w)
			doc.Tokens = append(doc.Tokens, nlp.Token{Text: w, Start: start, End: b.Len(), Sentence: si})
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
