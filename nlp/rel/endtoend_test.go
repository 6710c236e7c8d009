package rel

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entigraph/entigraph/annot"
)

func TestMapExact(t *testing.T) {
	gold := mustDocs(t, "[PER President Ann Lee] , head of [ORG Acme] , lives in [LOC Oslo] . => works_for:0,1 lives_in:0,2")[0]
	// The recognizer's view of the same text: the title left out of the
	// person, Oslo typed ORG, and a mention gold does not have.
	pred := *gold
	pred.Relations = nil
	pred.Mentions = []annot.Mention{
		{Text: "Ann Lee", Type: annot.Person, Start: 10, End: 17},
		{Text: "head", Type: annot.Org, Start: 20, End: 24},
		{Text: "Acme", Type: annot.Org, Start: 28, End: 32},
		{Text: "Oslo", Type: annot.Org, Start: 44, End: 48},
	}
	for i, m := range pred.Mentions {
		if gold.Text[m.Start:m.End] != m.Text {
			t.Fatalf("mention %d %q does not match the text %q", i, m.Text, gold.Text[m.Start:m.End])
		}
	}
	r := mapExact(gold, &pred)
	if len(r.pred.Relations) != 0 {
		t.Errorf("relations %v moved onto mentions with other bounds or types", r.pred.Relations)
	}
	want := map[[2]int]bool{{0, 2}: true, {2, 0}: true, {0, 3}: true, {3, 0}: true}
	if diff := cmp.Diff(want, r.skip); diff != "" {
		t.Errorf("skipped pairs (-want +got):\n%s", diff)
	}

	exact := *gold
	exact.Relations = nil
	r = mapExact(gold, &exact)
	if diff := cmp.Diff(gold.Relations, r.pred.Relations); diff != "" {
		t.Errorf("relations on exact mentions (-want +got):\n%s", diff)
	}
}

func TestThresholdDropsWeakRelations(t *testing.T) {
	m, err := Load(bytes.NewReader(trainSmall(t, 1)))
	if err != nil {
		t.Fatal(err)
	}
	d := mustDocs(t, "[PER Ann Lee] , head of [ORG Acme] , lives in [LOC Oslo] .")[0]
	all := m.Extract(d)
	if len(all) == 0 {
		t.Fatal("no relations without a threshold")
	}
	// A high temperature flattens the scores towards uniform, far below
	// the threshold.
	m.temp, m.threshold = 1e5, 0.9
	if got := m.extract(d, false); len(got) != 0 {
		t.Errorf("threshold %v kept %v", m.threshold, got)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if back.threshold != m.threshold {
		t.Errorf("threshold %v after a round trip, want %v", back.threshold, m.threshold)
	}
}

func TestTrainRecognized(t *testing.T) {
	docs, err := ReadBracketed(strings.NewReader(smallTrain + smallTrain))
	if err != nil {
		t.Fatal(err)
	}
	// A recognizer that finds the gold mentions of the text, so that
	// every gold relation maps.
	byText := map[string]*annot.Document{}
	for _, d := range docs {
		byText[d.Text] = d
	}
	recog := func(text string) (*annot.Document, error) {
		d := *byText[text]
		d.Relations = nil
		return &d, nil
	}
	var log strings.Builder
	m, err := Train(docs, nil, TrainOptions{Epochs: 3, Folds: 2, Recognize: recog}, &log)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "chosen: temperature") {
		t.Errorf("log has no calibration line:\n%s", log.String())
	}
	if !(m.threshold >= 0 && m.threshold < 1) || !(m.temp > 0) {
		t.Errorf("temperature %v, threshold %v", m.temp, m.threshold)
	}
	if _, err := Train(docs, nil, TrainOptions{Recognize: func(string) (*annot.Document, error) {
		return nil, bytes.ErrTooLarge
	}}, nil); err == nil {
		t.Error("no error from a failing recognizer")
	}
}
