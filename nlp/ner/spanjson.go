package ner

import (
	"encoding/json"
	"fmt"
	"io"
)

// spanRecord is one sentence of a span-annotated JSON corpus.
type spanRecord struct {
	Tokens   []string `json:"tokens"`
	Entities []struct {
		Type  string `json:"type"`
		Start int    `json:"start"`
		End   int    `json:"end"`
	} `json:"entities"`
}

// ReadSpanJSON reads a JSON array of sentences, each with "tokens" and
// "entities" given as a type and a token range [start, end), the layout of
// the CoNLL04 relation corpus. Each sentence becomes a one-sentence
// document. The types Peop, Org and Loc (and the names ReadCoNLL accepts)
// become PER, ORG and LOC; others (Other) become O. Overlapping entities
// keep the first.
func ReadSpanJSON(r io.Reader) ([]Document, error) {
	var recs []spanRecord
	if err := json.NewDecoder(r).Decode(&recs); err != nil {
		return nil, fmt.Errorf("span JSON: %v", err)
	}
	var docs []Document
	for k, rec := range recs {
		tags := make([]string, len(rec.Tokens))
		for i := range tags {
			tags[i] = "O"
		}
		for _, e := range rec.Entities {
			if e.Start < 0 || e.End > len(rec.Tokens) || e.Start >= e.End {
				return nil, fmt.Errorf("span JSON: sentence %d: entity [%d, %d) outside its %d tokens", k, e.Start, e.End, len(rec.Tokens))
			}
			typ := e.Type
			switch typ {
			case "Peop":
				typ = "PER"
			case "Org":
				typ = "ORG"
			case "Loc":
				typ = "LOC"
			}
			b, err := normTag("B-" + typ)
			if err != nil {
				return nil, fmt.Errorf("span JSON: sentence %d: %v", k, err)
			}
			if b == "O" || !free(tags[e.Start:e.End]) {
				continue
			}
			tags[e.Start] = b
			for i := e.Start + 1; i < e.End; i++ {
				tags[i] = "I-" + b[2:]
			}
		}
		if len(rec.Tokens) > 0 {
			docs = append(docs, Document{Sentences: []Sentence{{Tokens: rec.Tokens, Tags: tags}}})
		}
	}
	return docs, nil
}

func free(tags []string) bool {
	for _, t := range tags {
		if t != "O" {
			return false
		}
	}
	return true
}
