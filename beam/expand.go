package beam

import (
	"context"
	"errors"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/entigraph/entigraph/input"
)

// Expand turns path arguments into the inputs to read, in order: local
// paths as input.Expand does (files, directories walked in lexical order,
// glob patterns), and paths on a Beam file system (gs://bucket/news/*.jsonl.gz,
// s3://...) as the sorted files their pattern matches, through the file
// system registered for their scheme. A path that cannot be expanded
// becomes an Input with Err set, in its place, as with input.Expand.
func Expand(ctx context.Context, args []string) []input.Input {
	var out []input.Input
	for _, arg := range args {
		if !remote(arg) {
			out = append(out, input.Expand([]string{arg})...)
			continue
		}
		names, err := listRemote(ctx, arg)
		if err == nil && len(names) == 0 {
			err = errors.New("pattern matches no file")
		}
		if err != nil {
			out = append(out, input.Input{Path: arg, Err: &input.Error{Path: arg, Err: err}})
			continue
		}
		for _, n := range names {
			out = append(out, input.Input{Path: n})
		}
	}
	return out
}

func listRemote(ctx context.Context, pattern string) ([]string, error) {
	fs, err := filesystem.New(ctx, pattern)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	names, err := fs.List(ctx, pattern)
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	return names, nil
}

// remoteDocuments reads a file of a Beam file system with package input,
// so that its documents are those of the same file read locally.
func remoteDocuments(ctx context.Context, path string, opts input.Options, yield func(input.Document, error) bool) {
	fail := func(err error) { yield(input.Document{}, &input.Error{Path: path, Err: err}) }
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		fail(err)
		return
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, path)
	if err != nil {
		fail(err)
		return
	}
	defer r.Close()
	for d, err := range input.DocumentsFrom(path, r, opts) {
		if !yield(d, err) {
			return
		}
	}
}
