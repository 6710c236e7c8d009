package corpus

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestDeterministic(t *testing.T) {
	var a, b, c bytes.Buffer
	if err := WriteJSONL(&a, Options{Docs: 50, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	WriteJSONL(&b, Options{Docs: 50, Seed: 7})
	WriteJSONL(&c, Options{Docs: 50, Seed: 8})
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("same seed gave different corpora")
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("different seeds gave the same corpus")
	}
}

func TestShape(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, Options{Docs: 400}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 400 {
		t.Fatalf("%d lines, want 400", len(lines))
	}
	minLen, maxLen, ids := 1<<30, 0, map[string]bool{}
	for _, l := range lines {
		var a Article
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		if ids[a.ID] {
			t.Fatalf("duplicate id %s", a.ID)
		}
		ids[a.ID] = true
		minLen, maxLen = min(minLen, len(a.Text)), max(maxLen, len(a.Text))
	}
	if minLen > 400 || maxLen < 2000 {
		t.Errorf("article lengths %d..%d bytes: want a wide spread", minLen, maxLen)
	}
}
