package resolve

import (
	"strings"
	"testing"

	"github.com/entigraph/entigraph/annot"
)

// FuzzMentionName checks that name cleaning never panics, is idempotent
// and gives keys without outer space.
func FuzzMentionName(f *testing.F) {
	for _, s := range []string{"Ayatollah Seyyed Ali Khamenei", "Tehran “", "Iran’s", `The "Cell"`, "U.S.", "'s", "“”", "Mr.", "the", "HARCOURT &lt;HBJ>", "&amp;lt;X>", "&lt;TEX> Continental"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := CleanName(s)
		if CleanName(c) != c {
			t.Fatalf("CleanName(%q) = %q, not idempotent: %q", s, c, CleanName(c))
		}
		for _, typ := range annot.Types {
			name, _ := mentionName(s, typ)
			k := foldKey(name)
			if k != strings.TrimSpace(k) || strings.Contains(k, "  ") {
				t.Fatalf("foldKey(%q) = %q", name, k)
			}
		}
	})
}
