package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/entigraph/entigraph/annot"
)

// readCoNLL reads a CoNLL-2003 file (TOKEN POS CHUNK TAG, IOB tags,
// -DOCSTART- between documents) into documents whose mentions are the
// gold PER, ORG and LOC spans: resolution measured without the
// recognizer's errors. The text is the tokens joined by spaces, a
// sentence a line.
func readCoNLL(path string) ([]doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("CoNLL file not found (it lives in ../shared): %w", err)
	}
	defer f.Close()
	var docs []doc
	var text strings.Builder
	var ms []annot.Mention
	var open *annot.Mention
	closeMention := func() {
		if open != nil {
			open.Text = text.String()[open.Start:open.End]
			ms = append(ms, *open)
			open = nil
		}
	}
	flush := func() {
		closeMention()
		if text.Len() > 0 {
			docs = append(docs, doc{ID: fmt.Sprintf("conll-%d", len(docs)+1), Text: text.String(), Mentions: ms})
		}
		text.Reset()
		ms = nil
	}
	lineStart := true
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		switch {
		case len(fs) == 0:
			closeMention()
			if !lineStart {
				text.WriteByte('\n')
				lineStart = true
			}
			continue
		case fs[0] == "-DOCSTART-":
			flush()
			continue
		}
		tok, tag := fs[0], fs[len(fs)-1]
		if !lineStart {
			text.WriteByte(' ')
		}
		lineStart = false
		start := text.Len()
		text.WriteString(tok)
		typ, inside := conllType(tag)
		switch {
		case typ == "":
			closeMention()
		case inside && open != nil && open.Type == typ:
			open.End = text.Len()
		default:
			closeMention()
			open = &annot.Mention{Type: typ, Start: start, End: text.Len()}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return docs, nil
}

// conllType maps an IOB tag to a type, and whether it continues a span.
func conllType(tag string) (annot.Type, bool) {
	prefix, kind, ok := strings.Cut(tag, "-")
	if !ok {
		return "", false
	}
	t := map[string]annot.Type{"PER": annot.Person, "ORG": annot.Org, "LOC": annot.Loc}[kind]
	return t, prefix == "I"
}
