package entigraph

import (
	"context"
	"errors"

	"github.com/entigraph/entigraph/graph"
)

// Corpus is what Build made of a set of documents: the partial graph,
// ready for the corpus-level steps, and the run's totals and failures.
type Corpus struct {
	Partial  *graph.Partial
	Stats    Stats
	Failures []Failure // in input order
}

// Build analyses every document of src and accumulates them into a
// partial graph. Failed documents are recorded in Corpus.Failures and
// the others go on; the error is non-nil only when the run stopped
// (ErrInterrupted, ErrFailFast), and the corpus then holds what was
// added before.
func Build(ctx context.Context, cfg Config, src Source) (*Corpus, error) {
	c := &Corpus{Partial: graph.NewPartial(cfg.Graph)}
	err := Run(ctx, cfg, src, c.Partial, func(r Result) error {
		if err := c.Account(r, &cfg); err != nil {
			return err
		}
		if r.Prepared != nil {
			c.Partial.AddPrepared(r.Prepared)
		}
		if cfg.OnResult != nil && r.Doc != nil {
			cfg.OnResult(r)
		}
		return nil
	})
	return c, err
}

// Account adds a result to the totals and failures, calls cfg's
// OnFailure and Progress hooks, and returns ErrFailFast for a failure when
// cfg.FailFast is set. Callers of Run that make their own output
// (extract) use it to keep the same books as Build.
func (c *Corpus) Account(r Result, cfg *Config) error {
	switch {
	case errors.Is(r.Err, errDuplicate):
		c.Stats.Duplicates++
		return nil
	case errors.Is(r.Err, errOutsideWindow):
		c.Stats.OutsideWindow++
		return nil
	}
	c.Stats.Docs++
	if r.Input.Encoding != "" {
		c.Stats.Decoded++
	}
	if cfg.OnNote != nil {
		for _, n := range r.Input.Notes {
			cfg.OnNote(r.Input, n)
		}
	}
	for _, err := range []error{r.Err, r.Warning} {
		if err == nil {
			continue
		}
		c.Stats.Failed++
		f := failure(r.Input.ID, err)
		c.Failures = append(c.Failures, f)
		if cfg.OnFailure != nil {
			cfg.OnFailure(f)
		}
		if cfg.FailFast {
			return ErrFailFast
		}
		break // a failed document has no warning worth a second line
	}
	if r.Doc != nil {
		c.Stats.Analysed++
		c.Stats.Sentences += len(r.Doc.Sentences)
		c.Stats.Tokens += r.Tokens
		c.Stats.Mentions += len(r.Doc.Mentions)
		c.Stats.Relations += len(r.Doc.Relations)
	}
	if cfg.Progress != nil {
		cfg.Progress(c.Stats)
	}
	return nil
}

// Skipped reports whether a result is a document left out on purpose: a
// copy of an earlier one, or outside the time window.
func Skipped(r Result) bool {
	return errors.Is(r.Err, errDuplicate) || errors.Is(r.Err, errOutsideWindow)
}

// Graph runs the corpus-level steps and returns the graph as v shows it.
func (c *Corpus) Graph(v View) (*graph.Graph, error) {
	return v.Apply(c.Partial.Graph())
}
