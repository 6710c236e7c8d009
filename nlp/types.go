package nlp

import "github.com/entigraph/entigraph/annot"

// Recognizer finds entity mentions in a segmented, tokenized document.
// Implementations must be safe for concurrent use and must return mentions
// whose offsets are token boundaries of doc, sorted by Start.
type Recognizer interface {
	Recognize(doc *annot.Document) []annot.Mention
}
