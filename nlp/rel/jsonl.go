package rel

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/entigraph/entigraph/annot"
)

// ReadCoNLL04File reads a CoNLL04 token-JSON split from a file.
func ReadCoNLL04File(path string) ([]*annot.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := ReadCoNLL04(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// LineEntity and LineRelation are the entities and relations of an
// extract-style JSON line; Head and Tail index the line's entities.
type LineEntity struct {
	Text  string `json:"text"`
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

type LineRelation struct {
	Type     string  `json:"type"`
	Head     int     `json:"head"`
	Tail     int     `json:"tail"`
	Score    float64 `json:"score"`
	Trigger  string  `json:"trigger"`
	Sentence int     `json:"sentence"`
}

type line struct {
	Doc       string         `json:"doc"`
	Entities  []LineEntity   `json:"entities"`
	Relations []LineRelation `json:"relations"`
}

// MarshalLine renders doc as one line of the JSON Lines that
// ../shared/tools/relscore.py reads, without the newline: {"doc",
// "entities": [{"text", "type", "start", "end"}], "relations": [{"type",
// "head", "tail", "score", "trigger", "sentence"}]}, head and tail
// indexing entities (here, doc.Mentions one to one).
func MarshalLine(doc *annot.Document) ([]byte, error) {
	l := line{Doc: doc.ID, Entities: []LineEntity{}, Relations: []LineRelation{}}
	for _, m := range doc.Mentions {
		l.Entities = append(l.Entities, LineEntity{Text: m.Text, Type: string(m.Type), Start: m.Start, End: m.End})
	}
	for _, r := range doc.Relations {
		l.Relations = append(l.Relations, LineRelation{
			Type: string(r.Type), Head: r.Head, Tail: r.Tail,
			Score: roundScore(r.Score), Trigger: r.Trigger, Sentence: r.Sentence,
		})
	}
	b, err := json.Marshal(l)
	if err != nil {
		return nil, fmt.Errorf("encoding document %s: %w", doc.ID, err)
	}
	return b, nil
}

// roundScore keeps four decimals, so output does not depend on the last
// bits of floating point.
func roundScore(s float64) float64 { return float64(int64(s*10000+0.5)) / 10000 }
