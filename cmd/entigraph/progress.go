package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/input"
)

// progress shows how a run is going: a bar when stderr is a terminal, or
// a plain line every few seconds with --progress=always.
type progress struct {
	bar      *progressbar.ProgressBar
	plain    io.Writer // set for plain lines
	every    time.Duration
	last     time.Time
	start    time.Time
	lastDocs int
}

// plainInterval is how often plain progress lines are printed.
var plainInterval = 5 * time.Second

func newProgress(flags *commonFlags, stderr io.Writer, inputs []input.Input) *progress {
	p := &progress{start: time.Now(), last: time.Now().Add(-plainInterval), every: plainInterval}
	if flags.quiet || flags.progress == "never" {
		return p
	}
	if isTerminal(stderr) {
		// The total is known only when every input is one document.
		total := int64(len(inputs))
		for _, in := range inputs {
			if f, _ := input.FormatOf(in.Path); f == input.JSONL || f == input.CSV || flags.inputFormat == "jsonl" || flags.inputFormat == "csv" {
				total = -1
				break
			}
		}
		p.bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("analysing"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetWidth(24),
		)
		return p
	}
	if flags.progress == "always" {
		p.plain = stderr
	}
	return p
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// update is called from the emitter after each document.
func (p *progress) update(s entigraph.Stats) {
	switch {
	case p.bar != nil:
		elapsed := max(time.Since(p.start).Seconds(), 1e-9)
		p.bar.Describe(fmt.Sprintf("%d tokens/s, %d mentions", int(float64(s.Tokens)/elapsed), s.Mentions))
		p.bar.Add(1)
	case p.plain != nil && time.Since(p.last) >= p.every:
		now := time.Now()
		elapsed := max(now.Sub(p.start).Seconds(), 1e-9)
		fmt.Fprintf(p.plain, "entigraph: progress: %d documents (%d failed), %.0f docs/s, %.0f tokens/s, %d mentions\n",
			s.Docs, s.Failed, float64(s.Docs)/elapsed, float64(s.Tokens)/elapsed, s.Mentions)
		p.last = now
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// writeFailures writes the --errors file: one JSON object per failure.
func writeFailures(w io.Writer, fs []entigraph.Failure) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, f := range fs {
		if err := enc.Encode(f); err != nil {
			return err
		}
	}
	return nil
}
