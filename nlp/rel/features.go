package rel

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/entigraph/entigraph/annot"
)

// The classes of the classifier: none, or one of the five learned types
// pointing forward (earlier mention → later one) or backward.
const (
	clsNone  = 0
	nLearned = 5
	nClass   = 1 + 2*nLearned
)

// learned lists the types the classifier learns, with their signatures.
var learned = [nLearned]struct {
	typ        annot.RelationType
	head, tail annot.Type
}{
	{annot.WorksFor, annot.Person, annot.Org},
	{annot.BasedIn, annot.Org, annot.Loc},
	{annot.LocatedIn, annot.Loc, annot.Loc},
	{annot.LivesIn, annot.Person, annot.Loc},
	{annot.Killed, annot.Person, annot.Person},
}

// classOf returns the class of relation type t between the earlier
// mention and the later one, forward when the earlier one is the head.
func classOf(t annot.RelationType, forward bool) int {
	for i, l := range learned {
		if l.typ == t {
			if forward {
				return 1 + 2*i
			}
			return 2 + 2*i
		}
	}
	return clsNone
}

// allowedClasses returns a bit set of the classes whose signature fits
// mention types a (earlier) and b (later); bit 0 (none) is always set.
func allowedClasses(a, b annot.Type) uint16 {
	set := uint16(1)
	for i, l := range learned {
		if l.head == a && l.tail == b {
			set |= 1 << (1 + 2*i)
		}
		if l.head == b && l.tail == a {
			set |= 1 << (2 + 2*i)
		}
	}
	return set
}

// FNV-1a, 64 bits: features are hashed, never stored as strings.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hstr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hsep hashes a separator byte that cannot occur inside a token.
func hsep(h uint64) uint64 { h ^= 0x1f; return h * fnvPrime }

// sentInfo is one sentence prepared for featurizing: lowercased tokens,
// their word stems and trigger-lexicon classes, and the mentions in it
// with their token spans.
type sentInfo struct {
	toks  []annot.Token
	arena []byte // backs the lowercased ASCII words of low
	low   []string
	stem  []string
	lex   []uint8
	ments []sentMention
}

type sentMention struct {
	idx        int // index into Document.Mentions
	typ        annot.Type
	start, end int // token span within the sentence
}

func (s *sentInfo) reset(toks []annot.Token) {
	s.toks = toks
	s.low, s.stem, s.lex, s.ments = s.low[:0], s.stem[:0], s.lex[:0], s.ments[:0]
	n := 0
	for _, t := range toks {
		n += len(t.Text)
	}
	if cap(s.arena) < n {
		// A new array: strings into the old one stay valid.
		s.arena = make([]byte, 0, n)
	}
	s.arena = s.arena[:0]
	for _, t := range toks {
		l := s.lower(t.Text)
		s.low = append(s.low, l)
		s.stem = append(s.stem, stem(l))
		s.lex = append(s.lex, lexClass(l))
	}
}

// lower lowercases a word. ASCII words are written into the sentence's
// arena rather than allocated: the strings live only while the sentence
// is featurized, and the arena never grows while they do (reset sizes it
// to the sentence), so each string keeps its bytes.
func (s *sentInfo) lower(w string) string {
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
		upper = upper || ('A' <= c && c <= 'Z')
	}
	if !upper {
		return w
	}
	start := len(s.arena)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		s.arena = append(s.arena, c)
	}
	return unsafe.String(&s.arena[start], len(w))
}

// stem strips common English inflections ("killed" → "kill", "talks" →
// "talk"), enough to share evidence between word forms.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing"):
		return w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ed"):
		return w[:n-2]
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != '\'':
		return w[:n-1]
	}
	return w
}

// shape is a coarse word shape: Xx, x, X, d or p.
func shape(w string) string {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsUpper(r):
		if strings.ToUpper(w) == w && len(w) > 1 {
			return "X"
		}
		return "Xx"
	case unicode.IsLower(r):
		return "x"
	case unicode.IsDigit(r):
		return "d"
	}
	return "p"
}

// bucket coarsens a distance.
func bucket(n int) int {
	switch {
	case n <= 4:
		return n
	case n <= 6:
		return 5
	case n <= 9:
		return 7
	case n <= 14:
		return 10
	case n <= 24:
		return 15
	}
	return 25
}

// featurizer turns a candidate pair into hashed features. It owns its
// buffers, so one is used per goroutine.
type featurizer struct {
	feats []uint64
	buf   []byte
}

func (f *featurizer) add(h uint64) { f.feats = append(f.feats, h) }

func (f *featurizer) add1(prefix, a string) {
	f.add(hstr(hsep(hstr(fnvOffset, prefix)), a))
}

