package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/entigraph/entigraph/nlp"
	"github.com/entigraph/entigraph/nlp/nereval"
)

// TestEvalAgreesWithNerscore checks that `entigraph eval` scores exactly as
// ../shared/tools/nerscore.py does: the documents eval rebuilds are the
// ones conll2docs.py writes, byte for byte, with the same gold spans, and
// nerscore.py, fed eval's predicted byte spans, prints the same F1.
func TestEvalAgreesWithNerscore(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared")
	conll := filepath.Join(shared, "data", "uner-en-pud-wiki", "test.conll")
	if _, err := os.Stat(conll); err != nil {
		t.Skip("../shared data not present")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not installed")
	}
	dir := t.TempDir()
	out, err := exec.Command("python3", filepath.Join(shared, "tools", "conll2docs.py"), conll, dir).CombinedOutput()
	if err != nil {
		t.Fatalf("conll2docs.py: %v\n%s", err, out)
	}
	docs, err := readCoNLLFile(conll)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := nlp.DefaultRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	type span struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Type  string `json:"type"`
	}
	type line struct {
		Doc      string `json:"doc"`
		Entities []span `json:"entities"`
	}
	goldLines := map[string][]span{}
	gb, err := os.ReadFile(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range bytes.Split(bytes.TrimSpace(gb), []byte("\n")) {
		var g line
		if err := json.Unmarshal(l, &g); err != nil {
			t.Fatal(err)
		}
		goldLines[g.Doc] = g.Entities
	}
	var pred bytes.Buffer
	for i, d := range docs {
		name := fmt.Sprintf("%04d.txt", i)
		doc, gold := nereval.GoldDocument(d)
		text, err := os.ReadFile(filepath.Join(dir, "docs", name))
		if err != nil {
			t.Fatal(err)
		}
		if string(text) != doc.Text {
			t.Fatalf("%s: eval's text differs from conll2docs.py's", name)
		}
		var gs []span
		for _, g := range gold {
			gs = append(gs, span{g.Start, g.End, map[string]string{"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}[g.Type]})
		}
		if diff := cmp.Diff(goldLines[name], gs, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("%s: gold spans differ (-conll2docs +eval):\n%s", name, diff)
		}
		l := line{Doc: name, Entities: []span{}}
		for _, m := range rec.Recognize(doc) {
			l.Entities = append(l.Entities, span{m.Start, m.End, string(m.Type)})
		}
		b, _ := json.Marshal(l)
		pred.Write(append(b, '\n'))
	}
	predPath := filepath.Join(dir, "pred.jsonl")
	if err := os.WriteFile(predPath, pred.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	want := nerscoreF1(t, shared, filepath.Join(dir, "gold.jsonl"), predPath)
	if micro := evalMicroF1(t, conll); micro != want {
		t.Errorf("eval micro F1 %s, nerscore.py F1 %s", micro, want)
	}
}

// nerscoreF1 runs ../shared/tools/nerscore.py and returns the micro F1 it
// prints.
func nerscoreF1(t *testing.T, shared, gold, pred string) string {
	t.Helper()
	out, err := exec.Command("python3", filepath.Join(shared, "tools", "nerscore.py"), gold, pred).CombinedOutput()
	if err != nil {
		t.Fatalf("nerscore.py: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`(?m)^F1=([0-9.]+)`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("nerscore.py printed no F1:\n%s", out)
	}
	return m[1]
}

// evalMicroF1 runs `entigraph eval FILE` and returns its micro F1.
func evalMicroF1(t *testing.T, conll string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := runEval([]string{conll}, &stdout, &stderr); err != nil {
		t.Fatalf("eval: %v\n%s", err, stderr.String())
	}
	m := regexp.MustCompile(`(?m)^micro\s+\S+\s+\S+\s+(\S+)`).FindStringSubmatch(stdout.String())
	if m == nil {
		t.Fatalf("eval printed no micro row:\n%s", stdout.String())
	}
	return m[1]
}

func TestEvalUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no file", nil, "want exactly one FILE.conll"},
		{"two files", []string{"a", "b"}, "want exactly one FILE.conll"},
		{"unknown recognizer", []string{"--ner", "spacy", "a.conll"}, "unknown recognizer"},
		{"unknown flag", []string{"--bogus", "a.conll"}, "unknown flag"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := runEval(tc.args, &stdout, &stderr)
			var ue *usageError
			if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.As(err, &ue) {
				t.Errorf("runEval(%q) = %v, want usage error containing %q", tc.args, err, tc.want)
			}
		})
	}
}

func TestTrainUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"nothing", nil, "--train, --dev and -o are required"},
		{"no output", []string{"--train", "a", "--dev", "b"}, "--train, --dev and -o are required"},
		{"bad epochs", []string{"--train", "a", "--dev", "b", "-o", "d", "--epochs", "0"}, "--epochs"},
		{"extra argument", []string{"x"}, "unexpected argument"},
		{"extra weight above 1", []string{"--train", "a", "--dev", "b", "-o", "d", "--extra", "c.json:1.5"}, "weight must be in (0, 1]"},
		{"extra weight 0", []string{"--train", "a", "--dev", "b", "-o", "d", "--extra", "c.json:0"}, "weight must be in (0, 1]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := runTrain(tc.args, &stdout, &stderr)
			var ue *usageError
			if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.As(err, &ue) {
				t.Errorf("runTrain(%q) = %v, want usage error containing %q", tc.args, err, tc.want)
			}
		})
	}
}

