package resolve

import (
	"strings"
	"unicode"
)

// Wire copy marks companies with angle brackets and tickers ("<Noranda
// Inc>", "HARCOURT <HBJ>", "<TEX> Continental Airlines"), and text taken
// from HTML or SGML keeps character references ("&lt;", "AT&amp;T").
// Neither is part of a name: without this, "&lt;Noranda Inc>" is a node
// of its own, apart from "Noranda Inc".

// entityRefs are the character references left in names.
var entityRefs = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`, "&#39;", "'", "&apos;", "'")

// stripMarkup decodes character references and removes a ticker in angle
// brackets from either end of a name.
func stripMarkup(s string) string {
	if !strings.ContainsAny(s, "&<>") {
		return s
	}
	s = entityRefs.Replace(s)
	if i := strings.LastIndexByte(s, '<'); i > 0 && strings.HasSuffix(s, ">") && isTicker(s[i+1:len(s)-1]) {
		s = strings.TrimRightFunc(s[:i], unicode.IsSpace)
	}
	if j := strings.IndexByte(s, '>'); strings.HasPrefix(s, "<") && j > 0 && j < len(s)-1 && isTicker(s[1:j]) {
		s = strings.TrimLeftFunc(s[j+1:], unicode.IsSpace)
	}
	return s
}

// isTicker reports whether s looks like a stock symbol: 1 to 10 capitals,
// digits and dots ("HBJ", "BBCZ.Z", "TRP.TO").
func isTicker(s string) bool {
	if s == "" || len(s) > 10 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '.' {
			return false
		}
	}
	return true
}
