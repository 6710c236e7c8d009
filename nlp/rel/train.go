package rel

import (
	"fmt"
	"io"
	"math/rand/v2"
	"sort"

	"github.com/entigraph/entigraph/annot"
)

// TrainOptions configure Train. Zero values select the defaults.
type TrainOptions struct {
	// Epochs is the number of passes over the training data (default 6).
	// Dev data, when given, is only reported on, never selected on.
	Epochs int
	// Seed fixes the shuffling (default 1).
	Seed uint64
	// Runs is the number of perceptrons, trained on differently shuffled
	// data (seeds Seed, Seed+1, ...), whose weights are averaged
	// (default 5). One run depends on the luck of its shuffle: single
	// seeds ranged from 0.713 to 0.743 micro F1 on CoNLL04 dev.
	Runs int
	// PatternCopies is how many times the hand-written sentences of
	// Patterns are added to the training data (default 2; negative: none).
	PatternCopies int
	// Recognize, when set, analyses a text end to end without relations
	// (nlp.Pipeline.Process with no Relations). Train then also learns
	// from the recognizer's mentions of each training text, which is what
	// the model meets at run time: gold relations are moved onto the
	// recognized mentions of the same span and type, other recognized
	// pairs are negatives, and pairs that hold a gold relation only under
	// other bounds are left out. The score temperature and the threshold
	// below which Extract drops a relation are then chosen by
	// cross-validation on the training data, end to end, not on dev.
	Recognize func(text string) (*annot.Document, error)
	// Folds is the number of cross-validation folds when Recognize is set
	// (default 5).
	Folds int
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 6
	}
	if o.Runs <= 0 {
		o.Runs = 5
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.PatternCopies == 0 {
		o.PatternCopies = 2
	}
	if o.Folds < 2 {
		o.Folds = 5
	}
}

// example is one featurized candidate pair.
type example struct {
	feats   []int32
	allowed uint16
	gold    uint8
}

// Train learns the relation classifier, an averaged perceptron, from
// documents with gold mentions and relations (ReadCoNLL04's). dev, which
// may be empty, is only reported on, except that without
// opts.Recognize the score temperature is fitted on it; log, which may be
// nil, receives a line per epoch. Training is deterministic for a given
// seed.
func Train(train, dev []*annot.Document, opts TrainOptions, log io.Writer) (*Model, error) {
	opts.defaults()
	if log == nil {
		log = io.Discard
	}
	for _, d := range train {
		if err := d.Validate(); err != nil {
			return nil, fmt.Errorf("training document %s: %w", d.ID, err)
		}
	}
	var rec []recognized
	if opts.Recognize != nil {
		var err error
		if rec, err = recognize(train, opts.Recognize); err != nil {
			return nil, err
		}
	}
	best, err := trainModel(train, rec, opts, log)
	if err != nil {
		return nil, err
	}
	if len(dev) > 0 {
		fmt.Fprintf(log, "average of %d runs: dev F1 %.4f (gold mentions)\n", opts.Runs, devF1(best, dev))
	}
	if opts.Recognize == nil {
		best.temp = calibrate(best, dev)
		return best, nil
	}
	folds, err := crossValidate(train, rec, opts, log)
	if err != nil {
		return nil, err
	}
	best.temp, best.threshold = calibrateEndToEnd(folds, log)
	return best, nil
}

// trainModel averages opts.Runs perceptrons trained on train's gold
// mentions, the pattern sentences and the recognized documents rec.
func trainModel(train []*annot.Document, rec []recognized, opts TrainOptions, log io.Writer) (*Model, error) {
	if opts.PatternCopies > 0 {
		pats, err := Patterns()
		if err != nil {
			return nil, err
		}
		train = append([]*annot.Document(nil), train...)
		for range opts.PatternCopies {
			train = append(train, pats...)
		}
	}
	ids := map[uint64]int32{}
	var keys []uint64
	var exs []example
	for _, d := range train {
		exs = appendExamples(exs, d, nil, ids, &keys)
	}
	for _, r := range rec {
		exs = appendExamples(exs, r.pred, r.skip, ids, &keys)
	}
	if len(exs) == 0 {
		return nil, fmt.Errorf("training: no candidate pairs in %d documents", len(train))
	}
	var sum *Model
	for run := range opts.Runs {
		m := trainRun(exs, keys, nil, opts.Epochs, opts.Seed+uint64(run), log)
		sum = addModels(sum, m)
	}
	return scaleModel(sum, 1/float32(opts.Runs)), nil
}

