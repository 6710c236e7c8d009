package rel

import (
	"fmt"
	"io"

	"github.com/entigraph/entigraph/annot"
)

// Counts are true positives, false positives and false negatives.
type Counts struct{ TP, FP, FN int }

// PRF returns precision, recall and F1 (0 when undefined).
func (c Counts) PRF() (p, r, f float64) {
	if c.TP+c.FP > 0 {
		p = float64(c.TP) / float64(c.TP+c.FP)
	}
	if c.TP+c.FN > 0 {
		r = float64(c.TP) / float64(c.TP+c.FN)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Scores holds counts per relation type. It scores as
// ../shared/tools/relscore.py does: a relation is correct when its type,
// both arguments' byte spans and, when Strict, their entity types match a
// gold one; met is compared with its arguments in either order.
type Scores struct {
	Strict bool
	ByType map[annot.RelationType]Counts
}

type relKey struct {
	typ            annot.RelationType
	hs, he, ts, te int
	htyp, ttyp     annot.Type
}

func (s *Scores) key(d *annot.Document, r annot.Relation) relKey {
	h, t := d.Mentions[r.Head], d.Mentions[r.Tail]
	if r.Type.Symmetric() && t.Start < h.Start {
		h, t = t, h
	}
	k := relKey{typ: r.Type, hs: h.Start, he: h.End, ts: t.Start, te: t.End}
	if s.Strict {
		k.htyp, k.ttyp = h.Type, t.Type
	}
	return k
}

// Add scores the relations of pred against those of gold, two analyses
// of the same text.
func (s *Scores) Add(gold, pred *annot.Document) {
	if s.ByType == nil {
		s.ByType = map[annot.RelationType]Counts{}
	}
	want := map[relKey]int{}
	for _, r := range gold.Relations {
		want[s.key(gold, r)]++
	}
	for _, r := range pred.Relations {
		k := s.key(pred, r)
		c := s.ByType[r.Type]
		if want[k] > 0 {
			want[k]--
			c.TP++
		} else {
			c.FP++
		}
		s.ByType[r.Type] = c
	}
	for k, n := range want {
		c := s.ByType[k.typ]
		c.FN += n
		s.ByType[k.typ] = c
	}
}

// Micro sums the counts of every type.
func (s *Scores) Micro() Counts {
	var m Counts
	for _, c := range s.ByType {
		m.TP += c.TP
		m.FP += c.FP
		m.FN += c.FN
	}
	return m
}

// Report writes P/R/F1 per type, in canonical order, and micro.
func (s *Scores) Report(w io.Writer) error {
	for _, t := range annot.RelationTypes {
		c, ok := s.ByType[t]
		if !ok {
			continue
		}
		p, r, f := c.PRF()
		if _, err := fmt.Fprintf(w, "%-11s P=%.3f R=%.3f F1=%.3f (gold %d)\n", t, p, r, f, c.TP+c.FN); err != nil {
			return err
		}
	}
	p, r, f := s.Micro().PRF()
	_, err := fmt.Fprintf(w, "micro       P=%.3f R=%.3f F1=%.3f\n", p, r, f)
	return err
}

// EvalOptions configure Evaluate.
type EvalOptions struct {
	// GoldMentions scores the classifier alone: Extract runs on the gold
	// mentions instead of those process finds.
	GoldMentions bool
}

// Evaluate scores relation extraction on gold documents (ReadCoNLL04's):
// end to end, process (for example nlp.Pipeline.Process with Relations
// set) analyses each gold text from scratch; with GoldMentions, m.Extract
// runs on the gold mentions. It returns strict scores and boundary scores
// (entity types not compared), as ../shared/tools/relscore.py computes
// them and its --boundaries option.
func Evaluate(gold []*annot.Document, m *Model, process func(text string) (*annot.Document, error), opts EvalOptions) (strict, boundaries Scores, err error) {
	strict, boundaries = Scores{Strict: true}, Scores{}
	for _, g := range gold {
		var pd *annot.Document
		if opts.GoldMentions {
			d := *g
			d.Relations = m.Extract(&d)
			pd = &d
		} else {
			if pd, err = process(g.Text); err != nil {
				return strict, boundaries, fmt.Errorf("document %s: %w", g.ID, err)
			}
		}
		strict.Add(g, pd)
		boundaries.Add(g, pd)
	}
	return strict, boundaries, nil
}
