// Package nlp turns text into sentences, tokens and entity mentions, each
// carrying byte offsets into the original text.
//
// A Pipeline segments a document into paragraphs and sentences, tokenizes
// each sentence with prose's tokenizer, recovers the byte offsets that prose
// drops, and hands the result to a Recognizer, which labels PERSON, ORG and
// LOC mentions. Pipelines are safe for concurrent use: models are loaded once
// per process and shared read-only.
package nlp
