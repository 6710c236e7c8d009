package main

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/input"
)

// commonFlags are the flags extract and build share.
type commonFlags struct {
	jobs           int
	types          string
	maxDocBytes    int64
	output         string
	inputFormat    string
	fields         [4]string // text, id, title, date
	progress       string
	quiet          bool
	failFast       bool
	errorsFile     string
	keepDuplicates bool
	since, until   string
	urlField       string
	noRelations    bool
	csvDelimiter   string
}

func (c *commonFlags) register(fs *pflag.FlagSet) {
	fs.IntVarP(&c.jobs, "jobs", "j", runtime.NumCPU(), "documents analysed in parallel, and CPUs used")
	fs.StringVar(&c.types, "types", "PERSON,ORG,LOC", "comma-separated entity types to keep")
	fs.StringVarP(&c.output, "output", "o", "", "write to this file (atomically) instead of stdout")
	fs.StringVar(&c.inputFormat, "input-format", "auto", "read every input as: auto (by extension), text, markdown, html, jsonl or csv")
	fs.StringVar(&c.fields[0], "text-field", "", "JSON Lines/CSV field holding the article text (default text, then content, body, ...)")
	fs.StringVar(&c.fields[1], "id-field", "", "field holding the document id (default id, then _id, uuid, url); else PATH:LINE")
	fs.StringVar(&c.fields[2], "title-field", "", `field holding the title (default title, then headline); "-" for none`)
	fs.StringVar(&c.fields[3], "date-field", "", "field holding the date (default date, then published, ...)")
	fs.StringVar(&c.urlField, "url-field", "", "field holding the article's URL (default url, then link, canonical_url, ...)")
	fs.StringVar(&c.csvDelimiter, "csv-delimiter", "auto", "CSV field separator: auto (detected from the header: , ; tab or |), tab, or one character")
	fs.Int64Var(&c.maxDocBytes, "max-doc-bytes", input.DefaultMaxDocBytes, "analyse at most this many bytes of one document (the rest is reported and skipped)")
	fs.StringVar(&c.progress, "progress", "auto", "progress display: auto (a bar when stderr is a terminal), always, never")
	fs.BoolVarP(&c.quiet, "quiet", "q", false, "print only errors: no progress and no summary")
	fs.BoolVar(&c.failFast, "fail-fast", false, "stop at the first input that fails, writing no output")
	fs.StringVar(&c.errorsFile, "errors", "", "also write every failure to this file as JSON Lines")
	fs.BoolVar(&c.noRelations, "no-relations", false, "do not extract relations (faster)")
	fs.StringVar(&c.since, "since", "", "keep only documents dated on or after this day (YYYY-MM-DD); undated ones are left out")
	fs.StringVar(&c.until, "until", "", "keep only documents dated on or before this day (YYYY-MM-DD); undated ones are left out")
	fs.BoolVar(&c.keepDuplicates, "keep-duplicates", false, "keep every copy of an article (by default copies count once: the same words in blocks of 8 words or more, whatever the white space, case, punctuation and short boilerplate around them)")
}

