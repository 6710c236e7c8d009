package nlp

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/internal/newswire"
)

// News-wire copy has conventions a recognizer trained on sentences gets
// wrong: the agency's sign-off line ("Reuter" alone at the end of every
// Reuters story) reads as a surname, a credit ("© AFP", "-- Reuters",
// "Photo: Bloomberg") has no sentence around it, and a dateline
// ("WASHINGTON (Reuters) -", "SAN FRANCISCO, Calif., March 3 -") puts
// places and a source before a dash. repairNewswire types these by their
// structure after decoding: agencies ORG, dateline places LOC. It uses a
// small list of news agencies (internal/newswire) for sign-offs and
// credits, and the structure alone for datelines.

// wireFix is one span the conventions type.
type wireFix struct {
	start, end int // byte offsets
	tok        int // first token, for the sentence index
	typ        annot.Type
	create     bool // add the mention when the model found none
	credit     bool // the mention credits the text's source (annot.Mention.Credit)
}

// repairNewswire returns ms with the news-wire conventions of doc applied.
// ms must be sorted by Start, as the recognizer returns them.
func repairNewswire(doc *annot.Document, ms []annot.Mention) []annot.Mention {
	if len(doc.Tokens) == 0 {
		return ms
	}
	fixes := agencyFixes(doc, ms, append(datelineFixes(doc), unknownSignOff(doc, ms)...))
	if len(fixes) > 0 {
		ms = applyWireFixes(doc, ms, fixes)
	}
	return markStaffCredits(doc, ms)
}

// agencyFixes finds the agency names of doc. In a sign-off, a credit or a
// dateline's parenthesis they are the agency, and a mention is made if the
// model found none. Elsewhere an unambiguous agency name the model typed
// otherwise is retyped, unless the document names a person with it as a
// surname ("Paul Reuter"). The surnames are read from the mentions no
// structural fix replaces, so that a second pass changes nothing.
func agencyFixes(doc *annot.Document, ms []annot.Mention, structural []wireFix) []wireFix {
	toks := doc.Tokens
	last := lastWordToken(toks)
	type found struct {
		i, j, end int
		credit    bool
	}
	var lexical []found
	out := structural
	for i := 0; i < len(toks); i++ {
		j, end, credit, ok := matchAgency(doc, i)
		if !ok {
			continue
		}
		if byline(doc, i) {
			out = append(out, bylineFixes(doc, ms, out, i, end)...)
		} else if !continuesName(doc, j) && (signOff(doc, i, j, last) || credited(doc, i, j) || sourceParen(toks, i, j)) {
			out = append(out, wireFix{toks[i].Start, end, i, annot.Org, true, true})
		} else if !credit {
			lexical = append(lexical, found{i, j, end, credit})
		}
		i = j - 1
	}
	surnames := personSurnames(ms, out)
	for _, f := range lexical {
		start := toks[f.i].Start
		if !surnames[newswire.Fold(doc.Text[start:f.end])] {
			out = append(out, wireFix{start, f.end, f.i, annot.Org, false, false})
		}
	}
	return out
}

// matchAgency returns the longest agency name starting at token i: the
// token after it, the name's end offset (a trailing control-character
// notation like "^M" left out), and whether it is a Credit form.
func matchAgency(doc *annot.Document, i int) (next, end int, credit, ok bool) {
	toks := doc.Tokens
	first := strings.ToLower(strings.ReplaceAll(toks[i].Text[:len(toks[i].Text)-junkSuffix(toks[i].Text)], ".", ""))
	// "The Associated Press": the article stays out of the name.
	if first == "the" || !hasLetter(first) || !newswire.MayStart(strings.FieldsFunc(first, isFoldSpace)[0]) {
		return 0, 0, false, false
	}
	for k := min(len(toks), i+2*newswire.MaxWords()) - 1; k >= i; k-- {
		if !hasLetter(toks[k].Text) {
			continue
		}
		e := toks[k].End - junkSuffix(toks[k].Text)
		if _, c, found := newswire.Lookup(doc.Text[toks[i].Start:e]); found {
			return k + 1, e, c, true
		}
	}
	return 0, 0, false, false
}

func isFoldSpace(r rune) bool { return r == ' ' || r == '-' || r == '/' || r == '–' || r == '—' }

