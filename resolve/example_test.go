package resolve_test

import (
	"fmt"
	"slices"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/resolve"
)

// Resolve two documents and name the clusters: the rare extension
// "European Union Vet Fund" does not name the node of EU and European
// Union, and the bare "Blair" of the second document joins Tony Blair.
func ExampleClusters() {
	docs := []struct {
		text string
		ms   []annot.Mention
	}{
		{"The EU and the European Union Vet Fund. Tony Blair spoke. The EU agreed.", []annot.Mention{
			{Text: "EU", Type: annot.Org, Start: 4, End: 6},
			{Text: "European Union Vet Fund", Type: annot.Org, Start: 15, End: 38},
			{Text: "Tony Blair", Type: annot.Person, Start: 40, End: 50},
			{Text: "EU", Type: annot.Org, Start: 62, End: 64},
		}},
		{"Mr Blair and the European Union.", []annot.Mention{
			{Text: "Mr Blair", Type: annot.Person, Start: 0, End: 8},
			{Text: "European Union", Type: annot.Org, Start: 17, End: 31},
		}},
	}
	byKey := map[string]*resolve.Entity{}
	for _, d := range docs {
		locals, _ := resolve.Document(d.text, d.ms, nil)
		for _, l := range locals {
			if byKey[l.Key] == nil {
				byKey[l.Key] = resolve.NewEntity(l.Key)
			}
			byKey[l.Key].Add(l)
		}
	}
	var keys []string
	for k := range byKey {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var ents []*resolve.Entity
	for _, k := range keys {
		ents = append(ents, byKey[k])
	}
	for _, c := range resolve.Clusters(ents) {
		fmt.Println(c.Name, c.Type, c.Aliases)
	}
	// Output:
	// Tony Blair PERSON [{Blair 1} {Tony Blair 1}]
	// European Union ORG [{EU 2} {European Union 1} {European Union Vet Fund 1}]
}
