package nlp

// Type is the kind of an entity mention.
type Type string

// The entity types entigraph recognizes.
const (
	Person Type = "PERSON"
	Org    Type = "ORG"
	Loc    Type = "LOC"
)

// Types lists every entity type in canonical order.
var Types = []Type{Person, Org, Loc}

// ParseType maps a type name, including common synonyms (PER, GPE,
// LOCATION, ORGANIZATION), to a Type. It reports false for unknown names.
func ParseType(s string) (Type, bool) {
	switch s {
	case "PERSON", "PER", "person", "per":
		return Person, true
	case "ORG", "ORGANIZATION", "org", "organization":
		return Org, true
	case "LOC", "GPE", "LOCATION", "loc", "gpe", "location":
		return Loc, true
	}
	return "", false
}

// Token is a word or punctuation mark. Text is always
// document.Text[Start:End].
type Token struct {
	Text       string
	Start, End int // byte offsets into the document text
	Sentence   int // index into Document.Sentences
}

// Sentence is a span of the document holding the tokens
// Document.Tokens[FirstToken:EndToken].
type Sentence struct {
	Start, End int // byte offsets into the document text
	FirstToken int
	EndToken   int
	Paragraph  int // index of the paragraph (blank-line separated block)
}

// Mention is one occurrence of a named entity. Text is always
// document.Text[Start:End].
type Mention struct {
	Text       string
	Type       Type
	Start, End int // byte offsets into the document text
	Sentence   int // index into Document.Sentences
}

// Document is the analysed form of one text.
type Document struct {
	ID        string // the caller's name for the document, carried through
	Text      string
	Sentences []Sentence
	Tokens    []Token
	Mentions  []Mention
}

// SentenceTokens returns the tokens of sentence i.
func (d *Document) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.FirstToken:s.EndToken]
}

// Recognizer finds entity mentions in a segmented, tokenized document.
// Implementations must be safe for concurrent use and must return mentions
// whose offsets are token boundaries of doc, sorted by Start.
type Recognizer interface {
	Recognize(doc *Document) []Mention
}
