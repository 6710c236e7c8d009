package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Internal labels, in the order of the model's weight rows: O, then for
// each of PER, ORG and LOC the BILOU parts B (begin), I (inside), L (last)
// and U (unit-length entity). Tag reports them as BIO.
const (
	lO     = 0
	nTypes = 3
	nLab   = 1 + 4*nTypes
)

const (
	partB = iota
	partI
	partL
	partU
)

var typeNames = [nTypes]string{"PER", "ORG", "LOC"}

// bioNames are the tags Tag returns.
var bioNames = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

// labelBIO maps an internal label to its BIO tag.
var labelBIO = func() (out [nLab]string) {
	out[lO] = "O"
	for t, name := range typeNames {
		out[1+4*t+partB] = "B-" + name
		out[1+4*t+partI] = "I-" + name
		out[1+4*t+partL] = "I-" + name
		out[1+4*t+partU] = "B-" + name
	}
	return out
}()

// entType returns 1 (PER), 2 (ORG), 3 (LOC) or 0 (O) for a label.
func entType(l uint8) uint8 {
	if l == lO {
		return 0
	}
	return (l-1)/4 + 1
}

func part(l uint8) uint8 { return (l - 1) % 4 }

// allowed reports whether label b may follow label a (a == nLab: start).
func allowed(a, b uint8) bool {
	if a != nLab && a != lO && part(a) <= partI { // inside an open entity
		return b != lO && entType(b) == entType(a) && (part(b) == partI || part(b) == partL)
	}
	return b == lO || part(b) == partB || part(b) == partU
}

// final reports whether a sentence may end with label l.
func final(l uint8) bool { return l == lO || part(l) >= partL }

// encode converts IOB tags (conlleval semantics) to internal labels.
func encode(tags []string) []uint8 {
	out := make([]uint8, len(tags))
	for _, sp := range Spans(tags) {
		t := -1
		for k, n := range typeNames {
			if n == sp.Type {
				t = k
			}
		}
		if t < 0 {
			continue
		}
		base := uint8(1 + 4*t)
		if sp.End-sp.Start == 1 {
			out[sp.Start] = base + partU
			continue
		}
		out[sp.Start] = base + partB
		for i := sp.Start + 1; i < sp.End-1; i++ {
			out[i] = base + partI
		}
		out[sp.End-1] = base + partL
	}
	return out
}

const (
	fnvOff   = 14695981039346656037
	fnvPrime = 1099511628211
)

func mix(a, b uint64) uint64 {
	x := a*0x9E3779B97F4A7C15 ^ b
	x ^= x >> 29
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 32
	return x
}

// hlower hashes s lowercased with ASCII digits mapped to 0.
func hlower(s string) uint64 {
	h := uint64(fnvOff)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			} else if '0' <= c && c <= '9' {
				c = '0'
			}
			h ^= uint64(c)
			h *= fnvPrime
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		h ^= uint64(unicode.ToLower(r))
		h *= fnvPrime
	}
	return h
}

// Casing classes of a token.
const (
	casLower = iota // first letter lowercase
	casTitle        // first letter uppercase, some lowercase
	casUpper        // letters, all uppercase
	casNone         // no letters
	casPad          // sentence boundary
)

// Sentence modes.
const (
	modeMixed = iota
	modeUpper
	modeLower
	modeTitle
)

// tokInfo holds the per-token values that features are built from.
type tokInfo struct {
	lower  uint64
	shape  uint64
	sshape uint64
	pre    [4]uint64
	suf    [4]uint64
	gaz    uint32 // gazetteer bits: class*2 (+1 inside a phrase)
	cas    uint8
	pron   uint8  // 1: a personal pronoun follows within pronWin tokens, 2: one precedes
	roman  uint8  // Roman numeral in capitals (Ramesses II, Paul VI): see romanNumeral
	clu    uint16 // word cluster leaf id + 1 (0: not in the cluster vocabulary)
	desc   uint8  // descriptor class (descriptors.go)
	d1     uint8  // stage 1 label (stage 2 only)
}

var padL = tokInfo{lower: 0x1111, shape: 0x2222, sshape: 0x3333, cas: casPad, clu: cluPadL}
var padR = tokInfo{lower: 0x4444, shape: 0x5555, sshape: 0x6666, cas: casPad, clu: cluPadR}