func TestSplitExtraWeight(t *testing.T) {
	tests := []struct {
		name, arg, path string
		weight          float64
	}{
		{"no weight", "a/b.json", "a/b.json", 0.3},
		{"weight", "a/b.json:0.5", "a/b.json", 0.5},
		{"full weight", "b.iob2:1", "b.iob2", 1},
		{"colon in the name", "c:/data/x.txt", "c:/data/x.txt", 0.3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path, w, err := splitExtraWeight(tc.arg, 0.3)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]any{tc.path, tc.weight}, []any{path, w}); diff != "" {
				t.Errorf("splitExtraWeight(%q) (-want +got):\n%s", tc.arg, diff)
			}
		})
	}
}

// TestExtractAgreesWithEval scores `entigraph extract` itself, as the
// project is judged: conll2docs.py turns CoNLL-2003 dev into text files,
// extract reads them with its own segmentation and tokenization, and
// nerscore.py scores the byte spans. That F1 must match eval's (which
// scores the recognizer on the gold tokens) to within 0.01: the gap is
// only what our tokenizer splits differently from CoNLL's.
func TestExtractAgreesWithEval(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared")
	conll := filepath.Join(shared, "data", "conll2003", "dev.txt")
	if _, err := os.Stat(conll); err != nil {
		t.Skip("../shared/data/conll2003 not present: skipping the extract-vs-nerscore check")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not installed: skipping the extract-vs-nerscore check")
	}
	dir := t.TempDir()
	if out, err := exec.Command("python3", filepath.Join(shared, "tools", "conll2docs.py"), conll, dir).CombinedOutput(); err != nil {
		t.Fatalf("conll2docs.py: %v\n%s", err, out)
	}
	pred, stderr, code := runCLI(t, "", "extract", filepath.Join(dir, "docs"), "-q")
	if code != 0 {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	predPath := filepath.Join(dir, "pred.jsonl")
	if err := os.WriteFile(predPath, []byte(pred), 0o644); err != nil {
		t.Fatal(err)
	}
	var extractF1, evalF1 float64
	fmt.Sscan(nerscoreF1(t, shared, filepath.Join(dir, "gold.jsonl"), predPath), &extractF1)
	fmt.Sscan(evalMicroF1(t, conll), &evalF1)
	t.Logf("CoNLL-2003 dev micro F1: extract+nerscore.py %.4f, eval %.4f", extractF1, evalF1)
	if d := extractF1 - evalF1; d > 0.01 || d < -0.01 {
		t.Errorf("extract+nerscore.py F1 %.4f and eval F1 %.4f differ by more than 0.01", extractF1, evalF1)
	}
	if extractF1 < 0.92 {
		t.Errorf("extract scores micro F1 %.4f on CoNLL-2003 dev, below the 0.92 target", extractF1)
	}
}
