package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entigraph/entigraph/annot"
	"github.com/jdkato/prose/v2"
)

// tokenizeSentence splits text[sp.start:sp.end] into tokens with prose's
// tokenizer and recovers each token's byte offsets, which prose drops.
func tokenizeSentence(text string, sp span, sentence int, dst []annot.Token) []annot.Token {
	s := text[sp.start:sp.end]
	doc, err := prose.NewDocument(s,
		prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
	words := func(yield func(string) bool) {
		if err != nil {
			// prose refused the sentence: fall back to white space
			// rather than lose its words.
			for _, w := range strings.Fields(s) {
				if !yield(w) {
					return
				}
			}
			return
		}
		for _, t := range doc.Tokens() {
			if !yield(t.Text) {
				return
			}
		}
	}
	cursor, first := 0, len(dst)
	for w := range words {
		start, end, ok := alignToken(s, cursor, w)
		if !ok {
			continue // a token we cannot place is dropped rather than mislocated
		}
		if n := len(dst); w == "." && n > 0 && dst[n-1].End == sp.start+start && keepsPeriod(dst[n-1].Text) {
			// prose splits the period off abbreviations longer than
			// three letters ("Corp.", "Gov."): glue it back, as news
			// corpora tokenize them.
			dst[n-1].End = sp.start + end
			dst[n-1].Text = text[dst[n-1].Start:dst[n-1].End]
			cursor = end
			continue
		}
		dst = appendSplitDashes(dst, text, sp.start+start, sp.start+end, sentence)
		cursor = end
	}
	// prose keeps the period on a capitalised word ("Sea.", "War."), as if
	// it were an abbreviation, and an initial ends a sentence only as a
	// one-letter word ("Plan B."): give the sentence its period back.
	if n := len(dst); n > first && endsWithSentencePeriod(dst[n-1].Text) {
		last := dst[n-1]
		dst[n-1].End--
		dst[n-1].Text = last.Text[:len(last.Text)-1]
		dst = append(dst, annot.Token{Text: ".", Start: last.End - 1, End: last.End, Sentence: sentence})
	}
	return dst
}

// appendSplitDashes appends text[start:end] as one token, or as several
// when it holds an em or en dash, which prose leaves inside words
// ("Bass—who"): the dash is a token of its own.
func appendSplitDashes(dst []annot.Token, text string, start, end, sentence int) []annot.Token {
	for start < end {
		i := strings.IndexAny(text[start:end], "\u2014\u2013")
		if i < 0 {
			break
		}
		if i > 0 {
			dst = append(dst, annot.Token{Text: text[start : start+i], Start: start, End: start + i, Sentence: sentence})
		}
		_, n := utf8.DecodeRuneInString(text[start+i:])
		dst = append(dst, annot.Token{Text: text[start+i : start+i+n], Start: start + i, End: start + i + n, Sentence: sentence})
		start += i + n
	}
	if start < end {
		if i := placeSuffix(text[start:end]); i > 0 {
			dst = append(dst, annot.Token{Text: text[start : start+i], Start: start, End: start + i, Sentence: sentence})
			start += i
		}
		dst = append(dst, annot.Token{Text: text[start:end], Start: start, End: end, Sentence: sentence})
	}
	return dst
}

// placeSuffixes follow a name in compounds that say where something is
// ("Lebanon-based", "Paris-born").
var placeSuffixes = []string{"-based", "-born", "-headquartered"}

// placeSuffix returns where the suffix starts when w is a capitalised
// name joined to a place suffix, 0 otherwise. Such a compound is two
// tokens, "Lebanon" and "-based", so that the name can be a mention of its
// own and the relation extractor can see what it says about it.
func placeSuffix(w string) int {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return 0
	}
	for _, suf := range placeSuffixes {
		if len(w) > len(suf) && strings.EqualFold(w[len(w)-len(suf):], suf) {
			return len(w) - len(suf)
		}
	}
	return 0
}

