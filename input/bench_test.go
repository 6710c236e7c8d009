package input

import (
	"strings"
	"testing"
)

// BenchmarkHTML reads a normal article page and pathological ones; the
// deep pages took minutes before their work was bounded.
func BenchmarkHTML(b *testing.B) {
	pages := []struct{ name, page string }{
		{"article", article("", strings.Repeat(para+"</p><p>", 40))},
		{"nested-100000", "<html><body>" + strings.Repeat("<div>", 100_000) + "<p>Kenya met Ethiopia.</p>" + strings.Repeat("</div>", 100_000) + "</body></html>"},
		{"nested-500", "<html><body>" + strings.Repeat("<div>", 500) + "<p>" + para + "</p>" + strings.Repeat("</div>", 500) + "</body></html>"},
	}
	for _, p := range pages {
		b.Run(p.name, func(b *testing.B) {
			b.SetBytes(int64(len(p.page)))
			for b.Loop() {
				if _, err := readHTML("page.html", strings.NewReader(p.page), Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
