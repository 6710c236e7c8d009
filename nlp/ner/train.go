package ner

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"sync"
	"time"
)

// TrainOptions configure Train. Zero values select the defaults.
type TrainOptions struct {
	// Epochs is the number of passes over the training data per stage
	// (default 20). The epoch with the best dev F1 is kept.
	Epochs int
	// Seed fixes the shuffling and case augmentation (default 1).
	Seed uint64
	// Folds is the number of jackknife folds used to produce first-pass
	// labels for training the document-level second pass (default 4).
	// A negative value trains a single-pass model.
	Folds int
	// CaseAug is the fraction of training sentences rewritten in capitals,
	// so that headlines are seen in training (default 0.1; negative: none).
	// 0.1 rather than 0.05 gains 0.015 on CoNLL dev in capitals over three
	// seeds, with mixed-case text within noise.
	CaseAug float64
	// LowerAug is the fraction rewritten in lowercase (default 0.05;
	// negative: none). More made common lowercase nouns organizations.
	LowerAug float64
	// MinCount drops features seen fewer times in training (default 1).
	MinCount int
	// WordDropout is the fraction of training tokens whose word-identity
	// features are hidden, so that context, shape and gazetteer features
	// learn to carry unseen names (default 0.2; negative: none). It costs
	// about 0.002 dev F1 and gains about 0.008 on out-of-domain text.
	WordDropout float64
	// EntityAug is the fraction of training documents that are added again
	// with their person and location names, and half of their organization
	// names, replaced by gazetteer names (default 0.5; negative: none), so
	// that the model learns to recognise names it has not seen from their
	// context, shape, cue words and gazetteer classes rather than from
	// having memorised CoNLL's names.
	EntityAug float64
	// DocDropout is the fraction of training sentences that the second,
	// document-level pass sees as if their document held no other sentence
	// (default 0.3; negative: none). Without it the second pass learns from
	// news articles that a surname alone is a person only when the full name
	// appears elsewhere, and turns lone surnames in short or excerpted texts
	// (Wikipedia sentences: "Mishima took up weight training") into places
	// and organizations.
	DocDropout float64
	// Extra holds more training documents, from other corpora (web text,
	// other news), whose updates count ExtraWeight times those of the
	// training documents (default 0.5; it must not exceed 1), so that they
	// teach other styles of text without outweighing CoNLL's conventions.
	Extra       []Document
	ExtraWeight float64
	// ExtraWeights, when set, gives document Extra[i] its own weight
	// ExtraWeights[i] in (0, 1] (0 or a missing entry: ExtraWeight), so that
	// corpora of different styles can count differently.
	ExtraWeights []float64
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 20
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Folds == 0 {
		o.Folds = 4
	}
	if o.CaseAug == 0 {
		o.CaseAug = 0.1
	}
	if o.LowerAug == 0 {
		o.LowerAug = 0.05
	}
	if o.WordDropout == 0 {
		o.WordDropout = 0.2
	}
	if o.EntityAug == 0 {
		o.EntityAug = 0.5
	}
	if o.DocDropout == 0 {
		o.DocDropout = 0.3
	}
	if o.MinCount <= 0 {
		o.MinCount = 1
	}
	if o.ExtraWeight <= 0 || o.ExtraWeight > 1 {
		o.ExtraWeight = 0.5
	}
}

// extraWeight is the update weight of extra document i.
func (o *TrainOptions) extraWeight(i int) float64 {
	if i < len(o.ExtraWeights) && o.ExtraWeights[i] > 0 && o.ExtraWeights[i] <= 1 {
		return o.ExtraWeights[i]
	}
	return o.ExtraWeight
}

// inst is one featurized sentence.
type inst struct {
	doc  int
	ids  []int32 // feature ids, token i's in ids[offs[i]:offs[i+1]]
	offs []int32
	gold []uint8
	w    float64 // update weight
}

