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

// stateVariants joins the wire-style abbreviations of U.S. states
// ("Calif.", "N.J.") to the states' names.
var stateVariants = func() [][]string {
	var out [][]string
	for _, s := range newswire.StateAbbreviations() {
		out = append(out, []string{s[1], s[0]})
	}
	return out
}()

// creditName is the name of the agency a credit mention names: "AP" in a
// dateline or a byline is the Associated Press, though "AP" in running
// text may be Andhra Pradesh, and stays apart.
func creditName(name string) string {
	if a, credit, ok := newswire.Lookup(name); ok && credit {
		return a.Name
	}
	return name
}