func analyze(s string, t *tokInfo) {
	t.lower = hlower(s)
	t.roman = romanNumeral(s)
	var first, last [4]rune
	nr := 0
	hasU, hasL, firstU := false, false, false
	sh, ssh := uint64(fnvOff), uint64(fnvOff)
	var prevC rune = -1
	run := 0
	for _, r := range s {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			hasU = true
			if nr == 0 {
				firstU = true
			}
		case unicode.IsLower(r):
			c = 'x'
			hasL = true
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsLetter(r):
			c = 'x'
			hasL = true
		default:
			c = r
		}
		if c == prevC {
			run++
		} else {
			run = 1
			ssh = (ssh ^ uint64(c)) * fnvPrime
		}
		if run <= 4 {
			sh = (sh ^ uint64(c)) * fnvPrime
		}
		prevC = c
		lr := unicode.ToLower(r)
		if r >= '0' && r <= '9' {
			lr = '0'
		}
		if nr < 4 {
			first[nr] = lr
		}
		last[nr%4] = lr
		nr++
	}
	t.shape, t.sshape = sh, ssh
	switch {
	case !hasU && !hasL:
		t.cas = casNone
	case firstU && hasL:
		t.cas = casTitle
	case hasU && !hasL:
		t.cas = casUpper
	default:
		t.cas = casLower
	}
	h := uint64(fnvOff)
	for k := 0; k < 4; k++ {
		if k < nr {
			h = (h ^ uint64(first[k])) * fnvPrime
		}
		if k+1 < nr {
			t.pre[k] = h
		} else {
			t.pre[k] = 0
		}
	}
	h = uint64(fnvOff)
	for k := 0; k < 4; k++ {
		if k < nr {
			h = (h ^ uint64(last[(nr-1-k)%4])) * fnvPrime
		}
		if k+1 < nr {
			t.suf[k] = h
		} else {
			t.suf[k] = 0
		}
	}
}

// Gazetteer classes, in bit order.
const gazClasses = "ctrfoplwdgenku"

//go:embed data/gazetteer.txt.gz
var gazetteerGz []byte

// gazetteer maps the hash of a lowercased token sequence to a class mask;
// bit 15 marks a proper prefix of some phrase. It also holds the word
// clusters (see clusters.go).
type gazetteer struct {
	m      map[uint64]uint16
	maxLen int
	clu    map[uint64]uint16
}

const gazPrefix = 0x8000

// phraseSeed starts the hash of a gazetteer phrase; phraseStep adds a token.
const phraseSeed = 0x9a7e

func phraseStep(h, tok uint64) uint64 { return mix(h, tok) }

func loadGazetteer(b []byte) (*gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %v", err)
	}
	g := &gazetteer{m: make(map[uint64]uint16, 400000)}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		cls, phrase, ok := strings.Cut(line, "\t")
		ci := strings.Index(gazClasses, cls)
		if !ok || ci < 0 || len(cls) != 1 {
			return nil, fmt.Errorf("gazetteer: bad line %q", line)
		}
		toks := strings.Fields(phrase)
		h := uint64(phraseSeed)
		for i, t := range toks {
			h = phraseStep(h, hlower(t))
			if i < len(toks)-1 {
				g.m[h] |= gazPrefix
			}
		}
		g.m[h] |= 1 << ci
		if len(toks) > g.maxLen {
			g.maxLen = len(toks)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: %v", err)
	}
	return g, nil
}

// mark sets gazetteer bits on the tokens of one sentence.
func (g *gazetteer) mark(ti []tokInfo) {
	for i := range ti {
		ti[i].gaz = 0
	}
	for i := range ti {
		h := uint64(phraseSeed)
		for n := 1; n <= g.maxLen && i+n <= len(ti); n++ {
			h = phraseStep(h, ti[i+n-1].lower)
			v, ok := g.m[h]
			if !ok {
				break
			}
			if cls := v &^ gazPrefix; cls != 0 {
				for c := 0; c < len(gazClasses); c++ {
					if cls&(1<<c) == 0 {
						continue
					}
					ti[i].gaz |= 1 << (2 * c)
					for j := i + 1; j < i+n; j++ {
						ti[j].gaz |= 1 << (2*c + 1)
					}
				}
			}
			if v&gazPrefix == 0 {
				break
			}
		}
	}
}

// Feature templates.
const (
	tBias = iota + 1
	tW0
	tWM1
	tWP1
	tWM2
	tWP2
	tSh0
	tShM1
	tShP1
	tSsM1S0
	tSs0SP1
	tWM1W0
	tW0WP1
	tPre
	tSuf
	tInit
	tMode
	tGaz0
	tGaz0Cas
	tGazM1
	tGazP1
	tDCase
	tWM1Ss0
	tSs0WP1
	tCasPat
	tModeW0
	tD2
	tD2Maj
	tD2MajM1
	tD2MajP1
	tP1
	tP1M1
	tP1P1
	tPron
	tRoman
	tClu0
	tCluM1
	tCluP1
	tCluM2
	tCluP2
	tDescL
	tDescApp
)

func fh(t int, v uint64) uint64 {
	h := mix(uint64(t)*0x51ED27, v)
	if h == 0 {
		h = 1
	}
	return h
}

