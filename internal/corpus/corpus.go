package corpus

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
)

// Options control generation. The zero value gives 1,000 articles from
// seed 1.
type Options struct {
	Docs int    // number of articles; 0 means 1000
	Seed uint64 // random seed; 0 means 1
}

// Article is one generated article.
type Article struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Date  string `json:"date"`
	Text  string `json:"text"`
}

// Name pools, written for this project. Surnames and given names from
// several cultures so the recognizer sees variety.
var (
	givenNames = []string{
		"Amara", "Lukas", "Sofia", "Farid", "Wanjiru", "Tesfaye", "Daniel", "Carmen", "Peter", "Amina",
		"Joseph", "Elena", "Tomás", "Marta", "Kenji", "Priya", "Olusegun", "Ingrid", "Rafael", "Leila",
		"Dmitri", "Hana", "Samuel", "Chiara", "Mehmet", "Aisha", "Jonas", "Camila", "Arjun", "Yusuf",
		"Grace", "Mateo", "Noura", "Henrik", "Zanele", "Pablo", "Mei", "Omar", "Freya", "Kwame",
	}
	surnames = []string{
		"Okafor", "Brandt", "Lindqvist", "Al-Masri", "Kamau", "Bekele", "Reyes", "Odhiambo", "Yusuf", "Ekai",
		"Fuentes", "Ibarra", "Novak", "Tanaka", "Sharma", "Adeyemi", "Halvorsen", "Moreau", "Haddad", "Petrov",
		"Kim", "Mensah", "Rossi", "Yilmaz", "Ncube", "García", "Chen", "Nasser", "Larsen", "Boateng",
		"Silva", "Kowalski", "Murphy", "Schultz", "Diallo", "Costa", "Ivanova", "Mwangi", "Ortiz", "Nakamura",
	}
	titles     = []string{"President", "Minister", "Dr.", "Senator", "General", "Governor", "Mayor", "Judge"}
	orgStems   = []string{"Northern", "Coastal", "United", "Atlantic", "Pacific", "Eastern", "National", "Global", "Central", "Southern"}
	orgNouns   = []string{"Shipping", "Grain", "Energy", "Water", "Mining", "Rail", "Telecom", "Fisheries", "Steel", "Textile"}
	orgKinds   = []string{"Corp.", "Group", "Authority", "Cooperative", "Bank", "Holdings", "Agency", "Union", "Council", "Fund"}
	ministries = []string{"Finance", "Defence", "Health", "Water Resources", "Trade", "Foreign Affairs", "Energy", "Transport"}
	places     = []string{
		"Kenya", "Nairobi", "Mombasa", "Ethiopia", "Addis Ababa", "Germany", "Hamburg", "Berlin", "Vietnam", "Hanoi",
		"Brazil", "São Paulo", "Chile", "Santiago", "Norway", "Oslo", "Japan", "Osaka", "India", "Mumbai",
		"Nigeria", "Lagos", "Turkey", "Ankara", "Egypt", "Cairo", "Peru", "Lima", "Poland", "Warsaw",
		"Ghana", "Accra", "Italy", "Milan", "France", "Lyon", "Canada", "Toronto", "Mexico", "Monterrey",
	}
	verbs   = []string{"met", "criticised", "praised", "called", "thanked", "warned", "visited", "hosted", "signed a deal with", "held talks with"}
	fillers = []string{
		"officials said on Monday", "according to people familiar with the talks", "in a statement released late on Tuesday",
		"after weeks of negotiation", "despite objections from opposition lawmakers", "amid rising prices for fuel and food",
		"as markets opened lower", "in what analysts called a turning point", "before flying home", "for the second time this year",
	}
	plainSentences = []string{
		"The talks are expected to continue next week.",
		"Prices rose by 3.2 percent in the year to March, the highest rate since 2019.",
		"No date has been set for a vote.",
		"Analysts said the decision could take months to have an effect on trade.",
		"Both sides described the meeting as constructive but gave few details.",
		"The agreement still needs the approval of parliament.",
	}
)

// generator holds the entity universe and the random source.
type generator struct {
	r      *rand.Rand
	people []string
	orgs   []string
	zipfP  *rand.Zipf
	zipfO  *rand.Zipf
	zipfL  *rand.Zipf
}

