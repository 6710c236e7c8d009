package resolve

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/entigraph/entigraph/annot"
)

// Aliases are user rules for entity resolution, read from an aliases
// file (the --aliases flag). The file is CSV, or TSV when its first rule
// line contains a tab, with one rule per line:
//
//	name,action,arg
//
// where action is one of
//
//	merge NAME   mentions of name belong to the entity NAME
//	rename NEW   the entity of name is called NEW (merging with NEW if it exists)
//	type TYPE    the entity of name has type PERSON, ORG or LOC
//	drop         mentions of name are ignored (a stoplist); arg is empty
//
// Lines whose first non-blank character is # are comments, and so is the
// rest of a line from a # that starts a field or follows white space;
// blank lines are skipped; a first
// line "name,action,arg" is a header. Fields may be quoted as in RFC 4180
// and surrounding spaces are ignored. Names are matched as the resolver
// compares names: case, dots, hyphens, quotes, possessives, titles and a
// leading "the" do not matter ("U.S." = "us"). A name may have one merge
// or rename, one type and one drop rule. Example:
//
//	# name,action,arg
//	Khamenei,merge,Ali Khamenei
//	Hamas,type,ORG
//	Publish,drop
//
// The nil *Aliases has no rules.
type Aliases struct {
	rules map[string]*aliasRule // by foldKey of the name
}

type aliasRule struct {
	target string     // canonical name of a merge or rename
	rename bool       // target is forced as the display name
	typ    annot.Type // forced type, or ""
	drop   bool
	line   int // line of the merge or rename, for cycle errors
}

// maxAliasesBytes bounds an aliases file.
const maxAliasesBytes = 16 << 20

// ReadAliasesFile reads an aliases file. Errors name the file and line:
// "aliases.csv:7: unknown action \"foo\"".
func ReadAliasesFile(path string) (*Aliases, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseAliases(f, path)
}

// ParseAliases reads aliases rules from r; name is used in error
// messages.
func ParseAliases(r io.Reader, name string) (*Aliases, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxAliasesBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxAliasesBytes {
		return nil, fmt.Errorf("%s: larger than %d bytes", name, maxAliasesBytes)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	// Blank out comment lines, indented ones too, keeping line numbers.
	lines := bytes.SplitAfter(data, []byte("\n"))
	for i, l := range lines {
		if bytes.HasPrefix(bytes.TrimLeft(l, " \t"), []byte("#")) {
			lines[i] = []byte("\n")
		}
	}
	data = bytes.Join(lines, nil)
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	if isTSV(data) {
		cr.Comma = '\t'
		cr.LazyQuotes = true
	}
	a := &Aliases{rules: map[string]*aliasRule{}}
	var order []string // keys of merge/rename rules in line order
	first := true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("%s:%d: %v", name, pe.StartLine, pe.Err)
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		rec = cutComment(rec)
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		if first {
			first = false
			if len(rec) >= 2 && strings.EqualFold(rec[0], "name") && strings.EqualFold(rec[1], "action") {
				continue
			}
		}
		if len(rec) < 2 || len(rec) > 3 {
			return nil, fmt.Errorf("%s:%d: want name,action,arg, got %d fields", name, line, len(rec))
		}
		arg := ""
		if len(rec) == 3 {
			arg = rec[2]
		}
		key := aliasKey(rec[0])
		if key == "" {
			return nil, fmt.Errorf("%s:%d: empty name", name, line)
		}
		r := a.rules[key]
		if r == nil {
			r = &aliasRule{}
		}
		action := strings.ToLower(rec[1])
		switch action {
		case "merge", "rename":
			target, _ := mentionName(arg, "")
			if aliasKey(arg) == "" {
				return nil, fmt.Errorf("%s:%d: %s needs a name", name, line, action)
			}
			if r.target != "" {
				return nil, fmt.Errorf("%s:%d: %q already has a merge or rename on line %d", name, line, rec[0], r.line)
			}
			r.target, r.rename, r.line = target, action == "rename", line
			order = append(order, key)
		case "type":
			t, ok := annot.ParseType(strings.ToUpper(arg))
			if !ok {
				return nil, fmt.Errorf("%s:%d: unknown type %q (want PERSON, ORG or LOC)", name, line, arg)
			}
			if r.typ != "" && r.typ != t {
				return nil, fmt.Errorf("%s:%d: %q already has type %s", name, line, rec[0], r.typ)
			}
			r.typ = t
		case "drop":
			if arg != "" {
				return nil, fmt.Errorf("%s:%d: drop takes no argument, got %q", name, line, arg)
			}
			r.drop = true
		default:
			return nil, fmt.Errorf("%s:%d: unknown action %q (want merge, rename, type or drop)", name, line, rec[1])
		}
		a.rules[key] = r
	}
	// Follow chains (a -> b, b -> c) so every rule points at its final
	// name; a cycle is an error. Each key is resolved once.
	type dest struct {
		target string
		rename bool
	}
	next := map[string]string{} // key -> key of its target
	for _, key := range order {
		if tk := aliasKey(a.rules[key].target); tk != key {
			next[key] = tk
		}
	}
	final := map[string]dest{}
	for _, key := range order {
		var path []string
		onPath := map[string]bool{}
		var end *dest
		for k := key; ; {
			if onPath[k] {
				return nil, fmt.Errorf("%s:%d: merge cycle through %q", name, a.rules[key].line, a.rules[path[len(path)-1]].target)
			}
			if d, ok := final[k]; ok {
				end = &d
				break
			}
			r := a.rules[k]
			if r == nil || r.target == "" {
				break // the chain ends at the name k
			}
			tk, ok := next[k]
			if !ok { // a rename to another spelling of the same name
				d := dest{r.target, r.rename}
				final[k], end = d, &d
				break
			}
			onPath[k] = true
			path = append(path, k)
			k = tk
		}
		for i := len(path) - 1; i >= 0; i-- {
			r := a.rules[path[i]]
			d := dest{r.target, r.rename}
			if end != nil {
				d = dest{end.target, end.rename || r.rename}
			}
			final[path[i]], end = d, &d
		}
	}
	for _, key := range order {
		a.rules[key].target, a.rules[key].rename = final[key].target, final[key].rename
	}
	return a, nil
}

// isTSV reports whether the first rule line of data contains a tab.
// cutComment removes a trailing comment from a rule's fields: a # at the
// start of a field or after white space, and everything after it
// ("Reuters,drop   # a stoplist entry").
func cutComment(rec []string) []string {
	for i, f := range rec {
		at := strings.Index(f, "#")
		for at > 0 && f[at-1] != ' ' && f[at-1] != '\t' {
			next := strings.Index(f[at+1:], "#")
			if next < 0 {
				at = -1
				break
			}
			at += 1 + next
		}
		if at < 0 {
			continue
		}
		if head := strings.TrimSpace(f[:at]); head != "" {
			return append(rec[:i:i], head)
		}
		return rec[:i:i]
	}
	return rec
}

func isTSV(data []byte) bool {
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		return strings.Contains(l, "\t")
	}
	return false
}

// aliasKey is the key a name in an aliases file matches.
func aliasKey(s string) string {
	name, _ := mentionName(s, "")
	return variantKey(foldKey(name))
}

// Len returns the number of names with rules.
func (a *Aliases) Len() int {
	if a == nil {
		return 0
	}
	return len(a.rules)
}

func (a *Aliases) rule(key string) *aliasRule {
	if a == nil {
		return nil
	}
	return a.rules[key]
}

func (a *Aliases) dropped(key string) bool {
	r := a.rule(key)
	return r != nil && r.drop
}
