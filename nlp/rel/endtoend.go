package rel

import (
	"fmt"
	"io"
	"math"

	"github.com/entigraph/entigraph/annot"
)

// recognized pairs a gold training document with the recognizer's
// analysis of its text, the gold relations moved onto the recognized
// mentions whose span and type match exactly.
type recognized struct {
	gold, pred *annot.Document
	// skip holds the recognized mention pairs that hold a gold relation
	// under other bounds ("Lincoln" for "President Lincoln"): neither a
	// positive, since the scorer wants the gold bounds, nor a negative,
	// since the sentence does state the relation.
	skip map[[2]int]bool
}

// recognize analyses the text of every gold document with fn.
func recognize(gold []*annot.Document, fn func(string) (*annot.Document, error)) ([]recognized, error) {
	out := make([]recognized, 0, len(gold))
	for _, g := range gold {
		pd, err := fn(g.Text)
		if err != nil {
			return nil, fmt.Errorf("recognizing training document %s: %w", g.ID, err)
		}
		out = append(out, mapExact(g, pd))
	}
	return out, nil
}

// mapExact moves g's relations onto pred's mentions of the same span and
// type, and marks the pairs that hold one only under other bounds.
func mapExact(g, pred *annot.Document) recognized {
	d := *pred
	d.Relations = nil
	r := recognized{gold: g, pred: &d, skip: map[[2]int]bool{}}
	exact := map[[3]int]int{}
	for i, m := range pred.Mentions {
		exact[[3]int{m.Start, m.End, int(typeIndex(m.Type))}] = i
	}
	find := func(m annot.Mention) (int, bool) {
		i, ok := exact[[3]int{m.Start, m.End, int(typeIndex(m.Type))}]
		return i, ok
	}
	for _, gr := range g.Relations {
		h, hok := find(g.Mentions[gr.Head])
		t, tok := find(g.Mentions[gr.Tail])
		if hok && tok && h != t {
			gr.Head, gr.Tail = h, t
			d.Relations = append(d.Relations, gr)
			continue
		}
		for _, ph := range overlappingAll(pred.Mentions, g.Mentions[gr.Head]) {
			for _, pt := range overlappingAll(pred.Mentions, g.Mentions[gr.Tail]) {
				r.skip[[2]int{ph, pt}], r.skip[[2]int{pt, ph}] = true, true
			}
		}
	}
	return r
}

func typeIndex(t annot.Type) int {
	for i, x := range []annot.Type{annot.Person, annot.Org, annot.Loc} {
		if x == t {
			return i
		}
	}
	return -1
}

// overlappingAll returns the indexes of the mentions overlapping g.
func overlappingAll(ms []annot.Mention, g annot.Mention) []int {
	var out []int
	for i, m := range ms {
		if m.Start < g.End && g.Start < m.End {
			out = append(out, i)
		}
	}
	return out
}

// endToEndF1 is the strict micro F1 of m's learned relations on the
// recognized documents, against their gold documents.
func endToEndF1(m *Model, docs []recognized) Counts {
	sc := Scores{Strict: true}
	for _, r := range docs {
		pd := *r.pred
		pd.Relations = m.extractLearned(&pd)
		gd := *r.gold
		gd.Relations = withoutMet(r.gold.Relations)
		sc.Add(&gd, &pd)
	}
	return sc.Micro()
}

// foldModel is a model trained without one fold, and that fold.
type foldModel struct {
	m    *Model
	held []recognized
}

// crossValidate trains a model per fold on the other folds and returns
// them with their held-out documents. Fold k holds documents i with
// i % folds == k, so that the split is deterministic.
func crossValidate(train []*annot.Document, rec []recognized, opts TrainOptions, log io.Writer) ([]foldModel, error) {
	var out []foldModel
	for k := range opts.Folds {
		var tr []*annot.Document
		var trRec, held []recognized
		for i := range train {
			if i%opts.Folds == k {
				held = append(held, rec[i])
				continue
			}
			tr = append(tr, train[i])
			trRec = append(trRec, rec[i])
		}
		m, err := trainModel(tr, trRec, opts, io.Discard)
		if err != nil {
			return nil, fmt.Errorf("fold %d: %w", k, err)
		}
		out = append(out, foldModel{m, held})
		c := endToEndF1(m, held)
		_, _, f := c.PRF()
		fmt.Fprintf(log, "fold %d: held-out end-to-end F1 %.4f (no threshold)\n", k, f)
	}
	return out, nil
}

