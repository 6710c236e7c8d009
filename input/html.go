package input

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlBytesPerTextByte bounds the raw HTML read per byte of text allowed:
// markup usually outweighs the article text several times.
const htmlBytesPerTextByte = 8

// Bounds on the markup handed to readability. Both the HTML parser and
// readability take time that grows faster than linearly with nesting
// depth (a page of 100,000 nested <div>s took minutes), and readability's
// cost grows with the element count. Real articles nest a few dozen
// levels and hold a few thousand elements; past these bounds a page is
// read as plain text by a linear scan instead.
const (
	maxHTMLDepth    = 512
	maxHTMLElements = 100_000
)

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
	raw, rawTruncated, err := readLimited(r, htmlBytesPerTextByte*opts.maxBytes())
	if err != nil {
		return Document{}, &Error{Path: path, Err: describe(err)}
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return Document{}, &Error{Path: path, Err: ErrEmpty}
	}
	c := htmlCharset(raw, rawTruncated)
	if !strings.HasPrefix(c.name, "utf-16") && bytes.IndexByte(raw, 0) >= 0 {
		return Document{}, &Error{Path: path, Err: ErrBinary}
	}
	if _, n, ok := bomCharset(raw); ok && c.enc == nil {
		raw = raw[n:]
	}
	page, err := c.decode(raw)
	if err != nil {
		return Document{}, &Error{Path: path, Err: err}
	}
	scan := scanHTML(page)
	doc = Document{ID: path, Path: path, Encoding: c.name, URL: scan.url, Truncated: rawTruncated}
	if c.note != "" {
		doc.Notes = append(doc.Notes, c.note)
	}
	setDate(&doc, scan.date)
	var title, text string
	if scan.depth > maxHTMLDepth || scan.elements > maxHTMLElements {
		doc.Notes = append(doc.Notes, fmt.Sprintf(
			"markup too large for article extraction (%d elements, nested %d deep; limits %d and %d): read as plain text, boilerplate included",
			scan.elements, scan.depth, maxHTMLElements, maxHTMLDepth))
		title, text = clean(scan.title), clean(scan.text)
	} else if title, text, err = extractArticle(page); err != nil {
		return Document{}, &Error{Path: path, Err: err}
	}
	if text == "" {
		return Document{}, &Error{Path: path, Err: errors.New("no article text found in the HTML")}
	}
	doc.Title = title
	doc.Text, doc.Truncated = joinTitle(title, text, opts.maxBytes(), doc.Truncated)
	return doc, nil
}

// extractArticle runs readability on a page of bounded size.
func extractArticle(page []byte) (title, text string, err error) {
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return "", "", err
	}
	parser := readability.NewParser()
	article, err := parser.ParseAndMutate(root, nil)
	if err != nil {
		return "", "", err
	}
	var body strings.Builder
	if article.Node != nil {
		if err := article.RenderText(&body); err != nil {
			return "", "", err
		}
	}
	return clean(article.Title()), clean(body.String()), nil
}

// htmlScan is what one linear pass over a page's tokens finds.
type htmlScan struct {
	depth, elements int    // deepest nesting and element count, approximately
	title           string // the <title>
	text            string // the visible text, one line per block
	date            string // the publication date from metadata, as written
	url             string // the canonical link, or og:url
}

// voidOrOptional are elements that do not nest (void) or are usually left
// open (optional end tags); counting them would overstate the depth.
var voidOrOptional = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true, atom.Track: true,
	atom.Wbr: true, atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Option: true, atom.Optgroup: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Colgroup: true, atom.Rb: true, atom.Rt: true, atom.Rp: true,
}

// hidden are elements whose content is not article text.
var hidden = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Head: true, atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Form: true,
	atom.Button: true, atom.Select: true, atom.Iframe: true, atom.Object: true,
}

// blocks are elements that break the text into lines.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Tr: true, atom.Section: true, atom.Article: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Dt: true,
	atom.Dd: true, atom.Header: true, atom.Main: true, atom.Figure: true, atom.Figcaption: true, atom.Hr: true,
	atom.Td: true, atom.Th: true,
}

