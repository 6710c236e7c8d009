package rel

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/entigraph/entigraph/annot"
)

//go:embed data/patterns.txt
var patternsText string

// Patterns returns the hand-written training sentences embedded from
// data/patterns.txt: constructions of modern news that CoNLL04 holds few
// of ("where Hamas is based", "Lebanon-based", "Hamas official X").
func Patterns() ([]*annot.Document, error) {
	docs, err := ReadBracketed(strings.NewReader(patternsText))
	if err != nil {
		return nil, fmt.Errorf("data/patterns.txt: %w", err)
	}
	return docs, nil
}

// bracketTypes maps the mark-up's types to CoNLL04's, so that both
// formats share conll04Doc.
var bracketTypes = map[string]string{"PER": "Peop", "ORG": "Org", "LOC": "Loc"}

// ReadBracketed reads sentences annotated by hand, one a line: tokens
// separated by spaces, mentions written [PER ...], [ORG ...] or [LOC ...],
// then " => " and the relations as type:HEAD,TAIL, the mentions numbered
// from 0 in order. Empty lines and lines starting with "#" are skipped.
func ReadBracketed(r io.Reader) ([]*annot.Document, error) {
	var docs []*annot.Document
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		d, err := parseBracketed(l)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		d.ID = fmt.Sprintf("line%d", n)
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading annotated sentences: %w", err)
	}
	return docs, nil
}

func parseBracketed(l string) (*annot.Document, error) {
	text, rels, _ := strings.Cut(l, "=>")
	var rec conll04Sentence
	type ent = struct {
		Type       string `json:"type"`
		Start, End int
	}
	open := -1
	var typ string
	for _, f := range strings.Fields(text) {
		if strings.HasPrefix(f, "[") && len(f) > 1 {
			t, ok := bracketTypes[f[1:]]
			if !ok || open >= 0 {
				return nil, fmt.Errorf("bad or nested mention opening %q", f)
			}
			open, typ = len(rec.Tokens), t
			continue
		}
		closes := strings.HasSuffix(f, "]") && open >= 0 && len(f) > 1
		if closes {
			f = f[:len(f)-1]
		}
		rec.Tokens = append(rec.Tokens, f)
		if closes {
			rec.Entities = append(rec.Entities, ent{Type: typ, Start: open, End: len(rec.Tokens)})
			open = -1
		}
	}
	if open >= 0 {
		return nil, fmt.Errorf("unclosed mention")
	}
	for _, f := range strings.Fields(rels) {
		name, args, ok := strings.Cut(f, ":")
		hs, ts, ok2 := strings.Cut(args, ",")
		h, err1 := strconv.Atoi(hs)
		t, err2 := strconv.Atoi(ts)
		if !ok || !ok2 || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("bad relation %q", f)
		}
		rt := ""
		for k, v := range conll04Rels {
			if string(v) == name {
				rt = k
			}
		}
		if rt == "" {
			return nil, fmt.Errorf("unknown or unlearned relation type %q", name)
		}
		rec.Relations = append(rec.Relations, struct {
			Type       string `json:"type"`
			Head, Tail int
		}{Type: rt, Head: h, Tail: t})
	}
	return conll04Doc(rec)
}
