package rel

import (
	"bytes"
	"compress/gzip"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/annot"
)

// smallTrain is a tiny training set in the bracketed format.
const smallTrain = `[PER Ann Lee] , head of [ORG Acme] , lives in [LOC Oslo] . => works_for:0,1 lives_in:0,2
[ORG Bolt] , based in [LOC Rome] , hired [PER Bo Ek] . => based_in:0,1 works_for:2,0
[PER Cy Dunn] killed [PER Di Fox] in [LOC Lima] . => killed:0,1
[LOC Lima] , [LOC Peru] , is big . => located_in:0,1
`

func trainSmall(t *testing.T, seed uint64) []byte {
	t.Helper()
	docs, err := ReadBracketed(strings.NewReader(smallTrain))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(docs, docs, TrainOptions{Epochs: 3, Seed: seed}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTrainIsDeterministic(t *testing.T) {
	a, b := trainSmall(t, 7), trainSmall(t, 7)
	if !bytes.Equal(a, b) {
		t.Error("two trainings with the same seed wrote different models")
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	a := trainSmall(t, 1)
	m, err := Load(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, buf.Bytes()) {
		t.Error("Save(Load(model)) differs from the model")
	}
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func TestLoadErrors(t *testing.T) {
	good := trainSmall(t, 1)
	zr, err := gzip.NewReader(bytes.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	var raw bytes.Buffer
	raw.ReadFrom(zr)
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"not gzip", []byte("hello"), "reading relation model"},
		{"wrong magic", gz([]byte("something else entirely")), "not a relation model"},
		{"truncated header", gz(raw.Bytes()[:len(magic)+4]), "header"},
		{"truncated weights", gz(raw.Bytes()[:raw.Len()-3]), "feature"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(bytes.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte("x"))
	f.Add(gz([]byte(magic + "\x01\x00\x00\x00\x0b\x00\x00\x00\x01\x00\x00\x00")))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Load(bytes.NewReader(b))
		if err != nil {
			return
		}
		d := mustDocs(t, "[PER Ann] met [ORG Acme] in [LOC Oslo] .")[0]
		m.Extract(d) // must not panic
	})
}

func mustDocs(t testing.TB, s string) []*annot.Document {
	t.Helper()
	docs, err := ReadBracketed(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// relView is a relation by its mentions' texts, for readable diffs.
type relView struct {
	Type       annot.RelationType
	Head, Tail string
	Trigger    string
}

func view(d *annot.Document, rs []annot.Relation) []relView {
	var out []relView
	for _, r := range rs {
		out = append(out, relView{r.Type, d.Mentions[r.Head].Text, d.Mentions[r.Tail].Text, r.Trigger})
	}
	return out
}

// TestExtract checks the embedded model and the met rules on gold
// mentions, one sentence per construction.
func TestExtract(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   string
		want []relView
	}{
		{"apposition with role of", "[PER Ruth Gale] , a senior director of [ORG Norland Mining] , quit .",
			[]relView{{annot.WorksFor, "Ruth Gale", "Norland Mining", "director of"}}},
		{"X-based", "The [LOC Lagos] -based lender [ORG Fidelis Bank] grew .",
			[]relView{{annot.BasedIn, "Fidelis Bank", "Lagos", "based"}}},
		{"city, country", "Riots broke out in [LOC Marseille] , [LOC France] , overnight .",
			[]relView{{annot.LocatedIn, "Marseille", "France", ""}}},
		{"killed", "[PER Tom Rusk] murdered [PER Ed Vance] in 1990 .",
			[]relView{{annot.Killed, "Tom Rusk", "Ed Vance", "murdered"}}},
		{"met and its object's organization", "[PER Ana Silva] met [ORG UN] envoy [PER Karl Moss] on Monday .",
			[]relView{{annot.Met, "Ana Silva", "Karl Moss", "met"}, {annot.WorksFor, "Karl Moss", "UN", "envoy"}}},
		{"coordinated met", "[PER Ana Silva] and [PER Karl Moss] held talks on Monday .",
			[]relView{{annot.Met, "Ana Silva", "Karl Moss", "talks"}}},
		{"negated met", "[PER Ana Silva] never met [PER Karl Moss] .", nil},
		{"no relation", "[PER Ana Silva] praised [PER Karl Moss] .", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustDocs(t, tt.in)[0]
			if diff := cmp.Diff(tt.want, view(d, m.Extract(d))); diff != "" {
				t.Errorf("relations (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExtractScoresAndIndices(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := mustDocs(t, "[PER Ann Lee] , head of [ORG Acme] , lives in [LOC Oslo] and met [PER Bo Ek] .")[0]
	for _, r := range m.Extract(d) {
		if r.Score < 0 || r.Score > 1 {
			t.Errorf("%v: score outside [0, 1]", r)
		}
		if r.TriggerEnd < r.TriggerStart || d.Text[r.TriggerStart:r.TriggerEnd] != r.Trigger {
			t.Errorf("%v: trigger offsets do not match its text", r)
		}
		d.Relations = append(d.Relations, r)
	}
	if err := d.Validate(); err != nil {
		t.Error(err)
	}
}

func TestExtractConcurrent(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := mustDocs(t, smallTrain)
	want := make([][]annot.Relation, len(docs))
	for i, d := range docs {
		want[i] = m.Extract(d)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, d := range docs {
				if diff := cmp.Diff(want[i], m.Extract(d)); diff != "" {
					t.Errorf("concurrent Extract differs (-want +got):\n%s", diff)
				}
			}
		}()
	}
	wg.Wait()
}

func TestExtractOddInput(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Extract(nil); got != nil {
		t.Errorf("Extract(nil) = %v", got)
	}
	for _, tc := range []struct {
		name  string
		spoil func(d *annot.Document)
	}{
		{"mention off a token boundary", func(d *annot.Document) { d.Mentions[1].Start++ }},
		{"sentence tokens out of range", func(d *annot.Document) { d.Sentences[0].EndToken = 99 }},
		{"mention sentence out of range", func(d *annot.Document) { d.Mentions[1].Sentence = 3 }},
		{"mention outside the text", func(d *annot.Document) { d.Mentions[1].End = 999 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := mustDocs(t, "[PER Ann] met [PER Bo] .")[0]
			if len(m.Extract(d)) == 0 {
				t.Fatal("no relation before the document is spoilt")
			}
			tc.spoil(d)
			if got := m.Extract(d); got != nil {
				t.Errorf("relations in a spoilt document: %v", got)
			}
		})
	}
}
