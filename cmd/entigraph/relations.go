package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/entigraph/entigraph/nlp"
	"github.com/entigraph/entigraph/nlp/rel"
)

const trainRelationsUsage = `Usage: entigraph train --relations --train FILE.json --dev FILE.json -o DIR [flags]

Trains the relation extractor (works_for, based_in, located_in, lives_in,
killed; met is rule-based) on CoNLL04 token JSON, with the pattern sentences
written for the project, and writes DIR/` + rel.ModelFile + `; the model
embedded in the binary is nlp/rel/model/` + rel.ModelFile + `. Training is
deterministic for a given seed.

Example:
  entigraph train --relations --train ../shared/data/conll04/conll04_train.json \
      --dev ../shared/data/conll04/conll04_dev.json -o nlp/rel/model

Flags:
`

func runTrainRelations(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("train", trainRelationsUsage, stderr)
	var (
		trainPath, devPath, outDir string
		opts                       rel.TrainOptions
	)
	fs.Bool("relations", true, "train the relation extractor")
	fs.StringVar(&trainPath, "train", "", "training data, CoNLL04 token JSON (required)")
	fs.StringVar(&devPath, "dev", "", "development data, CoNLL04 token JSON (required)")
	fs.StringVarP(&outDir, "output", "o", "", "directory to write "+rel.ModelFile+" into (required)")
	fs.IntVar(&opts.Epochs, "epochs", 0, "epochs (0: the default)")
	fs.Uint64Var(&opts.Seed, "seed", 0, "random seed (0: the default, 1)")
	fs.IntVar(&opts.Runs, "runs", 0, "perceptrons averaged (0: the default)")
	var recognized, cv bool
	fs.BoolVar(&cv, "cv", false, "first report a 5-fold cross-validation of the classifier on --train (gold mentions)")
	fs.BoolVar(&recognized, "recognized", false, "also learn from the recognizer's mentions of the training texts, and choose the score temperature and threshold by cross-validation on them (not on --dev)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 || trainPath == "" || devPath == "" || outDir == "" {
		return usageErrorf("train --relations: --train, --dev and -o are required, and nothing else")
	}
	train, err := rel.ReadCoNLL04File(trainPath)
	if err != nil {
		return err
	}
	dev, err := rel.ReadCoNLL04File(devPath)
	if err != nil {
		return err
	}
	if recognized {
		// Learn from, and calibrate on, what the recognizer finds in the
		// training texts, as the model meets it at run time.
		p := nlp.Pipeline{}
		opts.Recognize = p.Process
	}
	if cv {
		sc, err := rel.CrossValidate(train, opts)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "== %d-fold cross-validation on --train, gold mentions\n", max(opts.Folds, 5))
		if err := sc.Report(stdout); err != nil {
			return err
		}
	}
	m, err := rel.Train(train, dev, opts, stdout)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(outDir, rel.ModelFile)
	if err := writeOutput(path, nil, m.Save); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", path)
	return nil
}

const evalRelationsUsage = `Usage: entigraph eval --relations [--model FILE] FILE.json

Scores the relation extractor on CoNLL04 token JSON: end to end (the text
goes through the recognizer, then the extractor) and on the gold mentions,
each strict (both arguments' spans and types, and the relation type) and on
boundaries (spans only), as ../shared/tools/relscore.py scores extract's
output.

Example:
  entigraph eval --relations ../shared/data/conll04/conll04_dev.json

Flags:
`

func runEvalRelations(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval", evalRelationsUsage, stderr)
	fs.Bool("relations", true, "score the relation extractor")
	modelPath := fs.String("model", "", "a model written by train --relations (default: the embedded one)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageErrorf("eval --relations: want exactly one FILE.json, got %d arguments", fs.NArg())
	}
	gold, err := rel.ReadCoNLL04File(fs.Arg(0))
	if err != nil {
		return err
	}
	m, err := loadRelationModel(*modelPath)
	if err != nil {
		return err
	}
	p := nlp.Pipeline{Relations: m}
	for _, goldMentions := range []bool{false, true} {
		strict, bounds, err := rel.Evaluate(gold, m, p.Process, rel.EvalOptions{GoldMentions: goldMentions})
		if err != nil {
			return err
		}
		what := "end to end (recognized mentions)"
		if goldMentions {
			what = "on the gold mentions"
		}
		fmt.Fprintf(stdout, "== %s, strict\n", what)
		if err := strict.Report(stdout); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "== %s, boundaries\n", what)
		if err := bounds.Report(stdout); err != nil {
			return err
		}
	}
	return nil
}

func loadRelationModel(path string) (*rel.Model, error) {
	if path == "" {
		return rel.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := rel.Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
