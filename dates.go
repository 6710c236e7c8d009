package entigraph

import (
	"strings"
	"time"

	"github.com/entigraph/entigraph/input"
)

// inWindow reports whether a document dated d is kept by Since and Until.
func (c *Config) inWindow(d time.Time) bool {
	if c.Since.IsZero() && c.Until.IsZero() {
		return true
	}
	if d.IsZero() {
		return false
	}
	day := d.UTC().Truncate(24 * time.Hour)
	return (c.Since.IsZero() || !day.Before(c.Since.UTC().Truncate(24*time.Hour))) &&
		(c.Until.IsZero() || !day.After(c.Until.UTC().Truncate(24*time.Hour)))
}

// documentDate is the date of a document as read, zero when it has none
// or it cannot be read.
func documentDate(in input.Document) time.Time {
	return ParseDate(in.Date)
}

// dateLayouts are the date forms ParseDate reads, most specific first.
var dateLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02",
	time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC,
	"2-Jan-2006 15:04:05.00", "02-Jan-2006 15:04:05", "2 January 2006", "January 2, 2006", "Jan 2, 2006", "2006/01/02",
}

// ParseDate reads a date in one of the common forms (ISO 8601, RFC 1123,
// Reuters' "26-FEB-1987 15:01:01.79", ...), or returns the zero time.
func ParseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC()
		}
		if t, err := time.Parse(l, strings.ToUpper(s[:1])+strings.ToLower(s[1:])); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}
