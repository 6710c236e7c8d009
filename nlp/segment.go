package nlp

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// span is a half-open byte range of the document text.
type span struct{ start, end int }

// newsAbbreviations are titles and abbreviations that end in a period but
// rarely end a sentence in news copy; punkt's English model misses some.
var newsAbbreviations = []string{
	"mt", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "gov", "sen", "rep",
	"rev", "hon", "pres", "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "no",
	"corp", "inc", "ltd", "co", "bros", "dept", "univ", "assn",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}

var (
	punktOnce sync.Once
	punkt     *sentences.DefaultSentenceTokenizer
	punktErr  error
)

// sentenceSplitter returns the process-wide punkt segmenter, built once:
// prose rebuilds it on every document, which dominates its run time.
func sentenceSplitter() (*sentences.DefaultSentenceTokenizer, error) {
	punktOnce.Do(func() {
		punkt, punktErr = english.NewSentenceTokenizer(nil)
		if punktErr == nil {
			for _, a := range newsAbbreviations {
				punkt.AbbrevTypes.Add(a)
			}
		}
	})
	return punkt, punktErr
}

// paragraphs splits text into blocks separated by blank lines. A text with
// no blank line at all (one paragraph per line, as many scraped articles
// are) is split at every line break instead.
func paragraphs(text string) []span {
	lines := lineSpans(text)
	blankSeparated := false
	for i := 1; i+1 < len(lines); i++ {
		if isBlank(text[lines[i].start:lines[i].end]) {
			blankSeparated = true
			break
		}
	}
	var out []span
	cur := span{-1, -1}
	flush := func() {
		if cur.start >= 0 {
			out = append(out, cur)
			cur = span{-1, -1}
		}
	}
	for _, l := range lines {
		if isBlank(text[l.start:l.end]) {
			flush()
			continue
		}
		if !blankSeparated || startsBlock(text[l.start:l.end]) {
			flush()
		}
		if cur.start < 0 {
			cur.start = l.start
		}
		cur.end = l.end
	}
	flush()
	for i := range out {
		out[i] = trimSpan(text, out[i])
	}
	return out
}

