package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/internal/newswire"
)

// A dateline opens a wire story at the start of a line: one to three
// places separated by commas, then a date, a source in parentheses or
// both, then a dash.
//
//	WASHINGTON (Reuters) -
//	SAN FRANCISCO, Calif., March 3 -
//	BEIJING, Jan. 5 (Xinhua) --
//	(CNN) --
//
// The places are LOC and the source ORG. A line of capitalised words and
// a dash alone ("SOCCER - JAPAN WIN") is a headline, not a dateline, so
// a date or a source is required.

// maxPlaceWords bounds one place of a dateline ("RIO DE JANEIRO").
const maxPlaceWords = 4

// datelineFixes returns the spans of the datelines of doc.
func datelineFixes(doc *annot.Document) []wireFix {
	var out []wireFix
	for i := range doc.Tokens {
		if lineStart(doc, i) {
			out = append(out, dateline(doc, i)...)
		}
	}
	return out
}

// dateline parses a dateline starting at token i, or returns nil.
func dateline(doc *annot.Document, i int) []wireFix {
	toks := doc.Tokens
	var fixes []wireFix
	k := i
	dated, caps := false, true
	if d := dateWords(toks, k); d > k {
		k, dated = d, true // "Dec 3 (Reuters) -": no place
	} else if toks[k].Text != "(" {
		if notPlaceStart[strings.ToLower(toks[k].Text)] {
			return nil
		}
		for groups := 0; ; groups++ {
			end := placeWords(doc, k)
			if end == k || groups == 3 {
				return nil
			}
			fixes = append(fixes, wireFix{toks[k].Start, toks[end-1].End, k, annot.Loc, true, true})
			caps = caps && isUpperWord(doc.Text[toks[k].Start:toks[end-1].End])
			k = end
			if k >= len(toks) || toks[k].Text != "," {
				break
			}
			k++
			if d := dateWords(toks, k); d > k {
				k, dated = d, true
				break
			}
		}
	}
	if k < len(toks) && toks[k].Text == "(" {
		src, end := sourceWords(doc, k+1)
		// Without a date, "Apple Inc (AAPL.O) -" would pass for a
		// dateline: the place must be written in capitals, as
		// datelines are, or the source be a known agency.
		if src == nil || !dated && len(fixes) > 0 && !caps && !knownSources(doc, src) {
			return nil
		}
		fixes = append(fixes, src...)
		k = end
	} else if !dated {
		return nil
	}
	if k >= len(toks) || !isDash(toks[k].Text) {
		return nil
	}
	return fixes
}

// notPlaceStart are capitalised words that start a sentence, not a place.
var notPlaceStart = map[string]bool{"by": true, "the": true, "a": true, "an": true, "in": true, "on": true,
	"at": true, "for": true, "from": true, "to": true, "and": true, "but": true, "if": true, "when": true,
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "this": true, "that": true}

// placeConnectors may sit inside a place name ("Rio de Janeiro").
var placeConnectors = map[string]bool{"de": true, "da": true, "do": true, "del": true, "la": true,
	"le": true, "al": true, "el": true, "di": true}

// placeWords returns the end of the place name starting at token k:
// capitalised words, connectors inside, abbreviation dots attached
// ("Calif.", "D.C."). It returns k when there is none.
func placeWords(doc *annot.Document, k int) int {
	toks := doc.Tokens
	end, words := k, 0
	for j := k; j < len(toks) && words < maxPlaceWords; j++ {
		t := toks[j].Text
		switch {
		case j > k && t == "." && toks[j-1].End == toks[j].Start:
			end = j + 1
		case startsUpper(t) && !strings.ContainsAny(t, "()"):
			words++
			end = j + 1
		case j > k && placeConnectors[t]:
			words++
		default:
			return end
		}
		if j+1 < len(toks) && lineStart(doc, j+1) {
			return end
		}
	}
	return end
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// sourceWords parses the source of a dateline after its "(": capitalised
// names or listed agencies ("dpa"), several joined by "/" or ",". It
// returns the fixes and the token after ")", or nil.
func sourceWords(doc *annot.Document, k int) ([]wireFix, int) {
	toks := doc.Tokens
	var fixes []wireFix
	for start := k; k < len(toks) && k-start < 2*maxPlaceWords; {
		if parts := slashedSources(toks[k], k); parts != nil {
			fixes = append(fixes, parts...) // "AFP/Reuters", one token
			k++
		} else {
			end := k
			for end < len(toks) && end-k < maxPlaceWords && isSourceWord(toks[end].Text) {
				end++
			}
			if end == k {
				return nil, 0
			}
			fixes = append(fixes, wireFix{toks[k].Start, toks[end-1].End, k, annot.Org, true, true})
			k = end
		}
		if k >= len(toks) {
			return nil, 0
		}
		switch toks[k].Text {
		case ")":
			return fixes, k + 1
		case "/", ",":
			k++
		default:
			return nil, 0
		}
	}
	return nil, 0
}

// slashedSources splits a token of sources joined by slashes
// ("AFP/Reuters") into one fix each, or returns nil.
func slashedSources(tok annot.Token, k int) []wireFix {
	if !strings.Contains(tok.Text, "/") {
		return nil
	}
	var out []wireFix
	off := tok.Start
	for _, p := range strings.Split(tok.Text, "/") {
		if !isSourceWord(p) {
			return nil
		}
		out = append(out, wireFix{off, off + len(p), k, annot.Org, true, true})
		off += len(p) + 1
	}
	return out
}

// knownSources reports whether every source is a listed agency.
func knownSources(doc *annot.Document, src []wireFix) bool {
	for _, f := range src {
		if _, _, ok := newswire.Lookup(doc.Text[f.start:f.end]); !ok {
			return false
		}
	}
	return true
}

// isUpperWord reports whether s has letters and no lower-case one.
func isUpperWord(s string) bool {
	return hasLetter(s) && strings.IndexFunc(s, unicode.IsLower) < 0
}

func isSourceWord(t string) bool {
	if startsUpper(t) && !strings.ContainsAny(t, "()/,") {
		return true
	}
	_, _, ok := newswire.Lookup(t)
	return ok
}

// months are the month names and abbreviations of a dateline's date.
var months = map[string]bool{}

func init() {
	for _, m := range strings.Fields(`january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec`) {
		months[m] = true
	}
}

// dateWords returns the end of a date starting at token k ("March 3",
// "Jan. 5, 2024", "3 March"), or k when there is none.
func dateWords(toks []annot.Token, k int) int {
	j := k
	month := func() bool {
		if j < len(toks) && months[strings.TrimSuffix(strings.ToLower(toks[j].Text), ".")] && startsUpper(toks[j].Text) {
			j++
			if j < len(toks) && toks[j].Text == "." && toks[j-1].End == toks[j].Start {
				j++
			}
			return true
		}
		return false
	}
	day := func() bool {
		if j < len(toks) && isDay(toks[j].Text) {
			j++
			return true
		}
		return false
	}
	switch {
	case month() && day():
	case day() && month():
	default:
		return k
	}
	if j+1 < len(toks) && toks[j].Text == "," && isYear(toks[j+1].Text) {
		j += 2
	} else if j < len(toks) && isYear(toks[j].Text) {
		j++
	}
	return j
}

func isDay(s string) bool {
	if len(s) == 0 || len(s) > 2 {
		return false
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
		n = 10*n + int(r-'0')
	}
	return n >= 1 && n <= 31
}
