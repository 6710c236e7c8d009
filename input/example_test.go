package input_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/entigraph/entigraph/input"
)

func ExampleParseDate() {
	for _, s := range []string{"2026-03-14T09:30:00+01:00", "26-FEB-1987 15:01:01.79", "Sat, 14 Mar 2026 08:30:00 GMT", "03/04/2026"} {
		d, ok := input.ParseDate(s)
		fmt.Println(d.Format("2006-01-02 15:04"), ok)
	}
	// Output:
	// 2026-03-14 08:30 true
	// 1987-02-26 15:01 true
	// 2026-03-14 08:30 true
	// 0001-01-01 00:00 false
}

func ExampleWalk() {
	dir, _ := os.MkdirTemp("", "corpus")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Amara Okafor met Lukas Brandt."), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.pdf"), []byte("%PDF"), 0o644)
	os.Symlink("a.txt", filepath.Join(dir, "b.txt"))

	inputs, skipped := input.Walk([]string{dir}, input.WalkOptions{})
	for _, in := range inputs {
		fmt.Println("read", filepath.Base(in.Path))
	}
	for _, s := range skipped {
		fmt.Println("skipped", filepath.Base(s.Path)+":", s.Reason)
	}
	// Output:
	// read a.txt
	// skipped b.txt: same file as another
	// skipped notes.pdf: unknown extension
}

func ExampleDocuments() {
	data := "id;title;text;date\n" +
		"n1;Port deal;Amara Okafor met Lukas Brandt in Hamburg.;26-FEB-1987 15:01:01.79\n"
	path := filepath.Join(os.TempDir(), "example-news.csv")
	os.WriteFile(path, []byte(data), 0o644)
	defer os.Remove(path)

	for doc, err := range input.Documents(input.Input{Path: path}, nil, input.Options{}) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(doc.ID, doc.Line, doc.Date.Format("2006-01-02"))
		fmt.Println(strings.ReplaceAll(doc.Text, "\n", "|"))
		fmt.Println(doc.Notes)
	}
	// Output:
	// n1 2 1987-02-26
	// Port deal||Amara Okafor met Lukas Brandt in Hamburg.
	// [CSV delimiter ';' (detected from the header)]
}
