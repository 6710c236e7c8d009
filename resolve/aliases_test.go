package resolve

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/annot"
)

// ruleView is an aliasRule without its line, for comparisons.
type ruleView struct {
	Target string
	Rename bool
	Type   annot.Type
	Drop   bool
}

func viewRules(a *Aliases) map[string]ruleView {
	out := map[string]ruleView{}
	for k, r := range a.rules {
		out[k] = ruleView{r.target, r.rename, r.typ, r.drop}
	}
	return out
}

func TestParseAliases(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want map[string]ruleView
	}{
		{"empty", "", map[string]ruleView{}},
		{"comments, header and blank lines",
			"# entigraph aliases\nname,action,arg\n\n  # indented comment\nHamas,type,ORG\n",
			map[string]ruleView{"hamas": {Type: org}}},
		{"every action",
			"Khamenei,merge,Ali Khamenei\nPress TV,rename,PressTV\nHamas,type,org\nPublish,drop\nFigures,drop,\n",
			map[string]ruleView{
				"khamenei": {Target: "Ali Khamenei"},
				"press tv": {Target: "PressTV", Rename: true},
				"hamas":    {Type: org},
				"publish":  {Drop: true},
				"figures":  {Drop: true},
			}},
		{"names are matched loosely", "Ayatollah Khamenei,merge,Ayatollah Seyyed Ali Khamenei\nU.S.,type,LOC\n",
			map[string]ruleView{"khamenei": {Target: "Ali Khamenei"}, "united states": {Type: loc}}},
		{"quoted fields and spaces", `"Smith, John", merge , "John Smith"` + "\n",
			map[string]ruleView{"smith, john": {Target: "John Smith"}}},
		{"merge and type of one name", "Haniyeh,merge,Ismail Haniyeh\nHaniyeh,type,PERSON\n",
			map[string]ruleView{"haniyeh": {Target: "Ismail Haniyeh", Type: per}}},
		{"chains are followed", "A B,merge,C D\nC D,rename,E F\n",
			map[string]ruleView{"a b": {Target: "E F", Rename: true}, "c d": {Target: "E F", Rename: true}}},
		{"rename to another spelling of itself", "Al Qaeda,rename,al-Qaeda\n",
			map[string]ruleView{"al qaeda": {Target: "al-Qaeda", Rename: true}}},
		{"tab separated", "# tsv\nKhamenei\tmerge\tAli Khamenei\nHamas\ttype\tORG\n",
			map[string]ruleView{"khamenei": {Target: "Ali Khamenei"}, "hamas": {Type: org}}},
		{"byte order mark", "\uFEFFHamas,type,ORG\n", map[string]ruleView{"hamas": {Type: org}}},
		{"trailing comments", "Press TV,merge,PressTV          # force a merge\nReuters,drop                    # a stoplist entry\nC#,type,ORG # a # inside a name stays\nAl Mayadeen,type,ORG,# a fourth field that is a comment\n",
			map[string]ruleView{"press tv": {Target: "PressTV"}, "reuters": {Drop: true}, "c#": {Type: org}, "al mayadeen": {Type: org}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseAliases(strings.NewReader(tt.in), "aliases.csv")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, viewRules(a)); diff != "" {
				t.Errorf("rules (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseAliasesErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unknown action", "# c\nA,merge,B\n\nC,foo,D\n", `aliases.csv:4: unknown action "foo" (want merge, rename, type or drop)`},
		{"too few fields", "Hamas\n", "aliases.csv:1: want name,action,arg, got 1 fields"},
		{"too many fields", "a,merge,b,c\n", "aliases.csv:1: want name,action,arg, got 4 fields"},
		{"empty name", ",drop\n", "aliases.csv:1: empty name"},
		{"title only name", "Mr.,drop\n", ""},
		{"merge without target", "A,merge,\n", "aliases.csv:1: merge needs a name"},
		{"unknown type", "A,type,THING\n", `aliases.csv:1: unknown type "THING" (want PERSON, ORG or LOC)`},
		{"conflicting types", "A,type,ORG\nA,type,LOC\n", `aliases.csv:2: "A" already has type ORG`},
		{"two merges", "A,merge,B\na,rename,C\n", `aliases.csv:2: "a" already has a merge or rename on line 1`},
		{"drop with argument", "A,drop,yes\n", `aliases.csv:1: drop takes no argument, got "yes"`},
		{"cycle", "A,merge,B\nB,merge,A\n", `aliases.csv:1: merge cycle through "A"`},
		{"bad quoting", "a,merge,\"b\nc,drop\n", `aliases.csv:1: extraneous or missing " in quoted-field`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseAliases(strings.NewReader(tt.in), "aliases.csv")
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("error %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReadAliasesFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "aliases.tsv")
	if err := os.WriteFile(path, []byte("Hamas\ttype\tORG\nX\tbogus\t\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadAliasesFile(path)
	if want := path + `:2: unknown action "bogus" (want merge, rename, type or drop)`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	if _, err := ReadAliasesFile(filepath.Join(t.TempDir(), "missing.csv")); err == nil {
		t.Error("reading a missing file succeeded")
	}
}

// TestAliasesLongChain checks that chains resolve in linear time.
func TestAliasesLongChain(t *testing.T) {
	var sb strings.Builder
	const n = 20000
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "name %d,merge,name %d\n", i, i+1)
	}
	a, err := ParseAliases(strings.NewReader(sb.String()), "chain.csv")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.rule("name 0").target, fmt.Sprintf("name %d", n); got != want {
		t.Errorf("name 0 -> %q, want %q", got, want)
	}
}

// FuzzParseAliases checks that any input either parses into rules whose
// merge targets end their chains, or fails with "name:LINE: why".
func FuzzParseAliases(f *testing.F) {
	for _, s := range []string{
		"", "name,action,arg\nA,merge,B\n", "# c\nA\tdrop\n", "A,merge,B\nB,merge,A\n",
		"\"a,b\",rename,\"c\"\"d\"\n", "A,type,PER\nA,type,per\n", "a,merge,\"b\nc,drop\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		a, err := ParseAliases(strings.NewReader(in), "f.csv")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.csv:") {
				t.Fatalf("error without file name: %v", err)
			}
			return
		}
		for k, r := range a.rules {
			if k == "" {
				t.Fatalf("rule with an empty name")
			}
			if r.target == "" {
				continue
			}
			tk := aliasKey(r.target)
			if tk == "" {
				t.Fatalf("rule %q has an empty target", k)
			}
			if next := a.rule(tk); next != nil && next.target != "" && aliasKey(next.target) != tk {
				t.Fatalf("rule %q -> %q does not end its chain (%q -> %q)", k, r.target, tk, next.target)
			}
		}
	})
}

const (
	per = annot.Person
	org = annot.Org
	loc = annot.Loc
)
