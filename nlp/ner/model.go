package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"
)

// ModelFile is the name of the model file that Train writes into its output
// directory and that the package embeds from model/.
const ModelFile = "ner.model.gz"

//go:embed model/ner.model.gz
var embeddedModel []byte

// entry is one feature of a stage's weight table.
type entry struct {
	key uint64
	w   [nLab]float32
}

// stage is one pass of the tagger: emission weights per feature hash and
// label-transition weights.
type stage struct {
	tab   []entry // open addressing, key 0 = empty
	mask  uint64
	n     int
	trans [nLab + 1][nLab]float32 // row nLab: sentence start
}

func newStage(n int) *stage {
	size := 1
	for size < 2*n+1 {
		size <<= 1
	}
	return &stage{tab: make([]entry, size), mask: uint64(size - 1)}
}

func (s *stage) insert(key uint64, w *[nLab]float32) {
	for i := key & s.mask; ; i = (i + 1) & s.mask {
		e := &s.tab[i]
		if e.key == 0 {
			e.key, e.w = key, *w
			s.n++
			return
		}
		if e.key == key {
			e.w = *w
			return
		}
	}
}

func (s *stage) lookup(key uint64) *[nLab]float32 {
	for i := key & s.mask; ; i = (i + 1) & s.mask {
		e := &s.tab[i]
		if e.key == key {
			return &e.w
		}
		if e.key == 0 {
			return nil
		}
	}
}

// Model is a trained recognizer. It is safe for concurrent use.
type Model struct {
	stages []*stage // first pass, then optionally the document-level pass
	gaz    *gazetteer
	pool   sync.Pool // *tagger
}

type tagger struct {
	f      *featurizer
	scores []float32
	back   []uint8
	labels [][]uint8
}

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
	gazOnce      sync.Once
	gazShared    *gazetteer
	gazErr       error
)

func sharedGazetteer() (*gazetteer, error) {
	gazOnce.Do(func() {
		// The clusters load on another core while the gazetteer loads.
		type loaded struct {
			m   map[uint64]uint16
			err error
		}
		ch := make(chan loaded, 1)
		go func() {
			m, err := loadClusters(clustersGz)
			ch <- loaded{m, err}
		}()
		gazShared, gazErr = loadGazetteer(gazetteerGz)
		clu := <-ch
		if gazErr == nil {
			gazShared.clu, gazErr = clu.m, clu.err
		}
	})
	return gazShared, gazErr
}

// Default returns the model embedded in the package, loading it on first
// use. Later calls return the same model.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Load(bytes.NewReader(embeddedModel))
	})
	return defaultModel, defaultErr
}

// Tag labels every token of a document, given as sentences of tokens, with
// one of O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC. The result has the
// shape of doc.
func (m *Model) Tag(doc [][]string) [][]string {
	t := m.getTagger()
	defer m.pool.Put(t)
	lab := t.tag(m, doc)
	out := make([][]string, len(doc))
	total := 0
	for _, s := range doc {
		total += len(s)
	}
	flat := make([]string, total)
	for i, ls := range lab {
		out[i] = flat[:len(ls):len(ls)]
		flat = flat[len(ls):]
		for j, l := range ls {
			out[i][j] = labelBIO[l]
		}
		m.repair(doc[i], out[i])
	}
	m.propagate(doc, out)
	return out
}

func (m *Model) getTagger() *tagger {
	if t, ok := m.pool.Get().(*tagger); ok {
		return t
	}
	return &tagger{f: newFeaturizer(m.gaz)}
}

// tag returns label ids, valid until the tagger is reused.
func (t *tagger) tag(m *Model, doc [][]string) [][]uint8 {
	t.f.prepare(doc)
	if cap(t.labels) < len(doc) {
		t.labels = append(t.labels[:cap(t.labels)], make([][]uint8, len(doc)-cap(t.labels))...)
	}
	t.labels = t.labels[:len(doc)]
	for si, s := range doc {
		if cap(t.labels[si]) < len(s) {
			t.labels[si] = make([]uint8, len(s))
		}
		t.labels[si] = t.labels[si][:len(s)]
		clear(t.labels[si])
	}
	for k, st := range m.stages {
		if k > 0 {
			t.f.setFirstPass(t.labels)
		}
		for si := range doc {
			t.f.sentence(si, k > 0)
			t.decode(st, t.f.feats, t.f.offs, t.labels[si])
		}
	}
	return t.labels
}

// decode scores the features of one sentence and writes the Viterbi labels.
func (t *tagger) decode(st *stage, feats []uint64, offs []int32, out []uint8) {
	n := len(out)
	if n == 0 {
		return
	}
	if cap(t.scores) < n*nLab {
		t.scores = make([]float32, n*nLab*2)
	}
	sc := t.scores[:n*nLab]
	for i := 0; i < n; i++ {
		var row [nLab]float32
		for _, h := range feats[offs[i]:offs[i+1]] {
			if w := st.lookup(h); w != nil {
				for y := range row {
					row[y] += w[y]
				}
			}
		}
		copy(sc[i*nLab:], row[:])
	}
	t.back = viterbi(sc, &st.trans, n, out, t.back)
}

