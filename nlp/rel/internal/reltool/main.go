// Command reltool trains the relation model and runs it end to end on a
// directory of text files, until the entigraph CLI has train and extract
// subcommands for relations.
//
//	go run ./nlp/rel/internal/reltool train -o nlp/rel/model \
//	    ../shared/data/conll04/conll04_train.json ../shared/data/conll04/conll04_dev.json
//	go run ./nlp/rel/internal/reltool extract ../shared/data/conll04/dev/docs > /tmp/pred.jsonl
//	python3 ../shared/tools/relscore.py ../shared/data/conll04/dev/gold.jsonl /tmp/pred.jsonl
//	go run ./nlp/rel/internal/reltool eval ../shared/data/conll04/conll04_dev.json
//	go run ./nlp/rel/internal/reltool show FILE.txt...
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/nlp"
	"github.com/entigraph/entigraph/nlp/rel"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "reltool:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: reltool train|extract ...")
	}
	switch args[0] {
	case "train":
		return train(args[1:])
	case "extract":
		return extract(args[1:])
	case "show":
		return show(args[1:])
	case "eval":
		return eval(args[1:])
	}
	return fmt.Errorf("unknown command %q", args[0])
}

func train(args []string) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	out := fs.String("o", "", "directory to write "+rel.ModelFile+" into")
	epochs := fs.Int("epochs", 0, "epochs (0: default)")
	seed := fs.Uint64("seed", 0, "seed (0: default)")
	runs := fs.Int("runs", 0, "perceptrons averaged (0: default)")
	recognized := fs.Bool("recognized", false, "also train on the recognizer's mentions of the training texts")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 2 || *out == "" {
		return fmt.Errorf("usage: reltool train -o DIR TRAIN.json DEV.json")
	}
	tr, err := rel.ReadCoNLL04File(fs.Arg(0))
	if err != nil {
		return err
	}
	dev, err := rel.ReadCoNLL04File(fs.Arg(1))
	if err != nil {
		return err
	}
	if *recognized {
		if tr, err = withRecognized(tr); err != nil {
			return err
		}
	}
	m, err := rel.Train(tr, dev, rel.TrainOptions{Epochs: *epochs, Seed: *seed, Runs: *runs}, os.Stderr)
	if err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(*out, rel.ModelFile))
	if err != nil {
		return err
	}
	if err := m.Save(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func extract(args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: reltool extract DIR")
	}
	m, err := rel.Default()
	if err != nil {
		return err
	}
	p := nlp.Pipeline{Relations: m}
	names, err := filepath.Glob(filepath.Join(args[0], "*.txt"))
	if err != nil {
		return err
	}
	sort.Strings(names)
	w := bufio.NewWriter(os.Stdout)
	for _, n := range names {
		text, err := os.ReadFile(n)
		if err != nil {
			return err
		}
		doc, err := p.Process(string(text))
		if err != nil {
			return fmt.Errorf("%s: %w", n, err)
		}
		doc.ID = filepath.Base(n)
		line, err := rel.MarshalLine(doc)
		if err != nil {
			return err
		}
		w.Write(line)
		w.WriteByte('\n')
	}
	return w.Flush()
}

// withRecognized adds to docs their analyses by the default pipeline, with
// the gold relations projected onto the recognized mentions.
func withRecognized(docs []*annot.Document) ([]*annot.Document, error) {
	var p nlp.Pipeline
	out := append([]*annot.Document(nil), docs...)
	for _, d := range docs {
		pd, err := p.Process(d.Text)
		if err != nil {
			return nil, err
		}
		out = append(out, rel.Project(d, pd))
	}
	return out, nil
}

// show prints the relations found in each file, one a line, readably.
func show(args []string) error {
	m, err := rel.Default()
	if err != nil {
		return err
	}
	p := nlp.Pipeline{Relations: m}
	for _, n := range args {
		text, err := os.ReadFile(n)
		if err != nil {
			return err
		}
		doc, err := p.Process(string(text))
		if err != nil {
			return fmt.Errorf("%s: %w", n, err)
		}
		for _, m := range doc.Mentions {
			fmt.Printf("%s\t%d %s %q\n", n, m.Sentence, m.Type, m.Text)
		}
		for _, r := range doc.Relations {
			h, t := doc.Mentions[r.Head], doc.Mentions[r.Tail]
			fmt.Printf("%s\t%s(%s %s -> %s %s)\t%.2f\t%q\n", n, r.Type, h.Text, h.Type, t.Text, t.Type, r.Score, r.Trigger)
		}
	}
	return nil
}

// eval scores the embedded model on a CoNLL04 token-JSON split, end to end
// and on the gold mentions.
func eval(args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: reltool eval DEV.json")
	}
	gold, err := rel.ReadCoNLL04File(args[0])
	if err != nil {
		return err
	}
	m, err := rel.Default()
	if err != nil {
		return err
	}
	p := nlp.Pipeline{Relations: m}
	for _, gm := range []bool{false, true} {
		strict, bounds, err := rel.Evaluate(gold, m, p.Process, rel.EvalOptions{GoldMentions: gm})
		if err != nil {
			return err
		}
		fmt.Printf("== gold mentions: %v, strict\n", gm)
		strict.Report(os.Stdout)
		fmt.Printf("== gold mentions: %v, boundaries\n", gm)
		bounds.Report(os.Stdout)
	}
	return nil
}