// calibrateEndToEnd fits the temperature on the held-out recognized
// pairs of the folds, then picks the score threshold that maximizes the
// held-out end-to-end micro F1.
func calibrateEndToEnd(folds []foldModel, log io.Writer) (temp, threshold float32) {
	var xs []scoredPair
	for _, f := range folds {
		for _, r := range f.held {
			xs = appendScored(xs, f.m, r.pred, r.skip)
		}
	}
	temp = fitTemperature(xs)
	bestF := -1.0
	for t := float32(0); t <= 0.9001; t += 0.025 {
		var c Counts
		for _, f := range folds {
			f.m.temp, f.m.threshold = temp, t
			cc := endToEndF1(f.m, f.held)
			c.TP, c.FP, c.FN = c.TP+cc.TP, c.FP+cc.FP, c.FN+cc.FN
		}
		p, r, fs := c.PRF()
		fmt.Fprintf(log, "threshold %.3f: held-out P %.4f R %.4f F1 %.4f\n", t, p, r, fs)
		if fs > bestF+1e-9 {
			bestF, threshold = fs, t
		}
	}
	fmt.Fprintf(log, "chosen: temperature %.3f, threshold %.3f (held-out F1 %.4f)\n", temp, threshold, bestF)
	return temp, threshold
}

// scoredPair is a candidate pair's class scores and gold class.
type scoredPair struct {
	sc      [nClass]float32
	allowed uint16
	gold    int
}

// appendScored appends m's scores of every candidate pair of d, except
// those in skip.
func appendScored(xs []scoredPair, m *Model, d *annot.Document, skip map[[2]int]bool) []scoredPair {
	gold := goldClasses(d)
	var s sentInfo
	var f featurizer
	eachSentence(d, &s, func(s *sentInfo, _ int) {
		forPairs(s, func(a, b *sentMention) {
			x := scoredPair{allowed: allowedClasses(a.typ, b.typ)}
			if x.allowed == 1 || skip[[2]int{a.idx, b.idx}] {
				return
			}
			x.gold = gold.of(a, b, x.allowed)
			m.scores(f.pair(s, a, b), &x.sc)
			xs = append(xs, x)
		})
	})
	return xs
}

// fitTemperature returns the temperature that minimizes the log loss of
// the softmax over allowed classes (1 when there are no pairs).
func fitTemperature(xs []scoredPair) float32 {
	if len(xs) == 0 {
		return 1
	}
	best, bestLoss := float32(1), math.Inf(1)
	for t := float32(0.25); t <= 64; t *= 1.1 {
		loss := 0.0
		for i := range xs {
			x := &xs[i]
			var z float64
			for c := 0; c < nClass; c++ {
				if x.allowed&(1<<c) != 0 {
					z += math.Exp(float64((x.sc[c] - x.sc[x.gold]) / t))
				}
			}
			loss += math.Log(z)
		}
		if loss < bestLoss {
			best, bestLoss = t, loss
		}
	}
	return best
}

// CrossValidate scores Train's classifier on train alone: for each of
// opts.Folds folds (documents i with i % Folds == k) a model is trained
// on the others and scored on it, on the gold mentions. It is how
// features and options are chosen without looking at dev.
func CrossValidate(train []*annot.Document, opts TrainOptions) (Scores, error) {
	opts.defaults()
	sc := Scores{Strict: true}
	for k := range opts.Folds {
		var tr, held []*annot.Document
		for i, d := range train {
			if i%opts.Folds == k {
				held = append(held, d)
			} else {
				tr = append(tr, d)
			}
		}
		m, err := trainModel(tr, nil, opts, io.Discard)
		if err != nil {
			return sc, fmt.Errorf("fold %d: %w", k, err)
		}
		for _, d := range held {
			pd := *d
			pd.Relations = m.extractLearned(&pd)
			gd := *d
			gd.Relations = withoutMet(d.Relations)
			sc.Add(&gd, &pd)
		}
	}
	return sc, nil
}
