package input_test

import (
	"fmt"
	"strings"

	"github.com/entigraph/entigraph/input"
)

// A runner that opens files itself (from object storage, say) reads them
// with DocumentsFrom: the name gives the format, the ids and the errors,
// as for a local file.
func ExampleDocumentsFrom() {
	r := strings.NewReader(`{"id": "a1", "title": "Port talks", "text": "Ana Silva met Bo Chen in Lisbon."}
not json
{"text": "Bo Chen flew to Porto."}
`)
	for doc, err := range input.DocumentsFrom("gs://news/day1.jsonl", r, input.Options{}) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Printf("%s: %q\n", doc.ID, doc.Text)
	}
	// Output:
	// a1: "Port talks\n\nAna Silva met Bo Chen in Lisbon."
	// error: gs://news/day1.jsonl:2: malformed JSON: invalid character 'o' in literal null (expecting 'u')
	// gs://news/day1.jsonl:3: "Bo Chen flew to Porto."
}
