package main

import (
	"context"
	"encoding/json"
	"io"
	"strings"

	"github.com/entigraph/entigraph/graph"
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
	Entity   string `json:"entity"` // canonical name: the id of the graph node
}

// aliasesHelp is the --aliases flag's help, shared by extract and build.
const aliasesHelp = "entity resolution rules: a CSV (or TSV) file of lines name,action,arg where action is " +
	"merge CANONICAL, rename NEW, type PERSON|ORG|LOC or drop (no arg); # starts a comment"

// readAliases reads the --aliases file; a bad file is a usage error.
func readAliases(path string) (*graph.Aliases, error) {
	if path == "" {
		return nil, nil
	}
	al, err := graph.ReadAliasesFile(path)
	if err != nil {
		return nil, usageErrorf("--aliases: %v", err)
	}
	return al, nil
}

func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var flags commonFlags
	var aliasesPath string
	fs := newFlagSet("extract", extractUsage, stderr)
	flags.register(fs)
	fs.StringVar(&aliasesPath, "aliases", "", aliasesHelp)
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
	aliases, err := readAliases(aliasesPath)
	if err != nil {
		return err
	}
	keep := map[nlp.Type]bool{}
	for _, t := range types {
		keep[t] = true
	}
	run, err := newBatch(&flags, stdin, stderr)
	if err != nil {
		return err
	}
	err = writeOutput(flags.output, stdout, func(w io.Writer) error {
		// Entity names are known only once the whole corpus is resolved,
		// so the lines (mentions, not texts) wait until every input is in.
		b := graph.NewBuilder(graph.Options{Aliases: aliases})
		run.builder = b
		var lines []extractLine
		var keys [][]string // per line, the entity key of each entity
		err := run.run(ctx, fs.Args(), func(a analysed) error {
			mkeys, err := b.AddPrepared(a.prepared)
			if err != nil {
				return err
			}
			line := extractLine{Doc: a.in.ID, Entities: []extractEntity{}}
			// Every mention takes part in resolution; --types selects
			// by the mention's own type, and dropped names are left out.
			var lk []string
			for i, m := range a.doc.Mentions {
				if keep[m.Type] && mkeys[i] != "" {
					line.Entities = append(line.Entities, extractEntity{
						// A copy: the text would keep the whole document alive.
						Text: strings.Clone(m.Text), Type: string(m.Type), Start: m.Start, End: m.End, Sentence: m.Sentence,
					})
					lk = append(lk, mkeys[i])
				}
			}
			lines = append(lines, line)
			keys = append(keys, lk)
			return nil
		})
		if err != nil {
			return err
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for li, line := range lines {
			for i := range line.Entities {
				if line.Entities[i].Entity, err = b.EntityName(keys[li][i]); err != nil {
					return err
				}
			}
			if err := enc.Encode(line); err != nil {
				return err
			}
			lines[li] = extractLine{} // let the encoded line go
		}
		return nil
	})
	if err != nil {
		return err
	}
	return run.finish(stdout, -1, -1)
}
