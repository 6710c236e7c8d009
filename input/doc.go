// Package input turns the paths a user names into documents: it walks
// directories (following symlinks, and saying which files it skipped and
// why), reads files and standard input, and rejects what is not text
// (empty or binary input) with an error naming the input as PATH[:LINE].
//
// Text is decoded to UTF-8, trusting in order a byte order mark, the
// charset a web page declares, valid UTF-8, and only then a guess
// (Windows-1252 unless a detector is confident of another encoding); a
// document that was decoded says so in Encoding and Notes. UTF-8 text
// files are kept exactly as read, so byte offsets computed on them are
// offsets into the file; for decoded files and for HTML, JSON Lines and
// CSV, offsets index Document.Text.
//
// Each document carries where it came from (Path, Line), its publication
// date when one is given (record fields, HTML metadata, a NAME.date
// sidecar file or a leading dateline of a text), its URL when known, and
// notes on anything done to read it: decoding, truncation, markup too
// large for article extraction, a CSV delimiter other than the comma.
package input
