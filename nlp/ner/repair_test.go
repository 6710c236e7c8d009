package ner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// splitTagged turns "Lord/B-LOC Halifax/I-LOC met/O" into tokens and labels;
// a word without a tag is O.
func splitTagged(s string) (toks, labels []string) {
	for _, f := range strings.Fields(s) {
		tok, lab, ok := strings.Cut(f, "/")
		if !ok {
			lab = "O"
		}
		toks = append(toks, tok)
		labels = append(labels, lab)
	}
	return toks, labels
}

func TestRepair(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, want string
	}{
		{"title off a person", "met Prince/B-PER Henry/I-PER .", "met Prince Henry/B-PER ."},
		{"several titles", "Prime/B-PER Minister/I-PER Jones/I-PER spoke", "Prime Minister Jones/B-PER spoke"},
		{"general before a person", "General/B-PER de/I-PER Meza/I-PER said", "General de/B-PER Meza/I-PER said"},
		{"honorific makes a person", "Lord/B-LOC Halifax/I-LOC met", "Lord Halifax/B-PER met"},
		{"honorific before an organization cue", "Lady/B-ORG Margaret/I-ORG College/I-ORG", "Lady/B-ORG Margaret/I-ORG College/I-ORG"},
		{"company named after a title", "General/B-ORG Motors/I-ORG cut", "General/B-ORG Motors/I-ORG cut"},
		{"accented name after a title", "Lady/B-LOC Élise/I-LOC Dubois/I-LOC", "Lady Élise/B-PER Dubois/I-PER"},
		{"lone title kept", "the Prince/B-PER said", "the Prince/B-PER said"},
		{"polity adjective", "the Ottoman Empire/B-ORG fell", "the Ottoman/B-ORG Empire/I-ORG fell"},
		{"two adjectives", "the Holy Roman Empire/B-LOC", "the Holy/B-LOC Roman/I-LOC Empire/I-LOC"},
		{"sentence-initial The stays out", "The Empire/B-ORG fell", "The Empire/B-ORG fell"},
		{"lowercase word stays out", "a new Republic/B-LOC", "a new Republic/B-LOC"},
		{"formal state name", "the Kingdom/B-ORG of France/B-LOC .", "the Kingdom/B-LOC of/I-LOC France/I-LOC ."},
		{"formal name with adjective", "the Federal/B-ORG Republic/I-ORG of Cameroon/B-LOC", "the Federal/B-LOC Republic/I-LOC of/I-LOC Cameroon/I-LOC"},
		{"head labelled O", "the Principality of Nitra/B-LOC", "the Principality/B-LOC of/I-LOC Nitra/I-LOC"},
		{"lowercase city of", "the Iraqi/B-LOC city of Arbil/B-LOC", "the Iraqi/B-LOC city of Arbil/B-LOC"},
		{"of a person is not a state", "the Kingdom of Bob/B-PER", "the Kingdom of Bob/B-PER"},
		{"film title", "the film Looper/B-PER , directed", "the film Looper , directed"},
		{"film title after comma", "a science-fiction film , Looper/B-PER , directed", "a science-fiction film , Looper , directed"},
		{"title with function words", "film Salmon Fishing in the Yemen/B-LOC , directed", "film Salmon Fishing in the Yemen , directed"},
		{"album title", "the album Over My/B-PER Head/I-PER (", "the album Over My Head ("},
		{"verb play is not a work", "to play Liechtenstein/B-LOC in", "to play Liechtenstein/B-LOC in"},
		{"span running past the title", "the film Star/B-PER Wars/I-PER", "the film Star Wars"},
		{"lowercase after work noun", "the film by Nolan/B-PER", "the film by Nolan/B-PER"},
		{"war is an event", "after the Gulf/B-LOC War/I-LOC ended", "after the Gulf War ended"},
		{"treaty named by an adjective", "the Monegasque/B-ORG Treaty/I-ORG was", "the Monegasque Treaty was"},
		{"treaty of a place", "the Treaty of Tientsin/B-LOC and", "the Treaty of Tientsin and"},
		{"battle of a place, one span", "at the Battle/B-ORG of/I-ORG Marengo/I-ORG forced", "at the Battle of Marengo forced"},
		{"war of the coalition", "the War of the First/B-ORG Coalition/I-ORG ,", "the War of the First Coalition ,"},
		{"war in lowercase is kept", "the war in Iraq/B-LOC", "the war in Iraq/B-LOC"},
		{"company named Battle", "Battle/B-ORG Mountain/I-ORG Gold/I-ORG said", "Battle/B-ORG Mountain/I-ORG Gold/I-ORG said"},
		{"peer of a city", "the Duke/B-ORG of/I-ORG York/I-ORG ,", "the Duke of York/B-LOC ,"},
		{"office of a city", "the Lord/B-ORG Mayor/I-ORG of/I-ORG Brisbane/I-ORG said", "the Lord Mayor of Brisbane/B-LOC said"},
		{"office of a body keeps its type", "Minister/B-ORG of/I-ORG Finance/I-ORG Mar'ie", "Minister of Finance/B-ORG Mar'ie"},
		{"office of the council", "the Lord/B-ORG President/I-ORG of/I-ORG the/I-ORG Council/I-ORG ,", "the Lord President of the Council ,"},
		{"title alone before of", "Henry/B-PER , Duke/B-PER of Cumberland/B-LOC", "Henry/B-PER , Duke of Cumberland/B-LOC"},
		{"queen of the south is a club", "Queen/B-ORG of/I-ORG South/I-ORG 2", "Queen/B-ORG of/I-ORG South/I-ORG 2"},
		{"junior after a comma", "to Martin/B-PER Luther/I-PER King/I-PER , Jr./B-LOC", "to Martin/B-PER Luther/I-PER King/I-PER ,/I-PER Jr./I-PER"},
		{"junior without a comma", "Ken/B-PER Griffey/I-PER Jr hit", "Ken/B-PER Griffey/I-PER Jr/I-PER hit"},
		{"epithet", "Louis/B-PER the German invaded", "Louis/B-PER the/I-PER German/I-PER invaded"},
		{"two-word epithet", "as Glinda/B-PER the Good Witch in", "as Glinda/B-PER the/I-PER Good/I-PER Witch/I-PER in"},
		{"the before a long name is no epithet", "Smith/B-PER the New York Times", "Smith/B-PER the New York Times"},
		{"the before lowercase", "Smith/B-PER the lawyer", "Smith/B-PER the lawyer"},
		{"empire missed", "against the Ottoman Empire in", "against the Ottoman/B-ORG Empire/I-ORG in"},
		{"dynasty in lowercase", "the fall of the Qing dynasty in", "the fall of the Qing/B-ORG dynasty in"},
		{"demonym before empire", "the British empire was", "the British empire was"},
		{"labelled empire left alone", "the Roman/B-LOC Empire/I-LOC fell", "the Roman/B-LOC Empire/I-LOC fell"},
		{"longer capitalised run", "Star Wars Galactic Empire toys", "Star Wars Galactic Empire toys"},
		{"channel before a name", "the TV channel Al/B-PER Mayadeen/I-PER said", "the TV channel Al/B-ORG Mayadeen/I-ORG said"},
		{"group before a name", "the group Hezbollah/B-LOC said", "the group Hezbollah/B-ORG said"},
		{"city before a name", "the city Aleppo/B-PER fell", "the city Aleppo/B-LOC fell"},
		{"capitalised descriptor is part of a name", "The Group/B-ORG said", "The Group/B-ORG said"},
		{"agent noun does not retype", "the manufacturer Georg/B-PER Reichenbach/I-PER", "the manufacturer Georg/B-PER Reichenbach/I-PER"},
		{"sentence-initial The before an empire", "The Russian Empire was", "The Russian/B-ORG Empire/I-ORG was"},
		{"street typed a person", "left Downing/B-PER Street/I-PER for", "left Downing/B-LOC Street/I-LOC for"},
		{"street missed", "officials in Downing Street said", "officials in Downing/B-LOC Street/I-LOC said"},
		{"street inside a longer name", "the Wall Street Journal/B-ORG said", "the Wall Street Journal/B-ORG said"},
		{"street after a capitalised run", "New York Central Park Road works", "New York Central Park Road works"},
		{"holiday", "before Christmas/B-LOC and Easter/B-PER", "before Christmas and Easter"},
		{"holiday in a longer name", "the Christmas/B-ORG Island/I-ORG", "the Christmas/B-ORG Island/I-ORG"},
		{"award kept", "nominated for an Oscar/B-PER", "nominated for an Oscar/B-PER"},
		{"club beats a town", "Wasps/B-ORG beat Bath/B-LOC 24-10", "Wasps/B-ORG beat Bath/B-ORG 24-10"},
		{"town loses to a club", "Bath/B-LOC lost to Wasps/B-ORG", "Bath/B-ORG lost to Wasps/B-ORG"},
		{"country stays a place", "All/B-ORG Blacks/I-ORG beat South/B-LOC Africa/I-LOC", "All/B-ORG Blacks/I-ORG beat South/B-LOC Africa/I-LOC"},
		{"two places stay places", "Germany/B-LOC beat Italy/B-LOC", "Germany/B-LOC beat Italy/B-LOC"},
		{"company before its chief executive", "Acme chief executive Jane/B-PER Roe/I-PER said", "Acme/B-ORG chief executive Jane/B-PER Roe/I-PER said"},
		{"body before its chair", "the Fed chair Jerome/B-PER Powell/I-PER", "the Fed/B-ORG chair Jerome/B-PER Powell/I-PER"},
		{"president names a country", "U.S. President Bill/B-PER Clinton/I-PER", "U.S. President Bill/B-PER Clinton/I-PER"},
		{"role without a name after it", "Acme chief executive said", "Acme chief executive said"},
		{"company before its chief executive, possessive", "Lan/B-PER , Mekong/B-PER Star/I-PER 's chief executive", "Lan/B-PER , Mekong/B-ORG Star/I-ORG 's chief executive"},
		{"unlabelled company before its shareholders", "said Acme 's shareholders", "said Acme/B-ORG 's shareholders"},
		{"person's spokesman", "Clinton/B-PER 's spokesman", "Clinton/B-PER 's spokesman"},
		{"acronym after a name", "the East/B-ORG African/I-ORG Water/I-ORG Authority/I-ORG ( EAWA/B-LOC ) is", "the East/B-ORG African/I-ORG Water/I-ORG Authority/I-ORG ( EAWA/B-ORG ) is"},
		{"unlabelled acronym", "the Test/B-ORG Ban/I-ORG Treaty/I-ORG Group/I-ORG ( TBTG ) said", "the Test/B-ORG Ban/I-ORG Treaty/I-ORG Group/I-ORG ( TBTG/B-ORG ) said"},
		{"not an acronym", "Jane/B-PER Roe/I-PER ( 34 ) said", "Jane/B-PER Roe/I-PER ( 34 ) said"},
		{"acronym of a name without a cue", "over London/B-ORG Interbank/I-ORG Offered/I-ORG Rates/I-ORG ( LIBOR ) for", "over London/B-ORG Interbank/I-ORG Offered/I-ORG Rates/I-ORG ( LIBOR ) for"},
		{"country code after a player", "Tim/B-PER Henman/I-PER ( GBR/B-LOC ) beat", "Tim/B-PER Henman/I-PER ( GBR/B-LOC ) beat"},
		{"headline in capitals", "PLANS BY ACME/B-ORG CORP/I-ORG ( SWEDEN/B-LOC )", "PLANS BY ACME/B-ORG CORP/I-ORG ( SWEDEN/B-LOC )"},
		{"firm of two names", "analyst with Birr/B-ORG , Wilson/B-PER and Co./B-LOC said", "analyst with Birr/B-ORG ,/I-ORG Wilson/I-ORG and/I-ORG Co./I-ORG said"},
		{"firm of four names", "at Merrill/B-ORG Lynch/I-ORG , Pierce/B-PER , Fenner/B-PER and Smith/B-ORG Inc/I-ORG .", "at Merrill/B-ORG Lynch/I-ORG ,/I-ORG Pierce/I-ORG ,/I-ORG Fenner/I-ORG and/I-ORG Smith/I-ORG Inc/I-ORG ."},
		{"ampersand", "by Goldman/B-PER Sachs/I-PER & Co/B-ORG ,", "by Goldman/B-ORG Sachs/I-ORG &/I-ORG Co/I-ORG ,"},
		{"no suffix", "Smith/B-PER , Jones/B-PER and Brown/B-PER said", "Smith/B-PER , Jones/B-PER and Brown/B-PER said"},
		{"title of a region", "defeated the Nawab/B-LOC of/I-LOC Bengal/I-LOC at", "defeated the Nawab of Bengal/B-LOC at"},
		{"month after a dateline place", "Oslo/B-ORG June/I-ORG 4 ( Reuters )", "Oslo/B-LOC June 4 ( Reuters )"},
		{"abbreviated month, place unknown to the gazetteer", "Vrelk/B-LOC Sept./I-LOC 12 --", "Vrelk/B-LOC Sept. 12 --"},
		{"May is a surname without a day", "athlete Fiona/B-PER May/I-PER won", "athlete Fiona/B-PER May/I-PER won"},
		{"month of a name without a day", "Helen/B-PER March/I-PER said", "Helen/B-PER March/I-PER said"},
		{"May before a day", "Oslo/B-LOC May/I-LOC 4 --", "Oslo/B-LOC May 4 --"},
		{"opening bracket inside a span", "the KRP/B-ORG (/I-ORG Karelian/I-ORG Rural/I-ORG Party/I-ORG ) said", "the KRP/B-ORG ( Karelian/B-ORG Rural/I-ORG Party/I-ORG ) said"},
		{"closing bracket inside a span, lone cue dropped", "( formerly Agrarian/B-ORG )/I-ORG Party/I-ORG won", "( formerly Agrarian/B-ORG ) Party won"},
		{"lowercase words after a bracket", "station Vrelk/B-LOC River/I-LOC (/I-LOC south/I-LOC Oslo/I-LOC ) bid", "station Vrelk/B-LOC River/I-LOC ( south Oslo/B-LOC ) bid"},
		{"balanced brackets kept", "Acme/B-ORG (/I-ORG Norway/I-ORG )/I-ORG Ltd/I-ORG said", "Acme/B-ORG (/I-ORG Norway/I-ORG )/I-ORG Ltd/I-ORG said"},
		{"ordinal unit", "the 7th Fleet/B-LOC sailed", "the 7th/B-ORG Fleet/I-ORG sailed"},
		{"ordinal unit of several words", "the 33rd Mountain Infantry Brigade said", "the 33rd/B-ORG Mountain/I-ORG Infantry/I-ORG Brigade/I-ORG said"},
		{"ordinal without a unit noun", "the 12th Dynasty ruled", "the 12th Dynasty ruled"},
		{"place with a unit noun", "the Baltic/B-LOC Sea/I-LOC Fleet sailed", "the Baltic/B-ORG Sea/I-ORG Fleet/I-ORG sailed"},
		{"two institutions joined by and", "the Federal/B-ORG Tax/I-ORG Service/I-ORG and/I-ORG Northern/I-ORG Lakes/I-ORG Trust/I-ORG Co./I-ORG said",
			"the Federal/B-ORG Tax/I-ORG Service/I-ORG and Northern/B-ORG Lakes/I-ORG Trust/I-ORG Co./I-ORG said"},
		{"bank and trust company is one name", "First/B-ORG Valley/I-ORG Bank/I-ORG and/I-ORG Trust/I-ORG Co/I-ORG said",
			"First/B-ORG Valley/I-ORG Bank/I-ORG and/I-ORG Trust/I-ORG Co/I-ORG said"},
		{"company of three words before its spokesman", "' ' Vrelk Marine Engines spokesman Jan/B-PER Berg/I-PER said", "' ' Vrelk/B-ORG Marine/I-ORG Engines/I-ORG spokesman Jan/B-PER Berg/I-PER said"},
		{"four capitalised words are no employer", "Vrelk Big Marine Engines spokesman Jan/B-PER Berg/I-PER said", "Vrelk Big Marine Engines spokesman Jan/B-PER Berg/I-PER said"},
		{"unlabelled country", "former Maldives first lady Ana/B-PER Silva/I-PER", "former Maldives/B-LOC first lady Ana/B-PER Silva/I-PER"},
		{"two-word country", "to Sri Lanka on", "to Sri/B-LOC Lanka/I-LOC on"},
		{"country inside a capitalised run", "the Central Bank of Japan said", "the Central Bank of Japan said"},
		{"country inside a work title", "the film Salmon Fishing in the Yemen , directed", "the film Salmon Fishing in the Yemen , directed"},
		{"state abbreviation after a town", "at Vrelk/B-LOC , Wyo. , and", "at Vrelk/B-LOC , Wyo./B-LOC , and"},
		{"state abbreviation after a person", "said Jan/B-PER Berg/I-PER , Ore. , and", "said Jan/B-PER Berg/I-PER , Ore. , and"},
		{"list: places among companies", "carriers are Vrelk/B-ORG , Northwind/B-ORG , Delta/B-LOC , Skyline/B-ORG and Piedmont/B-LOC .",
			"carriers are Vrelk/B-ORG , Northwind/B-ORG , Delta/B-ORG , Skyline/B-ORG and Piedmont/B-ORG ."},
		{"list: organization among places", "offices in Tokyo/B-LOC , Osaka/B-LOC , Kobe/B-ORG and Nagoya/B-LOC .",
			"offices in Tokyo/B-LOC , Osaka/B-LOC , Kobe/B-LOC and Nagoya/B-LOC ."},
		{"list: place among players", "picked Berg/B-PER , Lund/B-PER , Hale/B-LOC , Moss/B-PER , Dunn/B-PER .",
			"picked Berg/B-PER , Lund/B-PER , Hale/B-PER , Moss/B-PER , Dunn/B-PER ."},
		{"list: unlabelled word neither counts nor breaks", "are Vrelk/B-ORG , American , Northwind/B-ORG , Delta/B-LOC , Skyline/B-ORG .",
			"are Vrelk/B-ORG , American , Northwind/B-ORG , Delta/B-ORG , Skyline/B-ORG ."},
		{"list: country among organizations stays", "by Vrelk/B-ORG , Northwind/B-ORG , Skyline/B-ORG and Germany/B-LOC .",
			"by Vrelk/B-ORG , Northwind/B-ORG , Skyline/B-ORG and Germany/B-LOC ."},
		{"list: only a known place becomes one", "from France/B-LOC , Spain/B-LOC , Italy/B-LOC and EU/B-ORG .",
			"from France/B-LOC , Spain/B-LOC , Italy/B-LOC and EU/B-ORG ."},
		{"list: no majority", "are Vrelk/B-ORG , Northwind/B-ORG , Delta/B-LOC and Piedmont/B-LOC .",
			"are Vrelk/B-ORG , Northwind/B-ORG , Delta/B-LOC and Piedmont/B-LOC ."},
		{"list: two of a kind are too few", "are Vrelk/B-ORG , Northwind/B-ORG and Delta/B-LOC .",
			"are Vrelk/B-ORG , Northwind/B-ORG and Delta/B-LOC ."},
		{"list: two-word item kept", "are Vrelk/B-ORG , Northwind/B-ORG , Skyline/B-ORG and Santa/B-LOC Clara/I-LOC .",
			"are Vrelk/B-ORG , Northwind/B-ORG , Skyline/B-ORG and Santa/B-LOC Clara/I-LOC ."},
		{"list: ends after its and", "in Tokyo/B-LOC , Osaka/B-LOC and Kobe/B-LOC , Hale/B-PER said",
			"in Tokyo/B-LOC , Osaka/B-LOC and Kobe/B-LOC , Hale/B-PER said"},
		{"list: a span cut short does not count", "are Vrelk/B-ORG , Northwind/B-ORG , Lima/B-LOC and Skyline/B-LOC Air .",
			"are Vrelk/B-ORG , Northwind/B-ORG , Lima/B-LOC and Skyline/B-LOC Air ."},
		{"list: names joined by other words", "Vrelk/B-ORG beat Northwind/B-ORG , Skyline/B-ORG and Delta/B-LOC .",
			"Vrelk/B-ORG beat Northwind/B-ORG , Skyline/B-ORG and Delta/B-LOC ."},
		{"person before a district noun", "between Ban/B-PER Khet/I-PER District and", "between Ban/B-LOC Khet/I-LOC District/I-LOC and"},
		{"person span ending in an administrative noun", "in Vrelk/B-PER Parish/I-PER ,", "in Vrelk/B-LOC Parish/I-LOC ,"},
		{"firm noun that is a surname", "2. Derek/B-PER Mills/I-PER ( U.S./B-LOC )", "2. Derek/B-PER Mills/I-PER ( U.S./B-LOC )"},
		{"firm in the plural after unlabelled words", "said Lok Fat/B-PER Holdings/I-PER , a", "said Lok/B-ORG Fat/I-ORG Holdings/I-ORG , a"},
		{"singular cue word is a surname", "6. Anna/B-PER Post/I-PER ( Norway/B-LOC )", "6. Anna/B-PER Post/I-PER ( Norway/B-LOC )"},
		{"institution of a place", "at the Danish/B-ORG Academy/I-ORG of Aarhus/B-LOC when", "at the Danish/B-ORG Academy/I-ORG of/I-ORG Aarhus/I-ORG when"},
		{"non-institution of a place", "the Acme/B-ORG plant of Aarhus/B-LOC", "the Acme/B-ORG plant of Aarhus/B-LOC"},
		{"fields of one ministry", "the Department/B-ORG of/I-ORG Fisheries/I-ORG and/I-ORG Marine/I-ORG Resources/I-ORG said",
			"the Department/B-ORG of/I-ORG Fisheries/I-ORG and/I-ORG Marine/I-ORG Resources/I-ORG said"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, labels := splitTagged(tt.in)
			_, want := splitTagged(tt.want)
			m.repair(toks, labels)
			if diff := cmp.Diff(want, labels); diff != "" {
				t.Errorf("repair(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestPropagate(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		in, want []string
	}{
		{"name labelled elsewhere",
			[]string{"the Qing/B-ORG dynasty fell", "during the Qing ."},
			[]string{"the Qing/B-ORG dynasty fell", "during the Qing/B-ORG ."}},
		{"surname after the full name",
			[]string{"Emily/B-PER Blunt/I-PER starred", "Blunt began filming"},
			[]string{"Emily/B-PER Blunt/I-PER starred", "Blunt/B-PER began filming"}},
		{"majority type",
			[]string{"Jordan/B-LOC said", "in Jordan/B-LOC", "to Jordan/B-PER", "Jordan won"},
			[]string{"Jordan/B-LOC said", "in Jordan/B-LOC", "to Jordan/B-PER", "Jordan/B-LOC won"}},
		{"word also in lower case",
			[]string{"Apple/B-ORG said", "an apple a day", "Apple rose"},
			[]string{"Apple/B-ORG said", "an apple a day", "Apple rose"}},
		{"part of a longer name",
			[]string{"Chelsea/B-ORG won", "Chelsea Clinton spoke"},
			[]string{"Chelsea/B-ORG won", "Chelsea Clinton spoke"}},
		{"multi-word name",
			[]string{"the Red/B-ORG Cross/I-ORG said", "Red Cross workers"},
			[]string{"the Red/B-ORG Cross/I-ORG said", "Red/B-ORG Cross/I-ORG workers"}},
		{"short form of a company",
			[]string{"Mekong/B-ORG Star/I-ORG Shipping/I-ORG Corp./I-ORG bid", "Mekong/B-PER Star/I-PER won", "Mekong Star said"},
			[]string{"Mekong/B-ORG Star/I-ORG Shipping/I-ORG Corp./I-ORG bid", "Mekong/B-ORG Star/I-ORG won", "Mekong/B-ORG Star/I-ORG said"}},
		{"demonym is no short form",
			[]string{"the Iraqi/B-ORG National/I-ORG Congress/I-ORG said", "Iraqi forces"},
			[]string{"the Iraqi/B-ORG National/I-ORG Congress/I-ORG said", "Iraqi forces"}},
		{"surname is no short form",
			[]string{"Ford/B-ORG Motor/I-ORG Co/I-ORG rose", "Harrison/B-PER Ford/I-PER starred", "Ford/B-PER said"},
			[]string{"Ford/B-ORG Motor/I-ORG Co/I-ORG rose", "Harrison/B-PER Ford/I-PER starred", "Ford/B-PER said"}},
		{"span missing a word of the full name",
			[]string{"Lake Turkana/B-LOC falls", "in Lake/B-LOC Turkana/I-LOC"},
			[]string{"Lake/B-LOC Turkana/I-LOC falls", "in Lake/B-LOC Turkana/I-LOC"}},
		{"no propagation into a headline",
			[]string{"Acme/B-ORG said", "ACME SHARES RISE IN LONDON/B-LOC"},
			[]string{"Acme/B-ORG said", "ACME SHARES RISE IN LONDON/B-LOC"}},
		{"repairs still hold",
			[]string{"London/B-LOC is big", "the Treaty of London was"},
			[]string{"London/B-LOC is big", "the Treaty of London was"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc, labels, want [][]string
			for i, s := range tt.in {
				toks, ls := splitTagged(s)
				_, w := splitTagged(tt.want[i])
				doc, labels, want = append(doc, toks), append(labels, ls), append(want, w)
			}
			m.propagate(doc, labels)
			if diff := cmp.Diff(want, labels); diff != "" {
				t.Errorf("propagate(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// FuzzRepair runs the repairs and the document-level propagation on any
// tokens and any labels, well-formed BIO or not: they must not panic, and
// must leave one label per token, each a tag Tag can return.
func FuzzRepair(f *testing.F) {
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("the Duke of York met Acme chief executive Jane Roe", []byte{0, 0, 3, 4, 4, 0, 0, 0, 0, 1, 2})
	f.Add("Lake Turkana falls\nin Lake Turkana ( LT ) 's chief", []byte{0, 5, 0, 0, 5, 6, 0, 6, 0, 0})
	f.Add("I-PER Jr. , Jr. the", []byte{2, 2, 2, 1, 1})
	f.Fuzz(func(t *testing.T, text string, tags []byte) {
		var doc, labels [][]string
		k := 0
		for _, line := range strings.Split(text, "\n") {
			toks := strings.Fields(line)
			ls := make([]string, len(toks))
			for i := range toks {
				ls[i] = "O"
				if k < len(tags) {
					ls[i] = bioNames[int(tags[k])%len(bioNames)]
				}
				k++
			}
			doc, labels = append(doc, toks), append(labels, ls)
		}
		for i := range doc {
			m.repair(doc[i], labels[i])
		}
		m.propagate(doc, labels)
		valid := wordSet(strings.Join(bioNames, " "))
		for i, ls := range labels {
			if len(ls) != len(doc[i]) {
				t.Fatalf("sentence %d: %d labels for %d tokens", i, len(ls), len(doc[i]))
			}
			for _, l := range ls {
				if !valid[l] {
					t.Fatalf("label %q", l)
				}
			}
		}
	})
}

func TestExtraWeight(t *testing.T) {
	o := TrainOptions{ExtraWeight: 0.3, ExtraWeights: []float64{0.5, 0, 1, 2}}
	var got []float64
	for i := 0; i < 5; i++ {
		got = append(got, o.extraWeight(i))
	}
	// 0 and out-of-range entries, and documents past the list, take ExtraWeight.
	if diff := cmp.Diff([]float64{0.5, 0.3, 1, 0.3, 0.3}, got); diff != "" {
		t.Errorf("extraWeight (-want +got):\n%s", diff)
	}
}
