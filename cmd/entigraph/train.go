package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/entigraph/entigraph/nlp/ner"
)

const trainUsage = `Usage: entigraph train --train FILE --dev FILE -o DIR [flags]

Trains the named-entity recognizer (PER, ORG, LOC; MISC is treated as O)
on a CoNLL file and selects each stage's epoch by micro F1 on the dev file,
printing dev F1 per epoch. Training is deterministic for a given seed.
Writes DIR/` + ner.ModelFile + `; the model embedded in the binary is
nlp/ner/model/` + ner.ModelFile + `.

Extra training data (--extra, repeatable) may be CoNLL, Universal NER
IOB2 (.iob2) or span JSON (.json, CoNLL04's layout); its updates count
--extra-weight times those of --train; FILE:WEIGHT gives one file its
own weight (--extra conll04_train.json:0.5).

Example:
  entigraph train --train ../shared/data/conll2003/train.txt \
      --dev ../shared/data/conll2003/dev.txt -o nlp/ner/model

Flags:
`

func runTrain(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("train", trainUsage, stderr)
	var (
		trainPath, devPath, outDir string
		extraPaths                 []string
		opts                       ner.TrainOptions
	)
	fs.StringVar(&trainPath, "train", "", "training data, CoNLL format (required)")
	fs.StringVar(&devPath, "dev", "", "development data for epoch selection, CoNLL format (required)")
	fs.StringVarP(&outDir, "output", "o", "", "directory to write "+ner.ModelFile+" into (required)")
	fs.IntVar(&opts.Epochs, "epochs", 20, "training epochs per stage")
	fs.Uint64Var(&opts.Seed, "seed", 1, "random seed (shuffling, case augmentation)")
	fs.IntVar(&opts.Folds, "folds", 4, "jackknife folds for the document-level second pass (-1: single pass)")
	fs.IntVar(&opts.MinCount, "min-count", 1, "drop features seen fewer times in training")
	fs.StringArrayVar(&extraPaths, "extra", nil, "more training data, CoNLL format, weighted by --extra-weight (repeatable)")
	fs.Float64Var(&opts.ExtraWeight, "extra-weight", 0.5, "weight of the --extra documents' updates, in (0, 1]")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return usageErrorf("train: unexpected argument %q", fs.Arg(0))
	case trainPath == "" || devPath == "" || outDir == "":
		return usageErrorf("train: --train, --dev and -o are required")
	case opts.Epochs < 1:
		return usageErrorf("train: --epochs must be at least 1")
	case opts.Seed == 0:
		return usageErrorf("train: --seed must not be 0")
	case opts.ExtraWeight <= 0 || opts.ExtraWeight > 1:
		return usageErrorf("train: --extra-weight must be in (0, 1]")
	}
	extraFiles := make([]string, len(extraPaths))
	extraWeights := make([]float64, len(extraPaths))
	for i, arg := range extraPaths {
		var err error
		if extraFiles[i], extraWeights[i], err = splitExtraWeight(arg, opts.ExtraWeight); err != nil {
			return err
		}
	}
	train, err := readCoNLLFile(trainPath)
	if err != nil {
		return err
	}
	dev, err := readCoNLLFile(devPath)
	if err != nil {
		return err
	}
	for i, p := range extraFiles {
		docs, err := readTrainingFile(p)
		if err != nil {
			return err
		}
		opts.Extra = append(opts.Extra, docs...)
		for range docs {
			opts.ExtraWeights = append(opts.ExtraWeights, extraWeights[i])
		}
	}
	start := time.Now()
	m, err := ner.Train(train, dev, opts, stdout)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(outDir, ner.ModelFile)
	tmp, err := os.CreateTemp(outDir, ".ner-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := m.Save(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%.1f MB) in %.0fs\n", path, float64(st.Size())/1e6, time.Since(start).Seconds())
	return nil
}

// readCoNLLFile reads a CoNLL file, naming it in errors.
func readCoNLLFile(path string) ([]ner.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return docs, nil
}

// readTrainingFile reads CoNLL or Universal NER IOB2 files, or span JSON
// (CoNLL04's layout) when the name ends in .json.
func readTrainingFile(path string) ([]ner.Document, error) {
	if !strings.HasSuffix(path, ".json") {
		return readCoNLLFile(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := ner.ReadSpanJSON(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return docs, nil
}

// splitExtraWeight splits an --extra argument FILE[:WEIGHT]; a suffix that
// is not a number is part of the file name.
func splitExtraWeight(arg string, def float64) (string, float64, error) {
	i := strings.LastIndexByte(arg, ':')
	if i < 0 {
		return arg, def, nil
	}
	w, err := strconv.ParseFloat(arg[i+1:], 64)
	if err != nil {
		return arg, def, nil
	}
	if w <= 0 || w > 1 {
		return "", 0, usageErrorf("train: --extra %s: weight must be in (0, 1]", arg)
	}
	return arg[:i], w, nil
}
