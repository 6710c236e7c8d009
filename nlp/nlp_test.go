package nlp

import (
	"fmt"
	"strings"
	"testing"

	"github.com/entigraph/entigraph/annot"
	"github.com/google/go-cmp/cmp"
)

// sentenceTexts returns the text of each sentence of doc.
func sentenceTexts(doc *annot.Document) []string {
	var out []string
	for _, s := range doc.Sentences {
		out = append(out, doc.Text[s.Start:s.End])
	}
	return out
}

func tokenTexts(doc *annot.Document) []string {
	var out []string
	for _, t := range doc.Tokens {
		out = append(out, t.Text)
	}
	return out
}

func TestSegmentSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two sentences", "Ana Silva flew to Lisbon. She met the mayor.",
			[]string{"Ana Silva flew to Lisbon.", "She met the mayor."}},
		{"titles do not end sentences", "Dr. Lukas Brandt met Gen. Ortiz in St. Louis on Monday.",
			[]string{"Dr. Lukas Brandt met Gen. Ortiz in St. Louis on Monday."}},
		{"initialisms", "The U.S. delegation left. It returned on Friday.",
			[]string{"The U.S. delegation left.", "It returned on Friday."}},
		{"one paragraph per line", "Headline without a stop\nFirst paragraph here.\nSecond one.",
			[]string{"Headline without a stop", "First paragraph here.", "Second one."}},
		{"blank-line paragraphs keep wrapped lines together", "A sentence that is\nwrapped over lines.\n\nNext paragraph.",
			[]string{"A sentence that is\nwrapped over lines.", "Next paragraph."}},
		{"markdown heading and list", "# Title\n\nIntro line.\n- first item\n- second item",
			[]string{"# Title", "Intro line.", "- first item", "- second item"}},
		{"question and exclamation", "Who won? Nobody knows! Really.",
			[]string{"Who won?", "Nobody knows!", "Really."}},
		{"byte order mark", "\ufeffHello Nairobi.", []string{"Hello Nairobi."}},
		{"crlf line ends", "One line.\r\nAnother line.\r\n", []string{"One line.", "Another line."}},
		{"only white space", " \n\t\n ", nil},
		{"place abbreviation then lower case goes on", "She moved to Columbus, Miss. in March. Then she left.",
			[]string{"She moved to Columbus, Miss. in March.", "Then she left."}},
		{"personal title after an abbreviation's period starts a sentence", "She lived in Grants, N.M. Ms. Calico, then 19, left. The Rev. Dr. Lee spoke.",
			[]string{"She lived in Grants, N.M.", "Ms. Calico, then 19, left.", "The Rev. Dr. Lee spoke."}},
		{"place abbreviation then a capital on the next line ends", "It buys software from Acme, Gilroy, Calif.\n    Western Digital said so.",
			[]string{"It buys software from Acme, Gilroy, Calif.", "Western Digital said so."}},
		{"place abbreviation then a capital ends", "He lives in Portland, Ore. He said so.",
			[]string{"He lives in Portland, Ore.", "He said so."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Segment(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, sentenceTexts(doc)); diff != "" {
				t.Errorf("sentences (-want +got):\n%s", diff)
			}
			checkOffsets(t, doc)
		})
	}
}