// periodAbbreviations are words written with a period that prose's
// tokenizer does not keep whole.
var periodAbbreviations = map[string]bool{
	"corp": true, "bros": true, "capt": true, "sgt": true, "prof": true, "sept": true,
	"assn": true, "univ": true, "dept": true, "govt": true, "cmdr": true, "supt": true,
}

// sentenceFinalAbbreviations keep their period at the end of a sentence,
// where it does double duty ("... Martin Luther King Jr.").
var sentenceFinalAbbreviations = map[string]bool{
	"jr": true, "sr": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"bros": true, "plc": true, "llc": true, "esq": true, "etc": true, "al": true,
}

// placeAbbreviations are the abbreviations of US states (AP style) and
// Canadian provinces that news writes after a town ("Fresno, Calif.").
// Matched case-sensitively, since several are also words ("Miss", "Mass",
// "Ill"): the capitalised word followed by a period is the abbreviation.
// At the end of a sentence the period does double duty and stays with
// the abbreviation, which is part of the place's name.
var placeAbbreviations = map[string]bool{
	"Ala": true, "Ariz": true, "Ark": true, "Calif": true, "Colo": true, "Conn": true,
	"Del": true, "Fla": true, "Ga": true, "Ill": true, "Ind": true, "Kan": true,
	"Kans": true, "Ky": true, "La": true, "Md": true, "Mass": true, "Mich": true,
	"Minn": true, "Miss": true, "Mo": true, "Mont": true, "Neb": true, "Nebr": true,
	"Nev": true, "Okla": true, "Ore": true, "Pa": true, "Tenn": true, "Tex": true,
	"Va": true, "Vt": true, "Wash": true, "Wis": true, "Wisc": true, "Wyo": true,
	"Alta": true, "Ont": true, "Que": true, "Sask": true,
}

// endsWithSentencePeriod reports whether the last token of a sentence
// carries a period that ends the sentence rather than an abbreviation.
// Words with an inner period ("U.S.", "a.m.") keep theirs.
func endsWithSentencePeriod(tok string) bool {
	word, ok := strings.CutSuffix(tok, ".")
	if !ok || word == "" || strings.Contains(word, ".") {
		return false
	}
	if len(word) == 1 {
		return keepsPeriod(word) // an initial: "Plan B."
	}
	return !sentenceFinalAbbreviations[strings.ToLower(word)] && !placeAbbreviations[word]
}

// keepsPeriod reports whether word takes a following period as part of
// itself: a known abbreviation, or a single capital letter (an initial,
// as in "John F. Kennedy").
func keepsPeriod(word string) bool {
	if len(word) == 1 {
		return word[0] >= 'A' && word[0] <= 'Z'
	}
	return periodAbbreviations[strings.ToLower(word)] || placeAbbreviations[word]
}

// alignToken finds tok in s at or after from, skipping white space. prose
// rewrites curly quotes (and &rsquo;) to straight ones before splitting, so
// those count as equal.
func alignToken(s string, from int, tok string) (start, end int, ok bool) {
	for from < len(s) {
		r, n := utf8.DecodeRuneInString(s[from:])
		if !unicode.IsSpace(r) {
			break
		}
		from += n
	}
	if end, ok := matchAt(s, from, tok); ok {
		return from, end, true
	}
	// Resynchronise: prose may have dropped something we did not expect.
	if i := strings.Index(s[from:], tok); i >= 0 {
		return from + i, from + i + len(tok), true
	}
	return 0, 0, false
}

// matchAt reports whether tok matches s at position i under prose's quote
// normalisation, and where the match ends.
func matchAt(s string, i int, tok string) (int, bool) {
	for _, want := range tok {
		if i >= len(s) {
			return 0, false
		}
		got, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case got == want:
		case want == '"' && (got == '\u201c' || got == '\u201d'):
		case want == '\'' && (got == '\u2018' || got == '\u2019'):
		case want == '\'' && strings.HasPrefix(s[i:], "&rsquo;"):
			n = len("&rsquo;")
		default:
			return 0, false
		}
		i += n
	}
	return i, true
}
