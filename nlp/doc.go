// Package nlp turns text into sentences, tokens and entity mentions, each
// carrying byte offsets into the original text.
//
// A Pipeline segments a document into paragraphs and sentences, tokenizes
// each sentence with prose's tokenizer, recovers the byte offsets that prose
// drops, and hands the result to a Recognizer, which labels PERSON, ORG and
// LOC mentions. Where prose's tokens differ from news conventions, Segment
// corrects them: abbreviations such as "Corp." and initials keep their
// period, a capitalised word ending a sentence gives its period back
// ("Black Sea."), and em and en dashes are tokens of their own. Pipelines are safe for concurrent use: models are loaded once
// per process and shared read-only.
package nlp
