package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html/charset"
)

// htmlBytesPerTextByte bounds the raw HTML read per byte of text allowed:
// markup usually outweighs the article text several times.
const htmlBytesPerTextByte = 8

// readHTML extracts the main article of a web page with readability, so
// navigation, sidebars, footers and comment forms never reach the
// recognizer. The text is the title, a blank line, and the article.
func readHTML(path string, r io.Reader, opts Options) (doc Document, err error) {
	// readability walks arbitrary markup; should it ever panic, the page
	// fails alone instead of the whole run.
	defer func() {
		if p := recover(); p != nil {
			doc, err = Document{}, &Error{Path: path, Err: fmt.Errorf("internal error extracting the article: %v", p)}
		}
	}()
	raw, rawTruncated, err := readCapped(r, htmlBytesPerTextByte*opts.maxBytes())
	if err != nil {
		return Document{}, &Error{Path: path, Err: describe(err)}
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return Document{}, &Error{Path: path, Err: ErrEmpty}
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		return Document{}, &Error{Path: path, Err: ErrBinary}
	}
	// Honour a <meta charset> or byte order mark; default UTF-8.
	utf8r, err := charset.NewReader(bytes.NewReader(raw), "text/html")
	if err != nil {
		return Document{}, &Error{Path: path, Err: err}
	}
	parser := readability.NewParser()
	article, err := parser.Parse(utf8r, nil)
	if err != nil {
		return Document{}, &Error{Path: path, Err: err}
	}
	var body strings.Builder
	if article.Node != nil {
		if err := article.RenderText(&body); err != nil {
			return Document{}, &Error{Path: path, Err: err}
		}
	}
	title := clean(article.Title())
	text := clean(body.String())
	if text == "" {
		return Document{}, &Error{Path: path, Err: errors.New("no article text found in the HTML")}
	}
	doc = Document{ID: path, Title: title, Truncated: rawTruncated}
	if t, err := article.PublishedTime(); err == nil {
		doc.Date = t.UTC().Format("2006-01-02T15:04:05Z")
	}
	doc.Text, doc.Truncated = joinTitle(title, text, opts.maxBytes(), doc.Truncated)
	return doc, nil
}

// clean makes extracted text valid UTF-8 without NULs and trims it.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\x00", "")
	return strings.TrimSpace(s)
}

// joinTitle builds a record's text: title, blank line, body, capped.
func joinTitle(title, body string, limit int64, truncated bool) (string, bool) {
	text := body
	if title != "" && !strings.HasPrefix(body, title) {
		text = title + "\n\n" + body
	}
	if int64(len(text)) > limit {
		return string(cutAtBoundary([]byte(text[:limit]))), true
	}
	return text, truncated
}
