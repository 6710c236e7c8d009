package input

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sniffBytes is how much of an input is examined to choose its encoding.
const sniffBytes = 64 << 10

// guessBytes is how much of an input the encoding detector reads: enough
// for its statistics, and it costs about 0.2 ms per KiB.
const guessBytes = 16 << 10

// minGuessConfidence is the chardet confidence (0-100) below which a guess
// is not trusted and Windows-1252, the commonest legacy encoding of news
// text, is assumed instead.
const minGuessConfidence = 30

// charsetChoice is the encoding chosen for an input, and why.
type charsetChoice struct {
	enc  encoding.Encoding // nil for UTF-8 as is
	name string            // "" for UTF-8
	note string            // for Document.Notes; "" for plain UTF-8
}

// bomCharset recognises a byte order mark. UTF-8 with a BOM needs no
// decoding, so it is reported with a nil encoding and ok set.
func bomCharset(data []byte) (c charsetChoice, bomLen int, ok bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return charsetChoice{}, 3, true
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return charsetChoice{enc: unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), name: "utf-16le",
			note: "decoded from UTF-16LE (byte order mark)"}, 2, true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return charsetChoice{enc: unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), name: "utf-16be",
			note: "decoded from UTF-16BE (byte order mark)"}, 2, true
	}
	return charsetChoice{}, 0, false
}

// validUTF8 reports whether data is valid UTF-8, allowing a rune cut
// short at its end if data was cut from a longer input.
func validUTF8(data []byte, cut bool) bool {
	if cut {
		data = trimCutRune(data)
	}
	return utf8.Valid(data)
}

// trimCutRune drops an incomplete rune from the end of data.
func trimCutRune(data []byte) []byte {
	for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax; i-- {
		if utf8.RuneStart(data[i]) {
			if !utf8.FullRune(data[i:]) {
				data = data[:i]
			}
			break
		}
	}
	return data
}

// mostlyUTF8 reports whether data that is not valid UTF-8 is still UTF-8
// with a few stray bytes: it holds more valid multi-byte sequences than
// invalid bytes. Text in a legacy encoding hardly ever forms a valid
// multi-byte sequence, and decoding UTF-8 as such an encoding turns every
// one into mojibake ("â€™"), so stray bytes are the lesser harm.
func mostlyUTF8(data []byte, cut bool) bool {
	if cut {
		data = trimCutRune(data)
	}
	multi, invalid := 0, 0
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && n == 1:
			invalid++
		case n > 1:
			multi++
		}
		data = data[n:]
	}
	return multi > invalid
}

// strayBytesNote is noted when invalid bytes of UTF-8 text are replaced.
const strayBytesNote = "invalid UTF-8 bytes replaced by U+FFFD"

// guessCharset guesses the encoding of data that is not UTF-8. The
// statistical detector is trusted above minGuessConfidence; otherwise,
// and for Latin-1, Windows-1252 (a superset of Latin-1's printable range).
func guessCharset(data []byte) charsetChoice {
	c := charsetChoice{enc: charmap.Windows1252, name: "windows-1252"}
	results, err := chardet.NewTextDetector().DetectAll(data[:min(len(data), guessBytes)])
	if err == nil && len(results) > 0 {
		// chardet runs its recognisers concurrently: order ties by name
		// so that the guess is the same on every run.
		sort.SliceStable(results, func(i, j int) bool {
			if results[i].Confidence != results[j].Confidence {
				return results[i].Confidence > results[j].Confidence
			}
			return results[i].Charset < results[j].Charset
		})
		best := results[0]
		if e, name := charset.Lookup(best.Charset); e != nil && best.Confidence >= minGuessConfidence &&
			!strings.HasPrefix(name, "utf-") {
			c.enc, c.name = e, name
		}
	}
	c.note = fmt.Sprintf("decoded from %s (not valid UTF-8; encoding guessed)", c.name)
	return c
}

// textCharset chooses the encoding of a text file: a BOM, then UTF-8 if
// valid, then a guess. cut says data is the start of a longer input.
func textCharset(data []byte, cut bool) charsetChoice {
	if c, n, ok := bomCharset(data); ok {
		return c.withStrays(data[n:], cut)
	}
	switch {
	case validUTF8(data, cut):
		return charsetChoice{}
	case mostlyUTF8(data, cut):
		return charsetChoice{note: strayBytesNote}
	}
	return guessCharset(data)
}

// withStrays notes that invalid bytes will be replaced when data, after
// a UTF-8 byte order mark, is not valid UTF-8: the mark is trusted.
func (c charsetChoice) withStrays(data []byte, cut bool) charsetChoice {
	if c.enc == nil && !validUTF8(data, cut) {
		c.note = strayBytesNote
	}
	return c
}

