package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/store"
)

func Example() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "store-example")
	defer os.RemoveAll(dir)
	s, err := store.Open(ctx, filepath.Join(dir, "corpus.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	// Monday's articles, then Tuesday's: the second index adds only the new one.
	monday := entigraph.Texts("Ana Silva met Bo Chen in Lisbon on Monday.")
	tuesday := entigraph.Texts("Ana Silva met Bo Chen in Lisbon on Monday.", "Bo Chen flew from Lisbon to Porto.")
	for _, day := range []entigraph.Source{monday, tuesday} {
		rep, err := s.Index(ctx, store.Config{}, day)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%d added, %d unchanged\n", rep.Added, rep.Unchanged)
	}
	corpus, err := s.Corpus(ctx, store.BuildOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := corpus.Graph(entigraph.View{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range g.Edges {
		fmt.Printf("%s -- %s: %g\n", e.Source, e.Target, e.Weight)
	}
	// Output:
	// 1 added, 0 unchanged
	// 1 added, 1 unchanged
	// Ana Silva -- Bo Chen: 0.5
	// Ana Silva -- Lisbon: 0.5
	// Bo Chen -- Lisbon: 1
	// Bo Chen -- Porto: 0.5
	// Lisbon -- Porto: 0.5
}
