package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/graph"
	"github.com/entigraph/entigraph/nlp/rel"
	"github.com/entigraph/entigraph/resolve"
)

// extractLine is one line of extract's JSON Lines output.
type extractLine struct {
	Doc       string             `json:"doc"`
	Text      *string            `json:"text,omitempty"` // with --text
	Entities  []extractEntity    `json:"entities"`
	Relations []rel.LineRelation `json:"relations"` // Head and Tail index Entities
}

type extractEntity struct {
	Text     string `json:"text"`
	Type     string `json:"type"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence int    `json:"sentence"`
	Entity   string `json:"entity"` // canonical name: the id of the graph node
	// Credit is set on a sign-off, credit, byline or dateline source,
	// which joins no edge.
	Credit bool `json:"credit,omitempty"`
}

// aliasesHelp is the --aliases flag's help, shared by extract and build.
const aliasesHelp = "entity resolution rules: a CSV (or TSV) file of lines name,action,arg where action is " +
	"merge CANONICAL, rename NEW, type PERSON|ORG|LOC or drop (no arg); # starts a comment"

// readAliases reads the --aliases file; a bad file is a usage error.
func readAliases(path string) (*resolve.Aliases, error) {
	if path == "" {
		return nil, nil
	}
	al, err := resolve.ReadAliasesFile(path)
	if err != nil {
		return nil, usageErrorf("--aliases: %v", err)
	}
	return al, nil
}

func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var flags commonFlags
	var aliasesPath string
	var withText bool
	fs := newFlagSet("extract", extractUsage, stderr)
	flags.register(fs)
	fs.StringVar(&aliasesPath, "aliases", "", aliasesHelp)
	fs.BoolVar(&withText, "text", false, `include each document's analysed text as "text", which the offsets index`)
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
	keep := map[annot.Type]bool{}
	for _, t := range types {
		keep[t] = true
	}
	cfg, inputs, rep, err := newRun(&flags, fs.Args(), outputsOf(flags.output, "jsonl", flags.errorsFile), stderr)
	if err != nil {
		return err
	}
	// extract prints a line for every document, copies included: only the
	// graph must not count an article twice.
	cfg.KeepDuplicates = true
	corpus := &entigraph.Corpus{Partial: graph.NewPartial(graph.Options{Aliases: aliases})}
	err = writeOutput(flags.output, stdout, func(w io.Writer) error {
		// Entity names are known only once the whole corpus is resolved,
		// so the lines (mentions, not texts unless --text) wait until
		// every input is in.
		var lines []extractLine
		var keys [][]string // per line, the entity key of each entity
		err := entigraph.Run(ctx, cfg, entigraph.Inputs(inputs, stdin, cfg.Input), corpus.Partial, func(r entigraph.Result) error {
			if err := corpus.Account(r, &cfg); err != nil || r.Doc == nil {
				return err
			}
			corpus.Partial.AddPrepared(r.Prepared)
			line, lk := newExtractLine(r, keep, withText)
			lines = append(lines, line)
			keys = append(keys, lk)
			return nil
		})
		if err != nil {
			return err
		}
		if corpus.Stats.Analysed == 0 {
			return errNothingAnalysed // keep whatever -o holds
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for li, line := range lines {
			for i := range line.Entities {
				line.Entities[i].Entity = corpus.Partial.EntityName(keys[li][i])
			}
			if err := enc.Encode(line); err != nil {
				return err
			}
			lines[li] = extractLine{} // let the encoded line go
		}
		return nil
	})
	if errors.Is(err, errNothingAnalysed) {
		return nothingAnalysed(rep.finish(corpus, stdout, -1, -1))
	}
	if err != nil {
		rep.prog.finish()
		return err
	}
	return rep.finish(corpus, stdout, -1, -1)
}

// newExtractLine makes the line of one analysed document and the entity
// key of each of its entities. Every mention takes part in resolution;
// keep selects by the mention's own type, and dropped names are left
// out, with the relations that involve them.
func newExtractLine(r entigraph.Result, keep map[annot.Type]bool, withText bool) (extractLine, []string) {
	doc, mkeys := r.Doc, r.Prepared.Keys()
	line := extractLine{Doc: r.Input.ID, Entities: []extractEntity{}, Relations: []rel.LineRelation{}}
	if withText {
		text := strings.Clone(doc.Text)
		line.Text = &text
	}
	var lk []string
	index := make([]int, len(doc.Mentions)) // mention -> entity of the line, or -1
	for i, m := range doc.Mentions {
		index[i] = -1
		if keep[m.Type] && mkeys[i] != "" {
			index[i] = len(line.Entities)
			line.Entities = append(line.Entities, extractEntity{
				// A copy: the text would keep the whole document alive.
				Text: strings.Clone(m.Text), Type: string(m.Type), Start: m.Start, End: m.End, Sentence: m.Sentence, Credit: m.Credit,
			})
			lk = append(lk, mkeys[i])
		}
	}
	for _, r := range doc.Relations {
		h, t := index[r.Head], index[r.Tail]
		if h < 0 || t < 0 {
			continue
		}
		line.Relations = append(line.Relations, rel.LineRelation{
			Type: string(r.Type), Head: h, Tail: t, Score: r.Score, Trigger: strings.Clone(r.Trigger), Sentence: r.Sentence,
		})
	}
	return line, lk
}
