package input

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// encode writes s in a legacy encoding, for test pages.
func encode(t *testing.T, s string, enc interface{ String(string) (string, error) }) string {
	t.Helper()
	out, err := enc.String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// article wraps paragraphs in a page readability takes for an article.
func article(head string, paras ...string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head>" + head + "<title>Port talks</title></head><body><article>")
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

const para = "Amara Okafor, who chairs the harbour board, told reporters on Monday that the dredging plan agreed with the city council would go ahead this spring."

func TestHTMLEncodings(t *testing.T) {
	padding := "<!-- " + strings.Repeat("padding so that the first non-ASCII byte comes late ", 40) + "-->"
	tests := []struct {
		name         string
		page         string
		wantContains string
		wantEncoding string
		wantNotes    []string
	}{
		{
			name:         "valid UTF-8 without a declaration, non-ASCII only after the first KiB",
			page:         article(padding, para, "It’s the port’s biggest project, said Tomás Ibarra."),
			wantContains: "It’s the port’s biggest project, said Tomás Ibarra.",
		},
		{
			name:         "declared UTF-8 in a meta tag after the first KiB",
			page:         article(padding+`<meta charset="utf-8">`, para, "Zhōu Wěi met Søren Ødegård."),
			wantContains: "Zhōu Wěi met Søren Ødegård.",
		},
		{
			name:         "declared Windows-1252 and encoded so",
			page:         encode(t, article(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`, para, "It’s £5, said Núñez."), charmap.Windows1252.NewEncoder()),
			wantContains: "It’s £5, said Núñez.",
			wantEncoding: "windows-1252",
			wantNotes:    []string{"decoded from windows-1252 (declared)"},
		},
		{
			name:         "declared ISO-8859-1 but valid UTF-8 is read as UTF-8",
			page:         article(`<meta charset="iso-8859-1">`, para, "It’s the port’s biggest project."),
			wantContains: "It’s the port’s biggest project.",
			wantNotes:    []string{"declared iso-8859-1 but valid UTF-8: read as UTF-8"},
		},
		{
			name:         "declared Windows-1252, UTF-8 with a stray byte",
			page:         article(`<meta charset="windows-1252">`, para, "It’s the port’s biggest project, said Tomás Ibarra \xe9."),
			wantContains: "It’s the port’s biggest project, said Tomás Ibarra",
			wantNotes:    []string{"declared windows-1252 but valid UTF-8: read as UTF-8"},
		},
		{
			name:         "declared in an XML declaration",
			page:         encode(t, `<?xml version="1.0" encoding="ISO-8859-1"?>`+article("", para, "Se\u00f1or N\u00fa\u00f1ez."), charmap.Windows1252.NewEncoder()),
			wantContains: "Señor Núñez.",
			wantEncoding: "windows-1252",
			wantNotes:    []string{"decoded from windows-1252 (declared)"},
		},
		{
			name:         "declared GBK",
			page:         encode(t, article(`<meta http-equiv="content-type" content="text/html;charset=gbk">`, para, "中国国家主席在北京会见了美国国务卿，双方就两国关系交换了意见。"), simplifiedchinese.GBK.NewEncoder()),
			wantContains: "中国国家主席在北京会见了美国国务卿",
			wantEncoding: "gbk",
			wantNotes:    []string{"decoded from gbk (declared)"},
		},
		{
			name:         "undeclared Windows-1252 is guessed",
			page:         encode(t, article("", para, "The café charged £5 for a crème brûlée, said Señor Núñez."), charmap.Windows1252.NewEncoder()),
			wantContains: "The café charged £5 for a crème brûlée, said Señor Núñez.",
			wantEncoding: "windows-1252",
			wantNotes:    []string{"decoded from windows-1252 (not valid UTF-8; encoding guessed)"},
		},
		{
			name:         "a byte order mark beats the declaration",
			page:         "\ufeff" + article(`<meta charset="windows-1252">`, para, "It’s Tomás."),
			wantContains: "It’s Tomás.",
		},
		{
			name:         "UTF-16LE with a byte order mark",
			page:         utf16LE(article("", para, "Kenya met Ethiopia.")),
			wantContains: "Kenya met Ethiopia.",
			wantEncoding: "utf-16le",
			wantNotes:    []string{"decoded from UTF-16LE (byte order mark)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "page.html", []byte(tt.page))
			got := collect(t, path, Options{})
			if len(got) != 1 || got[0].Err != "" {
				t.Fatalf("got %+v", got)
			}
			if !strings.Contains(got[0].Text, tt.wantContains) {
				t.Errorf("text lacks %q:\n%s", tt.wantContains, got[0].Text)
			}
			for _, bad := range []string{"â€", "Ã"} {
				if strings.Contains(got[0].Text, bad) {
					t.Errorf("mojibake %q in the text:\n%s", bad, got[0].Text)
				}
			}
			if diff := cmp.Diff(tt.wantEncoding, got[0].Encoding); diff != "" {
				t.Errorf("encoding (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantNotes, got[0].Notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHTMLMetadata(t *testing.T) {
	tests := []struct {
		name     string
		head     string // inside <head>
		body     string // before the article
		wantDate string // RFC 3339, "" for none
		wantRaw  string
		wantURL  string
	}{
		{
			name:     "article:published_time and canonical link",
			head:     `<meta property="article:published_time" content="2026-03-14T09:30:00+01:00"><link rel="canonical" href="https://news.test/port"><meta property="og:url" content="https://news.test/og">`,
			wantDate: "2026-03-14T08:30:00Z", wantRaw: "2026-03-14T09:30:00+01:00", wantURL: "https://news.test/port",
		},
		{
			name:     "JSON-LD datePublished in an @graph, og:url",
			head:     `<meta property="og:url" content="https://news.test/og"><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2026-02-01T12:00:00Z"}]}</script>`,
			wantDate: "2026-02-01T12:00:00Z", wantRaw: "2026-02-01T12:00:00Z", wantURL: "https://news.test/og",
		},
		{
			name:     "article:published_time beats JSON-LD",
			head:     `<script type="application/ld+json">{"datePublished":"2020-01-01"}</script><meta property="article:published_time" content="2026-01-05">`,
			wantDate: "2026-01-05T00:00:00Z", wantRaw: "2026-01-05",
		},
		{
			name:     "a time element marked as the publication date beats the first",
			body:     `<time datetime="2025-12-31T10:00Z">yesterday</time><time itemprop="datePublished" datetime="2026-01-02">2 January</time>`,
			wantDate: "2026-01-02T00:00:00Z", wantRaw: "2026-01-02",
		},
		{
			name:     "the first time element as a last resort",
			body:     `<time datetime="Fri, 02 Jan 2026 15:04:05 GMT">then</time>`,
			wantDate: "2026-01-02T15:04:05Z", wantRaw: "Fri, 02 Jan 2026 15:04:05 GMT",
		},
		{
			name:    "a date not understood is kept raw",
			head:    `<meta property="article:published_time" content="around Easter">`,
			wantRaw: "around Easter",
		},
		{name: "no metadata"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := strings.Replace(article(tt.head, para, para), "<article>", tt.body+"<article>", 1)
			got := collect(t, writeFile(t, "page.html", []byte(page)), Options{})
			if len(got) != 1 || got[0].Err != "" {
				t.Fatalf("got %+v", got)
			}
			type meta struct{ Date, Raw, URL string }
			if diff := cmp.Diff(meta{tt.wantDate, tt.wantRaw, tt.wantURL}, meta{got[0].Time, got[0].Date, got[0].URL}); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestHTMLBounded checks that pathological markup is read, as plain text,
// instead of stalling the run (the nested page took minutes before).
func TestHTMLBounded(t *testing.T) {
	tests := []struct {
		name      string
		page      string
		want      string
		wantNotes []string
	}{
		{
			name: "100,000 nested divs",
			page: "<html><head><title>Deep</title></head><body>" + strings.Repeat("<div>", 100_000) + "<p>Kenya met Ethiopia.</p>" + strings.Repeat("</div>", 100_000) + "</body></html>",
			want: "Deep\n\nKenya met Ethiopia.",
			wantNotes: []string{"markup too large for article extraction (100005 elements, nested 100002 deep; limits 100000 and 512): " +
				"read as plain text, boilerplate included"},
		},
		{
			name: "100,000 unclosed divs",
			page: "<body>" + strings.Repeat("<div>", 100_000) + "Kenya met <b>Ethiopia</b>.<script>var x = 1;</script><nav>Home</nav>",
			want: "Kenya met Ethiopia.",
			wantNotes: []string{"markup too large for article extraction (100004 elements, nested 100002 deep; limits 100000 and 512): " +
				"read as plain text, boilerplate included"},
		},
		{
			name: "deep, and the head not closed",
			page: "<html><head><title>Open head</title><body>" + strings.Repeat("<div>", 1000) + "Kenya met Ethiopia.",
			want: "Open head\n\nKenya met Ethiopia.",
			wantNotes: []string{"markup too large for article extraction (1004 elements, nested 1003 deep; limits 100000 and 512): " +
				"read as plain text, boilerplate included"},
		},
		{
			name: "1,000 nested divs: deep but not large",
			page: "<body>" + strings.Repeat("<div>", 1000) + "Kenya met Ethiopia." + strings.Repeat("</div>", 1000),
			want: "Kenya met Ethiopia.",
			wantNotes: []string{"markup too large for article extraction (1001 elements, nested 1001 deep; limits 100000 and 512): " +
				"read as plain text, boilerplate included"},
		},
		{
			name: "120,000 elements: large but flat",
			page: "<body><p>Kenya met Ethiopia.</p>" + strings.Repeat("<span>x</span> ", 120_000),
			want: "Kenya met Ethiopia.\n\nx x x",
			wantNotes: []string{"markup too large for article extraction (120002 elements, nested 2 deep; limits 100000 and 512): " +
				"read as plain text, boilerplate included"},
		},
		{
			name: "many unclosed paragraphs are not deep",
			page: "<body><article>" + strings.Repeat("<p>"+para, 600) + "</article>",
			want: para + "\n\n" + para,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(t, writeFile(t, "deep.html", []byte(tt.page)), Options{})
			if len(got) != 1 || got[0].Err != "" {
				t.Fatalf("got %+v", got)
			}
			if !strings.HasPrefix(got[0].Text, tt.want) && got[0].Text != tt.want {
				t.Errorf("text %q, want it to start with %q", got[0].Text[:min(len(got[0].Text), 200)], tt.want)
			}
			if diff := cmp.Diff(tt.wantNotes, got[0].Notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
		})
	}
}