func newGenerator(seed uint64) *generator {
	g := &generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	for _, s := range surnames {
		for _, f := range givenNames {
			g.people = append(g.people, f+" "+s)
		}
	}
	g.r.Shuffle(len(g.people), func(i, j int) { g.people[i], g.people[j] = g.people[j], g.people[i] })
	for _, st := range orgStems {
		for _, n := range orgNouns {
			for _, k := range orgKinds {
				g.orgs = append(g.orgs, st+" "+n+" "+k)
			}
		}
	}
	for _, m := range ministries {
		g.orgs = append(g.orgs, "Ministry of "+m)
	}
	g.r.Shuffle(len(g.orgs), func(i, j int) { g.orgs[i], g.orgs[j] = g.orgs[j], g.orgs[i] })
	g.zipfP = rand.NewZipf(g.r, 1.1, 2, uint64(len(g.people)-1))
	g.zipfO = rand.NewZipf(g.r, 1.1, 2, uint64(len(g.orgs)-1))
	g.zipfL = rand.NewZipf(g.r, 1.2, 1, uint64(len(places)-1))
	return g
}

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

// person returns a person mention: full name, surname, or title + name.
func (g *generator) person(full string, seen map[string]bool) string {
	if seen[full] {
		switch g.r.IntN(3) {
		case 0:
			return full[strings.LastIndexByte(full, ' ')+1:]
		case 1:
			return g.pick(titles) + " " + full[strings.LastIndexByte(full, ' ')+1:]
		}
	}
	seen[full] = true
	if g.r.IntN(4) == 0 {
		return g.pick(titles) + " " + full
	}
	return full
}

// sentence writes one sentence about some of the article's cast.
func (g *generator) sentence(cast []string, orgs []string, locs []string, seen map[string]bool) string {
	switch g.r.IntN(6) {
	case 0:
		return g.pick(plainSentences)
	case 1:
		return fmt.Sprintf("%s %s %s in %s, %s.", g.person(g.pick(cast), seen), g.pick(verbs), g.person(g.pick(cast), seen), g.pick(locs), g.pick(fillers))
	case 2:
		return fmt.Sprintf("The %s said it would invest %d million dollars in %s, %s.", g.pick(orgs), 10+g.r.IntN(900), g.pick(locs), g.pick(fillers))
	case 3:
		return fmt.Sprintf("\u201cWe will not accept this,\u201d %s told reporters in %s.", g.person(g.pick(cast), seen), g.pick(locs))
	case 4:
		return fmt.Sprintf("%s, who heads the %s, %s officials from %s and %s.", g.person(g.pick(cast), seen), g.pick(orgs), g.pick(verbs), g.pick(locs), g.pick(locs))
	}
	return fmt.Sprintf("%s's %s %s the %s on %s.", g.pick(locs), g.pick([]string{"government", "central bank", "largest union", "opposition"}), g.pick(verbs), g.pick(orgs), g.pick([]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}))
}

// article generates article i.
func (g *generator) article(i int) Article {
	cast := make([]string, 2+g.r.IntN(4))
	for j := range cast {
		cast[j] = g.people[g.zipfP.Uint64()]
	}
	orgs := make([]string, 1+g.r.IntN(3))
	for j := range orgs {
		orgs[j] = g.orgs[g.zipfO.Uint64()]
	}
	locs := make([]string, 1+g.r.IntN(3))
	for j := range locs {
		locs[j] = places[g.zipfL.Uint64()]
	}
	// Article length: log-normal around 12 sentences, 3 to 80.
	n := int(math.Round(math.Exp(math.Log(12) + 0.6*g.r.NormFloat64())))
	n = min(max(n, 3), 80)
	seen := map[string]bool{}
	var b strings.Builder
	for s := 0; s < n; s++ {
		if s > 0 {
			if g.r.IntN(3) == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.sentence(cast, orgs, locs, seen))
	}
	return Article{
		ID:    fmt.Sprintf("gen-%07d", i),
		Title: fmt.Sprintf("%s and %s discuss %s", cast[0], orgs[0], locs[0]),
		Date:  fmt.Sprintf("2026-%02d-%02d", 1+i%12, 1+i%28),
		Text:  b.String(),
	}
}

// Each calls fn with every article in order.
func Each(opts Options, fn func(Article) error) error {
	docs, seed := opts.Docs, opts.Seed
	if docs == 0 {
		docs = 1000
	}
	if seed == 0 {
		seed = 1
	}
	g := newGenerator(seed)
	for i := 0; i < docs; i++ {
		if err := fn(g.article(i)); err != nil {
			return err
		}
	}
	return nil
}

// WriteJSONL writes the articles as JSON Lines with id, title, date and
// text fields, the format `entigraph build` reads from .jsonl files.
func WriteJSONL(w io.Writer, opts Options) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return Each(opts, func(a Article) error { return enc.Encode(a) })
}