func TestSegmentTokens(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"punctuation split", "Hamas, Iran and Qatar (Doha).",
			[]string{"Hamas", ",", "Iran", "and", "Qatar", "(", "Doha", ")", "."}},
		{"possessive split", "Iran's leader spoke.", []string{"Iran", "'s", "leader", "spoke", "."}},
		{"curly quotes keep their bytes", "He said “hello” to Iran’s envoy.",
			[]string{"He", "said", "“", "hello", "”", "to", "Iran", "’s", "envoy", "."}},
		{"accents and other scripts", "José Müller met 習近平 in Zürich.",
			[]string{"José", "Müller", "met", "習近平", "in", "Zürich", "."}},
		{"initialism kept whole", "The U.S. said no.", []string{"The", "U.S.", "said", "no", "."}},
		{"abbreviations keep their period", "Acme Corp. hired John F. Kennedy.",
			[]string{"Acme", "Corp.", "hired", "John", "F.", "Kennedy", "."}},
		{"sentence-final initial gives its period back", "He chose Plan B.", []string{"He", "chose", "Plan", "B", "."}},
		{"sentence-final capitalised word gives its period back", "They sailed into the Black Sea. Then it ended the Trojan War.",
			[]string{"They", "sailed", "into", "the", "Black", "Sea", ".", "Then", "it", "ended", "the", "Trojan", "War", "."}},
		{"sentence-final abbreviation keeps its period", "He joined Acme Inc. He met Martin Luther King Jr.",
			[]string{"He", "joined", "Acme", "Inc.", "He", "met", "Martin", "Luther", "King", "Jr."}},
		{"state abbreviations keep their period", "Plants in Bethany, Conn., and Jackson, Wyo., closed in Fresno, Calif.",
			[]string{"Plants", "in", "Bethany", ",", "Conn.", ",", "and", "Jackson", ",", "Wyo.", ",", "closed", "in", "Fresno", ",", "Calif."}},
		{"state abbreviations are case-sensitive", "They will miss. Wash it.",
			[]string{"They", "will", "miss", ".", "Wash", "it", "."}},
		{"sentence-final initialism keeps its period", "She moved to the U.S.", []string{"She", "moved", "to", "the", "U.S."}},
		{"em and en dashes split", "Saul Bass—who was famous–left in 1960–61.",
			[]string{"Saul", "Bass", "—", "who", "was", "famous", "–", "left", "in", "1960", "–", "61", "."}},
		{"place compounds split after the name", "The Lebanon-based channel and a U.S.-born, London-Headquartered firm.",
			[]string{"The", "Lebanon", "-based", "channel", "and", "a", "U.S.", "-born", ",", "London", "-Headquartered", "firm", "."}},
		{"pre-tokenized text keeps its tokens", "` ` We 'd play , ' ' said Atlanta businessman Neil Estes.",
			[]string{"`", "`", "We", "'d", "play", ",", "'", "'", "said", "Atlanta", "businessman", "Neil", "Estes."}},
		{"pre-tokenized by a spaced clitic alone", "Monday 's meeting was chaired by the Lebanon-based Commission.",
			[]string{"Monday", "'s", "meeting", "was", "chaired", "by", "the", "Lebanon-based", "Commission."}},
		{"one glued comma means ordinary text", "Iran , Iraq, and Qatar.",
			[]string{"Iran", ",", "Iraq", ",", "and", "Qatar", "."}},
		{"lowercase and bare compounds stay whole", "A home-based worker, well-born, said -based.",
			[]string{"A", "home-based", "worker", ",", "well-born", ",", "said", "-based", "."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Segment(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, tokenTexts(doc)); diff != "" {
				t.Errorf("tokens (-want +got):\n%s", diff)
			}
			checkOffsets(t, doc)
		})
	}
}

func TestSegmentSplitsOverlongSentences(t *testing.T) {
	text := strings.Repeat("word ", 3*MaxSentenceTokens+7)
	doc, err := Segment(text)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(doc.Sentences), 4; got != want {
		t.Fatalf("got %d sentences, want %d", got, want)
	}
	for i, s := range doc.Sentences {
		if n := s.EndToken - s.FirstToken; n > MaxSentenceTokens {
			t.Errorf("sentence %d has %d tokens, more than %d", i, n, MaxSentenceTokens)
		}
	}
	checkOffsets(t, doc)
}

func TestProcessRejectsInvalidUTF8(t *testing.T) {
	var p Pipeline
	if _, err := p.Process("abc\xffdef"); err != ErrInvalidUTF8 {
		t.Fatalf("got error %v, want ErrInvalidUTF8", err)
	}
}

func TestProcessMentionOffsets(t *testing.T) {
	text := "President Amara Okafor of Kenya met Lukas Brandt in Hamburg on Monday.\n" +
		"Okafor’s office said the “Northern Grain Cooperative” would sign.\n"
	var p Pipeline
	doc, err := p.Process(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Mentions) == 0 {
		t.Fatal("no mentions found")
	}
	checkOffsets(t, doc)
}