// scanHTML tokenizes page once, in time linear in its size, for its shape,
// metadata and plain text.
func scanHTML(page []byte) htmlScan {
	var s htmlScan
	var m pageMeta
	var text strings.Builder
	z := html.NewTokenizer(bytes.NewReader(page))
	depth, skip := 0, 0
	var inTitle, inJSONLD bool
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			s.elements++
			if tt == html.StartTagToken && !voidOrOptional[tok.DataAtom] {
				depth++
				s.depth = max(s.depth, depth)
			}
			if hidden[tok.DataAtom] && tt == html.StartTagToken {
				skip++
			}
			if tok.DataAtom == atom.Body {
				skip = 0 // </head> may be left out, and </nav> too
			}
			if blocks[tok.DataAtom] {
				text.WriteByte('\n')
			}
			inTitle = tok.DataAtom == atom.Title && tt == html.StartTagToken
			inJSONLD = tok.DataAtom == atom.Script && strings.EqualFold(attr(tok, "type"), "application/ld+json")
			m.tag(tok)
		case html.EndTagToken:
			if !voidOrOptional[tok.DataAtom] && depth > 0 {
				depth--
			}
			if hidden[tok.DataAtom] && skip > 0 {
				skip--
			}
			if blocks[tok.DataAtom] {
				text.WriteByte('\n')
			}
			inTitle, inJSONLD = false, false
		case html.TextToken:
			switch {
			case inTitle && s.title == "":
				s.title = strings.Join(strings.Fields(tok.Data), " ")
			case inJSONLD:
				m.jsonLD(tok.Data)
			case skip == 0:
				text.WriteString(strings.Map(lineSpace, tok.Data))
			}
		}
	}
	s.text = joinLines(text.String())
	s.date, s.url = m.best()
	return s
}

// lineSpace turns line breaks inside a text node into spaces: only block
// elements break lines.
func lineSpace(r rune) rune {
	if r == '\n' || r == '\r' || r == '\f' {
		return ' '
	}
	return r
}

// joinLines collapses the white space of each line and keeps the
// non-empty ones, a blank line between them, as paragraphs.
func joinLines(s string) string {
	var lines []string
	for l := range strings.SplitSeq(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n\n")
}

func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// pageMeta collects date and URL candidates, each kept at its first
// occurrence, best source first.
type pageMeta struct {
	published, ldDate, otherMeta, timePub, timeAny string
	canonical, ogURL                               string
}

// dateMetaNames are <meta> names and properties that hold a publication
// date, other than article:published_time.
var dateMetaNames = map[string]bool{
	"datepublished": true, "og:published_time": true, "date": true, "pubdate": true, "publishdate": true,
	"publish-date": true, "dc.date": true, "dc.date.issued": true, "dcterms.created": true, "dcterms.issued": true,
	"sailthru.date": true, "parsely-pub-date": true, "article.published": true, "citation_publication_date": true,
}

func keepFirst(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// tag looks at one start tag for metadata.
func (m *pageMeta) tag(tok html.Token) {
	switch tok.DataAtom {
	case atom.Meta:
		key := strings.ToLower(attr(tok, "property"))
		if key == "" {
			key = strings.ToLower(attr(tok, "name"))
		}
		if key == "" {
			key = strings.ToLower(attr(tok, "itemprop"))
		}
		content := attr(tok, "content")
		switch {
		case content == "":
		case key == "article:published_time":
			keepFirst(&m.published, content)
		case dateMetaNames[key]:
			keepFirst(&m.otherMeta, content)
		case key == "og:url":
			keepFirst(&m.ogURL, content)
		}
	case atom.Link:
		for rel := range strings.FieldsSeq(strings.ToLower(attr(tok, "rel"))) {
			if rel == "canonical" {
				keepFirst(&m.canonical, attr(tok, "href"))
			}
		}
	case atom.Time:
		dt := attr(tok, "datetime")
		if dt == "" {
			return
		}
		if _, pub := findAttr(tok, "pubdate"); pub || strings.EqualFold(attr(tok, "itemprop"), "datePublished") {
			keepFirst(&m.timePub, dt)
		}
		keepFirst(&m.timeAny, dt)
	}
}

func findAttr(tok html.Token, key string) (string, bool) {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// jsonLD looks for datePublished in a JSON-LD block, at any depth (it may
// sit in an @graph list).
func (m *pageMeta) jsonLD(data string) {
	var v any
	if json.Unmarshal([]byte(data), &v) != nil {
		return
	}
	var walk func(any, int)
	walk = func(v any, depth int) {
		if m.ldDate != "" || depth > 16 {
			return
		}
		switch v := v.(type) {
		case map[string]any:
			if s, ok := v["datePublished"].(string); ok && s != "" {
				m.ldDate = s
				return
			}
			for _, k := range slices.Sorted(maps.Keys(v)) {
				walk(v[k], depth+1)
			}
		case []any:
			for _, e := range v {
				walk(e, depth+1)
			}
		}
	}
	walk(v, 0)
}

// best returns the most trusted date and URL found.
func (m *pageMeta) best() (date, url string) {
	for _, d := range []string{m.published, m.ldDate, m.otherMeta, m.timePub, m.timeAny} {
		if d != "" {
			date = d
			break
		}
	}
	url = m.canonical
	if url == "" {
		url = m.ogURL
	}
	return date, url
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
