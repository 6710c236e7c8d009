// Package input turns the paths a user names into documents: it expands
// directories, reads files and standard input, and rejects what is not
// text (empty, binary or invalid UTF-8 input) with an error naming the
// input. Document text is kept exactly as read, so byte offsets computed
// on it are offsets into the file.
package input
