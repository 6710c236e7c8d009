package input

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// dateLayouts are the date forms ParseDate accepts, tried in order. Only
// forms that cannot be misread are here: no all-numeric day/month orders
// such as 03/04/2026, which mean different days in different countries.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	time.RFC1123,
	time.RFC1123Z,
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006",
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	"02-Jan-2006 15:04:05", // Reuters-21578: 26-FEB-1987 15:01:01.79
	"2-Jan-2006 15:04:05",
	"02-Jan-2006",
	"2 January 2006 15:04 MST",
	"2 January 2006 15:04",
	"2 January 2006",
	"2 Jan 2006",
	"Monday 2 January 2006 15:04 MST",
	"Monday 2 January 2006 15:04",
	"Monday 2 January 2006",
	"Monday, 2 January 2006 15:04",
	"Monday, 2 January 2006",
	"January 2, 2006 15:04 MST",
	"January 2, 2006",
	"Jan 2, 2006",
	"Monday, January 2, 2006",
	"Mon Jan 2 2006",
}

// ParseDate parses a publication date in one of the common unambiguous
// forms: ISO 8601 / RFC 3339 (with or without time and zone), RFC 1123
// and RFC 822 mail dates, Reuters' "26-FEB-1987 15:01:01.79", "2 March
// 2026", "March 2, 2026" (a time may follow, also after " - " or " at "),
// and Unix times in seconds or milliseconds.
// Month and day names match in any case; fractional seconds are allowed.
// A date without a zone is taken as UTC. The result is in UTC.
func ParseDate(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	// "14 March 2026 - 10:30" and "14 March 2026 at 10:30": date, time.
	s = strings.NewReplacer(" - ", " ", " at ", " ").Replace(s)
	if s == "" {
		return time.Time{}, false
	}
	if t, ok := unixTime(s); ok {
		return t, true
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1000 {
				return time.Time{}, false
			}
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// unixTime reads 9-10 digits as Unix seconds and 12-13 as milliseconds
// (1973 to 2286); other numbers are not dates.
func unixTime(s string) (time.Time, bool) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, false
	}
	switch len(s) {
	case 9, 10:
		return time.Unix(n, 0).UTC(), true
	case 12, 13:
		return time.UnixMilli(n).UTC(), true
	}
	return time.Time{}, false
}

// setDate records the raw date and, when it parses, the time; a date that
// does not parse is noted.
func setDate(doc *Document, raw string) {
	raw = clean(raw)
	if raw == "" {
		return
	}
	doc.DateText = raw
	if t, ok := ParseDate(raw); ok {
		doc.Date = t
		return
	}
	doc.Notes = append(doc.Notes, fmt.Sprintf("date %q not understood", shorten(raw, 40)))
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// datelinePrefixes may introduce a date on the first line of a text.
var datelinePrefixes = []string{"publish date", "publication date", "date published", "published on", "posted on",
	"published", "posted", "dated", "date"}

// dateline returns the date on the first non-blank line of a text when
// that line is nothing but a date (after an optional "Date:" or
// "Published:"), so that a date in running prose is never taken for the
// article's date.
func dateline(text string) string {
	text = strings.TrimLeft(text, "\ufeff \t\r\n")
	line, _, _ := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	if len(line) > 64 {
		return ""
	}
	lower := strings.ToLower(line)
	for _, p := range datelinePrefixes {
		if strings.HasPrefix(lower, p) {
			line = strings.TrimLeft(line[len(p):], ": ")
			break
		}
	}
	if _, ok := ParseDate(line); ok {
		if _, err := strconv.Atoi(line); err == nil {
			return "" // a bare number is not a dateline
		}
		return line
	}
	return ""
}
