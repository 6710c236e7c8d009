package annot

import (
	"fmt"
	"time"
)

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
	// Credit marks a mention that says who wrote or sent the text, or
	// where from, not what it is about: a wire agency's sign-off or
	// credit, a dateline's places and source, a byline's writer,
	// "Reporting by ..." staff. It counts for its entity but joins no
	// co-occurrence, and no relation but CreditsMayRelate's, so that the
	// agency and filing city of every story do not become the graph's
	// hubs.
	Credit bool `json:",omitempty"`
}

// CreditsMayRelate reports whether a relation may join mentions a and b
// as far as credits go: a credit is related to no mention of the story,
// and among credits only a dateline's places are, to each other ("SAN
// FRANCISCO, Calif." is a place in a place; "WASHINGTON (Reuters)" is no
// agency based in Washington).
func CreditsMayRelate(a, b Mention) bool {
	if !a.Credit && !b.Credit {
		return true
	}
	return a.Credit && b.Credit && a.Type == Loc && b.Type == Loc
}

// Document is the analysed form of one text.
type Document struct {
	// ID names the document: unique within a corpus, and what evidence
	// cites. The graph refuses a document without one.
	ID   string
	Text string
	// Date is when the document was published; zero when unknown.
	Date time.Time
	// URL is where the document came from, when known.
	URL       string
	Sentences []Sentence
	Tokens    []Token
	Mentions  []Mention
	Relations []Relation
}

// SentenceTokens returns the tokens of sentence i, or nil when i is out of
// range.
func (d *Document) SentenceTokens(i int) []Token {
	if i < 0 || i >= len(d.Sentences) {
		return nil
	}
	s := d.Sentences[i]
	return d.Tokens[s.FirstToken:s.EndToken]
}

// Validate checks that the document's annotations are consistent: spans
// inside the text, mention and relation indices in range. Consumers call
// it on documents they did not make, so that bad input is an error rather
// than a panic.
func (d *Document) Validate() error {
	n := len(d.Text)
	for i, s := range d.Sentences {
		if s.Start < 0 || s.Start > s.End || s.End > n {
			return fmt.Errorf("sentence %d: span [%d,%d) outside the text (%d bytes)", i, s.Start, s.End, n)
		}
		if s.FirstToken < 0 || s.FirstToken > s.EndToken || s.EndToken > len(d.Tokens) {
			return fmt.Errorf("sentence %d: tokens [%d,%d) out of range (%d tokens)", i, s.FirstToken, s.EndToken, len(d.Tokens))
		}
	}
	for i, m := range d.Mentions {
		if m.Start < 0 || m.Start > m.End || m.End > n {
			return fmt.Errorf("mention %d %q: span [%d,%d) outside the text (%d bytes)", i, m.Text, m.Start, m.End, n)
		}
		if m.Sentence < 0 || m.Sentence >= len(d.Sentences) {
			return fmt.Errorf("mention %d %q: sentence %d out of range (%d sentences)", i, m.Text, m.Sentence, len(d.Sentences))
		}
	}
	for i, r := range d.Relations {
		if r.Head < 0 || r.Head >= len(d.Mentions) || r.Tail < 0 || r.Tail >= len(d.Mentions) || r.Head == r.Tail {
			return fmt.Errorf("relation %d (%s): head %d / tail %d out of range (%d mentions)", i, r.Type, r.Head, r.Tail, len(d.Mentions))
		}
		if _, ok := ParseRelationType(string(r.Type)); !ok {
			return fmt.Errorf("relation %d: unknown type %q", i, r.Type)
		}
	}
	return nil
}
