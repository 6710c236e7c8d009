package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// extractOutput parses extract's JSON Lines.
func extractOutput(t *testing.T, out string) []extractLine {
	t.Helper()
	var lines []extractLine
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var l extractLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("%v: %s", err, sc.Text())
		}
		lines = append(lines, l)
	}
	return lines
}

var dotNode = regexp.MustCompile(`(?m)^\t"((?:[^"\\]|\\.)*)" \[label=.*tooltip="((?:[^"\\]|\\.)*)"\];$`)

// buildNodes returns build's node ids and tooltips.
func buildNodes(t *testing.T, out string) map[string]string {
	t.Helper()
	nodes := map[string]string{}
	for _, m := range dotNode.FindAllStringSubmatch(out, -1) {
		nodes[m[1]] = m[2]
	}
	return nodes
}

// TestExtractEntities checks that every mention gets the entity it
// resolved to, that the names are the node ids of build's graph, and that
// documents stay in input order.
func TestExtractEntities(t *testing.T) {
	out, errOut, code := runCLI(t, "", "extract", articles)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := extractOutput(t, out)
	entries, err := os.ReadDir(articles)
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != len(entries) {
		t.Fatalf("%d lines for %d articles", len(lines), len(entries))
	}
	dot, errOut, code := runCLI(t, "", "build", articles)
	if code != 0 {
		t.Fatalf("build: exit %d: %s", code, errOut)
	}
	nodes := buildNodes(t, dot)
	if len(nodes) == 0 {
		t.Fatal("no nodes with tooltips in build's output")
	}
	for i, l := range lines {
		if want := filepath.Join(articles, entries[i].Name()); l.Doc != want {
			t.Errorf("line %d is %s, want %s", i, l.Doc, want)
		}
		for _, e := range l.Entities {
			if e.Entity == "" {
				t.Errorf("%s: %q at %d has no entity", l.Doc, e.Text, e.Start)
			} else if _, ok := nodes[e.Entity]; !ok {
				t.Errorf("%s: entity %q of %q is not a node of build's graph", l.Doc, e.Entity, e.Text)
			}
		}
	}
}

// TestExtractAliases applies a rename and a drop rule to names the
// recognizer finds, whatever they are.
func TestExtractAliases(t *testing.T) {
	out, errOut, code := runCLI(t, "", "extract", articles)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := extractOutput(t, out)
	if len(lines) < 2 || len(lines[0].Entities) < 2 {
		t.Skip("the recognizer finds too little for this test")
	}
	renamed := lines[0].Entities[0].Entity
	dropped := ""
	for _, e := range lines[0].Entities {
		if e.Entity != renamed {
			dropped = e.Entity
			break
		}
	}
	if dropped == "" {
		t.Skip("the recognizer finds one entity only")
	}
	rules := filepath.Join(t.TempDir(), "aliases.csv")
	content := "# test rules\n\"" + renamed + "\",rename,Zzyzx Test Entity\n\"" + dropped + "\",drop\n"
	if err := os.WriteFile(rules, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = runCLI(t, "", "extract", "--aliases", rules, articles)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	seenRenamed := false
	for _, l := range extractOutput(t, out) {
		for _, e := range l.Entities {
			switch e.Entity {
			case renamed:
				t.Errorf("%s: %q still resolves to %q", l.Doc, e.Text, renamed)
			case dropped:
				t.Errorf("%s: %q of dropped %q still there", l.Doc, e.Text, dropped)
			case "Zzyzx Test Entity":
				seenRenamed = true
			}
		}
	}
	if !seenRenamed {
		t.Error("no mention resolves to the renamed entity")
	}
	dot, errOut, code := runCLI(t, "", "build", "--aliases", rules, articles)
	if code != 0 {
		t.Fatalf("build: exit %d: %s", code, errOut)
	}
	nodes := buildNodes(t, dot)
	if tip, ok := nodes["Zzyzx Test Entity"]; !ok || !strings.HasPrefix(tip, `Zzyzx Test Entity (`) {
		t.Errorf("renamed node missing or tooltip %q", tip)
	}
	if _, ok := nodes[dropped]; ok {
		t.Errorf("dropped %q is still a node", dropped)
	}
}

func TestAliasesUsageErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "aliases.csv")
	if err := os.WriteFile(bad, []byte("# rules\nA,merge,B\n\nC,type,ORG\n\n\nX,foo,Y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"extract", "build"} {
		for _, tt := range []struct{ file, want string }{
			{bad, "entigraph: --aliases: " + bad + `:7: unknown action "foo" (want merge, rename, type or drop)` + "\n"},
			{filepath.Join(dir, "missing.csv"), "entigraph: --aliases: open " + filepath.Join(dir, "missing.csv") + ": no such file or directory\n"},
		} {
			out, errOut, code := runCLI(t, "", cmd, "--aliases", tt.file, articles)
			if code != exitUsage || out != "" || errOut != tt.want {
				t.Errorf("%s --aliases %s: exit %d, stdout %q, stderr %q; want exit %d and %q", cmd, tt.file, code, out, errOut, exitUsage, tt.want)
			}
		}
	}
}