// featurizer computes feature hashes for the sentences of one document.
// It keeps its buffers between documents; it is not safe for concurrent use.
type featurizer struct {
	gaz   *gazetteer
	info  []tokInfo // per document token, padded by 2 at each sentence side
	start []int     // index in info of each sentence's first token
	n     []int     // tokens per sentence
	modes []uint8
	dcase map[uint64]uint8
	d2    map[uint64][nTypes]uint16
	feats []uint64
	offs  []int32
	// drop, when set (training only), reports whether token i of the
	// current sentence hides its word identity (word dropout).
	drop func(i int) bool
	// solo, when set (training only), reports whether the current sentence
	// is featurized as if its document held no other sentence, so that the
	// second pass does not learn to expect other mentions of every name.
	solo  func() bool
	alone bool
}

func newFeaturizer(g *gazetteer) *featurizer {
	return &featurizer{gaz: g, dcase: map[uint64]uint8{}, d2: map[uint64][nTypes]uint16{}}
}

// prepare analyses every token of the document.
func (f *featurizer) prepare(doc [][]string) {
	f.info = f.info[:0]
	f.start = f.start[:0]
	f.n = f.n[:0]
	f.modes = f.modes[:0]
	clear(f.dcase)
	for _, s := range doc {
		f.info = append(f.info, padL, padL)
		st := len(f.info)
		f.start = append(f.start, st)
		f.n = append(f.n, len(s))
		for _, w := range s {
			f.info = append(f.info, tokInfo{})
			t := &f.info[len(f.info)-1]
			analyze(w, t)
			t.clu = f.gaz.clu[t.lower]
			t.desc = descriptors[t.lower]
		}
		ti := f.info[st:]
		f.gaz.mark(ti)
		markPronouns(ti[:len(s)])
		var nu, nt, nl int
		for i := range ti {
			if len(s[i]) < 2 {
				continue
			}
			switch ti[i].cas {
			case casUpper:
				nu++
			case casTitle:
				nt++
			case casLower:
				nl++
			}
		}
		mode := uint8(modeMixed)
		switch {
		case nu >= 2 && nl+nt <= nu/4:
			mode = modeUpper
		case nu+nt == 0 && nl >= 2:
			mode = modeLower
		case nt >= 3 && nl <= nt/4 && nu <= nt:
			mode = modeTitle
		}
		f.modes = append(f.modes, mode)
		if mode == modeMixed {
			for i := 1; i < len(ti); i++ {
				switch ti[i].cas {
				case casTitle, casUpper:
					f.dcase[ti[i].lower] |= 1
				case casLower:
					f.dcase[ti[i].lower] |= 2
				}
			}
		}
		f.info = append(f.info, padR, padR)
	}
}

// setFirstPass records the stage 1 labels for the stage 2 features.
func (f *featurizer) setFirstPass(labels [][]uint8) {
	clear(f.d2)
	for si, ls := range labels {
		ti := f.info[f.start[si]:]
		for i, l := range ls {
			ti[i].d1 = l
			if et := entType(l); et > 0 {
				c := f.d2[ti[i].lower]
				c[et-1]++
				f.d2[ti[i].lower] = c
			}
		}
	}
}

// d2maj returns the majority stage 1 type of the word elsewhere in the
// document (0 when none) and the evidence counts without this token.
func (f *featurizer) d2of(t *tokInfo) (maj uint8, c [nTypes]uint16) {
	if t.cas == casPad || f.alone {
		return 0, c
	}
	c = f.d2[t.lower]
	if et := entType(t.d1); et > 0 {
		c[et-1]--
	}
	best := uint16(0)
	for k := 0; k < nTypes; k++ {
		if c[k] > best {
			best, maj = c[k], uint8(k+1)
		}
	}
	return maj, c
}