type interner struct {
	ids    map[uint64]int32
	hashes []uint64
	counts []int32
}

func newInterner() *interner { return &interner{ids: map[uint64]int32{}} }

type corpus struct {
	docs   [][][]string
	gold   [][][]uint8
	weight []float64 // per document; nil: all 1
}

func toCorpus(docs []Document) (corpus, error) {
	var c corpus
	for di, d := range docs {
		var toks [][]string
		var gold [][]uint8
		for si, s := range d.Sentences {
			if len(s.Tags) != len(s.Tokens) {
				return c, fmt.Errorf("document %d sentence %d: %d tags for %d tokens", di, si, len(s.Tags), len(s.Tokens))
			}
			g := encode(s.Tags)
			toks = append(toks, s.Tokens)
			gold = append(gold, g)
		}
		c.docs = append(c.docs, toks)
		c.gold = append(c.gold, gold)
	}
	return c, nil
}

// featurize turns a corpus into instances. With grow, new features are
// interned; otherwise unknown features are dropped. first holds the
// first-pass labels per document and sentence for the second stage.
func featurize(fz *featurizer, c corpus, in *interner, grow bool, first [][][]uint8) []inst {
	var out []inst
	for di, doc := range c.docs {
		fz.prepare(doc)
		if first != nil {
			fz.setFirstPass(first[di])
		}
		for si := range doc {
			fz.sentence(si, first != nil)
			ids := make([]int32, 0, len(fz.feats))
			offs := make([]int32, len(fz.offs))
			for i := 0; i+1 < len(fz.offs); i++ {
				offs[i] = int32(len(ids))
				for _, h := range fz.feats[fz.offs[i]:fz.offs[i+1]] {
					id, ok := in.ids[h]
					if !ok {
						if !grow {
							continue
						}
						id = int32(len(in.hashes))
						in.ids[h] = id
						in.hashes = append(in.hashes, h)
						in.counts = append(in.counts, 0)
					}
					if grow {
						in.counts[id]++
					}
					ids = append(ids, id)
				}
			}
			offs[len(offs)-1] = int32(len(ids))
			w := 1.0
			if c.weight != nil {
				w = c.weight[di]
			}
			out = append(out, inst{doc: di, ids: ids, offs: offs, gold: c.gold[di][si], w: w})
		}
	}
	return out
}

// prune drops features seen fewer than min times from the instances.
func prune(insts []inst, in *interner, min int) {
	if min <= 1 {
		return
	}
	for k := range insts {
		x := &insts[k]
		ids := x.ids[:0]
		for i := 0; i+1 < len(x.offs); i++ {
			lo, hi := x.offs[i], x.offs[i+1]
			x.offs[i] = int32(len(ids))
			for _, id := range x.ids[lo:hi] {
				if in.counts[id] >= int32(min) {
					ids = append(ids, id)
				}
			}
		}
		x.offs[len(x.offs)-1] = int32(len(ids))
		x.ids = ids
	}
}

// perceptron is an averaged structured perceptron over feature ids.
type perceptron struct {
	w, u   []float64
	tw, tu [(nLab + 1) * nLab]float64
	c      float64
	sc     []float32
	back   []uint8
	pred   []uint8
}

func newPerceptron(nf int) *perceptron {
	return &perceptron{w: make([]float64, nf*nLab), u: make([]float64, nf*nLab), c: 1}
}

func (p *perceptron) upd(id int32, y uint8, d float64) {
	k := int(id)*nLab + int(y)
	p.w[k] += d
	p.u[k] += p.c * d
}

func (p *perceptron) updT(a, b uint8, d float64) {
	k := int(a)*nLab + int(b)
	p.tw[k] += d
	p.tu[k] += p.c * d
}