func (c *commonFlags) parseTypes() ([]annot.Type, error) {
	var out []annot.Type
	for _, s := range strings.Split(c.types, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		t, ok := annot.ParseType(strings.ToUpper(s))
		if !ok {
			return nil, usageErrorf("--types: unknown type %q (want PERSON, ORG, LOC)", s)
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil, usageErrorf("--types: no type given")
	}
	return out, nil
}

// inputOptions validates the reading flags.
func (c *commonFlags) inputOptions() (input.Options, error) {
	format, err := input.ParseFormat(c.inputFormat)
	if err != nil {
		return input.Options{}, usageErrorf("--input-format: %v", err)
	}
	if c.maxDocBytes <= 0 {
		return input.Options{}, usageErrorf("--max-doc-bytes must be positive")
	}
	if c.jobs < 1 {
		return input.Options{}, usageErrorf("-j must be at least 1")
	}
	switch c.progress {
	case "auto", "always", "never":
	default:
		return input.Options{}, usageErrorf("--progress: want auto, always or never, not %q", c.progress)
	}
	delim, err := input.ParseDelimiter(c.csvDelimiter)
	if err != nil {
		return input.Options{}, usageErrorf("--csv-delimiter: %v", err)
	}
	return input.Options{
		MaxDocBytes: c.maxDocBytes, Format: format, CSVDelimiter: delim,
		TextField: c.fields[0], IDField: c.fields[1], TitleField: c.fields[2], DateField: c.fields[3], URLField: c.urlField,
	}, nil
}

// newFlagSet returns a flag set that accepts flags before and after
// arguments and prints usage followed by the flag list.
func newFlagSet(name, usage string, stderr io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SetInterspersed(true)
	fs.SortFlags = false
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning pflag's errors into usage errors and
// --help into errHelp, with usage printed to stdout.
func parseFlags(fs *pflag.FlagSet, args []string, stdout io.Writer) error {
	out := fs.Output()
	fs.SetOutput(io.Discard) // pflag prints errors itself; we print them once
	err := fs.Parse(args)
	fs.SetOutput(out)
	if errors.Is(err, pflag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return errHelp
	}
	if err != nil {
		return usageErrorf("%s: %v (see entigraph %s --help)", fs.Name(), err, fs.Name())
	}
	return nil
}

// runReport prints a run's failures as they come, shows its progress, and
// writes the --errors file and the summary at the end.
type runReport struct {
	flags   *commonFlags
	stderr  io.Writer
	prog    *progress
	start   time.Time
	skipped []input.Skip
	// noted holds the notes said for a whole file, said once per file
	// rather than once per record.
	noted map[string]bool
	// fromStore is set when the documents were analysed by earlier runs
	// (build --db), so a rate of tokens per second would mean nothing.
	fromStore bool
}

// note prints how a document was read when it was not plainly, once per
// file and note for the records of a file.
func (r *runReport) note(doc input.Document, note string) {
	if r.flags.quiet {
		return
	}
	where := doc.Path
	if doc.Line > 0 && !fileNote(note) {
		where = fmt.Sprintf("%s:%d", doc.Path, doc.Line)
	}
	if r.noted == nil {
		r.noted = map[string]bool{}
	}
	if key := where + "\x00" + note; !r.noted[key] {
		r.noted[key] = true
		fmt.Fprintf(r.stderr, "entigraph: %s: note: %s\n", where, note)
	}
}

// fileNote reports whether a note is about a whole file (its encoding,
// its CSV delimiter) rather than one record.
func fileNote(note string) bool {
	return strings.HasPrefix(note, "decoded from") || strings.HasPrefix(note, "CSV delimiter")
}

// newRun validates the reading flags and returns the run's configuration,
// its expanded inputs and its report.
func newRun(flags *commonFlags, args []string, outputs runOutputs, stderr io.Writer) (entigraph.Config, []input.Input, *runReport, error) {
	opts, err := flags.inputOptions()
	if err != nil {
		return entigraph.Config{}, nil, nil, err
	}
	// -j N means N CPUs, as in make: with fewer workers than CPUs the
	// reader, the consumer and the garbage collector share those CPUs
	// instead of spilling onto the others. This is the process's
	// choice, made here and not in the library.
	if flags.jobs < runtime.GOMAXPROCS(0) {
		runtime.GOMAXPROCS(flags.jobs)
	}
	walked, skipped := input.Walk(args, input.WalkOptions{})
	inputs, err := outputs.check(args, walked, stderr)
	if err != nil {
		return entigraph.Config{}, nil, nil, err
	}
	rep := &runReport{flags: flags, stderr: stderr, start: time.Now(), skipped: skipped}
	rep.prog = newProgress(flags, stderr, inputs)
	since, err := flagDate("--since", flags.since)
	if err != nil {
		return entigraph.Config{}, nil, nil, err
	}
	until, err := flagDate("--until", flags.until)
	if err != nil {
		return entigraph.Config{}, nil, nil, err
	}
	if !since.IsZero() && !until.IsZero() && until.Before(since) {
		return entigraph.Config{}, nil, nil, usageErrorf("--until %s is before --since %s", flags.until, flags.since)
	}
	cfg := entigraph.Config{
		Since: since, Until: until, NoRelations: flags.noRelations,
		Input: opts, Workers: flags.jobs, FailFast: flags.failFast, KeepDuplicates: flags.keepDuplicates,
		Progress:  rep.prog.update,
		OnFailure: func(f entigraph.Failure) { fmt.Fprintf(stderr, "entigraph: %s\n", f) },
		OnNote:    rep.note,
	}
	return cfg, inputs, rep, nil
}

// flagDate parses a date flag; "" is the zero time.
func flagDate(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, ok := input.ParseDate(s)
	if !ok {
		return t, usageErrorf("%s: cannot read %q as a date (want YYYY-MM-DD)", name, s)
	}
	return t, nil
}

// finish writes the --errors file and the summary, and returns the error
// that decides the exit status. nodes < 0 leaves the graph out of the
// summary.
func (r *runReport) finish(c *entigraph.Corpus, stdout io.Writer, nodes, edges int) error {
	r.prog.finish()
	if r.flags.errorsFile != "" {
		err := writeOutput(r.flags.errorsFile, stdout, func(w io.Writer) error {
			return writeFailures(w, c.Failures)
		})
		if err != nil {
			return err
		}
	}
	st := c.Stats
	if !r.flags.quiet {
		elapsed := time.Since(r.start)
		var graphPart, dupPart string
		if nodes >= 0 {
			graphPart = fmt.Sprintf(", %d nodes, %d edges", nodes, edges)
		}
		if st.Duplicates > 0 {
			dupPart = fmt.Sprintf(", %d duplicates dropped (--keep-duplicates keeps them)", st.Duplicates)
		}
		if st.OutsideWindow > 0 {
			dupPart += fmt.Sprintf(", %d outside --since/--until or undated", st.OutsideWindow)
		}
		if st.Decoded > 0 {
			dupPart += fmt.Sprintf(", %d decoded from another encoding than UTF-8", st.Decoded)
		}
		if len(r.skipped) > 0 {
			dupPart += fmt.Sprintf(", %d files skipped (%s)", len(r.skipped), input.SkipSummary(r.skipped))
		}
		var rate string
		if !r.fromStore {
			rate = fmt.Sprintf(" (%.0f tokens/s)", float64(st.Tokens)/max(elapsed.Seconds(), 1e-9))
		}
		fmt.Fprintf(r.stderr, "entigraph: done: %d documents (%d failed)%s, %d sentences, %d tokens, %d mentions, %d relations%s in %s%s\n",
			st.Docs, st.Failed, dupPart, st.Sentences, st.Tokens, st.Mentions, st.Relations, graphPart,
			elapsed.Round(time.Millisecond), rate)
	}
	if st.Failed > 0 {
		return &inputsFailed{failed: st.Failed, total: st.Docs}
	}
	return nil
}
