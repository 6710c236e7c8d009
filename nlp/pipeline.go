package nlp

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// ErrInvalidUTF8 is returned for text that is not valid UTF-8.
var ErrInvalidUTF8 = errors.New("text is not valid UTF-8")

// Pipeline segments, tokenizes and recognizes documents. The zero value
// uses the default recognizer. A Pipeline is safe for concurrent use.
type Pipeline struct {
	// Recognizer labels mentions; nil means DefaultRecognizer.
	Recognizer Recognizer
}

// Process analyses one document. It returns an error, never panics, for
// text it cannot handle.
func (p *Pipeline) Process(text string) (*Document, error) {
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
	return doc, nil
}

// Segment splits text into paragraphs, sentences and tokens, without
// recognizing mentions.
func Segment(text string) (*Document, error) {
	if !utf8.ValidString(text) {
		return nil, ErrInvalidUTF8
	}
	seg, err := sentenceSplitter()
	if err != nil {
		return nil, fmt.Errorf("loading sentence segmenter: %w", err)
	}
	doc := &Document{Text: text}
	for pi, para := range paragraphs(text) {
		for _, sp := range splitSentences(seg, text, para) {
			first := len(doc.Tokens)
			doc.Tokens = tokenizeSentence(text, sp, len(doc.Sentences), doc.Tokens)
			if len(doc.Tokens) == first {
				continue
			}
			doc.Sentences = append(doc.Sentences, Sentence{
				Start: sp.start, End: sp.end,
				FirstToken: first, EndToken: len(doc.Tokens),
				Paragraph: pi,
			})
		}
	}
	return doc, nil
}
