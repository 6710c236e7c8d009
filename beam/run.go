package beam

import (
	"context"
	"errors"
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/input"
)

// ErrNothingWritten is returned by Run when no document could be
// analysed: as the CLI, nothing is then written.
var ErrNothingWritten = errors.New("no document could be analysed; nothing written")

// Stats are the totals of a run: the CLI's, and how many partial graphs
// (analysis bundles) were merged.
type Stats struct {
	entigraph.Stats
	Partials int
}

// ErrNoTotals is returned by Run when the runner reported no counters
// (a job left running with --async, say): the run's totals, and whether
// anything was written, are unknown.
var ErrNoTotals = errors.New("the runner reported no counters: totals unknown")

// Run builds the pipeline over inputs (from Expand), runs it on
// runner ("prism", "direct", "universal", "dataflow", ... as registered
// by the caller's imports) and returns the run's totals, read from the
// pipeline's counters. beam.Init must have been called.
func Run(ctx context.Context, runner string, o Options, inputs []input.Input) (Stats, error) {
	if err := o.Check(); err != nil {
		return Stats{}, err
	}
	p, s := beam.NewPipelineWithRoot()
	Build(s, o, inputs)
	res, err := beam.Run(ctx, runner, p)
	if err != nil {
		return Stats{}, fmt.Errorf("pipeline: %w", err)
	}
	if res == nil {
		return Stats{}, ErrNoTotals
	}
	c := totals(res)
	if len(c) == 0 {
		return Stats{}, ErrNoTotals
	}
	st := Stats{Partials: int(c["partials"]), Stats: entigraph.Stats{
		Docs: int(c["read"] - c["duplicates"] - c["outside"]), Failed: int(c["failed"]), OutsideWindow: int(c["outside"]),
		Analysed: int(c["analysed"]), Duplicates: int(c["duplicates"]), Decoded: int(c["decoded"]),
		Sentences: int(c["sentences"]), Tokens: int(c["tokens"]),
		Mentions: int(c["mentions"]), Relations: int(c["relations"]),
	}}
	if st.Analysed == 0 || c["written"] == 0 {
		return st, ErrNothingWritten
	}
	return st, nil
}

// totals returns the run's counters by name (the write step's).
func totals(res beam.PipelineResult) map[string]int64 {
	out := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Key.Namespace == metricsNamespace {
			out[c.Key.Name] += c.Result()
		}
	}
	return out
}
