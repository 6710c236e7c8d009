package beam_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/entigraph/entigraph/beam"
)

// Run builds and runs the pipeline: here on prism, in this process, over
// the sample articles, writing the graph as JSON.
func ExampleRun() {
	dir, err := os.MkdirTemp("", "entigraph-beam")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	o := beam.Options{Format: "json", Output: filepath.Join(dir, "graph.json")}
	st, err := beam.Run(ctx, "prism", o, beam.Expand(ctx, []string{"../testdata/articles"}))
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := os.ReadFile(o.Output)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(st.Docs, "documents,", st.Failed, "failed")
	fmt.Println(strings.Contains(string(out), `"nodes"`))
	// Output:
	// 14 documents, 0 failed
	// true
}