var negInf = float32(math.Inf(-1))

// preds lists, for each label, the labels that may precede it.
var preds = func() (out [nLab][]uint8) {
	for y := uint8(0); y < nLab; y++ {
		for p := uint8(0); p < nLab; p++ {
			if allowed(p, y) {
				out[y] = append(out[y], p)
			}
		}
	}
	return out
}()

// viterbi finds the best allowed label sequence for emission scores sc
// (n x nLab) and transition weights tr, writing it into out.
func viterbi(sc []float32, tr *[nLab + 1][nLab]float32, n int, out []uint8, back []uint8) []uint8 {
	if cap(back) < n*nLab {
		back = make([]uint8, n*nLab*2)
	}
	back = back[:n*nLab]
	var prev, cur [nLab]float32
	for y := uint8(0); y < nLab; y++ {
		if allowed(nLab, y) {
			prev[y] = sc[y] + tr[nLab][y]
		} else {
			prev[y] = negInf
		}
	}
	for i := 1; i < n; i++ {
		row := sc[i*nLab : i*nLab+nLab]
		bk := back[i*nLab : i*nLab+nLab]
		for y := range nLab {
			best, arg := negInf, uint8(0)
			for _, p := range preds[y] {
				if v := prev[p] + tr[p][y]; v > best {
					best, arg = v, p
				}
			}
			cur[y] = best + row[y]
			bk[y] = arg
		}
		prev = cur
	}
	best, arg := negInf, uint8(0)
	for y := uint8(0); y < nLab; y++ {
		if final(y) && prev[y] > best {
			best, arg = prev[y], y
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		arg = back[i*nLab+int(arg)]
	}
	return back
}

const modelMagic = "ENTINER2"

// Save writes the model, gzip-compressed, with weights quantized to 16 bits.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	put := func(v any) {
		if err == nil {
			err = binary.Write(bw, binary.LittleEndian, v)
		}
	}
	bw.WriteString(modelMagic)
	put(uint32(len(m.stages)))
	for _, st := range m.stages {
		put(st.trans)
		maxAbs := float32(0)
		for i := range st.tab {
			if st.tab[i].key != 0 {
				for _, v := range st.tab[i].w {
					maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
				}
			}
		}
		scale := maxAbs / 32767
		if scale == 0 {
			scale = 1
		}
		put(scale)
		put(uint32(st.n))
		// Keys first, then quantized weights column by column: compresses better.
		for i := range st.tab {
			if st.tab[i].key != 0 {
				put(st.tab[i].key)
			}
		}
		q := make([]int16, 0, st.n)
		for y := 0; y < nLab; y++ {
			q = q[:0]
			for i := range st.tab {
				if st.tab[i].key != 0 {
					q = append(q, int16(math.Round(float64(st.tab[i].w[y]/scale))))
				}
			}
			put(q)
		}
	}
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	// The gazetteer loads on another core while the weights are read.
	gazDone := make(chan struct{})
	go func() {
		sharedGazetteer()
		close(gazDone)
	}()
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: load model: %v", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("ner: load model: not an entigraph NER model")
	}
	get := func(v any) {
		if err == nil {
			err = binary.Read(br, binary.LittleEndian, v)
		}
	}
	var ns uint32
	get(&ns)
	if err != nil || ns == 0 || ns > 4 {
		return nil, fmt.Errorf("ner: load model: bad header")
	}
	m := &Model{}
	for k := 0; k < int(ns); k++ {
		var trans [nLab + 1][nLab]float32
		var scale float32
		var n uint32
		get(&trans)
		get(&scale)
		get(&n)
		if err != nil || n > 1<<26 {
			return nil, fmt.Errorf("ner: load model: bad stage header")
		}
		keys := make([]uint64, n)
		get(keys)
		q := make([]int16, int(n)*nLab)
		for y := 0; y < nLab; y++ {
			get(q[y*int(n) : (y+1)*int(n)])
		}
		if err != nil {
			return nil, fmt.Errorf("ner: load model: %v", err)
		}
		st := newStage(int(n))
		st.trans = trans
		for i, key := range keys {
			var w [nLab]float32
			for y := 0; y < nLab; y++ {
				w[y] = float32(q[y*int(n)+i]) * scale
			}
			st.insert(key, &w)
		}
		m.stages = append(m.stages, st)
	}
	<-gazDone
	if m.gaz, err = sharedGazetteer(); err != nil {
		return nil, err
	}
	return m, nil
}
