package nlp

import "github.com/entigraph/entigraph/annot"

// appendBIO turns per-token BIO labels (B-PER, I-ORG, O...) of one sentence
// into mentions. An I- label that does not continue a mention of the same
// type starts a new one, as conlleval does.
func appendBIO(out []annot.Mention, doc *annot.Document, sentence int, toks []annot.Token, label func(int) string) []annot.Mention {
	open := -1
	var typ annot.Type
	flush := func(end int) {
		if open >= 0 {
			start, stop := toks[open].Start, toks[end-1].End
			out = append(out, annot.Mention{Text: doc.Text[start:stop], Type: typ, Start: start, End: stop, Sentence: sentence})
			open = -1
		}
	}
	for i := range toks {
		l := label(i)
		t, ok := annot.Type(""), false
		if len(l) > 2 {
			t, ok = annot.ParseType(l[2:])
		}
		switch {
		case !ok:
			flush(i)
		case l[0] == 'B' || open < 0 || t != typ:
			flush(i)
			open, typ = i, t
		}
	}
	flush(len(toks))
	return out
}