// lineSpans returns each line of text without its line terminator.
func lineSpans(text string) []span {
	var out []span
	start := 0
	for start <= len(text) {
		i := strings.IndexByte(text[start:], '\n')
		if i < 0 {
			if start < len(text) {
				out = append(out, span{start, len(text)})
			}
			break
		}
		end := start + i
		if end > start && text[end-1] == '\r' {
			end--
		}
		out = append(out, span{start, end})
		start += i + 1
	}
	return out
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// startsBlock reports whether a line opens a new block even without a blank
// line before it: a Markdown heading or list item.
func startsBlock(line string) bool {
	s := strings.TrimLeft(line, " \t")
	if s == "" {
		return false
	}
	switch s[0] {
	case '#', '>':
		return true
	case '-', '*', '+':
		return len(s) > 1 && s[1] == ' '
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}

// trimSpan shrinks sp to exclude leading and trailing white space.
func trimSpan(text string, sp span) span {
	for sp.start < sp.end {
		r, n := utf8.DecodeRuneInString(text[sp.start:sp.end])
		if !isSpaceOrBOM(r) {
			break
		}
		sp.start += n
	}
	for sp.end > sp.start {
		r, n := utf8.DecodeLastRuneInString(text[sp.start:sp.end])
		if !isSpaceOrBOM(r) {
			break
		}
		sp.end -= n
	}
	return sp
}

// isSpaceOrBOM treats a byte order mark like white space, so a file that
// starts with one does not glue it to its first word.
func isSpaceOrBOM(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' }

// splitSentences segments one paragraph, returning sentence spans relative
// to the document.
func splitSentences(seg *sentences.DefaultSentenceTokenizer, text string, para span) []span {
	p := text[para.start:para.end]
	var out []span
	last := 0
	positions := seg.SentencePositions(p)
	if extra := append(titleBreaks(p), placeBreaks(p)...); len(extra) > 0 {
		positions = append(append([]int(nil), positions...), extra...)
		sort.Ints(positions)
	}
	for _, pos := range positions {
		if pos <= last || pos > len(p) || continuesAfterAbbreviation(p[last:pos], p[pos:]) {
			continue
		}
		sp := trimSpan(text, span{para.start + last, para.start + pos})
		if sp.end > sp.start {
			out = append(out, sp)
		}
		last = pos
	}
	if last < len(p) {
		sp := trimSpan(text, span{para.start + last, para.end})
		if sp.end > sp.start {
			out = append(out, sp)
		}
	}
	return out
}

// continuesAfterAbbreviation reports whether a break punkt proposes
// between sentence and rest is false: sentence ends with a place
// abbreviation ("Columbus, Miss.") and rest goes on in lower case or with
// punctuation ("in March.", ", and"), which no sentence starts with.
func continuesAfterAbbreviation(sentence, rest string) bool {
	sentence = strings.TrimRightFunc(sentence, isSpaceOrBOM)
	word, ok := strings.CutSuffix(sentence, ".")
	if !ok {
		return false
	}
	if i := strings.LastIndexFunc(word, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		word = word[i+1:]
	}
	if !placeAbbreviations[word] {
		return false
	}
	rest = strings.TrimLeftFunc(rest, isSpaceOrBOM)
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLower(r) || strings.ContainsRune(",;:)", r)
}

// personalTitles open a sentence when they follow a word with a period
// that is not itself a title: in "... near Grants, N.M. Ms. Calico, then
// 19, ..." the state's period ends the sentence, which punkt, taking both
// for abbreviations, misses. After a title ("Rev. Dr. King") they go on.
var personalTitles = []string{"Mr.", "Mrs.", "Ms.", "Dr."}

// titleBreaks returns the positions in p, after the space, where a
// personal title followed by a capitalised word starts a new sentence.
func titleBreaks(p string) []int {
	var out []int
	for _, t := range personalTitles {
		for off := 0; ; {
			i := strings.Index(p[off:], " "+t+" ")
			if i < 0 {
				break
			}
			i += off
			off = i + 1
			next, _ := utf8.DecodeRuneInString(p[i+len(t)+2:])
			if !unicode.IsUpper(next) || !strings.HasSuffix(p[:i], ".") {
				continue
			}
			prev := p[:i-1]
			if j := strings.LastIndexAny(prev, " \t\n"); j >= 0 {
				prev = prev[j+1:]
			}
			if prev == "" || isTitle(prev) {
				continue
			}
			out = append(out, i+1)
		}
	}
	return out
}

// isTitle reports whether word (without its period) is a title or a
// rank, which a personal title may follow within a sentence.
func isTitle(word string) bool {
	switch strings.ToLower(word) {
	case "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
		"gov", "sen", "rep", "rev", "hon", "pres", "prof", "st", "sr", "fr", "msgr":
		return true
	}
	return false
}

// placeBreaks returns the positions in p, after the white space, where a
// sentence starts after a place abbreviation ("... from Consumers
// Software, Gilroy, Calif.\n Western Digital said ..."). Written after a
// town, the abbreviation is followed by a comma, lower case or the end of
// the sentence; a capital after it starts the next one, which punkt,
// taking "Calif." for an abbreviation, does not always see.
func placeBreaks(p string) []int {
	var out []int
	for off := 0; ; {
		i := strings.IndexByte(p[off:], '.')
		if i < 0 {
			return out
		}
		i += off
		off = i + 1
		j := i + 1
		for j < len(p) && (p[j] == ' ' || p[j] == '\t' || p[j] == '\n' || p[j] == '\r') {
			j++
		}
		if j == i+1 || j == len(p) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(p[j:])
		if !unicode.IsUpper(next) {
			continue
		}
		k := i
		for k > 0 && isASCIILetter(p[k-1]) {
			k--
		}
		if k < i && (k == 0 || !isASCIILetter(p[k-1]) && p[k-1] != '.') && placeAbbreviations[p[k:i]] {
			out = append(out, j)
		}
	}
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