func (p *perceptron) step(x *inst) {
	n := len(x.gold)
	if n == 0 {
		return
	}
	var tr [nLab + 1][nLab]float32
	for a := range tr {
		for b := range tr[a] {
			tr[a][b] = float32(p.tw[a*nLab+b])
		}
	}
	if cap(p.sc) < n*nLab {
		p.sc = make([]float32, n*nLab*2)
		p.pred = make([]uint8, n*2)
	}
	sc := p.sc[:n*nLab]
	for i := 0; i < n; i++ {
		var row [nLab]float64
		for _, id := range x.ids[x.offs[i]:x.offs[i+1]] {
			w := p.w[int(id)*nLab : int(id)*nLab+nLab]
			for y := range row {
				row[y] += w[y]
			}
		}
		for y := range row {
			sc[i*nLab+y] = float32(row[y])
		}
	}
	pred := p.pred[:n]
	p.back = viterbi(sc, &tr, n, pred, p.back)
	prevG, prevP := uint8(nLab), uint8(nLab)
	for i := 0; i < n; i++ {
		g, q := x.gold[i], pred[i]
		if g != q {
			for _, id := range x.ids[x.offs[i]:x.offs[i+1]] {
				p.upd(id, g, x.w)
				p.upd(id, q, -x.w)
			}
		}
		if g != q || prevG != prevP {
			p.updT(prevG, g, x.w)
			p.updT(prevP, q, -x.w)
		}
		prevG, prevP = g, q
	}
	p.c++
}

// averaged returns the averaged weights.
func (p *perceptron) averaged() ([]float32, [nLab + 1][nLab]float32) {
	w := make([]float32, len(p.w))
	for i := range w {
		w[i] = float32(p.w[i] - p.u[i]/p.c)
	}
	var tr [nLab + 1][nLab]float32
	for a := range tr {
		for b := range tr[a] {
			k := a*nLab + b
			tr[a][b] = float32(p.tw[k] - p.tu[k]/p.c)
		}
	}
	return w, tr
}

// predict decodes instances with fixed weights.
func predict(insts []inst, w []float32, tr *[nLab + 1][nLab]float32) [][]uint8 {
	out := make([][]uint8, len(insts))
	var sc []float32
	var back []uint8
	for k := range insts {
		x := &insts[k]
		n := len(x.gold)
		out[k] = make([]uint8, n)
		if n == 0 {
			continue
		}
		if cap(sc) < n*nLab {
			sc = make([]float32, n*nLab*2)
		}
		s := sc[:n*nLab]
		for i := 0; i < n; i++ {
			var row [nLab]float32
			for _, id := range x.ids[x.offs[i]:x.offs[i+1]] {
				r := w[int(id)*nLab : int(id)*nLab+nLab]
				for y := range row {
					row[y] += r[y]
				}
			}
			copy(s[i*nLab:], row[:])
		}
		back = viterbi(s, tr, n, out[k], back)
	}
	return out
}

func f1Of(insts []inst, pred [][]uint8) float64 {
	var sc Scorer
	g := make([]string, 0, 128)
	p := make([]string, 0, 128)
	for k := range insts {
		g, p = g[:0], p[:0]
		for i := range insts[k].gold {
			g = append(g, labelBIO[insts[k].gold[i]])
			p = append(p, labelBIO[pred[k][i]])
		}
		sc.Add(g, p)
	}
	return sc.F1()
}

type stageResult struct {
	w     []float32
	tr    [nLab + 1][nLab]float32
	epoch int
	f1    float64
}

// trainStage runs epochs over train, keeping the averaged weights with the
// best dev F1 (all epochs are run when dev is empty; the last is kept).
func trainStage(name string, train, dev []inst, nf, epochs int, seed uint64, log io.Writer) stageResult {
	p := newPerceptron(nf)
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	best := stageResult{f1: -1}
	for e := 1; e <= epochs; e++ {
		t0 := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			p.step(&train[k])
		}
		if dev == nil {
			if e == epochs {
				best.w, best.tr = p.averaged()
				best.epoch = e
			}
			continue
		}
		w, tr := p.averaged()
		f1 := f1Of(dev, predict(dev, w, &tr))
		if log != nil {
			fmt.Fprintf(log, "%s epoch %2d: dev F1 %.4f (%.1fs)\n", name, e, f1, time.Since(t0).Seconds())
		}
		if f1 > best.f1 {
			best = stageResult{w: w, tr: tr, epoch: e, f1: f1}
		}
	}
	return best
}

