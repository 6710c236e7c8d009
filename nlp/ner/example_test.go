package ner_test

import (
	"fmt"
	"strings"

	"github.com/entigraph/entigraph/nlp/ner"
)

func Example() {
	m, err := ner.Default()
	if err != nil {
		panic(err)
	}
	doc := [][]string{
		strings.Fields("Angela Merkel met Emmanuel Macron in Paris ."),
	}
	tags := m.Tag(doc)
	for _, sp := range ner.Spans(tags[0]) {
		fmt.Println(sp.Type, strings.Join(doc[0][sp.Start:sp.End], " "))
	}
	// Output:
	// PER Angela Merkel
	// PER Emmanuel Macron
	// LOC Paris
}

func ExampleReadSpanJSON() {
	in := `[{"tokens": ["Ada", "Byron", "left", "Leeds", "Town", "FC", "."],
	  "entities": [{"type": "Peop", "start": 0, "end": 2}, {"type": "Org", "start": 3, "end": 6}]}]`
	docs, err := ner.ReadSpanJSON(strings.NewReader(in))
	if err != nil {
		panic(err)
	}
	s := docs[0].Sentences[0]
	fmt.Println(strings.Join(s.Tags, " "))
	// Output:
	// B-PER I-PER O B-ORG I-ORG I-ORG O
}
