package main

import (
	"context"
	"encoding/json"
	"io"

	"github.com/entigraph/entigraph/input"
	"github.com/entigraph/entigraph/nlp"
)

// extractLine is one line of extract's JSON Lines output.
type extractLine struct {
	Doc      string          `json:"doc"`
	Entities []extractEntity `json:"entities"`
}

type extractEntity struct {
	Text     string `json:"text"`
	Type     string `json:"type"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence int    `json:"sentence"`
}

func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var flags commonFlags
	fs := newFlagSet("extract", extractUsage, stderr)
	flags.register(fs)
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	types, err := flags.parseTypes()
	if err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageErrorf("extract: no PATH given (use - for stdin)")
	}
	keep := map[nlp.Type]bool{}
	for _, t := range types {
		keep[t] = true
	}
	var pipe nlp.Pipeline
	var total, failed int
	err = writeOutput(flags.output, stdout, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		var err error
		total, failed, err = processInputs(ctx, fs.Args(), stdin, stderr,
			input.Options{MaxDocBytes: flags.maxDocBytes}, flags.jobs, &pipe,
			func(a analysed) error {
				line := extractLine{Doc: a.id, Entities: []extractEntity{}}
				for _, m := range a.doc.Mentions {
					if keep[m.Type] {
						line.Entities = append(line.Entities, extractEntity{
							Text: m.Text, Type: string(m.Type), Start: m.Start, End: m.End, Sentence: m.Sentence,
						})
					}
				}
				return enc.Encode(line)
			})
		return err
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return &inputsFailed{failed: failed, total: total}
	}
	return nil
}
