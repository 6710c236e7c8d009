package rel

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"sync"

	"github.com/entigraph/entigraph/annot"
)

// ModelFile is the name of the embedded model file in nlp/rel/model.
const ModelFile = "rel.model.gz"

// MaxPairTokens is the longest distance, in tokens between the two
// mentions, at which a pair is a candidate. Longer pairs are rare as
// relations and would make long sentences quadratic.
const MaxPairTokens = 40

// Model is a trained relation classifier plus the rules for met. It is
// safe for concurrent use.
type Model struct {
	index   map[uint64]int32 // feature hash → row in weights
	weights []float32        // nClass weights per feature
	bias    [nClass]float32
	// temp divides the scores before the softmax that makes Score: the
	// perceptron's margins are not probabilities, and Train fits temp on
	// the dev pairs so that they come close.
	temp float32
	// NoRetype stops Extract from changing the type of a mention that a
	// confident relation needs of another type (see retype.go). Set it
	// before the model is shared.
	NoRetype bool
	// threshold is the score below which Extract drops a learned
	// relation, chosen by cross-validation on the training data (0: none).
	threshold float32
	pool      sync.Pool // *worker
}

// worker holds one goroutine's buffers.
type worker struct {
	s  sentInfo
	f  featurizer
	sc [nClass]float32
}

func (m *Model) getWorker() *worker {
	if w, ok := m.pool.Get().(*worker); ok {
		return w
	}
	return new(worker)
}

// scores fills w.sc with the classifier's scores for features fs.
func (m *Model) scores(fs []uint64, sc *[nClass]float32) {
	*sc = m.bias
	for _, h := range fs {
		if r, ok := m.index[h]; ok {
			row := m.weights[int(r)*nClass : int(r+1)*nClass]
			for c := range sc {
				sc[c] += row[c]
			}
		}
	}
}

// decide picks the best allowed class and its softmax probability among
// the allowed classes.
func decide(sc *[nClass]float32, allowed uint16, temp float32) (int, float64) {
	if temp <= 0 {
		temp = 1
	}
	best := clsNone
	for c := 1; c < nClass; c++ {
		if allowed&(1<<c) != 0 && sc[c] > sc[best] {
			best = c
		}
	}
	var z float64
	for c := 0; c < nClass; c++ {
		if allowed&(1<<c) != 0 {
			z += math.Exp(float64((sc[c] - sc[best]) / temp))
		}
	}
	return best, 1 / z
}

// Extract returns the relations between the mentions of doc, sorted by
// sentence, head and tail. doc's mentions must lie on token boundaries,
// sorted by offset, as a Recognizer returns them; others are ignored. An
// inconsistent document (one doc.Validate rejects) has no relations.
// Unless m.NoRetype is set, Extract may change the Type of a PERSON
// mention to ORG in doc.Mentions when a relation needs it (see
// retype.go: "the TV channel Al Mayadeen").
func (m *Model) Extract(doc *annot.Document) []annot.Relation {
	return m.extract(doc, true)
}

// extractLearned returns only the relations of the classifier, not met.
func (m *Model) extractLearned(doc *annot.Document) []annot.Relation {
	return m.extract(doc, false)
}

func (m *Model) extract(doc *annot.Document, met bool) []annot.Relation {
	if doc == nil || len(doc.Mentions) < 2 || doc.Validate() != nil {
		return nil
	}
	w := m.getWorker()
	defer m.pool.Put(w)
	var out []annot.Relation
	eachSentence(doc, &w.s, func(s *sentInfo, si int) {
		first := len(out)
		if !m.NoRetype {
			m.retype(doc, s, w)
		}
		forPairs(s, func(a, b *sentMention) {
			allowed := allowedClasses(a.typ, b.typ)
			if allowed == 1 || conjoined(s, a, b) {
				return
			}
			m.scores(w.f.pair(s, a, b), &w.sc)
			c, p := decide(&w.sc, allowed, m.temp)
			if c == clsNone || p < float64(m.threshold) {
				return
			}
			out = append(out, makeRelation(doc, s, si, a, b, c, p))
		})
		out = inferThroughPlaces(out, first)
		if met {
			out = appendMet(out, doc, s, si)
		}
	})
	out = slices.DeleteFunc(out, func(r annot.Relation) bool {
		return !annot.CreditsMayRelate(doc.Mentions[r.Head], doc.Mentions[r.Tail])
	})
	sortRelations(out)
	return out
}

