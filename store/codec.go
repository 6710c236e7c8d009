package store

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/graph"
)

// AliasesDigest identifies an aliases file by its bytes: a store indexed
// with one file builds from its partials only with the same file.
func AliasesDigest(data []byte) string {
	return fmt.Sprintf("sha256:%x", sha256.Sum256(data))
}

// digest identifies a document's content exactly (its text and date), so
// that any change to what the graph is made from replaces it; unlike
// entigraph.ContentHash, which ignores white space, case and punctuation.
func digest(text string, date int64, dated bool) []byte {
	h := sha256.New()
	io.WriteString(h, text)
	fmt.Fprintf(h, "\x00%t\x00%d", dated, date)
	return h.Sum(nil)[:16]
}

// gzips reuse compressors: a new gzip.Writer allocates about 800 KB.
var gzips = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

// packJSON encodes v as gzip-compressed JSON.
func packJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzips.Get().(*gzip.Writer)
	defer gzips.Put(zw)
	zw.Reset(&buf)
	if err := json.NewEncoder(zw).Encode(v); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// unpackJSON decodes what packJSON encoded into v.
func unpackJSON(data []byte, v any) error {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, v)
}

// packPartial encodes the one-document partial graph of pd.
func packPartial(o graph.Options, pd *graph.Prepared) ([]byte, error) {
	p := graph.NewPartial(o)
	p.AddPrepared(pd)
	return packJSON(p)
}

// packDoc encodes a document without its tokens, which nothing after
// recognition reads: what a build with other settings resolves again.
func packDoc(d *annot.Document) ([]byte, error) {
	c := *d
	c.Tokens = nil
	c.Sentences = make([]annot.Sentence, len(d.Sentences))
	for i, s := range d.Sentences {
		s.FirstToken, s.EndToken = 0, 0
		c.Sentences[i] = s
	}
	return packJSON(&c)
}
