package graph_test

import (
	"fmt"
	"strings"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/nlp"
	"github.com/entigraph/entigraph/resolve"
)

// document segments text and marks the given mentions, each at its first
// occurrence after the previous one.
func document(text string, mentions ...annot.Mention) *annot.Document {
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
// variant such as U.S.), and Prepared.Keys with EntityName tell which
// entity each mention resolved to.
func ExamplePartial_EntityName() {
	aliases, err := resolve.ParseAliases(strings.NewReader("# name,action,arg\nPublish,drop\n"), "aliases.csv")
	if err != nil {
		panic(err)
	}
	docs := []*annot.Document{
		document("Hamas political leader Ismail Haniyeh met Ayatollah Khamenei in Tehran. Haniyeh left.",
			annot.Mention{Text: "Hamas political leader Ismail Haniyeh", Type: annot.Person},
			annot.Mention{Text: "Ayatollah Khamenei", Type: annot.Person},
			annot.Mention{Text: "Tehran", Type: annot.Loc},
			annot.Mention{Text: "Haniyeh", Type: annot.Person}),
		document("Publish date. Haniyeh thanked Iran's leader and criticised the U.S.",
			annot.Mention{Text: "Publish", Type: annot.Loc},
			annot.Mention{Text: "Haniyeh", Type: annot.Person},
			annot.Mention{Text: "Iran's", Type: annot.Loc},
			annot.Mention{Text: "U.S.", Type: annot.Loc}),
	}
	b := graph.NewPartial(graph.Options{Aliases: aliases})
	var keys [][]string
	for i, d := range docs {
		d.ID = fmt.Sprint("article-", i+1)
		pd, err := b.Prepare(d)
		if err != nil {
			panic(err)
		}
		b.AddPrepared(pd)
		keys = append(keys, pd.Keys())
	}
	for i, d := range docs {
		for j, m := range d.Mentions {
			fmt.Printf("%q -> %q\n", m.Text, b.EntityName(keys[i][j]))
		}
	}
	g := b.Graph()
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