// makeRelation builds the relation of class c between a and b.
func makeRelation(doc *annot.Document, s *sentInfo, si int, a, b *sentMention, c int, p float64) annot.Relation {
	l := learned[(c-1)/2]
	h, t := a, b
	if c%2 == 0 {
		h, t = b, a
	}
	r := annot.Relation{Type: l.typ, Head: h.idx, Tail: t.idx, Score: p, Sentence: si}
	setTrigger(&r, doc, s, a, b)
	return r
}

// inferThroughPlaces adds, for the relations of one sentence (out[first:]),
// what a place inside another implies: lives_in(X, Perugia) and
// located_in(Perugia, Italy) give lives_in(X, Italy), and likewise for
// based_in. CoNLL04 annotates the implied relation in 43 of the 44 cases
// of its training split. The added relation scores the lower of the two
// and keeps the first one's trigger.
func inferThroughPlaces(out []annot.Relation, first int) []annot.Relation {
	n := len(out)
	for i := first; i < n; i++ {
		r := out[i]
		if r.Type != annot.LivesIn && r.Type != annot.BasedIn {
			continue
		}
		for j := first; j < n; j++ {
			l := out[j]
			if l.Type != annot.LocatedIn || l.Head != r.Tail || l.Tail == r.Head {
				continue
			}
			if !hasRelation(out[first:], r.Type, r.Head, l.Tail) {
				inf := r
				inf.Tail = l.Tail
				inf.Score = min(r.Score, l.Score)
				out = append(out, inf)
			}
		}
	}
	return out
}

func hasRelation(rs []annot.Relation, t annot.RelationType, head, tail int) bool {
	for _, r := range rs {
		if r.Type == t && r.Head == head && r.Tail == tail {
			return true
		}
	}
	return false
}

func sortRelations(rs []annot.Relation) {
	sort.Slice(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if a.Sentence != b.Sentence {
			return a.Sentence < b.Sentence
		}
		if a.Head != b.Head {
			return a.Head < b.Head
		}
		if a.Tail != b.Tail {
			return a.Tail < b.Tail
		}
		return a.Type < b.Type
	})
}

// eachSentence prepares every sentence of doc holding two mentions or
// more and calls fn with it.
func eachSentence(doc *annot.Document, s *sentInfo, fn func(*sentInfo, int)) {
	mi := 0
	for si := range doc.Sentences {
		first := mi
		for mi < len(doc.Mentions) && doc.Mentions[mi].Sentence == si {
			mi++
		}
		if mi-first < 2 {
			// Mentions out of sentence order: skip ahead.
			for mi < len(doc.Mentions) && doc.Mentions[mi].Sentence < si {
				mi++
			}
			continue
		}
		toks := doc.SentenceTokens(si)
		s.reset(toks)
		for k := first; k < mi; k++ {
			mt := doc.Mentions[k]
			st, en, ok := tokenSpan(toks, mt.Start, mt.End)
			if !ok {
				continue
			}
			s.ments = append(s.ments, sentMention{idx: k, typ: mt.Type, start: st, end: en})
		}
		if len(s.ments) >= 2 {
			fn(s, si)
		}
	}
}

// tokenSpan maps a byte span to the token span it covers exactly.
func tokenSpan(toks []annot.Token, start, end int) (int, int, bool) {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= start })
	if i == len(toks) || toks[i].Start != start {
		return 0, 0, false
	}
	j := i
	for j < len(toks) && toks[j].End < end {
		j++
	}
	if j == len(toks) || toks[j].End != end {
		return 0, 0, false
	}
	return i, j + 1, true
}

// forPairs calls fn for every pair of non-overlapping mentions a before
// b at most MaxPairTokens apart.
func forPairs(s *sentInfo, fn func(a, b *sentMention)) {
	forPairIdx(s, func(i, j int) { fn(&s.ments[i], &s.ments[j]) })
}