// sentence computes the features of sentence si into f.feats, with the
// features of token i in f.feats[f.offs[i]:f.offs[i+1]].
func (f *featurizer) sentence(si int, stage2 bool) {
	st, n := f.start[si], f.n[si]
	mode := uint64(f.modes[si])
	f.feats = f.feats[:0]
	f.offs = f.offs[:0]
	f.alone = stage2 && f.solo != nil && f.solo()
	add := func(t int, v uint64) { f.feats = append(f.feats, fh(t, v)) }
	for i := 0; i < n; i++ {
		f.offs = append(f.offs, int32(len(f.feats)))
		p := st + i
		t, m1, m2, p1, p2 := &f.info[p], &f.info[p-1], &f.info[p-2], &f.info[p+1], &f.info[p+2]
		add(tBias, 0)
		hide := f.drop != nil && f.drop(i)
		if !hide {
			add(tW0, t.lower)
		}
		add(tWM1, m1.lower)
		add(tWP1, p1.lower)
		add(tWM2, m2.lower)
		add(tWP2, p2.lower)
		add(tSh0, t.shape)
		add(tShM1, m1.shape)
		add(tShP1, p1.shape)
		add(tSsM1S0, mix(m1.sshape, t.sshape))
		add(tSs0SP1, mix(t.sshape, p1.sshape))
		if !hide {
			add(tWM1W0, mix(m1.lower, t.lower))
			add(tW0WP1, mix(t.lower, p1.lower))
		}
		for k := 0; k < 4; k++ {
			if t.pre[k] != 0 {
				add(tPre, t.pre[k]+uint64(k))
			}
			if t.suf[k] != 0 {
				add(tSuf, t.suf[k]+uint64(k))
			}
		}
		if i == 0 {
			add(tInit, t.sshape)
		}
		add(tMode, mix(mode, t.sshape))
		if mode != modeMixed && !hide {
			add(tModeW0, mix(mode, t.lower))
		}
		cas := uint64(t.cas)
		for b := 0; b < 2*len(gazClasses); b++ {
			if t.gaz&(1<<b) != 0 {
				add(tGaz0, uint64(b))
				add(tGaz0Cas, uint64(b)<<8|cas<<4|mode)
			}
			if m1.gaz&(1<<b) != 0 {
				add(tGazM1, uint64(b))
			}
			if p1.gaz&(1<<b) != 0 {
				add(tGazP1, uint64(b))
			}
		}
		add(tDCase, uint64(f.dcase[t.lower])<<8|cas<<4|mode)
		add(tWM1Ss0, mix(m1.lower, t.sshape))
		add(tSs0WP1, mix(t.sshape, p1.lower))
		add(tCasPat, uint64(m1.cas)<<8|cas<<4|uint64(p1.cas))
		if p1.roman != 0 {
			add(tRoman, uint64(p1.roman)<<12|uint64(cas)<<4|mode)
		}
		if t.roman != 0 {
			add(tRoman, uint64(t.roman)<<12|1<<8|uint64(m1.cas)<<4|mode)
		}
		if t.pron != 0 {
			add(tPron, uint64(t.pron)<<8|cas<<4|mode)
		}
		clusterFeatures(add, t, m1, m2, p1, p2)
		f.descriptorFeatures(add, p, cas)
		if stage2 {
			maj, c := f.d2of(t)
			for k := 0; k < nTypes; k++ {
				if c[k] > 0 {
					add(tD2, uint64(k)<<8|cas)
				}
			}
			if maj > 0 {
				add(tD2Maj, uint64(maj)<<8|cas<<4|mode)
			}
			mm1, _ := f.d2of(m1)
			mp1, _ := f.d2of(p1)
			if mm1 > 0 || maj > 0 {
				add(tD2MajM1, uint64(mm1)<<4|uint64(maj))
			}
			if mp1 > 0 || maj > 0 {
				add(tD2MajP1, uint64(mp1)<<4|uint64(maj))
			}
			add(tP1, uint64(t.d1))
			add(tP1M1, uint64(m1.d1)<<8|uint64(t.d1))
			add(tP1P1, uint64(p1.d1)<<8|uint64(t.d1))
		}
	}
	f.offs = append(f.offs, int32(len(f.feats)))
}

// pronWin is the distance within which markPronouns looks for a personal
// pronoun: "Mishima ... his", "Through his grandmother , Mishima".
const pronWin = 8

var pronouns = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range []string{"he", "she", "his", "her", "him", "himself", "herself", "hers"} {
		m[hlower(w)] = true
	}
	return m
}()

// markPronouns sets the pron bits of the tokens of one sentence.
func markPronouns(ti []tokInfo) {
	last := -1 << 30
	for i := range ti {
		ti[i].pron = 0
		if i-last <= pronWin {
			ti[i].pron |= 2
		}
		if pronouns[ti[i].lower] {
			last = i
		}
	}
	last = 1 << 30
	for i := len(ti) - 1; i >= 0; i-- {
		if last-i <= pronWin {
			ti[i].pron |= 1
		}
		if pronouns[ti[i].lower] {
			last = i
		}
	}
}

// romanNumeral returns 2 if s is a regnal number in capitals from II to
// XXXIX, optionally followed by a period, 1 for I, V and X alone (more
// often the pronoun or an initial) and 0 otherwise.
func romanNumeral(s string) uint8 {
	s = strings.TrimSuffix(s, ".")
	if s == "" || len(s) > 7 {
		return 0
	}
	i := 0
	for i < len(s) && i < 3 && s[i] == 'X' {
		i++
	}
	switch s[i:] {
	case "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX":
		if len(s) == 1 {
			return 1
		}
		return 2
	}
	return 0
}
