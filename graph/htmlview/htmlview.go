package htmlview

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/entigraph/entigraph/graph"
)

// Options tune the page. The zero value is the default.
type Options struct {
	// Title heads the page and names the browser tab; empty means
	// "entigraph".
	Title string
	// Docs describes documents by id: the page cites evidence with their
	// date and title, and links it to their URL. Only the documents some
	// evidence cites are kept. Nil for none.
	Docs map[string]Doc
}

// Doc is what the page shows of a document besides its id. Every field
// is optional.
type Doc struct {
	URL   string // http(s) URL or path the evidence links to
	Title string
	Date  string // as the input gave it, e.g. 1987-03-02 or RFC 3339
}

func (o Options) title() string {
	if o.Title == "" {
		return "entigraph"
	}
	return o.Title
}

//go:embed assets
var assets embed.FS

// vendored lists the d3 modules in load order: each needs only those
// before it. Their versions are in the first line of each file.
var vendored = []string{
	"d3-dispatch", "d3-timer", "d3-selection", "d3-drag", "d3-color",
	"d3-interpolate", "d3-ease", "d3-transition", "d3-zoom",
}

// Write writes g as a self-contained HTML page to w. The output depends
// only on g and o.
func Write(w io.Writer, g *graph.Graph, o Options) error {
	return writePage(w, newPage(g, o))
}

// writePage renders p into the page template.
func writePage(w io.Writer, p *page) error {
	data, err := json.Marshal(p) // escapes <, > and &, so no "</script>" can end the element early
	if err != nil {
		return fmt.Errorf("htmlview: encoding the data: %w", err)
	}
	tmpl, err := asset("page.html")
	if err != nil {
		return err
	}
	scripts, err := scripts()
	if err != nil {
		return err
	}
	style, err := asset("view.css")
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.Grow(len(tmpl) + len(data) + len(scripts) + len(style))
	r := strings.NewReplacer(
		"{{title}}", html.EscapeString(p.Title),
		"{{style}}", style,
		"{{data}}", string(data),
		"{{scripts}}", scripts,
	)
	if _, err := r.WriteString(&buf, tmpl); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// scripts returns the vendored modules, each after its licence, and the
// page's own script, as the body of one script element.
func scripts() (string, error) {
	var b strings.Builder
	for _, name := range vendored {
		lic, err := asset("vendor/" + name + ".LICENSE")
		if err != nil {
			return "", err
		}
		js, err := asset("vendor/" + name + ".min.js")
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "/*! %s licence:\n%s*/\n%s\n", name, lic, js)
	}
	app, err := asset("view.js")
	if err != nil {
		return "", err
	}
	b.WriteString(app)
	s := b.String()
	if i := strings.Index(strings.ToLower(s), "</script"); i >= 0 {
		return "", fmt.Errorf("htmlview: an embedded script contains </script at byte %d", i)
	}
	return s, nil
}

func asset(name string) (string, error) {
	b, err := assets.ReadFile("assets/" + name)
	if err != nil {
		return "", fmt.Errorf("htmlview: %w", err)
	}
	return string(b), nil
}