// junkSuffix is the length of a control character written in caret
// notation at the end of s ("REUTER^M", a carriage return in old wire
// dumps), or 0.
func junkSuffix(s string) int {
	n := len(s)
	if n > 2 && s[n-2] == '^' && s[n-1] >= '@' && s[n-1] <= '_' {
		return 2
	}
	return 0
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// lastWordToken is the index of the last token with a letter: what follows
// it ("&#3;", "-0-", "###") is an end marker, not text.
func lastWordToken(toks []annot.Token) int {
	for i := len(toks) - 1; i >= 0; i-- {
		if hasLetter(toks[i].Text[:len(toks[i].Text)-junkSuffix(toks[i].Text)]) {
			return i
		}
	}
	return -1
}

// personSurnames are the folded last words of the names of several words
// the model typed PERSON, outside the spans of the fixes.
func personSurnames(ms []annot.Mention, fixes []wireFix) map[string]bool {
	out := map[string]bool{}
	for _, m := range ms {
		if slices.ContainsFunc(fixes, func(f wireFix) bool { return m.Start < f.end && f.start < m.End }) {
			continue
		}
		if f := strings.Fields(m.Text); m.Type == annot.Person && len(f) > 1 {
			out[newswire.Fold(f[len(f)-1])] = true
		}
	}
	return out
}

// lineStart reports whether token i starts a line.
func lineStart(doc *annot.Document, i int) bool {
	return i == 0 || strings.ContainsAny(doc.Text[doc.Tokens[i-1].End:doc.Tokens[i].Start], "\n\r")
}

// continuesName reports whether token j, right after a name, is a
// capitalised word on the same line that would make the name longer
// ("Reuters Holdings").
func continuesName(doc *annot.Document, j int) bool {
	if j >= len(doc.Tokens) || lineStart(doc, j) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(doc.Tokens[j].Text)
	return unicode.IsUpper(r)
}

// signOff reports whether tokens [i, j) end the document's text and stand
// apart from the sentence before: on their own line, in their own
// sentence, or after a dash or a parenthesis.
func signOff(doc *annot.Document, i, j, last int) bool {
	if j-1 != last {
		return false
	}
	if lineStart(doc, i) || doc.Tokens[i].Sentence != doc.Tokens[i-1].Sentence {
		return true
	}
	return isDash(doc.Tokens[i-1].Text) || doc.Tokens[i-1].Text == "("
}

// creditWords introduce a credit: "© AFP", "Copyright 2019 The Associated
// Press", "Photo: Reuters", "Source: Bloomberg", "via AP".
var creditWords = map[string]bool{"©": true, "(c)": true, "copyright": true, "source": true, "sources": true,
	"photo": true, "photos": true, "photograph": true, "picture": true, "pictures": true, "image": true,
	"credit": true, "credits": true, "via": true}

// credited reports whether the agency at tokens [i, j) is credited: after
// a credit word (with a colon, "the" or a year between), or after a dash
// at the end of a line ("-- Reuters").
func credited(doc *annot.Document, i, j int) bool {
	toks := doc.Tokens
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		w := strings.ToLower(toks[k].Text)
		if creditWords[w] {
			return true
		}
		if w != ":" && w != "the" && w != "(" && w != ")" && w != "c" && !isYear(w) {
			break
		}
	}
	if i > 0 && isDash(toks[i-1].Text) {
		return j == len(toks) || lineStart(doc, j) || toks[j].Text == ")"
	}
	return false
}

