package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameLists holds gazetteer phrases by class, for entity replacement.
type nameLists struct {
	first, last, country, city, region, org, orgCue []string
}

// loadNameLists reads the phrases of the embedded gazetteer that entity
// replacement draws from.
func loadNameLists() (*nameLists, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gazetteerGz))
	if err != nil {
		return nil, err
	}
	nl := &nameLists{}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		cls, phrase, _ := strings.Cut(sc.Text(), "\t")
		var dst *[]string
		switch cls {
		case "f":
			dst = &nl.first
		case "l":
			dst = &nl.last
		case "c":
			dst = &nl.country
		case "t":
			dst = &nl.city
		case "r":
			dst = &nl.region
		case "g":
			dst = &nl.org
		case "o":
			dst = &nl.orgCue
		default:
			continue
		}
		if !plainName(phrase) {
			continue
		}
		*dst = append(*dst, phrase)
	}
	return nl, sc.Err()
}

// plainName reports whether a gazetteer phrase is made of letters, spaces,
// hyphens, apostrophes and periods only, so that it reads as a name once
// title-cased.
func plainName(p string) bool {
	letters := 0
	for _, r := range p {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == ' ', r == '-', r == '\'', r == '.':
		default:
			return false
		}
	}
	return letters >= 2
}

// titleCase capitalises the first letter of every token of a lowercased
// phrase; upper renders it in capitals instead.
func titleCase(p string, upper bool) []string {
	toks := strings.Fields(p)
	for i, t := range toks {
		if upper {
			toks[i] = strings.ToUpper(t)
			continue
		}
		r, n := utf8.DecodeRuneInString(t)
		toks[i] = string(unicode.ToUpper(r)) + t[n:]
	}
	return toks
}

// allCaps reports whether a token has letters, all of them capitals.
func allCaps(s string) bool {
	hasU := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			hasU = true
		}
	}
	return hasU && utf8.RuneCountInString(s) > 1
}

// replaceEntities returns copies of a seeded random fraction of the
// documents in which person and location mentions are replaced by names
// drawn from the gazetteer (first and last names, with a regnal number
// added to one in ten lone names; countries, cities and regions), and half
// of the organization mentions by known organizations or by a surname or
// city followed by an organization cue word (Kenseth Records). Within a
// document a name is always replaced by the same one, so that the second
// pass still sees repeated mentions; capitals are kept. The copies teach
// the model that names it has never seen, in the contexts in which people,
// places and organizations occur, are people, places and organizations: it
// cannot lean on having memorised the training corpus's names. group[i] is
// the index in docs of the document that out[i] copies.
func replaceEntities(docs []Document, frac float64, nl *nameLists, seed uint64) (out []Document, group []int) {
	rng := rand.New(rand.NewPCG(seed, 0xe417))
	pick := func(l []string) string { return l[rng.IntN(len(l))] }
	for di, d := range docs {
		if rng.Float64() >= frac {
			continue
		}
		perTok := map[string][]string{} // person token -> replacement tokens
		locSpan := map[string][]string{}
		orgSpan := map[string][]string{}
		nd := Document{Sentences: make([]Sentence, len(d.Sentences))}
		for si, s := range d.Sentences {
			var toks, tags []string
			prev := 0
			for _, sp := range Spans(s.Tags) {
				toks = append(toks, s.Tokens[prev:sp.Start]...)
				tags = append(tags, s.Tags[prev:sp.Start]...)
				prev = sp.End
				orig := s.Tokens[sp.Start:sp.End]
				var rep []string
				switch sp.Type {
				case "PER":
					for i, w := range orig {
						if strings.HasSuffix(w, ".") || utf8.RuneCountInString(w) < 3 || !unicode.IsUpper([]rune(w)[0]) {
							rep = append(rep, w) // initials, particles
							continue
						}
						key := strings.ToLower(w)
						r, ok := perTok[key]
						if !ok {
							if i == len(orig)-1 {
								r = titleCase(pick(nl.last), false)
							} else {
								r = titleCase(pick(nl.first), false)
							}
							perTok[key] = r
						}
						if allCaps(w) {
							r = titleCase(strings.ToLower(strings.Join(r, " ")), true)
						}
						rep = append(rep, r...)
					}
					if len(rep) == 1 && !allCaps(rep[0]) && rng.Float64() < 0.1 {
						// A regnal number: Ramesses II, Charles III.
						rep = append(rep, romans[rng.IntN(len(romans))])
					}
				case "LOC":
					key := strings.ToLower(strings.Join(orig, " "))
					r, ok := locSpan[key]
					if !ok {
						x := rng.Float64()
						switch {
						case x < 0.3:
							r = titleCase(pick(nl.country), false)
						case x < 0.8:
							r = titleCase(pick(nl.city), false)
						default:
							r = titleCase(pick(nl.region), false)
						}
						locSpan[key] = r
					}
					if allCaps(orig[0]) {
						r = titleCase(strings.ToLower(strings.Join(r, " ")), true)
					}
					rep = r
				case "ORG":
					key := strings.ToLower(strings.Join(orig, " "))
					r, ok := orgSpan[key]
					if !ok {
						x := rng.Float64()
						switch {
						case x < 0.5:
							r = orig
						case x < 0.7:
							r = titleCase(pick(nl.org), false)
						default:
							// A name and a cue word: Kenseth Records, Lubumbashi University.
							var head string
							if rng.IntN(2) == 0 {
								head = pick(nl.last)
							} else {
								head = pick(nl.city)
							}
							r = titleCase(head+" "+pick(nl.orgCue), false)
						}
						orgSpan[key] = r
					}
					if allCaps(orig[0]) {
						r = titleCase(strings.ToLower(strings.Join(r, " ")), true)
					}
					rep = r
				default:
					rep = orig
				}
				for i, w := range rep {
					toks = append(toks, w)
					if i == 0 {
						tags = append(tags, "B-"+sp.Type)
					} else {
						tags = append(tags, "I-"+sp.Type)
					}
				}
			}
			toks = append(toks, s.Tokens[prev:]...)
			tags = append(tags, s.Tags[prev:]...)
			nd.Sentences[si] = Sentence{Tokens: toks, Tags: tags}
		}
		out = append(out, nd)
		group = append(group, di)
	}
	return out, group
}

var romans = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI"}
