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
