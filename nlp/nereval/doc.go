// Package nereval scores a recognizer on CoNLL data the way
// ../shared/tools/nerscore.py scores extract's output: each gold document
// is rebuilt as text (tokens joined by single spaces, one sentence per
// line), the recognizer runs on the gold tokens, and predicted spans are
// compared with gold spans as byte ranges, with conlleval semantics.
package nereval