func isYear(w string) bool {
	return len(w) == 4 && strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

// sourceParen reports whether the agency at tokens [i, j) is a dateline's
// source: "(Reuters) -", "(AFP) —".
func sourceParen(toks []annot.Token, i, j int) bool {
	return i > 0 && toks[i-1].Text == "(" && j+1 < len(toks) && toks[j].Text == ")" && isDash(toks[j+1].Text)
}

func isDash(s string) bool {
	switch s {
	case "-", "--", "—", "–", "---", "―":
		return true
	}
	return false
}

// applyWireFixes applies the fixes to ms. A fix whose span holds exactly
// one mention retypes it; a creating fix replaces the mentions it overlaps
// with one of its span. Later fixes overlapping an earlier one are
// dropped.
func applyWireFixes(doc *annot.Document, ms []annot.Mention, fixes []wireFix) []annot.Mention {
	slices.SortStableFunc(fixes, func(a, b wireFix) int { return a.start - b.start })
	out := slices.Clone(ms)
	prevEnd := -1
	for _, f := range fixes {
		if f.start < prevEnd {
			continue
		}
		prevEnd = f.end
		var over []int
		for k, m := range out {
			if m.Start < f.end && f.start < m.End {
				over = append(over, k)
			}
		}
		if len(over) == 1 && out[over[0]].Start == f.start && out[over[0]].End == f.end {
			out[over[0]].Type = f.typ
			out[over[0]].Credit = out[over[0]].Credit || f.credit
			continue
		}
		if !f.create || withinOfType(out, over, f) {
			continue
		}
		for n, k := range over {
			out = slices.Delete(out, k-n, k-n+1)
		}
		out = append(out, annot.Mention{Text: doc.Text[f.start:f.end], Type: f.typ,
			Start: f.start, End: f.end, Sentence: doc.Tokens[f.tok].Sentence, Credit: f.credit})
	}
	slices.SortStableFunc(out, func(a, b annot.Mention) int { return a.Start - b.Start })
	return out
}

// withinOfType reports whether the mentions over (indices into ms) all lie
// inside f's span with f's type, so that the model's finer spans stand.
func withinOfType(ms []annot.Mention, over []int, f wireFix) bool {
	for _, k := range over {
		if m := ms[k]; m.Start < f.start || m.End > f.end || m.Type != f.typ {
			return false
		}
	}
	return len(over) > 0
}

// maxBylineTokens bounds the distance from a byline's "By" to its agency.
const maxBylineTokens = 16

// byline reports whether token i is on a byline: a line that starts with
// "By" ("By JANE DOE and TOM LEE, Associated Press Writer").
func byline(doc *annot.Document, i int) bool {
	for k := i; k >= 0 && k > i-maxBylineTokens; k-- {
		if lineStart(doc, k) {
			return k < i && strings.EqualFold(doc.Tokens[k].Text, "by")
		}
	}
	return false
}

// bylineFixes makes the agency of a byline at [token i, end) an ORG. A
// mention the model ran from the writer's name into the agency ("TOM
// O'HARA Associated Press") is cut: the part before the agency is the
// writer, if it is a name and holds no agency found before.
func bylineFixes(doc *annot.Document, ms []annot.Mention, before []wireFix, i, end int) []wireFix {
	toks := doc.Tokens
	start := toks[i].Start
	out := []wireFix{{start, end, i, annot.Org, true, true}}
	for _, m := range ms {
		if m.Start >= start || m.End <= start {
			continue
		}
		k := i - 1
		for k >= 0 && toks[k].Start >= m.Start && !hasLetter(toks[k].Text) {
			k--
		}
		first := slices.IndexFunc(toks, func(t annot.Token) bool { return t.Start == m.Start })
		if first >= 0 && k >= first && startsUpper(toks[first].Text) &&
			!slices.ContainsFunc(before, func(f wireFix) bool { return f.start < toks[k].End && m.Start < f.end }) {
			out = append(out, wireFix{m.Start, toks[k].End, first, annot.Person, true, true})
		}
	}
	return out
}

// unknownSignOff retypes the sign-off of an agency not in the list: a
// last line that is one word in capitals ("SAPA"), which the model took
// for a person. A name in mixed case there may be the writer's, and is
// left alone.
func unknownSignOff(doc *annot.Document, ms []annot.Mention) []wireFix {
	last := lastWordToken(doc.Tokens)
	if last < 0 || !lineStart(doc, last) {
		return nil
	}
	t := doc.Tokens[last]
	end := t.End - junkSuffix(t.Text)
	word := doc.Text[t.Start:end]
	if utf8.RuneCountInString(word) < 2 || !isUpperWord(word) || strings.IndexFunc(word, unicode.IsDigit) >= 0 {
		return nil
	}
	for _, m := range ms {
		if m.Start == t.Start && m.End == end && m.Type == annot.Person {
			return []wireFix{{t.Start, end, last, annot.Org, false, true}}
		}
	}
	return nil
}
