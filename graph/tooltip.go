package graph

import (
	"fmt"
	"strings"
)

// Tooltip describes a node: canonical name and type, aliases with
// counts, mention and document counts.
func Tooltip(n Node) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s (%s)\naliases: ", n.Label, n.Type)
	const maxAliases = 12
	for i, a := range n.Aliases {
		if i == maxAliases {
			fmt.Fprintf(&sb, ", … %d more", len(n.Aliases)-maxAliases)
			break
		}
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, "%s ×%d", a.Name, a.Count)
	}
	fmt.Fprintf(&sb, "\n%d %s in %d %s", n.Mentions, plural(n.Mentions, "mention"), n.Docs, plural(n.Docs, "document"))
	return sb.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
