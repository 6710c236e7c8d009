package entigraph

import (
	"fmt"
	"io"
	"iter"

	"github.com/entigraph/entigraph/input"
)

// Source yields the documents of a corpus in order, or an error for an
// input or record that could not be read (an *input.Error).
type Source = iter.Seq2[input.Document, error]

// Paths reads the files, directories and glob patterns of paths ("-" is
// stdin) as input.Expand and input.Documents do.
func Paths(paths []string, stdin io.Reader, o input.Options) Source {
	return Inputs(input.Expand(paths), stdin, o)
}

// Inputs reads already expanded inputs.
func Inputs(inputs []input.Input, stdin io.Reader, o input.Options) Source {
	return func(yield func(input.Document, error) bool) {
		for _, in := range inputs {
			for doc, err := range input.Documents(in, stdin, o) {
				if !yield(doc, err) {
					return
				}
			}
		}
	}
}

// Texts is a source of articles given as strings, with ids "text-1",
// "text-2", ...
func Texts(texts ...string) Source {
	return func(yield func(input.Document, error) bool) {
		for i, t := range texts {
			if !yield(input.Document{ID: fmt.Sprintf("text-%d", i+1), Text: t}, nil) {
				return
			}
		}
	}
}
