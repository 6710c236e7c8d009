package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is a tokenized sentence with one BIO tag per token. Tags may be
// nil for unlabelled text.
type Sentence struct {
	Tokens []string
	Tags   []string
}

// Document is a sequence of sentences that belong together (a news article).
type Document struct {
	Sentences []Sentence
}

// Tokens returns the document as sentences of token strings, the input form
// of Model.Tag.
func (d Document) Tokens() [][]string {
	out := make([][]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = s.Tokens
	}
	return out
}

// Tags returns the gold tags of the document, sentence by sentence.
func (d Document) Tags() [][]string {
	out := make([][]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = s.Tags
	}
	return out
}

// ReadCoNLL reads a CoNLL-format NER file: one token per line with
// whitespace-separated columns, the token first and the tag last; a blank
// line ends a sentence and a line starting with -DOCSTART- ends a document.
// It also reads Universal NER's IOB2 files: tab-separated index, token,
// tag, "-" and annotator, with "# key = value" comments, of which
// "# newdoc" ends a document.
// Tags may be IOB2 or IOB1; they are normalised to IOB2 with the types PER,
// ORG and LOC (PERSON becomes PER, GPE becomes LOC); every other type (MISC)
// becomes O. A file without -DOCSTART- lines is one document. Malformed
// lines are reported with their line number.
func ReadCoNLL(r io.Reader) ([]Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	var (
		docs   []Document
		cur    Document
		toks   []string
		tags   []string
		lineNo int
	)
	endSent := func() {
		if len(toks) > 0 {
			cur.Sentences = append(cur.Sentences, Sentence{Tokens: toks, Tags: toIOB2(tags)})
			toks, tags = nil, nil
		}
	}
	endDoc := func() {
		endSent()
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
			cur = Document{}
		}
	}
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.HasPrefix(line, "-DOCSTART-") {
			endDoc()
			continue
		}
		if strings.TrimSpace(line) == "" {
			endSent()
			continue
		}
		if strings.HasPrefix(line, "# ") && strings.Contains(line, " = ") { // UNER comment
			if strings.HasPrefix(line, "# newdoc ") {
				endDoc()
			}
			continue
		}
		if f := strings.Split(line, "\t"); unerLine(f) {
			tag, err := normTag(f[2])
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", lineNo, err)
			}
			toks = append(toks, f[1])
			tags = append(tags, tag)
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 {
			return nil, fmt.Errorf("line %d: want at least two columns (token and tag), got %q", lineNo, line)
		}
		tag, err := normTag(f[len(f)-1])
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", lineNo, err)
		}
		toks = append(toks, f[0])
		tags = append(tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %v", lineNo+1, err)
	}
	endDoc()
	return docs, nil
}

// unerLine reports whether the tab-separated fields of a line are in the
// layout of Universal NER's IOB2 files: index, token, tag, "-", annotator.
func unerLine(f []string) bool {
	if len(f) != 5 || f[3] != "-" || f[1] == "" || f[0] == "" {
		return false
	}
	for _, c := range f[0] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// normTag validates a tag and maps its type to PER, ORG, LOC, or drops it
// to O. The prefix is kept (B or I); IOB1 is converted per sentence later.
func normTag(t string) (string, error) {
	if t == "O" {
		return "O", nil
	}
	if len(t) < 3 || (t[0] != 'B' && t[0] != 'I' && t[0] != 'E' && t[0] != 'S' && t[0] != 'L' && t[0] != 'U') || (t[1] != '-' && t[1] != '_') {
		return "", fmt.Errorf("bad tag %q: want O or B-TYPE/I-TYPE", t)
	}
	var typ string
	switch t[2:] {
	case "PER", "PERSON":
		typ = "PER"
	case "ORG", "ORGANIZATION":
		typ = "ORG"
	case "LOC", "GPE", "LOCATION":
		typ = "LOC"
	default:
		return "O", nil
	}
	switch t[0] {
	case 'B', 'S', 'U':
		return "B-" + typ, nil
	default: // I, E, L: inside
		return "I-" + typ, nil
	}
}

// toIOB2 turns IOB1 (an I- tag may start an entity) into IOB2 in place.
func toIOB2(tags []string) []string {
	prev := "O"
	for i, t := range tags {
		if strings.HasPrefix(t, "I-") && (prev == "O" || prev[2:] != t[2:]) {
			tags[i] = "B-" + t[2:]
		}
		prev = tags[i]
	}
	return tags
}