// htmlCharset chooses the encoding of a web page, in order of trust: a
// BOM, the charset its <meta> declares, valid UTF-8, a guess. One
// exception: a page declared in a single-byte legacy charset whose bytes
// are valid UTF-8 with non-ASCII characters is UTF-8 mislabelled (legacy
// text almost never forms valid multi-byte UTF-8), and reading it as
// declared would produce mojibake such as "â€™".
func htmlCharset(data []byte, cut bool) charsetChoice {
	if c, n, ok := bomCharset(data); ok {
		return c.withStrays(data[n:], cut)
	}
	valid := validUTF8(data, cut) || mostlyUTF8(data, cut)
	if label := declaredCharset(data[:min(len(data), sniffBytes)]); label != "" {
		e, name := charset.Lookup(label)
		switch {
		case e == nil:
			// An unknown label is no declaration.
		case name == "utf-8" || strings.HasPrefix(name, "utf-16"):
			// A page that can be scanned for <meta> as ASCII is not
			// UTF-16, whatever it says (the HTML standard reads it as UTF-8).
			if valid {
				return charsetChoice{}
			}
		case valid && hasNonASCII(data) && singleByte(name):
			return charsetChoice{note: fmt.Sprintf("declared %s but valid UTF-8: read as UTF-8", label)}
		default:
			return charsetChoice{enc: e, name: name, note: fmt.Sprintf("decoded from %s (declared)", name)}
		}
	}
	if valid {
		return charsetChoice{}
	}
	return guessCharset(data)
}

func hasNonASCII(data []byte) bool {
	for _, b := range data {
		if b >= 0x80 {
			return true
		}
	}
	return false
}

// singleByte reports whether a WHATWG encoding name is a single-byte one.
func singleByte(name string) bool {
	return strings.HasPrefix(name, "windows-") || strings.HasPrefix(name, "iso-8859-") ||
		strings.HasPrefix(name, "koi8") || name == "macintosh" || name == "ibm866" || name == "x-mac-cyrillic"
}

// declaredCharset returns the charset label of a page's <meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=...">, looking
// through the head (up to <body> or the end of data), or of an XHTML
// page's XML declaration; "" if there is none.
func declaredCharset(data []byte) string {
	if label := xmlEncoding(data); label != "" {
		return label
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
				if !hasAttr {
					continue
				}
				if label := metaCharset(z); label != "" {
					return label
				}
			}
		}
	}
}

// xmlEncoding returns the encoding an XML declaration at the start of
// data names: <?xml version="1.0" encoding="ISO-8859-1"?>.
func xmlEncoding(data []byte) string {
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return ""
	}
	decl, _, ok := bytes.Cut(data, []byte("?>"))
	if !ok {
		return ""
	}
	_, rest, ok := bytes.Cut(decl, []byte("encoding="))
	if !ok || len(rest) < 2 || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	label, _, ok := bytes.Cut(rest[1:], rest[:1])
	if !ok {
		return ""
	}
	return string(bytes.TrimSpace(label))
}

// metaCharset reads the charset of the <meta> tag z is on.
func metaCharset(z *html.Tokenizer) string {
	var httpEquiv bool
	var content string
	for {
		key, val, more := z.TagAttr()
		switch strings.ToLower(string(key)) {
		case "charset":
			return strings.TrimSpace(string(val))
		case "http-equiv":
			httpEquiv = strings.EqualFold(strings.TrimSpace(string(val)), "content-type")
		case "content":
			content = string(val)
		}
		if !more {
			break
		}
	}
	if !httpEquiv {
		return ""
	}
	i := strings.Index(strings.ToLower(content), "charset=")
	if i < 0 {
		return ""
	}
	label := content[i+len("charset="):]
	if j := strings.IndexAny(label, "; "); j >= 0 {
		label = label[:j]
	}
	return strings.Trim(label, `"'`)
}

// decode converts data to UTF-8 as c says; invalid bytes of UTF-8 text
// are replaced by U+FFFD.
func (c charsetChoice) decode(data []byte) ([]byte, error) {
	if c.enc == nil {
		if !utf8.Valid(data) {
			data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
		}
		return data, nil
	}
	out, _, err := transform.Bytes(c.enc.NewDecoder(), data)
	if err != nil {
		return nil, fmt.Errorf("decoding %s: %v", c.name, err)
	}
	return out, nil
}

// decodeStream returns a reader of r in UTF-8, for the record formats: a
// UTF-8 BOM is dropped (it would otherwise spoil the first record), UTF-16
// with a BOM is decoded, and input whose first sniffBytes are not UTF-8 is
// decoded from a guessed encoding. The choice is made on the first
// sniffBytes: a later stray byte is replaced by U+FFFD when read.
func decodeStream(r *bufio.Reader) (io.Reader, charsetChoice) {
	head, _ := r.Peek(sniffBytes)
	cut := len(head) == sniffBytes
	c, bomLen, ok := bomCharset(head)
	if !ok && !validUTF8(head, cut) && !mostlyUTF8(head, cut) {
		c = guessCharset(head)
	}
	if c.enc == nil {
		r.Discard(bomLen)
		return r, c
	}
	return bufio.NewReaderSize(transform.NewReader(r, c.enc.NewDecoder()), 64<<10), c
}
