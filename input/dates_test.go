package input

import (
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // RFC 3339 in UTC; "" when not a date
	}{
		{"ISO date", "2026-03-01", "2026-03-01T00:00:00Z"},
		{"RFC 3339 with zone", "2026-03-01T09:30:00+02:00", "2026-03-01T07:30:00Z"},
		{"RFC 3339 with fraction", "2026-03-01T09:30:00.123Z", "2026-03-01T09:30:00Z"},
		{"ISO without zone", "2026-03-01T09:30:00", "2026-03-01T09:30:00Z"},
		{"ISO with compact zone", "2026-03-01T09:30:00+0100", "2026-03-01T08:30:00Z"},
		{"ISO with a space", "2026-03-01 09:30:00", "2026-03-01T09:30:00Z"},
		{"RFC 1123", "Sun, 01 Mar 2026 09:30:00 GMT", "2026-03-01T09:30:00Z"},
		{"RFC 1123 with offset", "Sun, 01 Mar 2026 09:30:00 -0500", "2026-03-01T14:30:00Z"},
		{"mail date with one-digit day", "Sun, 1 Mar 2026 09:30:00 +0000", "2026-03-01T09:30:00Z"},
		{"Reuters-21578", "26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01Z"},
		{"Reuters-21578 with a one-digit day", " 5-MAR-1987 09:10:11.00", "1987-03-05T09:10:11Z"},
		{"day month year", "14 March 2026", "2026-03-14T00:00:00Z"},
		{"month day, year", "March 14, 2026", "2026-03-14T00:00:00Z"},
		{"short month", "Mar 14, 2026", "2026-03-14T00:00:00Z"},
		{"weekday first", "Saturday, 14 March 2026", "2026-03-14T00:00:00Z"},
		{"Unix seconds", "1772323200", "2026-03-01T00:00:00Z"},
		{"Unix milliseconds", "1772323200000", "2026-03-01T00:00:00Z"},
		{"surrounding space", "  2026-03-01 \n", "2026-03-01T00:00:00Z"},
		{"ambiguous numeric order", "03/04/2026", ""},
		{"a small number", "42", ""},
		{"words", "last Tuesday", ""},
		{"empty", "", ""},
		{"impossible day", "2026-02-30", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if d, ok := ParseDate(tt.in); ok {
				got = d.Format(time.RFC3339)
				if d.Location() != time.UTC {
					t.Errorf("location %v, want UTC", d.Location())
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseDate(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestTextDates(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		sidecar string // "" for none
		want    result
	}{
		{
			name: "a leading dateline",
			text: "2026-03-01\n\nAmara Okafor met Lukas Brandt.",
			want: result{Date: "2026-03-01", Time: "2026-03-01T00:00:00Z"},
		},
		{
			name: "a labelled dateline",
			text: "Published: 14 March 2026\nAmara Okafor met Lukas Brandt.",
			want: result{Date: "14 March 2026", Time: "2026-03-14T00:00:00Z"},
		},
		{
			name: "a web page's dateline, run into its label",
			text: "Publish dateSunday 5 November 2023 - 14:45\nStory Code : 1\nAmara Okafor met Lukas Brandt.",
			want: result{Date: "Sunday 5 November 2023 - 14:45", Time: "2023-11-05T14:45:00Z"},
		},
		{
			name: "a date in running text is not a dateline",
			text: "On 14 March 2026 Amara Okafor met Lukas Brandt.",
		},
		{
			name: "an ambiguous numeric dateline is not used",
			text: "03/04/2026\nAmara Okafor met Lukas Brandt.",
		},
		{
			name: "a bare number is not a dateline",
			text: "1772323200\nAmara Okafor met Lukas Brandt.",
		},
		{
			name:    "a sidecar",
			text:    "Amara Okafor met Lukas Brandt.",
			sidecar: "2026-03-02T10:00:00Z\n",
			want:    result{Date: "2026-03-02T10:00:00Z", Time: "2026-03-02T10:00:00Z"},
		},
		{
			name:    "a sidecar beats the dateline",
			text:    "2026-03-01\nAmara Okafor met Lukas Brandt.",
			sidecar: "2 March 2026",
			want:    result{Date: "2 March 2026", Time: "2026-03-02T00:00:00Z"},
		},
		{
			name:    "a sidecar not understood is noted",
			text:    "Amara Okafor met Lukas Brandt.",
			sidecar: "spring",
			want:    result{Date: "spring", Notes: []string{`date "spring" not understood`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "a.txt", []byte(tt.text))
			if tt.sidecar != "" {
				if err := os.WriteFile(path+SidecarSuffix, []byte(tt.sidecar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got := collect(t, path, Options{})
			if len(got) != 1 || got[0].Err != "" {
				t.Fatalf("got %+v", got)
			}
			tt.want.ID, tt.want.Text = path, tt.text
			if diff := cmp.Diff(tt.want, got[0]); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzParseDate checks that ParseDate never panics and that every date it
// accepts is in UTC.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-03-01", "26-FEB-1987 15:01:01.79", "Sun, 01 Mar 2026 09:30:00 GMT", "1772323200", "March 14, 2026"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := ParseDate(s); ok && d.Location() != time.UTC {
			t.Fatalf("ParseDate(%q) = %v, not UTC", s, d)
		}
		dateline(s)
	})
}

// TestSharedDates reads the dates of real inputs in ../shared: the
// Reuters-21578 corpus (ISO dates in JSON Lines) and a web article saved
// as text with a "Publish date" line. ENTIGRAPH_FULL=1 reads all of
// Reuters instead of its first 500 records.
func TestSharedDates(t *testing.T) {
	t.Run("Reuters-21578", func(t *testing.T) {
		path := "../../shared/data/reuters21578/reuters21578.jsonl.gz"
		if _, err := os.Stat(path); err != nil {
			t.Skipf("%s absent: skipping", path)
		}
		limit := 500
		if !testing.Short() && os.Getenv("ENTIGRAPH_FULL") != "" {
			limit = -1 // all 19,043 records
		}
		n, undated, none := 0, 0, 0
		for d, err := range Documents(Input{Path: path}, nil, Options{}) {
			if err != nil {
				continue // a record without text is not this test's concern
			}
			if d.DateText == "" {
				none++ // one record has an empty date
			} else if d.Date.IsZero() || d.Date.Year() != 1987 {
				undated++
			}
			if n++; n == limit {
				break
			}
		}
		if n < min(limit, 500) || undated > 0 {
			t.Errorf("%d of %d dates not read as 1987", undated, n)
		}
		t.Logf("%d records, %d dates not read as 1987, %d without a date", n, undated, none)
	})
	t.Run("dateline of a saved article", func(t *testing.T) {
		path := "../../shared/examples/press-tv-haniyeh-2023-11-05.txt"
		if _, err := os.Stat(path); err != nil {
			t.Skipf("%s absent: skipping", path)
		}
		d, err := first(Input{Path: path})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff("2023-11-05T14:45:00Z", d.Date.Format(time.RFC3339)); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}
