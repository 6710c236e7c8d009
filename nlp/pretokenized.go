package nlp

import (
	"unicode"
	"unicode/utf8"

	"github.com/entigraph/entigraph/annot"
)

// isPretokenized reports whether text was tokenized before it reached us,
// its tokens joined by single spaces as corpora in the CoNLL and Penn
// Treebank tradition write them ("Columbus , Miss .", "Iran 's leader",
// "` ` Yes , ' ' he said"): punctuation that writers glue to the word
// before it (commas, semicolons, colons, closing quotes and brackets,
// "'s", "n't") stands alone at least once and is never glued. Such text
// keeps its tokens: the user, or the corpus, chose them.
func isPretokenized(text string) bool {
	spaced := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		j := i + n
		if glueable(text, i, j) {
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			next, _ := utf8.DecodeRuneInString(text[j:])
			switch {
			case i == 0:
			case unicode.IsSpace(prev) && (j == len(text) || unicode.IsSpace(next)):
				spaced++
			case unicode.IsSpace(prev) && r == '\'' && gluedClitic(text, j):
				spaced++ // "Iran 's"
			case r == '\'' && i >= 2 && text[i-2:i] == " n" && gluedClitic(text, j):
				spaced++ // "did n't"
			case unicode.IsLetter(prev) || unicode.IsDigit(prev):
				if r != '\'' || !unicode.IsLetter(next) || gluedClitic(text, j) {
					return false
				}
			}
		}
		i = j
	}
	return spaced > 0
}

// glueable reports whether text[i:j], one rune, is punctuation a writer
// glues to the preceding word.
func glueable(text string, i, j int) bool {
	switch text[i:j] {
	case ",", ";", ":", ")", "]", "\u201d", "'":
		return true
	}
	return false
}

// gluedClitic reports whether the apostrophe ending at j starts a clitic
// ("'s", "'re", "'ll", "'ve", "'d", "'m") followed by a word boundary, as
// untokenized text writes "Iran's".
func gluedClitic(text string, j int) bool {
	for _, c := range []string{"s", "re", "ll", "ve", "d", "m", "t"} {
		if len(text) >= j+len(c) && text[j:j+len(c)] == c {
			if k := j + len(c); k == len(text) || !isWordByte(text[k]) {
				return true
			}
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// whitespaceTokens splits text[sp.start:sp.end] at white space, each
// piece a token, for pre-tokenized text.
func whitespaceTokens(text string, sp span, sentence int, dst []annot.Token) []annot.Token {
	start := -1
	for i := sp.start; i < sp.end; {
		r, n := utf8.DecodeRuneInString(text[i:sp.end])
		if isSpaceOrBOM(r) {
			if start >= 0 {
				dst = append(dst, annot.Token{Text: text[start:i], Start: start, End: i, Sentence: sentence})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += n
	}
	if start >= 0 {
		dst = append(dst, annot.Token{Text: text[start:sp.end], Start: start, End: sp.end, Sentence: sentence})
	}
	return dst
}
