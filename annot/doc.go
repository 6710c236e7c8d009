// Package annot holds the annotated document every stage of entigraph
// shares: the text, its sentences and tokens with byte offsets, the entity
// mentions found in it and the typed relations between them.
//
// It depends on nothing but the standard library, so packages that only
// consume annotations (graph, resolve, encoders, stores) never link the
// language models of package nlp.
package annot
