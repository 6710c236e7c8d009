package graph

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/resolve"
)

// TestAliasesRenameKeepsCrossDocumentMerges checks that a renamed entity
// still absorbs a surname from another document.
func TestAliasesRenameKeepsCrossDocumentMerges(t *testing.T) {
	al, err := resolve.ParseAliases(strings.NewReader("Ismail Haniyeh,rename,Ismail Haniyya\n"), "aliases.csv")
	if err != nil {
		t.Fatal(err)
	}
	got := entityNames(t, al,
		testDoc(t, "Ismail Haniyeh spoke.", m{"Ismail Haniyeh", per}),
		testDoc(t, "Haniyeh spoke.", m{"Haniyeh", per}))
	if diff := cmp.Diff([]string{"Ismail Haniyya", "Ismail Haniyya"}, got); diff != "" {
		t.Errorf("entities (-want +got):\n%s", diff)
	}
}

// TestAliasesApplied checks each action on resolution.
func TestAliasesApplied(t *testing.T) {
	const rules = `# name,action,arg
Khamenei,merge,Ali Khamenei
Hamas,type,ORG
Publish,drop
Tehran,rename,Teheran
Reyes,merge,Carmen Reyes
`
	al, err := resolve.ParseAliases(strings.NewReader(rules), "aliases.csv")
	if err != nil {
		t.Fatal(err)
	}
	b := NewPartial(Options{Aliases: al})
	docs := []*annot.Document{
		testDoc(t, "Publish date. Ayatollah Khamenei met Hamas in Tehran.",
			m{"Publish", loc}, m{"Ayatollah Khamenei", per}, m{"Hamas", per}, m{"Tehran", loc}),
		testDoc(t, "Ali Khamenei spoke. Reyes and Daniel Reyes spoke.",
			m{"Ali Khamenei", per}, m{"Reyes", per}, m{"Daniel Reyes", per}),
		testDoc(t, "Carmen Reyes and Teheran.", m{"Carmen Reyes", per}, m{"Teheran", loc}),
	}
	var got []string
	for _, d := range docs {
		keys := addDocument(t, b, d)
		for _, k := range keys {
			name := ""
			if k != "" {
				name = b.EntityName(k)
			}
			got = append(got, name)
		}
	}
	want := []string{"", "Ali Khamenei", "Hamas", "Teheran", "Ali Khamenei", "Carmen Reyes", "Daniel Reyes", "Carmen Reyes", "Teheran"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("entities (-want +got):\n%s", diff)
	}
	g := b.Graph()
	types := map[string]annot.Type{}
	for _, n := range g.Nodes {
		types[n.Key] = n.Type
	}
	wantTypes := map[string]annot.Type{"Ali Khamenei": per, "Hamas": org, "Teheran": loc, "Carmen Reyes": per, "Daniel Reyes": per}
	if diff := cmp.Diff(wantTypes, types); diff != "" {
		t.Errorf("node types (-want +got):\n%s", diff)
	}
}
