// Package dottest checks DOT output with Graphviz itself, for tests.
package dottest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Parsed is what `dot -Tjson` reports of a graph, with names and labels
// unescaped back to the strings entigraph started from.
type Parsed struct {
	Objects []struct {
		Name     string `json:"name"`
		Label    string `json:"label"`
		Type     string `json:"type"`
		Mentions string `json:"mentions"`
		Docs     string `json:"docs"`
	} `json:"objects"`
	Edges []struct {
		Tail   int    `json:"tail"`
		Head   int    `json:"head"`
		Weight string `json:"weight"`
	} `json:"edges"`
}

// Parse runs dot -Tjson on src and fails the test on any error or
// warning. It skips the test when Graphviz is not installed, except under
// CI, where .ci/run installs it.
func Parse(t testing.TB, src []byte) *Parsed {
	t.Helper()
	if _, err := exec.LookPath("dot"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("Graphviz dot not found; .ci/run should install it")
		}
		t.Skip("Graphviz dot not installed (apt-get install graphviz); skipping the parse check")
	}
	cmd := exec.Command("dot", "-Tjson")
	cmd.Stdin = bytes.NewReader(src)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tjson: %v: %s\ninput:\n%s", err, stderr.String(), src)
	}
	var p Parsed
	if err := json.Unmarshal(out, &p); err != nil {
		t.Fatalf("dot -Tjson output: %v", err)
	}
	// Graphviz keeps a doubled backslash as it was written; undo it.
	unescape := strings.NewReplacer(`\\`, `\`)
	for i := range p.Objects {
		p.Objects[i].Name = unescape.Replace(p.Objects[i].Name)
		p.Objects[i].Label = unescape.Replace(p.Objects[i].Label)
	}
	return &p
}
