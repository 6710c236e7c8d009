package nlp

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/entigraph/entigraph/annot"
)

// ErrInvalidUTF8 is returned for text that is not valid UTF-8.
var ErrInvalidUTF8 = errors.New("text is not valid UTF-8")

// MaxSentenceTokens is the longest sentence Segment produces; longer runs
// of text without a sentence break are split.
const MaxSentenceTokens = 250

// Pipeline segments, tokenizes and recognizes documents. The zero value
// uses the default recognizer. A Pipeline is safe for concurrent use.
type Pipeline struct {
	// Recognizer labels mentions; nil means DefaultRecognizer.
	Recognizer Recognizer
	// Relations, when set, extracts the relations between the mentions
	// after recognition (rel.Default() returns one); nil extracts none.
	Relations RelationExtractor
}

// RelationExtractor finds typed relations between a document's mentions.
// Implementations must be safe for concurrent use and return relations
// whose Head and Tail index doc.Mentions. It is defined here, not in
// package rel, so that nlp need not import rel, nor rel nlp.
type RelationExtractor interface {
	Extract(doc *annot.Document) []annot.Relation
}

// Process analyses one document. It returns an error, never panics, for
// text it cannot handle.
func (p *Pipeline) Process(text string) (*annot.Document, error) {
	if !utf8.ValidString(text) {
		return nil, ErrInvalidUTF8
	}
	rec := p.Recognizer
	if rec == nil {
		var err error
		if rec, err = DefaultRecognizer(); err != nil {
			return nil, fmt.Errorf("loading recognizer: %w", err)
		}
	}
	doc, err := Segment(text)
	if err != nil {
		return nil, err
	}
	doc.Mentions = rec.Recognize(doc)
	if p.Relations != nil {
		doc.Relations = p.Relations.Extract(doc)
	}
	return doc, nil
}

// Segment splits text into paragraphs, sentences and tokens, without
// recognizing mentions.
func Segment(text string) (*annot.Document, error) {
	if !utf8.ValidString(text) {
		return nil, ErrInvalidUTF8
	}
	seg, err := sentenceSplitter()
	if err != nil {
		return nil, fmt.Errorf("loading sentence segmenter: %w", err)
	}
	// About one token per 5 bytes of news text: growing the token slice
	// by doubling would hold up to three times its final size at once.
	doc := &annot.Document{Text: text, Tokens: make([]annot.Token, 0, len(text)/5+16)}
	tokenize := tokenizeSentence
	if isPretokenized(text) {
		tokenize = whitespaceTokens
	}
	for pi, para := range paragraphs(text) {
		for _, sp := range splitSentences(seg, text, para) {
			first := len(doc.Tokens)
			doc.Tokens = tokenize(text, sp, len(doc.Sentences), doc.Tokens)
			// Text without sentence punctuation (lists, tables, a
			// megabyte on one line) is cut into pieces of at most
			// MaxSentenceTokens, which bounds the cost of every
			// per-sentence step downstream.
			for first < len(doc.Tokens) {
				end := min(first+MaxSentenceTokens, len(doc.Tokens))
				idx := len(doc.Sentences)
				for i := first; i < end; i++ {
					doc.Tokens[i].Sentence = idx
				}
				doc.Sentences = append(doc.Sentences, annot.Sentence{
					Start: doc.Tokens[first].Start, End: doc.Tokens[end-1].End,
					FirstToken: first, EndToken: end,
					Paragraph: pi,
				})
				first = end
			}
		}
	}
	return doc, nil
}
