// Package newswire holds what the project knows about news-wire copy
// as facts, not as a model: the names of the main news agencies, the
// forms they are written in, and which of those forms name something else
// outside a credit line or dateline ("AP", "Bloomberg").
//
// The recognizer (package nlp) uses it to type agencies in sign-off lines,
// datelines and credits; the resolver (package resolve) uses it to join
// the forms of one agency ("Reuter", "REUTER", "Reuters") under its usual
// name. The list was written for this project from general knowledge.
package newswire