func (f *featurizer) add2(prefix, a, b string) {
	f.add(hstr(hsep(hstr(hsep(hstr(fnvOffset, prefix)), a)), b))
}

func (f *featurizer) add3(prefix, a, b, c string) {
	f.add(hstr(hsep(hstr(hsep(hstr(hsep(hstr(fnvOffset, prefix)), a)), b)), c))
}

// addBuf adds the feature prefix, a, b and the bytes of f.buf.
func (f *featurizer) addBuf(prefix, a, b string) {
	h := hsep(hstr(hsep(hstr(hsep(hstr(fnvOffset, prefix)), a)), b))
	for _, c := range f.buf {
		h ^= uint64(c)
		h *= fnvPrime
	}
	f.add(h)
}

// tokOrType is the word at token i, or the type of the mention covering
// it (other than a and b), so that paths generalize over names.
func tokOrType(s *sentInfo, i int, a, b *sentMention) string {
	for k := range s.ments {
		m := &s.ments[k]
		if m == a || m == b {
			continue
		}
		if m.start <= i && i < m.end {
			return string(m.typ)
		}
	}
	return s.low[i]
}

// pair featurizes the pair (a, b), a before b in the sentence.
func (f *featurizer) pair(s *sentInfo, a, b *sentMention) []uint64 {
	f.feats = f.feats[:0]
	n := b.start - a.end
	f.shapeOfPair(s, a, b, n)
	f.between(s, a, b, n)
	f.path(s, a, b, n)
	f.context(s, a, b)
	f.mentions(s, a, b)
	f.patterns(s, a, b, n)
	return f.feats
}

// digit is the one-character string of a small number.
func digit(n int) string { return string(rune('0' + n)) }

// shapeOfPair adds the types, the distance and the mentions between.
func (f *featurizer) shapeOfPair(s *sentInfo, a, b *sentMention, n int) {
	ta, tb := string(a.typ), string(b.typ)
	f.add2("tp", ta, tb)
	f.add1("dist", digit(bucket(n)))
	f.add3("tpd", ta, tb, digit(bucket(n)))
	nm := 0
	for k := range s.ments {
		m := &s.ments[k]
		if m.start >= a.end && m.end <= b.start {
			nm++
			f.add1("bmt", string(m.typ))
		}
	}
	f.add1("nm", digit(min(nm, 3)))
	f.add3("tpnm", ta, tb, digit(min(nm, 3)))
}

// between adds the words between, their stems, bigrams and trigger
// classes, and the first and last of them.
func (f *featurizer) between(s *sentInfo, a, b *sentMention, n int) {
	prev := "<a>"
	for i := a.end; i < b.start; i++ {
		w := tokOrType(s, i, a, b)
		f.add1("bw", w)
		f.add1("bs", s.stem[i])
		f.add2("bb", prev, w)
		if s.lex[i] != 0 {
			f.add1("blex", lexNames[s.lex[i]])
			f.add2("blexd", lexNames[s.lex[i]], digit(bucket(min(i-a.end, b.start-1-i))))
		}
		prev = w
	}
	f.add2("bb", prev, "<b>")
	if n > 0 {
		f.add1("bf", tokOrType(s, a.end, a, b))
		f.add1("bl", tokOrType(s, b.start-1, a, b))
	} else {
		f.add1("bnone", "")
	}
}

// path adds the whole path between the mentions when it is short
// ("PERSON , a top official of the ORG"), else its two ends.
func (f *featurizer) path(s *sentInfo, a, b *sentMention, n int) {
	ta, tb := string(a.typ), string(b.typ)
	f.buf = f.buf[:0]
	if n <= 6 {
		for i := a.end; i < b.start; i++ {
			f.buf = append(f.buf, tokOrType(s, i, a, b)...)
			f.buf = append(f.buf, ' ')
		}
		f.addBuf("path", ta, tb)
		return
	}
	for _, i := range [4]int{a.end, a.end + 1, b.start - 2, b.start - 1} {
		f.buf = append(f.buf, tokOrType(s, i, a, b)...)
		f.buf = append(f.buf, ' ')
	}
	f.addBuf("lpath", ta, tb)
}

// context adds the words before a and after b, and trigger classes near.
func (f *featurizer) context(s *sentInfo, a, b *sentMention) {
	f.add1("a-1", at(s, a.start-1))
	f.add2("a-2", at(s, a.start-2), at(s, a.start-1))
	f.add1("b+1", at(s, b.end))
	f.add2("b+2", at(s, b.end), at(s, b.end+1))
	for i := max(0, a.start-4); i < a.start; i++ {
		if s.lex[i] != 0 {
			f.add1("alex", lexNames[s.lex[i]])
		}
	}
	for i := b.end; i < min(len(s.low), b.end+4); i++ {
		if s.lex[i] != 0 {
			f.add1("blex+", lexNames[s.lex[i]])
		}
	}
}