// checkOffsets verifies the invariants every Document must keep: texts are
// slices of the document at their offsets, tokens are ordered and lie in
// their sentence, and mentions lie on token boundaries.
func checkOffsets(t *testing.T, doc *annot.Document) {
	t.Helper()
	prevEnd := 0
	starts, ends := map[int]bool{}, map[int]bool{}
	for i, tok := range doc.Tokens {
		if tok.Start < prevEnd || tok.End <= tok.Start || tok.End > len(doc.Text) {
			t.Fatalf("token %d %q has bad offsets %d:%d (previous end %d)", i, tok.Text, tok.Start, tok.End, prevEnd)
		}
		if doc.Text[tok.Start:tok.End] != tok.Text {
			t.Errorf("token %d: text %q but slice %q", i, tok.Text, doc.Text[tok.Start:tok.End])
		}
		s := doc.Sentences[tok.Sentence]
		if i < s.FirstToken || i >= s.EndToken || tok.Start < s.Start || tok.End > s.End {
			t.Errorf("token %d %q is not inside its sentence %d", i, tok.Text, tok.Sentence)
		}
		starts[tok.Start], ends[tok.End] = true, true
		prevEnd = tok.End
	}
	for i, m := range doc.Mentions {
		if m.Start < 0 || m.End > len(doc.Text) || m.Start >= m.End {
			t.Fatalf("mention %d has bad offsets %d:%d", i, m.Start, m.End)
		}
		if doc.Text[m.Start:m.End] != m.Text {
			t.Errorf("mention %d: text %q but slice %q", i, m.Text, doc.Text[m.Start:m.End])
		}
		if !starts[m.Start] || !ends[m.End] {
			t.Errorf("mention %d %q does not lie on token boundaries", i, m.Text)
		}
		if i > 0 && m.Start < doc.Mentions[i-1].Start {
			t.Errorf("mention %d is out of order", i)
		}
	}
}

// FuzzProcess checks that any text either is rejected with an error or
// gives a document whose offsets all hold.
func FuzzProcess(f *testing.F) {
	f.Add("President Amara Okafor of Kenya met Lukas Brandt in Hamburg.")
	f.Add("“Quoted” text, Iran’s envoy &rsquo;s and U.S. policy.\n\n# Heading\n- item")
	f.Add("\ufeff\r\n\r\nA.\n\nB")
	f.Add("` ` Kevin O 'Brien , of Columbus , Miss . , said n't ' ' .")
	var p Pipeline
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := p.Process(text)
		if err != nil {
			return
		}
		checkOffsets(t, doc)
	})
}

func ExamplePipeline() {
	var p Pipeline // the zero value uses the default recognizer
	doc, err := p.Process("Ana Silva flew to Lisbon. She met the mayor.")
	if err != nil {
		panic(err)
	}
	for _, s := range doc.Sentences {
		fmt.Printf("sentence %d: %q\n", s.FirstToken, doc.Text[s.Start:s.End])
	}
	// Output:
	// sentence 0: "Ana Silva flew to Lisbon."
	// sentence 6: "She met the mayor."
}

func TestIsPretokenized(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"spaced comma", "Columbus , Miss .", true},
		{"spaced clitic", "Iran 's leader spoke", true},
		{"spaced negation", "He did n't go", true},
		{"spaced closing quote and bracket", "He said ' ' no ( really )", true},
		{"apostrophe inside a name is not evidence against", "Kevin O'Brien , 50", true},
		{"glued comma", "Iran, Iraq , Qatar", false},
		{"glued clitic", "Iran's leader , he said", false},
		{"glued plural possessive", "the students' union , he said", false},
		{"no punctuation at all", "Armenia lies east of Turkey.", false},
		{"only a final period", "Harrington taught at the National War College.", false},
		{"punctuation opening the text", ", and then", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isPretokenized(tt.text); got != tt.want {
				t.Errorf("isPretokenized(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