// calibrate returns the temperature that minimizes the log loss of the
// softmax over allowed classes on the candidate pairs of docs (1 when
// there are none).
func calibrate(m *Model, docs []*annot.Document) float32 {
	var xs []scoredPair
	for _, d := range docs {
		xs = appendScored(xs, m, d, nil)
	}
	return fitTemperature(xs)
}

// goldRels maps ordered mention pairs to their gold relation type.
type goldRels map[[2]int]annot.RelationType

func goldClasses(d *annot.Document) goldRels {
	g := goldRels{}
	for _, r := range d.Relations {
		g[[2]int{r.Head, r.Tail}] = r.Type
	}
	return g
}

// of returns the gold class of the pair (a, b), a the earlier mention;
// none for a gold relation whose types do not fit.
func (g goldRels) of(a, b *sentMention, allowed uint16) int {
	c := clsNone
	if t, ok := g[[2]int{a.idx, b.idx}]; ok {
		c = classOf(t, true)
	} else if t, ok := g[[2]int{b.idx, a.idx}]; ok {
		c = classOf(t, false)
	}
	if allowed&(1<<c) == 0 {
		return clsNone
	}
	return c
}

func withoutMet(rs []annot.Relation) []annot.Relation {
	var out []annot.Relation
	for _, r := range rs {
		if r.Type != annot.Met {
			out = append(out, r)
		}
	}
	return out
}

// trainRun trains one averaged perceptron for a fixed number of epochs,
// logging the dev F1 of each epoch.
func trainRun(exs []example, keys []uint64, dev []*annot.Document, epochs int, seed uint64, log io.Writer) *Model {
	p := &perceptron{
		w: make([]float32, len(keys)*nClass), tot: make([]float64, len(keys)*nClass),
		ts: make([]int, len(keys)*nClass),
	}
	rng := rand.New(rand.NewPCG(seed, 0x72656c))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	for ep := 1; ep <= epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, i := range order {
			if p.step(&exs[i]) {
				errs++
			}
		}
		fmt.Fprintf(log, "seed %d epoch %2d: %d/%d training errors", seed, ep, errs, len(exs))
		if len(dev) > 0 {
			fmt.Fprintf(log, ", dev F1 %.4f", devF1(p.model(keys), dev))
		}
		fmt.Fprintln(log)
	}
	return p.model(keys)
}

// devF1 is the strict micro F1 of m's learned relations on dev's gold
// mentions.
func devF1(m *Model, dev []*annot.Document) float64 {
	sc := Scores{Strict: true}
	for _, d := range dev {
		pd := *d
		pd.Relations = m.extractLearned(&pd)
		gd := *d
		gd.Relations = withoutMet(d.Relations)
		sc.Add(&gd, &pd)
	}
	_, _, f := sc.Micro().PRF()
	return f
}

// addModels returns the sum of the weights of a (nil: none) and b.
func addModels(a, b *Model) *Model {
	if a == nil {
		return scaleModel(b, 1)
	}
	for c := range a.bias {
		a.bias[c] += b.bias[c]
	}
	keys := make([]uint64, 0, len(b.index))
	for k := range b.index {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		r := b.index[k]
		src := b.weights[int(r)*nClass : int(r+1)*nClass]
		ra, ok := a.index[k]
		if !ok {
			ra = int32(len(a.weights) / nClass)
			a.index[k] = ra
			a.weights = append(a.weights, make([]float32, nClass)...)
		}
		dst := a.weights[int(ra)*nClass : int(ra+1)*nClass]
		for c := range dst {
			dst[c] += src[c]
		}
	}
	return a
}

