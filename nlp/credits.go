package nlp

import (
	"slices"
	"strings"

	"github.com/entigraph/entigraph/annot"
)

// staffWords open a line that credits the people who made the story:
// "Reporting by ...; Editing by ...", "Additional reporting by ...",
// "Photo by ...". The names on such a line are the newsroom's, not the
// story's.
var staffWords = map[string]bool{
	"reporting": true, "editing": true, "writing": true, "compiled": true, "produced": true,
	"photo": true, "photos": true, "photograph": true, "photographs": true, "pictures": true,
	"graphics": true, "video": true, "edited": true, "written": true, "reported": true,
}

// maxBylineWords bounds a plain byline line ("By Jane Doe", "By Jane Doe
// and Tom Lee in Nairobi"): a longer line starting with "By" is a
// sentence.
const maxBylineWords = 10

// markStaffCredits returns ms with the people of staff-credit lines and
// plain bylines marked as credits (annot.Mention.Credit): a line that
// starts "Reporting by", "Editing by", ... (after a semicolon too), or a
// short line that starts "By" followed at once by a person.
func markStaffCredits(doc *annot.Document, ms []annot.Mention) []annot.Mention {
	toks := doc.Tokens
	var out []annot.Mention
	mark := func(from, to int, person bool) {
		for k, m := range ms {
			if m.Start >= from && m.End <= to && (!person || m.Type == annot.Person) && !m.Credit {
				if out == nil {
					out = slices.Clone(ms)
				}
				out[k].Credit = true
			}
		}
	}
	for i := 0; i < len(toks); i++ {
		if !lineStart(doc, i) {
			continue
		}
		end := lineEnd(doc, i)
		lineToks := toks[i:end]
		switch {
		case staffCredit(lineToks):
			mark(toks[i].Start, toks[end-1].End, true)
		case plainByline(lineToks, ms):
			mark(toks[i].Start, toks[end-1].End, true)
		}
		i = end - 1
	}
	if out == nil {
		return ms
	}
	return out
}

// lineEnd is the index of the first token after the line token i is on.
func lineEnd(doc *annot.Document, i int) int {
	j := i + 1
	for j < len(doc.Tokens) && !lineStart(doc, j) {
		j++
	}
	return j
}

// staffCredit reports whether a line starts as a staff credit: a staff
// word, possibly after "additional", then "by".
func staffCredit(line []annot.Token) bool {
	k := 0
	if k < len(line) && strings.EqualFold(line[k].Text, "additional") {
		k++
	}
	return k+1 < len(line) && staffWords[strings.ToLower(line[k].Text)] && strings.EqualFold(line[k+1].Text, "by")
}

// plainByline reports whether a short line is "By" and then a person.
func plainByline(line []annot.Token, ms []annot.Mention) bool {
	if len(line) < 2 || len(line) > maxBylineWords || !strings.EqualFold(line[0].Text, "by") {
		return false
	}
	return slices.ContainsFunc(ms, func(m annot.Mention) bool {
		return m.Start == line[1].Start && m.Type == annot.Person
	})
}
