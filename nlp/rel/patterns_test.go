package rel

import (
	"os"
	"testing"
)

// TestPatternsCheck scores the classifier, on gold mentions, on
// testdata/patterns_check.txt: sentences of the construction classes of
// data/patterns.txt written separately and never trained on. Run with -v
// for the figures and the misses.
func TestPatternsCheck(t *testing.T) {
	f, err := os.Open("testdata/patterns_check.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadBracketed(f)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sc := Scores{Strict: true}
	for _, d := range docs {
		pd := *d
		pd.Relations = m.Extract(&pd)
		sc.Add(d, &pd)
		for _, r := range pd.Relations {
			t.Logf("%s: %s(%s, %s) %.2f %q", d.ID, r.Type, d.Mentions[r.Head].Text, d.Mentions[r.Tail].Text, r.Score, r.Trigger)
		}
	}
	p, r, f1 := sc.Micro().PRF()
	t.Logf("patterns check: P=%.3f R=%.3f F1=%.3f", p, r, f1)
	if f1 < 0.6 {
		t.Errorf("F1 %.3f on the patterns check set, want at least 0.6", f1)
	}
}