// scaleModel returns a copy of m with its weights multiplied by f.
func scaleModel(m *Model, f float32) *Model {
	out := &Model{index: make(map[uint64]int32, len(m.index)), weights: make([]float32, len(m.weights))}
	for k, r := range m.index {
		out.index[k] = r
	}
	for i, w := range m.weights {
		out.weights[i] = w * f
	}
	for c := range m.bias {
		out.bias[c] = m.bias[c] * f
	}
	return out
}

// appendExamples featurizes every candidate pair of d but those in skip.
func appendExamples(exs []example, d *annot.Document, skip map[[2]int]bool, ids map[uint64]int32, keys *[]uint64) []example {
	gold := goldClasses(d)
	var s sentInfo
	var f featurizer
	eachSentence(d, &s, func(s *sentInfo, _ int) {
		forPairs(s, func(a, b *sentMention) {
			allowed := allowedClasses(a.typ, b.typ)
			if allowed == 1 || skip[[2]int{a.idx, b.idx}] {
				return
			}
			ex := example{allowed: allowed, gold: uint8(gold.of(a, b, allowed))}
			for _, h := range f.pair(s, a, b) {
				id, ok := ids[h]
				if !ok {
					id = int32(len(*keys))
					ids[h] = id
					*keys = append(*keys, h)
				}
				ex.feats = append(ex.feats, id)
			}
			exs = append(exs, ex)
		})
	})
	return exs
}

// perceptron is a multiclass averaged perceptron with lazy averaging.
type perceptron struct {
	w, bias   []float32
	tot, btot []float64
	ts, bts   []int
	t         int
}

func (p *perceptron) step(x *example) bool {
	if p.bias == nil {
		p.bias, p.btot, p.bts = make([]float32, nClass), make([]float64, nClass), make([]int, nClass)
	}
	p.t++
	var sc [nClass]float32
	copy(sc[:], p.bias)
	for _, f := range x.feats {
		row := p.w[int(f)*nClass:]
		for c := range sc {
			sc[c] += row[c]
		}
	}
	best := clsNone
	for c := 1; c < nClass; c++ {
		if x.allowed&(1<<c) != 0 && sc[c] > sc[best] {
			best = c
		}
	}
	if best == int(x.gold) {
		return false
	}
	upd := func(w []float32, tot []float64, ts []int, i int, d float32) {
		tot[i] += float64(p.t-ts[i]) * float64(w[i])
		ts[i] = p.t
		w[i] += d
	}
	for _, f := range x.feats {
		upd(p.w, p.tot, p.ts, int(f)*nClass+int(x.gold), 1)
		upd(p.w, p.tot, p.ts, int(f)*nClass+best, -1)
	}
	upd(p.bias, p.btot, p.bts, int(x.gold), 1)
	upd(p.bias, p.btot, p.bts, best, -1)
	return true
}

// model returns the averaged weights as a Model, dropping features whose
// weights all average to zero.
func (p *perceptron) model(keys []uint64) *Model {
	avg := func(w []float32, tot []float64, ts []int, i int) float32 {
		return float32((tot[i] + float64(p.t-ts[i])*float64(w[i])) / float64(max(p.t, 1)))
	}
	m := &Model{index: map[uint64]int32{}}
	for c := 0; c < nClass && p.bias != nil; c++ {
		m.bias[c] = avg(p.bias, p.btot, p.bts, c)
	}
	for f, k := range keys {
		var row [nClass]float32
		nz := false
		for c := range row {
			row[c] = avg(p.w, p.tot, p.ts, f*nClass+c)
			nz = nz || row[c] != 0
		}
		if !nz {
			continue
		}
		m.index[k] = int32(len(m.weights) / nClass)
		m.weights = append(m.weights, row[:]...)
	}
	return m
}
