// Package prosener is the baseline recognizer entigraph's own is measured
// against: prose v2's default maximum-entropy model, behind nlp.Recognizer.
//
// It lives apart from package nlp so that only `entigraph eval --ner
// prose` links prose's model data.
package prosener
