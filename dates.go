package entigraph

import "time"

// InWindow reports whether a document dated d is kept by Since and Until
// (always, when neither is set); runners that filter stored documents
// themselves use it too.
func (c *Config) InWindow(d time.Time) bool {
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
