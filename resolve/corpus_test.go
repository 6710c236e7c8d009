package resolve

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/annot"
)

// tm is a test mention: its text, found in order in the document, and type.
type tm struct {
	text string
	typ  annot.Type
}

// tdoc is a test document; n repeats it.
type tdoc struct {
	text string
	ms   []tm
	n    int
}

// placedMention is where a mention landed: its node's name and type.
type placedMention struct {
	Name string
	Type annot.Type
}

// resolveCorpus runs the corpus-level resolution as the graph does:
// Document over every document, entities summed by key, then Clusters. It
// returns where the mentions of the last document landed.
func resolveCorpus(t *testing.T, docs []tdoc) []placedMention {
	t.Helper()
	ents := map[string]*Entity{}
	var keys []string
	var last []string
	for di, d := range docs {
		var ms []annot.Mention
		from := 0
		for _, m := range d.ms {
			i := strings.Index(d.text[from:], m.text)
			if i < 0 {
				t.Fatalf("%q not found in %q after %d", m.text, d.text, from)
			}
			ms = append(ms, annot.Mention{Text: m.text, Type: m.typ, Start: from + i, End: from + i + len(m.text)})
			from += i + len(m.text)
		}
		for range max(d.n, 1) {
			locals, of := Document(d.text, ms, nil)
			for _, l := range locals {
				if ents[l.Key] == nil {
					ents[l.Key] = NewEntity(l.Key)
					keys = append(keys, l.Key)
				}
				ents[l.Key].Add(l)
			}
			if di == len(docs)-1 {
				last = last[:0]
				for _, e := range of {
					last = append(last, locals[e].Key)
				}
			}
		}
	}
	slices.Sort(keys)
	list := make([]*Entity, len(keys))
	for i, k := range keys {
		list[i] = ents[k]
	}
	node := map[string]placedMention{}
	for _, c := range Clusters(list) {
		for _, m := range c.Members {
			node[keys[m]] = placedMention{c.Name, c.Type}
		}
	}
	out := make([]placedMention, len(last))
	for i, k := range last {
		out[i] = node[k]
	}
	return out
}

