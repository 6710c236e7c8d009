package graph_test

import (
	"fmt"
	"strings"

	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/nlp"
)

// document segments text and marks the given mentions, each at its first
// occurrence after the previous one.
func document(text string, mentions ...nlp.Mention) *nlp.Document {
	doc, err := nlp.Segment(text)
	if err != nil {
		panic(err)
	}
	from := 0
	for _, m := range mentions {
		m.Start = from + strings.Index(text[from:], m.Text)
		m.End = m.Start + len(m.Text)
		for s, sent := range doc.Sentences {
			if sent.Start <= m.Start && m.Start < sent.End {
				m.Sentence = s
			}
		}
		doc.Mentions = append(doc.Mentions, m)
		from = m.End
	}
	return doc
}

// Resolution merges the names of one entity within a document (a
// surname, a title, an acronym) and across documents (a surname alone, a
// variant such as U.S.), and AddDocument tells which entity each mention
// resolved to.
func ExampleBuilder_AddDocument() {
	aliases, err := graph.ParseAliases(strings.NewReader("# name,action,arg\nPublish,drop\n"), "aliases.csv")
	if err != nil {
		panic(err)
	}
	docs := []*nlp.Document{
		document("Hamas political leader Ismail Haniyeh met Ayatollah Khamenei in Tehran. Haniyeh left.",
			nlp.Mention{Text: "Hamas political leader Ismail Haniyeh", Type: nlp.Person},
			nlp.Mention{Text: "Ayatollah Khamenei", Type: nlp.Person},
			nlp.Mention{Text: "Tehran", Type: nlp.Loc},
			nlp.Mention{Text: "Haniyeh", Type: nlp.Person}),
		document("Publish date. Haniyeh thanked Iran's leader and criticised the U.S.",
			nlp.Mention{Text: "Publish", Type: nlp.Loc},
			nlp.Mention{Text: "Haniyeh", Type: nlp.Person},
			nlp.Mention{Text: "Iran's", Type: nlp.Loc},
			nlp.Mention{Text: "U.S.", Type: nlp.Loc}),
	}
	b := graph.NewBuilder(graph.Options{Aliases: aliases})
	var keys [][]string
	for _, d := range docs {
		k, err := b.AddDocument(d)
		if err != nil {
			panic(err)
		}
		keys = append(keys, k)
	}
	for i, d := range docs {
		for j, m := range d.Mentions {
			name, _ := b.EntityName(keys[i][j])
			fmt.Printf("%q -> %q\n", m.Text, name)
		}
	}
	g, err := b.Graph()
	if err != nil {
		panic(err)
	}
	for _, n := range g.Nodes {
		fmt.Println(strings.ReplaceAll(graph.Tooltip(n), "\n", "; "))
	}
	// Output:
	// "Hamas political leader Ismail Haniyeh" -> "Ismail Haniyeh"
	// "Ayatollah Khamenei" -> "Khamenei"
	// "Tehran" -> "Tehran"
	// "Haniyeh" -> "Ismail Haniyeh"
	// "Publish" -> ""
	// "Haniyeh" -> "Ismail Haniyeh"
	// "Iran's" -> "Iran"
	// "U.S." -> "United States"
	// Iran (LOC); aliases: Iran ×1; 1 mention in 1 document
	// Ismail Haniyeh (PERSON); aliases: Haniyeh ×2, Ismail Haniyeh ×1; 3 mentions in 2 documents
	// Khamenei (PERSON); aliases: Khamenei ×1; 1 mention in 1 document
	// Tehran (LOC); aliases: Tehran ×1; 1 mention in 1 document
	// United States (LOC); aliases: U.S. ×1; 1 mention in 1 document
}