// augmentCase rewrites a seeded random fraction up of sentences in capitals
// and another, low, in lowercase. It copies what it changes.
func augmentCase(c corpus, up, low float64, seed uint64) corpus {
	up, low = max(up, 0), max(low, 0)
	if up == 0 && low == 0 {
		return c
	}
	rng := rand.New(rand.NewPCG(seed, 0xca5e))
	out := corpus{gold: c.gold, weight: c.weight, docs: make([][][]string, len(c.docs))}
	for di, doc := range c.docs {
		out.docs[di] = make([][]string, len(doc))
		for si, s := range doc {
			out.docs[di][si] = s
			r := rng.Float64()
			var f func(string) string
			if r < up {
				f = strings.ToUpper
			} else if r < up+low {
				f = strings.ToLower
			} else {
				continue
			}
			ns := make([]string, len(s))
			for i, w := range s {
				ns[i] = f(w)
			}
			out.docs[di][si] = ns
		}
	}
	return out
}

// Train trains a model on train, selecting each stage's epoch by micro F1
// on dev, and writes progress (dev F1 per epoch) to log, which may be nil.
// Training is deterministic for given data and options.
func Train(train, dev []Document, opts TrainOptions, log io.Writer) (*Model, error) {
	opts.defaults()
	if len(train) == 0 || len(dev) == 0 {
		return nil, errors.New("ner: train: need training and dev documents")
	}
	if log == nil {
		log = io.Discard
	}
	g, err := sharedGazetteer()
	if err != nil {
		return nil, err
	}
	// group[d] is the training document that document d was made from:
	// jackknife folds keep a document and its entity-replaced copy together.
	nMain := len(train)
	train = append(train[:nMain:nMain], opts.Extra...)
	group := make([]int, len(train))
	for i := range group {
		group[i] = i
	}
	if opts.EntityAug > 0 {
		nl, err := loadNameLists()
		if err != nil {
			return nil, fmt.Errorf("ner: train: %v", err)
		}
		extra, g := replaceEntities(train, opts.EntityAug, nl, opts.Seed)
		train = append(train[:len(train):len(train)], extra...)
		group = append(group, g...)
		fmt.Fprintf(log, "entity replacement: %d document copies\n", len(extra))
	}
	trc, err := toCorpus(train)
	if err != nil {
		return nil, fmt.Errorf("ner: train: %v", err)
	}
	if len(opts.Extra) > 0 {
		trc.weight = make([]float64, len(train))
		for d, g := range group {
			trc.weight[d] = 1
			if g >= nMain {
				trc.weight[d] = opts.extraWeight(g - nMain)
			}
		}
		fmt.Fprintf(log, "extra training data: %d documents, weight %g\n", len(opts.Extra), opts.ExtraWeight)
	}
	dvc, err := toCorpus(dev)
	if err != nil {
		return nil, fmt.Errorf("ner: dev: %v", err)
	}
	trc = augmentCase(trc, opts.CaseAug, opts.LowerAug, opts.Seed)
	fz := newFeaturizer(g)
	t0 := time.Now()

	var drng *rand.Rand
	if opts.WordDropout > 0 {
		drng = rand.New(rand.NewPCG(opts.Seed, 0xd409))
		fz.drop = func(int) bool { return drng.Float64() < opts.WordDropout }
	}
	in1 := newInterner()
	tr1 := featurize(fz, trc, in1, true, nil)
	fz.drop = nil
	prune(tr1, in1, opts.MinCount)
	dv1 := featurize(fz, dvc, in1, false, nil)
	fmt.Fprintf(log, "stage 1: %d sentences, %d features\n", len(tr1), len(in1.hashes))
	s1 := trainStage("stage 1", tr1, dv1, len(in1.hashes), opts.Epochs, opts.Seed, log)
	fmt.Fprintf(log, "stage 1: best epoch %d, dev F1 %.4f\n", s1.epoch, s1.f1)
	m := &Model{gaz: g}
	m.stages = append(m.stages, buildStage(in1, s1))
	if opts.Folds > 1 {
		// Jackknife first-pass labels for the training documents.
		first := make([][]uint8, len(tr1))
		var wg sync.WaitGroup
		sem := make(chan struct{}, 2)
		for k := 0; k < opts.Folds; k++ {
			wg.Add(1)
			go func(k int) {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				var tr, held []inst
				var idx []int
				for i := range tr1 {
					if group[tr1[i].doc]%opts.Folds == k {
						held = append(held, tr1[i])
						idx = append(idx, i)
					} else {
						tr = append(tr, tr1[i])
					}
				}
				r := trainStage("", tr, nil, len(in1.hashes), s1.epoch, opts.Seed+uint64(k)+1, nil)
				for j, l := range predict(held, r.w, &r.tr) {
					first[idx[j]] = l
				}
			}(k)
		}
		wg.Wait()
		fmt.Fprintf(log, "stage 2: jackknife first pass over %d folds done (%.0fs)\n", opts.Folds, time.Since(t0).Seconds())
		devFirst := predict(dv1, s1.w, &s1.tr)
		in2 := newInterner()
		if drng != nil {
			drng = rand.New(rand.NewPCG(opts.Seed, 0xd40a))
			fz.drop = func(int) bool { return drng.Float64() < opts.WordDropout }
		}
		if opts.DocDropout > 0 {
			srng := rand.New(rand.NewPCG(opts.Seed, 0x5010))
			fz.solo = func() bool { return srng.Float64() < opts.DocDropout }
		}
		tr2 := featurize(fz, trc, in2, true, byDoc(tr1, first, len(trc.docs)))
		fz.drop = nil
		fz.solo = nil
		prune(tr2, in2, opts.MinCount)
		dv2 := featurize(fz, dvc, in2, false, byDoc(dv1, devFirst, len(dvc.docs)))
		fmt.Fprintf(log, "stage 2: %d features\n", len(in2.hashes))
		s2 := trainStage("stage 2", tr2, dv2, len(in2.hashes), opts.Epochs, opts.Seed+100, log)
		fmt.Fprintf(log, "stage 2: best epoch %d, dev F1 %.4f\n", s2.epoch, s2.f1)
		m.stages = append(m.stages, buildStage(in2, s2))
	}
	fmt.Fprintf(log, "trained in %.0fs\n", time.Since(t0).Seconds())
	return m, nil
}

func byDoc(insts []inst, labels [][]uint8, ndocs int) [][][]uint8 {
	out := make([][][]uint8, ndocs)
	for i := range insts {
		out[insts[i].doc] = append(out[insts[i].doc], labels[i])
	}
	return out
}

// buildStage keeps the features with a non-negligible weight.
func buildStage(in *interner, r stageResult) *stage {
	var maxAbs float32
	for _, v := range r.w {
		maxAbs = max(maxAbs, v, -v)
	}
	eps := maxAbs / 32767
	var keep []int
	for id := range in.hashes {
		row := r.w[id*nLab : id*nLab+nLab]
		for _, v := range row {
			if v > eps || v < -eps {
				keep = append(keep, id)
				break
			}
		}
	}
	st := newStage(len(keep))
	st.trans = r.tr
	for _, id := range keep {
		var w [nLab]float32
		copy(w[:], r.w[id*nLab:id*nLab+nLab])
		st.insert(in.hashes[id], &w)
	}
	return st
}