// The model file: magic, version, class and feature counts, the
// temperature, the threshold (from version 2 on), the bias row, then per
// feature its hash and nClass float32 weights, sorted by hash; gzipped.
const magic = "entigraph-rel\x00"
const version = 2

// Save writes m in the model file format.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	keys := make([]uint64, 0, len(m.index))
	for k := range m.index {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	// A model without a threshold is written as version 1, so that the
	// embedded model, trained without one, stays byte-identical.
	v := uint32(version)
	if m.threshold == 0 {
		v = 1
	}
	bw.WriteString(magic)
	binary.Write(bw, binary.LittleEndian, v)
	binary.Write(bw, binary.LittleEndian, uint32(nClass))
	binary.Write(bw, binary.LittleEndian, uint32(len(keys)))
	binary.Write(bw, binary.LittleEndian, m.temp)
	if v >= 2 {
		binary.Write(bw, binary.LittleEndian, m.threshold)
	}
	binary.Write(bw, binary.LittleEndian, m.bias[:])
	for _, k := range keys {
		r := m.index[k]
		binary.Write(bw, binary.LittleEndian, k)
		binary.Write(bw, binary.LittleEndian, m.weights[int(r)*nClass:int(r+1)*nClass])
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing relation model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("writing relation model: %w", err)
	}
	return nil
}

// maxFeatures bounds what Load accepts, so a corrupt header cannot ask
// for gigabytes.
const maxFeatures = 1 << 24

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("reading relation model: %w", err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("reading relation model: not a relation model file")
	}
	var hdr [3]uint32
	if err := binary.Read(br, binary.LittleEndian, &hdr); err != nil {
		return nil, fmt.Errorf("reading relation model header: %w", err)
	}
	if (hdr[0] != 1 && hdr[0] != version) || hdr[1] != nClass || hdr[2] > maxFeatures {
		return nil, fmt.Errorf("reading relation model: unsupported version %d, %d classes, %d features", hdr[0], hdr[1], hdr[2])
	}
	m := &Model{index: make(map[uint64]int32, hdr[2]), weights: make([]float32, int(hdr[2])*nClass)}
	if err := binary.Read(br, binary.LittleEndian, &m.temp); err != nil {
		return nil, fmt.Errorf("reading relation model: %w", err)
	}
	if !(m.temp > 0 && m.temp < 1e6) {
		return nil, fmt.Errorf("reading relation model: bad temperature %v", m.temp)
	}
	if hdr[0] >= 2 {
		if err := binary.Read(br, binary.LittleEndian, &m.threshold); err != nil {
			return nil, fmt.Errorf("reading relation model: %w", err)
		}
		if !(m.threshold >= 0 && m.threshold < 1) {
			return nil, fmt.Errorf("reading relation model: bad threshold %v", m.threshold)
		}
	}
	if err := binary.Read(br, binary.LittleEndian, m.bias[:]); err != nil {
		return nil, fmt.Errorf("reading relation model: %w", err)
	}
	for i := 0; i < int(hdr[2]); i++ {
		var k uint64
		if err := binary.Read(br, binary.LittleEndian, &k); err != nil {
			return nil, fmt.Errorf("reading relation model feature %d: %w", i, err)
		}
		if err := binary.Read(br, binary.LittleEndian, m.weights[i*nClass:(i+1)*nClass]); err != nil {
			return nil, fmt.Errorf("reading relation model feature %d: %w", i, err)
		}
		m.index[k] = int32(i)
	}
	for _, v := range m.weights {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return nil, errors.New("reading relation model: weight is not finite")
		}
	}
	return m, nil
}

// conjoined reports whether only a coordinating conjunction, possibly
// with an article, stands between mentions a and b ("Canada and the
// European Union"): conjuncts are named together, not related.
func conjoined(s *sentInfo, a, b *sentMention) bool {
	conj := false
	for k := a.end; k < b.start; k++ {
		switch s.low[k] {
		case "and", "or", "&":
			conj = true
		case "the", ",":
		default:
			return false
		}
	}
	return conj
}