// TestCorpusResolution checks the classes of issue 11 on small corpora:
// where the mentions of the last document land.
func TestCorpusResolution(t *testing.T) {
	tests := []struct {
		name string
		docs []tdoc
		want []placedMention
	}{
		{"a rare extension does not name the node", []tdoc{
			{"The EU met. The European Union agreed.", []tm{{"EU", org}, {"European Union", org}}, 10},
			{"Money from the European Union Vet Fund and the EU.", []tm{{"European Union Vet Fund", org}, {"EU", org}}, 1},
		}, []placedMention{{"European Union", org}, {"European Union", org}}},
		{"a span with a suffix does not name a person", []tdoc{
			{"George Bush spoke. Bush left.", []tm{{"George Bush", per}, {"Bush", per}}, 10},
			{"A George Bush-style speech by George Bush.", []tm{{"George Bush-style", per}, {"George Bush", per}}, 1},
		}, []placedMention{{"George Bush", per}, {"George Bush", per}}},
		{"a word before a full name does not name it", []tdoc{
			{"Liam Fox spoke.", []tm{{"Liam Fox", per}}, 9},
			{"Tory Liam Fox said. Liam Fox left.", []tm{{"Tory Liam Fox", per}, {"Liam Fox", per}}, 1},
		}, []placedMention{{"Liam Fox", per}, {"Liam Fox", per}}},
		{"the full name names a person whose surname is more used", []tdoc{
			{"Conable said.", []tm{{"Conable", per}}, 10},
			{"Barber Conable spoke. Conable left.", []tm{{"Barber Conable", per}, {"Conable", per}}, 1},
		}, []placedMention{{"Barber Conable", per}, {"Barber Conable", per}}},
		{"a two-letter acronym is not guessed across documents", []tdoc{
			{"ITV Digital failed.", []tm{{"ITV Digital", org}}, 3},
			{"The ID plan.", []tm{{"ID", org}}, 1},
		}, []placedMention{{"ID", org}}},
		{"one document's merge does not carry a name used everywhere", []tdoc{
			{"Lions Gate Entertainment grew. Lions said.", []tm{{"Lions Gate Entertainment", org}, {"Lions", org}}, 12},
			{"The Lions won.", []tm{{"Lions", org}}, 300},
		}, []placedMention{{"Lions", org}}},
		{"an acronym's long form is rarely written", []tdoc{
			{"The U.S. Agriculture Department (USDA) said.", []tm{{"U.S. Agriculture Department", org}, {"USDA", org}}, 2},
			{"USDA said.", []tm{{"USDA", org}}, 100},
			{"The U.S. Agriculture Department said.", []tm{{"U.S. Agriculture Department", org}}, 1},
		}, []placedMention{{"USDA", org}}},
		{"a common word does not join a longer name without evidence", []tdoc{
			{"Lions Gate Entertainment grew.", []tm{{"Lions Gate Entertainment", org}}, 2},
			{"The Lions won.", []tm{{"Lions", org}}, 1},
		}, []placedMention{{"Lions", org}}},
		{"an initial and surname is not another full name", []tdoc{
			{"Hunter S Thompson wrote.", []tm{{"Hunter S Thompson", per}}, 2},
			{"S Thompson scored.", []tm{{"S Thompson", per}}, 1},
		}, []placedMention{{"S Thompson", per}}},
		{"a magazine called Us is not the United States", []tdoc{
			{"The US and the United States.", []tm{{"US", loc}, {"United States", loc}}, 2},
			{"Us magazine.", []tm{{"Us", org}}, 1},
		}, []placedMention{{"Us", org}}},
		{"a bare acronym is not its own radio station", []tdoc{
			{"BBC Radio and BBC One.", []tm{{"BBC Radio", org}, {"BBC One", org}}, 2},
			{"BBC Radio said. The BBC said.", []tm{{"BBC Radio", org}, {"BBC", org}}, 1},
		}, []placedMention{{"BBC Radio", org}, {"BBC", org}}},
		{"a defined acronym must fit its long form", []tdoc{
			{"Britain and the UK.", []tm{{"Britain", loc}, {"UK", loc}}, 2},
			{"Toshiba Information Systems (U.K.) Ltd. In the U.K. it sold.", []tm{{"Toshiba Information Systems", org}, {"U.K.", loc}}, 1},
		}, []placedMention{{"Toshiba Information Systems", org}, {"United Kingdom", loc}}},
		{"salience: a title and surname join the dominant full name", []tdoc{
			{"Tony Blair spoke. Blair left.", []tm{{"Tony Blair", per}, {"Blair", per}}, 12},
			{"Cherie Blair spoke. Blair left.", []tm{{"Cherie Blair", per}, {"Blair", per}}, 1},
			{"Ian Blair spoke.", []tm{{"Ian Blair", per}}, 1},
			{"Mr Blair said.", []tm{{"Mr Blair", per}}, 1},
		}, []placedMention{{"Tony Blair", per}}},
		{"a headline span is no full name", []tdoc{
			{"REAGAN SPEAKS. Ronald Reagan spoke. Reagan left.", []tm{{"REAGAN SPEAKS", per}, {"Ronald Reagan", per}, {"Reagan", per}}, 1},
			{"MAY LINK REAGAN. Reagan said.", []tm{{"MAY LINK REAGAN", per}, {"Reagan", per}}, 3},
			{"Reagan said.", []tm{{"Reagan", per}}, 1},
		}, []placedMention{{"Ronald Reagan", per}}},
		{"salience: a rival with few mentions does not keep the surname apart", []tdoc{
			{"Ronald Reagan spoke. Reagan left.", []tm{{"Ronald Reagan", per}, {"Reagan", per}}, 3},
			{"Michael Reagan spoke. Reagan left.", []tm{{"Michael Reagan", per}, {"Reagan", per}}, 1},
			{"Ronald Reagan spoke.", []tm{{"Ronald Reagan", per}}, 4},
			{"Reagan said.", []tm{{"Reagan", per}}, 1},
		}, []placedMention{{"Ronald Reagan", per}}},
		{"no salience: equal rivals keep the surname apart", []tdoc{
			{"Carmen Reyes spoke. Reyes left.", []tm{{"Carmen Reyes", per}, {"Reyes", per}}, 2},
			{"Daniel Reyes spoke. Reyes left.", []tm{{"Daniel Reyes", per}, {"Reyes", per}}, 2},
			{"Reyes said.", []tm{{"Reyes", per}}, 1},
		}, []placedMention{{"Reyes", per}}},
		{"X Party is X", []tdoc{
			{"Labour Party.", []tm{{"Labour Party", org}}, 1},
			{"Labour won.", []tm{{"Labour", org}}, 1},
		}, []placedMention{{"Labour Party", org}}},
		{"a party by its members", []tdoc{
			{"The Socialist Party won.", []tm{{"Socialist Party", org}}, 2},
			{"The Socialists and the Greens. The Green Party.", []tm{{"Socialists", org}, {"Greens", org}, {"Green Party", org}}, 1},
		}, []placedMention{{"Socialist Party", org}, {"Green Party", org}, {"Green Party", org}}},
		{"party variants", []tdoc{
			{"The Conservative Party.", []tm{{"Conservative Party", org}}, 1},
			{"The Tories and the Conservatives. Lib Dems and Liberal Democrats.",
				[]tm{{"Tories", org}, {"Conservatives", org}, {"Lib Dems", org}, {"Liberal Democrats", org}}, 1},
		}, []placedMention{{"Conservative Party", org}, {"Conservative Party", org}, {"Liberal Democrats", org}, {"Liberal Democrats", org}}},
		{"forms of a news agency are one node under its usual name", []tdoc{
			{"He told Reuters.", []tm{{"Reuters", org}}, 1},
			{"Oil fell.\n REUTER", []tm{{"REUTER", org}}, 5},
			{"Officials told Agence France-Presse.", []tm{{"Agence France-Presse", org}}, 1},
			{"AFP said oil rose.\n Reuter", []tm{{"AFP", org}, {"Reuter", org}}, 20},
		}, []placedMention{{"Agence France-Presse", org}, {"Reuters", org}}},
		{"a wire-style state abbreviation is its state", []tdoc{
			{"Jobs in California grew.", []tm{{"California", loc}}, 2},
			{"SAN JOSE, Calif. - Jobs grew in N.J. and Mass.", []tm{{"SAN JOSE", loc}, {"Calif.", loc}, {"N.J.", loc}, {"Mass", loc}}, 1},
		}, []placedMention{{"SAN JOSE", loc}, {"California", loc}, {"New Jersey", loc}, {"Massachusetts", loc}}},
		{"a credit-only agency form stays apart", []tdoc{
			{"Bloomberg News said.", []tm{{"Bloomberg News", org}}, 3},
			{"Michael Bloomberg spoke. Bloomberg left.", []tm{{"Michael Bloomberg", per}, {"Bloomberg", per}}, 1},
		}, []placedMention{{"Michael Bloomberg", per}, {"Michael Bloomberg", per}}},
		{"a surname typed as an organization joins the full name", []tdoc{
			{"Kilroy-Silk spoke.", []tm{{"Kilroy-Silk", org}}, 3},
			{"Robert Kilroy-Silk said. Kilroy-Silk left.", []tm{{"Robert Kilroy-Silk", per}, {"Kilroy-Silk", org}}, 4},
			{"Kilroy-Silk spoke again.", []tm{{"Kilroy-Silk", org}}, 1},
		}, []placedMention{{"Robert Kilroy-Silk", per}}},
		{"a company taken for a person joins its full name", []tdoc{
			{"Chrysler Corp said. Chrysler added.", []tm{{"Chrysler Corp", org}, {"Chrysler", per}}, 3},
			{"Chrysler said.", []tm{{"Chrysler", per}}, 1},
		}, []placedMention{{"Chrysler Corp", org}}},
		{"a place is not taken for a surname", []tdoc{
			{"Michael Jordan played. Jordan scored.", []tm{{"Michael Jordan", per}, {"Jordan", per}}, 1},
			{"Jordan and Syria.", []tm{{"Jordan", loc}, {"Syria", loc}}, 5},
		}, []placedMention{{"Jordan", loc}, {"Syria", loc}}},
		{"an organization plus designators", []tdoc{
			{"Texaco Inc said.", []tm{{"Texaco Inc", org}}, 1},
			{"Texaco said.", []tm{{"Texaco", org}}, 1},
		}, []placedMention{{"Texaco Inc", org}}},
		{"a committee is not its house", []tdoc{
			{"The House Ways and Means Committee met. The House voted.", []tm{{"House Ways and Means Committee", org}, {"House", org}}, 1},
		}, []placedMention{{"House Ways and Means Committee", org}, {"House", org}}},
		{"International ends a full name", []tdoc{
			{"Amnesty International said. Amnesty added.", []tm{{"Amnesty International", org}, {"Amnesty", org}}, 1},
		}, []placedMention{{"Amnesty International", org}, {"Amnesty International", org}}},
		{"a list is not its first member", []tdoc{
			{"The Bundesbank and Finance Ministry said. The Bundesbank cut rates.", []tm{{"Bundesbank and Finance Ministry", org}, {"Bundesbank", org}}, 1},
		}, []placedMention{{"Bundesbank and Finance Ministry", org}, {"Bundesbank", org}}},
		{"a lower-case description is cut from an organization", []tdoc{
			{"The Food and Drug Administration said.", []tm{{"Food and Drug Administration", org}}, 3},
			{"The federal Food and Drug Administration said.", []tm{{"federal Food and Drug Administration", org}}, 1},
		}, []placedMention{{"Food and Drug Administration", org}}},
		{"a rare misspelling joins the common spelling", []tdoc{
			{"Commodity Credit Corporation.", []tm{{"Commodity Credit Corporation", org}}, 4},
			{"Commodity Credit Corportion.", []tm{{"Commodity Credit Corportion", org}}, 1},
		}, []placedMention{{"Commodity Credit Corporation", org}}},
		{"names a letter apart are different companies", []tdoc{
			{"USX Corp.", []tm{{"USX Corp", org}}, 8},
			{"CSX Corp.", []tm{{"CSX Corp", org}}, 1},
		}, []placedMention{{"CSX Corp", org}}},
		{"a one-word place a letter apart is another place", []tdoc{
			{"Atlantic.", []tm{{"Atlantic", loc}}, 8},
			{"Atlantis.", []tm{{"Atlantis", loc}}, 1},
		}, []placedMention{{"Atlantis", loc}}},
		{"a rare geographic extension is not the place", []tdoc{
			{"Sea of Japan.", []tm{{"Sea of Japan", loc}}, 1},
			{"Japan said.", []tm{{"Japan", loc}}, 20},
		}, []placedMention{{"Japan", loc}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, resolveCorpus(t, tt.docs)); diff != "" {
				t.Errorf("placed (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAcronymFits(t *testing.T) {
	tests := []struct {
		acr, long string
		want      bool
	}{
		{"ISIL", "Islamic State", true},
		{"MITI", "Ministry of International Trade and Industry", true},
		{"U.K.", "Toshiba Information Systems", false},
		{"IMF", "World Bank and International Monetary Fund", false},
		{"EU", "the European Union", true},
		{"", "Anything", false},
	}
	for _, tt := range tests {
		t.Run(tt.acr+" "+tt.long, func(t *testing.T) {
			if got := acronymFits(tt.acr, tt.long); got != tt.want {
				t.Errorf("acronymFits(%q, %q) = %v, want %v", tt.acr, tt.long, got, tt.want)
			}
		})
	}
}

func TestOneTypo(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"bank of enlgand", "bank of england", true},
		{"international coffee organistion", "international coffee organisation", true},
		{"international cocoa organisation", "international cocoa organization", true},
		{"californai", "california", true},
		{"yuganskneftegas", "yuganskneftegaz", true},
		{"yugansneftegaz", "yuganskneftegaz", true},
		{"dominica republic", "dominican republic", true}, // inside the key, a letter lost at the end of a word is a typo
		{"csx corp", "usx corp", false},
		{"atlantis", "atlantic", false},
		{"airbus a320 program", "airbus a321 program", false},
		{"america", "americas", false},
		{"same name here", "same name here", false},
	}
	for _, tt := range tests {
		t.Run(tt.a, func(t *testing.T) {
			if got := oneTypo(tt.a, tt.b); got != tt.want {
				t.Errorf("oneTypo(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}
