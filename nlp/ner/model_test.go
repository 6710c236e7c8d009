package ner

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func split(s string) [][]string {
	var out [][]string
	for _, line := range strings.Split(s, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// entities renders the tagged spans of a document as "TYPE:words".
func entities(doc, tags [][]string) []string {
	var out []string
	for i, s := range doc {
		for _, sp := range Spans(tags[i]) {
			out = append(out, sp.Type+":"+strings.Join(s[sp.Start:sp.End], " "))
		}
	}
	return out
}

// TestDefaultLoads checks that the embedded model loads once per process;
// BenchmarkDefaultLoad times it.
func TestDefaultLoads(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m2, _ := Default(); m2 != m {
		t.Error("Default returned a different model on the second call")
	}
	if len(m.stages) != 2 {
		t.Errorf("embedded model has %d stages, want 2", len(m.stages))
	}
}

func TestDefaultTagsSensibly(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{
			name: "news sentence",
			doc:  "Angela Merkel met Emmanuel Macron in Paris on Tuesday .",
			want: []string{"PER:Angela Merkel", "PER:Emmanuel Macron", "LOC:Paris"},
		},
		{
			name: "organization cue words",
			doc:  "The World Health Organization and the European Central Bank warned of risks in Brazil .",
			want: []string{"ORG:World Health Organization", "ORG:European Central Bank", "LOC:Brazil"},
		},
		{
			name: "lone surnames without a full name in the document",
			doc:  "While Putin spoke , Zelensky listened .",
			want: []string{"PER:Putin", "PER:Zelensky"},
		},
		{
			name: "regnal number and organization cue",
			doc:  "Charles III visited Canada in May .\nHe signed with Decca Records and moved to Nashville .",
			want: []string{"PER:Charles III", "LOC:Canada", "ORG:Decca Records", "LOC:Nashville"},
		},
		{
			name: "no entities",
			doc:  "the weather was cold and the trains were late .",
			want: nil,
		},
		{
			name: "document consistency",
			doc:  "Senator Elizabeth Warren spoke in Boston on Monday .\nWarren said the plan would help families .",
			want: []string{"PER:Elizabeth Warren", "LOC:Boston", "PER:Warren"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := split(tc.doc)
			got := entities(doc, m.Tag(doc))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("entities (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCasingRobustness checks that capitals and lowercase text do not
// produce garbage: a headline in capitals is not labelled word by word, and
// lowercase text without names yields nothing.
func TestCasingRobustness(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		"STOCKS FALL AS INVESTORS WORRY ABOUT RISING PRICES",
		"MARKETS RALLY AFTER STRONG JOBS REPORT",
		"PRICES RISE AGAIN AS WINTER APPROACHES",
	} {
		doc := split(line)
		tags := m.Tag(doc)
		labelled := 0
		for _, tg := range tags[0] {
			if tg != "O" {
				labelled++
			}
		}
		if 2*labelled > len(doc[0]) {
			t.Errorf("%q: %d of %d tokens labelled: %v", line, labelled, len(doc[0]), tags[0])
		}
	}
	doc := split("the committee said on monday that prices would rise again next year .")
	if got := entities(doc, m.Tag(doc)); len(got) != 0 {
		t.Errorf("lowercase text without names: got %v", got)
	}
}

func TestTagShapeAndConcurrency(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := [][][]string{
		nil,
		{{}},
		split("Reuters reported from Moscow .\nIvan Petrov ( 34 ) denied it ."),
		benchDoc(1, 300),
		{{"", "\xff\xfe", strings.Repeat("A", 1000), "😀", "É", "-", "U.S."}},
	}
	want := make([][][]string, len(docs))
	for i, d := range docs {
		want[i] = m.Tag(d)
		if len(want[i]) != len(d) {
			t.Fatalf("doc %d: %d sentences tagged, want %d", i, len(want[i]), len(d))
		}
		for j := range d {
			if len(want[i][j]) != len(d[j]) {
				t.Fatalf("doc %d sentence %d: %d tags for %d tokens", i, j, len(want[i][j]), len(d[j]))
			}
		}
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				i := (g + k) % len(docs)
				if diff := cmp.Diff(want[i], m.Tag(docs[i])); diff != "" {
					t.Errorf("concurrent Tag differs:\n%s", diff)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// tinyCorpus is a synthetic training set for testing the trainer.
func tinyCorpus(seed uint64, ndocs int) []Document {
	rng := rand.New(rand.NewPCG(seed, 7))
	people := []string{"Anna Berg", "Omar Haddad", "Li Wei", "Maria Rossi"}
	orgs := []string{"Acme Corp", "Globex Inc", "United Bank"}
	places := []string{"Oslo", "Cairo", "Lima", "New Delhi"}
	var docs []Document
	for d := 0; d < ndocs; d++ {
		var doc Document
		for s := 0; s < 4; s++ {
			var sent Sentence
			addEnt := func(name, typ string) {
				for i, w := range strings.Fields(name) {
					sent.Tokens = append(sent.Tokens, w)
					if i == 0 {
						sent.Tags = append(sent.Tags, "B-"+typ)
					} else {
						sent.Tags = append(sent.Tags, "I-"+typ)
					}
				}
			}
			addO := func(ws ...string) {
				for _, w := range ws {
					sent.Tokens = append(sent.Tokens, w)
					sent.Tags = append(sent.Tags, "O")
				}
			}
			addEnt(people[rng.IntN(len(people))], "PER")
			addO("works", "for")
			addEnt(orgs[rng.IntN(len(orgs))], "ORG")
			addO("in")
			addEnt(places[rng.IntN(len(places))], "LOC")
			addO(".")
			doc.Sentences = append(doc.Sentences, sent)
		}
		docs = append(docs, doc)
	}
	return docs
}

func TestTrainSaveLoadDeterministic(t *testing.T) {
	train, dev := tinyCorpus(1, 40), tinyCorpus(2, 10)
	opts := TrainOptions{Epochs: 3, Folds: 2, Seed: 5}
	var log bytes.Buffer
	m1, err := Train(train, dev, opts, &log)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "stage 1 epoch  1: dev F1") || !strings.Contains(log.String(), "stage 2 epoch  3: dev F1") {
		t.Errorf("training log lacks per-epoch dev F1:\n%s", log.String())
	}
	m2, err := Train(train, dev, opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b1, b2 bytes.Buffer
	if err := m1.Save(&b1); err != nil {
		t.Fatal(err)
	}
	if err := m2.Save(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Error("two trainings with the same seed saved different models")
	}
	loaded, err := Load(bytes.NewReader(b1.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var sc Scorer
	for _, d := range dev {
		pred := loaded.Tag(d.Tokens())
		for i, s := range d.Sentences {
			sc.Add(s.Tags, pred[i])
		}
	}
	if f := sc.F1(); f < 0.99 {
		t.Errorf("loaded model dev F1 = %.3f on separable synthetic data", f)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello")},
		{"gzip of garbage", gz([]byte("ENTINER2\xff\xff"))},
		{"wrong magic", gz([]byte("NOTAMODELxxxxxxxxxxxxxxxxxxxx"))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Load(bytes.NewReader(tc.in)); err == nil {
				t.Error("Load succeeded on a bad model")
			}
		})
	}
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// benchDoc builds a seeded pseudo-news document of n sentences.
func benchDoc(seed uint64, n int) [][]string {
	rng := rand.New(rand.NewPCG(seed, 11))
	words := strings.Fields("the a of in to and said on for with that was is by at from officials " +
		"government minister president company shares market police city talks week year after " +
		"would could new first told reporters statement")
	names := strings.Fields("Smith Ahmed Garcia Moscow Beijing Reuters Google Ukraine Texas Brussels " +
		"Microsoft Johnson Paris NATO Tehran Haniyeh Hamas Berlin Siemens Kenya")
	doc := make([][]string, n)
	for i := range doc {
		l := 10 + rng.IntN(25)
		s := make([]string, l)
		for j := range s {
			switch r := rng.IntN(10); {
			case r < 2:
				s[j] = names[rng.IntN(len(names))]
			case r < 3:
				s[j] = fmt.Sprint(rng.IntN(2000))
			default:
				s[j] = words[rng.IntN(len(words))]
			}
		}
		s[0] = strings.ToUpper(s[0][:1]) + s[0][1:]
		s[l-1] = "."
		doc[i] = s
	}
	return doc
}

func BenchmarkTag(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	doc := benchDoc(42, 40)
	ntok := 0
	for _, s := range doc {
		ntok += len(s)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Tag(doc)
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkTagParallel(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	doc := benchDoc(43, 40)
	ntok := 0
	for _, s := range doc {
		ntok += len(s)
	}
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			m.Tag(doc)
		}
	})
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkDefaultLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(bytes.NewReader(embeddedModel)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestGazetteerMarks(t *testing.T) {
	g, err := sharedGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	if len(gazClasses) > 15 {
		t.Fatalf("%d gazetteer classes do not fit the 15-bit class mask", len(gazClasses))
	}
	bit := func(class byte, inside bool) uint32 {
		b := 2 * strings.IndexByte(gazClasses, class)
		if inside {
			b++
		}
		return 1 << b
	}
	toks := []string{"Maria", "flew", "from", "New", "York", "to", "FRANCE", "with", "Acme", "Inc."}
	ti := make([]tokInfo, len(toks))
	for i, w := range toks {
		analyze(w, &ti[i])
	}
	g.mark(ti)
	tests := []struct {
		name  string
		tok   int
		want  uint32
		unset uint32
	}{
		{"first name", 0, bit('f', false), 0},
		{"common word", 1, bit('w', false), bit('t', false)},
		{"city phrase start", 3, bit('t', false), 0},
		{"city phrase inside", 4, bit('t', true), 0},
		{"country in capitals", 6, bit('c', false), 0},
		{"organization cue", 9, bit('o', false), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ti[tc.tok].gaz
			if got&tc.want != tc.want || got&tc.unset != 0 {
				t.Errorf("%s: gazetteer bits %b, want %b set and %b unset", toks[tc.tok], got, tc.want, tc.unset)
			}
		})
	}
}

// TestTrainExtraWeight checks that extra documents take part in training
// and that their weight changes the model, deterministically.
func TestTrainExtraWeight(t *testing.T) {
	train, dev, extra := tinyCorpus(1, 20), tinyCorpus(2, 10), tinyCorpus(3, 20)
	save := func(opts TrainOptions) []byte {
		t.Helper()
		var log bytes.Buffer
		m, err := Train(train, dev, opts, &log)
		if err != nil {
			t.Fatal(err)
		}
		if len(opts.Extra) > 0 && !strings.Contains(log.String(), "extra training data: 20 documents") {
			t.Errorf("training log does not report the extra documents:\n%s", log.String())
		}
		var b bytes.Buffer
		if err := m.Save(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	base := TrainOptions{Epochs: 2, Folds: -1, Seed: 5}
	none := save(base)
	base.Extra = extra
	half := save(base)
	if bytes.Equal(none, half) {
		t.Error("extra documents did not change the model")
	}
	if !bytes.Equal(half, save(base)) {
		t.Error("two trainings with the same extra documents saved different models")
	}
	base.ExtraWeight = 1
	if bytes.Equal(half, save(base)) {
		t.Error("the extra weight did not change the model")
	}
}