// mentions adds the mentions' head words, trigger words inside them
// ("Hamas politburo") and lengths.
func (f *featurizer) mentions(s *sentInfo, a, b *sentMention) {
	f.add1("ah", s.low[a.end-1])
	f.add1("bh", s.low[b.end-1])
	f.add2("ahbh", s.low[a.end-1], s.low[b.end-1])
	for i := a.start; i < a.end; i++ {
		if s.lex[i] != 0 {
			f.add1("inalex", lexNames[s.lex[i]])
		}
	}
	for i := b.start; i < b.end; i++ {
		if s.lex[i] != 0 {
			f.add1("inblex", lexNames[s.lex[i]])
		}
	}
	f.add2("len", digit(min(a.end-a.start, 4)), digit(min(b.end-b.start, 4)))
}

// inList reports whether a and b, of one type, are items of a list: only
// a comma or "and"/"or" between them, and another item of their type
// joined to either end ("A, B and C", "A and B, C").
func (f *featurizer) inList(s *sentInfo, a, b *sentMention) bool {
	if a.typ != b.typ || !joinsItems(s, a.end, b.start) {
		return false
	}
	for k := range s.ments {
		m := &s.ments[k]
		if m.typ != a.typ {
			continue
		}
		if (m.end <= a.start && joinsItems(s, m.end, a.start)) || (m.start >= b.end && joinsItems(s, b.end, m.start)) {
			return true
		}
	}
	return false
}

// joinsItems reports whether tokens [from, to) are one list separator:
// ",", "and", "or", ", and".
func joinsItems(s *sentInfo, from, to int) bool {
	switch to - from {
	case 1:
		w := s.low[from]
		return w == "," || w == "and" || w == "or"
	case 2:
		return s.low[from] == "," && (s.low[from+1] == "and" || s.low[from+1] == "or")
	}
	return false
}

// at is the lowercased token i, or a boundary marker.
func at(s *sentInfo, i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(s.low) {
		return "</s>"
	}
	return s.low[i]
}

// patterns adds features for the constructions that carry most relations
// in news: "Perugia, Italy", "Hamas's leader", "X of Y", "X-based Y",
// appositions and parentheses.
func (f *featurizer) patterns(s *sentInfo, a, b *sentMention, n int) {
	between := func(i int) string { return s.low[a.end+i] }
	switch {
	case n == 1 && between(0) == ",":
		f.add1("pat", "comma")
		if b.end == len(s.low) || s.low[b.end] == "," || s.low[b.end] == "." || s.low[b.end] == ";" {
			f.add1("pat", "comma-closed")
		}
	case n == 1 && (between(0) == "'s" || between(0) == "'"):
		f.add1("pat", "poss")
	case n == 1 && between(0) == "(":
		f.add1("pat", "paren")
	case n >= 1 && n <= 3 && between(0) == "of":
		f.add1("pat", "of")
	case n >= 1 && n <= 3 && between(0) == "in":
		f.add1("pat", "in")
	}
	if n >= 1 && n <= 3 {
		// "Hamas official X", "Toyota chairman X": only role words
		// and lowercase modifiers between.
		roles, other := 0, 0
		for i := a.end; i < b.start; i++ {
			switch {
			case s.lex[i] == lexRole:
				roles++
			case shape(s.toks[i].Text) != "x":
				other++
			}
		}
		if roles > 0 && other == 0 {
			f.add1("pat", "role-only")
		}
	}
	if n >= 2 && between(0) == "," {
		// Apposition: "A, a top official of B" or "A, B's leader".
		commas := 0
		for i := a.end; i < b.start; i++ {
			if s.low[i] == "," {
				commas++
			}
		}
		f.add1("appos", digit(min(commas, 3)))
		f.add1("appos-last", s.low[b.start-1])
	}
	for i := max(0, a.start-2); i < min(len(s.low), b.end+2); i++ {
		if strings.HasSuffix(s.low[i], "-based") {
			rel := "in"
			switch {
			case i < a.start:
				rel = "beforeA"
			case i < a.end:
				rel = "inA"
			case i < b.start:
				rel = "between"
			case i < b.end:
				rel = "inB"
			default:
				rel = "afterB"
			}
			f.add1("based", rel)
		}
	}
	// Lists: "Iraq, Lebanon and Yemen" names places side by side, not one
	// inside another.
	if f.inList(s, a, b) {
		f.add1("pat", "list")
	}
	// Any other mention of the head's or tail's type between the two.
	for k := range s.ments {
		m := &s.ments[k]
		if m.start >= a.end && m.end <= b.start {
			if m.typ == a.typ {
				f.add1("samea", "")
			}
			if m.typ == b.typ {
				f.add1("sameb", "")
			}
		}
	}
}
