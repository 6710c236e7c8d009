package resolve

import "github.com/entigraph/entigraph/internal/newswire"

// agencyVariants adds the news agencies to the variant table, so that the
// forms of one agency ("Reuter" in every sign-off, "Reuters" in the text,
// "REUTER") are one node under its usual name. Only the unambiguous forms
// are used: "Bloomberg" or "PA" alone may be someone or something else.
var agencyVariants = func() [][]string {
	var out [][]string
	for _, a := range newswire.Agencies() {
		if len(a.Forms) > 0 {
			out = append(out, append([]string{a.Name}, a.Forms...))
		}
	}
	return out
}()
