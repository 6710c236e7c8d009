package main

import (
	"fmt"
	"io"

	"github.com/entigraph/entigraph/nlp"
	"github.com/entigraph/entigraph/nlp/nereval"
	"github.com/entigraph/entigraph/nlp/prosener"
)

const evalUsage = `Usage: entigraph eval [--ner entigraph|prose] FILE.conll

Scores a recognizer on a CoNLL file (token first, tag last; IOB1 or IOB2;
MISC and other types count as O) and prints entity-level exact-match
precision, recall and F1 per type and micro-averaged over PER, ORG and LOC,
with conlleval semantics. Each document is rebuilt as text (tokens joined
by single spaces, one sentence per line), the recognizer runs on the gold
tokens, and predicted spans are compared with gold spans by token
boundaries, exactly as ../shared/tools/nerscore.py compares byte offsets.

Example:
  entigraph eval ../shared/data/conll2003/dev.txt
  entigraph eval --ner prose ../shared/data/uner-en-pud-wiki/test.conll

Flags:
`

func runEval(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval", evalUsage, stderr)
	recName := fs.String("ner", "entigraph", "recognizer to score: entigraph (the embedded model) or prose (baseline)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageErrorf("eval: want exactly one FILE.conll, got %d arguments", fs.NArg())
	}
	var (
		rec nlp.Recognizer
		err error
	)
	switch *recName {
	case "entigraph", "own", "default":
		rec, err = nlp.DefaultRecognizer()
	case "prose":
		rec, err = prosener.New()
	default:
		return usageErrorf("eval: --ner: unknown recognizer %q (want entigraph or prose)", *recName)
	}
	if err != nil {
		return err
	}
	docs, err := readCoNLLFile(fs.Arg(0))
	if err != nil {
		return err
	}
	sc, ntok, elapsed := nereval.Evaluate(rec, docs)
	fmt.Fprintf(stdout, "%s: %d documents, %d tokens, recognizer %s (%.0f tokens/s)\n",
		fs.Arg(0), len(docs), ntok, *recName, float64(ntok)/elapsed.Seconds())
	return sc.Report(stdout)
}
