package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/entigraph/entigraph/input"
)

// runOutputs are the files a run writes, checked before it reads
// anything: an output must not be one of the inputs, its directory must
// exist, and the run's own outputs found while walking an input
// directory are skipped rather than read back.
type runOutputs []string

// outputsOf lists the files written for -o output (both CSV files of a
// directory for csv) and the --errors file.
func outputsOf(output, format, errorsFile string) runOutputs {
	var out runOutputs
	switch {
	case output == "" || output == "-":
	case format == "csv":
		out = append(out, filepath.Join(output, "nodes.csv"), filepath.Join(output, "edges.csv"))
	default:
		out = append(out, output)
	}
	if errorsFile != "" && errorsFile != "-" {
		out = append(out, errorsFile)
	}
	return out
}

// check refuses outputs that would replace an input named on the command
// line, or that go into a directory that does not exist, and returns the
// expanded inputs without the run's own outputs (found by walking a
// directory that holds them), saying on stderr which it skipped.
func (o runOutputs) check(args []string, inputs []input.Input, stderr io.Writer) ([]input.Input, error) {
	for _, path := range o {
		dir := filepath.Dir(strings.ReplaceAll(path, periodPlaceholder, "x"))
		if strings.HasSuffix(path, "nodes.csv") || strings.HasSuffix(path, "edges.csv") {
			dir = filepath.Dir(dir) // csv's -o DIR is made; its parent must exist
		}
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return nil, usageErrorf("%s: directory %s does not exist", path, dir)
		}
		for _, arg := range args {
			if sameFile(path, arg) {
				return nil, usageErrorf("%s is one of the inputs; refusing to overwrite it (choose another -o)", path)
			}
		}
	}
	kept := inputs[:0:0]
	for _, in := range inputs {
		if in.Err == nil && in.Path != input.StdinPath && o.holds(in.Path) {
			if !looksOurs(in.Path) {
				return nil, usageErrorf("%s is one of the inputs; refusing to overwrite it (choose another -o or --errors)", in.Path)
			}
			fmt.Fprintf(stderr, "entigraph: %s: skipped: this run writes it\n", in.Path)
			continue
		}
		kept = append(kept, in)
	}
	return kept, nil
}

// ourPrefixes start the files entigraph writes in formats it also reads:
// extract's JSON Lines, the --errors file, and the CSV pair.
var ourPrefixes = []string{`{"doc":`, `{"input":`, "id,label,", "source,target,"}

// looksOurs reports whether path is empty or starts as a file entigraph
// writes: an output of an earlier run, found again by walking a corpus
// directory, which is skipped rather than read back. Anything else is an
// article, which an output must never replace.
func looksOurs(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 64)
	n, _ := io.ReadFull(f, head)
	if n == 0 {
		return true
	}
	for _, p := range ourPrefixes {
		if strings.HasPrefix(string(head[:n]), p) {
			return true
		}
	}
	return false
}

// holds reports whether path is one of the outputs.
func (o runOutputs) holds(path string) bool {
	for _, out := range o {
		if sameFile(out, path) {
			return true
		}
	}
	return false
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false
	}
	return os.SameFile(ia, ib)
}

// writeCSVPair writes DIR/nodes.csv and DIR/edges.csv together: both are
// written in full to temporary files first and renamed into place only
// when both succeeded, so a full disk or an interruption leaves the old
// pair, never a new file beside an old one.
func writeCSVPair(dir string, write func(nodes, edges io.Writer) error) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var tmps [2]*os.File
	defer func() {
		for _, f := range tmps {
			if f != nil {
				f.Close()
				os.Remove(f.Name())
			}
		}
	}()
	for i, name := range []string{"nodes.csv", "edges.csv"} {
		f, err := os.CreateTemp(dir, "."+name+".tmp-*")
		if err != nil {
			return fmt.Errorf("%s: %w", dir, err)
		}
		tmps[i] = f
	}
	nodes, edges := bufio.NewWriter(tmps[0]), bufio.NewWriter(tmps[1])
	if err := write(nodes, edges); err != nil {
		return err
	}
	for i, w := range []*bufio.Writer{nodes, edges} {
		if err := errors.Join(w.Flush(), tmps[i].Chmod(0o644), tmps[i].Sync(), tmps[i].Close()); err != nil {
			return fmt.Errorf("%s: %w", tmps[i].Name(), err)
		}
	}
	for i, name := range []string{"nodes.csv", "edges.csv"} {
		if err := os.Rename(tmps[i].Name(), filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("%s: %w", dir, err)
		}
		tmps[i] = nil
	}
	return nil
}
