package input

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Format is an input format.
type Format string

// The formats entigraph reads. Each may also be gzip-compressed (.gz).
const (
	Text     Format = "text"     // .txt, .md: the file is the document
	HTML     Format = "html"     // .html, .htm: the main article text and title
	JSONL    Format = "jsonl"    // .jsonl, .ndjson: one article per line
	CSV      Format = "csv"      // .csv: one article per row, with a header row
	Markdown Format = "markdown" // read as Text; named for --input-format
)

var extensions = map[string]Format{
	".txt": Text, ".md": Text, ".markdown": Text,
	".html": HTML, ".htm": HTML,
	".jsonl": JSONL, ".ndjson": JSONL,
	".csv": CSV,
}

// FormatOf returns the format of a file name by its extension, looking
// through a .gz suffix, and whether the extension is one entigraph reads.
func FormatOf(name string) (Format, bool) {
	name = strings.ToLower(name)
	name = strings.TrimSuffix(name, ".gz")
	f, ok := extensions[filepath.Ext(name)]
	return f, ok
}

// ParseFormat parses an --input-format value.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return "", nil
	case "text", "txt":
		return Text, nil
	case "md", "markdown":
		return Text, nil
	case "html", "htm":
		return HTML, nil
	case "jsonl", "ndjson", "json":
		return JSONL, nil
	case "csv":
		return CSV, nil
	}
	return "", fmt.Errorf("unknown input format %q (want auto, text, markdown, html, jsonl or csv)", s)
}

// ParseDelimiter parses a --csv-delimiter value: "" or "auto" (detect,
// returned as 0), "tab" or "\t", or one character that can separate CSV
// fields (not a quote, line break or the Unicode replacement character).
func ParseDelimiter(s string) (rune, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return 0, nil
	case "tab", `\t`, "\t":
		return '\t', nil
	}
	r, n := utf8.DecodeRuneInString(s)
	if n != len(s) || r == '"' || r == '\r' || r == '\n' || r == utf8.RuneError || unicode.IsSpace(r) && r != '\t' {
		return 0, fmt.Errorf("bad CSV delimiter %q (want auto, tab, or one character such as , ; |)", s)
	}
	return r, nil
}
