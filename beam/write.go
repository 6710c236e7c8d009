package beam

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/entigraph/entigraph"
	"github.com/entigraph/entigraph/graph"
)

// writeGraph writes g in format to output, as `entigraph build --format
// FORMAT -o OUTPUT` does: csv writes OUTPUT/nodes.csv and
// OUTPUT/edges.csv.
func writeGraph(ctx context.Context, g *graph.Graph, format, output string) error {
	switch format {
	case "csv":
		if !remote(output) {
			if err := os.MkdirAll(output, 0o755); err != nil {
				return err
			}
		}
		if err := writeFile(ctx, joinPath(output, "nodes.csv"), func(w io.Writer) error {
			return graph.WriteCSV(w, io.Discard, g)
		}); err != nil {
			return err
		}
		return writeFile(ctx, joinPath(output, "edges.csv"), func(w io.Writer) error {
			return graph.WriteCSV(io.Discard, w, g)
		})
	case "gexf":
		return writeFile(ctx, output, func(w io.Writer) error { return graph.WriteGEXF(w, g) })
	case "graphml":
		return writeFile(ctx, output, func(w io.Writer) error { return graph.WriteGraphML(w, g) })
	case "json":
		return writeFile(ctx, output, func(w io.Writer) error { return graph.WriteJSON(w, g) })
	case "", "dot":
		return writeFile(ctx, output, func(w io.Writer) error { return graph.WriteDOT(w, g) })
	}
	return fmt.Errorf("unknown format %q", format)
}

// writeFailures writes the failures, sorted into input order, as JSON
// Lines to path; nothing when path is empty.
func writeFailures(ctx context.Context, path string, failures func(*Failure) bool) error {
	if path == "" {
		return nil
	}
	var all []Failure
	var f Failure
	for failures(&f) {
		all = append(all, f)
	}
	slices.SortFunc(all, func(a, b Failure) int {
		if a.Input != b.Input {
			return a.Input - b.Input
		}
		if a.Record != b.Record {
			return a.Record - b.Record
		}
		return strings.Compare(a.Error, b.Error) // an error before the warning of the same record cannot happen; keep the order total anyway
	})
	return writeFile(ctx, path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, f := range all {
			if err := enc.Encode(entigraph.Failure{Input: f.Path, Line: f.Line, Error: f.Error}); err != nil {
				return err
			}
		}
		return nil
	})
}

// remote reports whether path names a Beam file system (gs://, s3://)
// rather than a local file.
func remote(path string) bool { return strings.Contains(path, "://") }

func joinPath(dir, name string) string {
	if remote(dir) {
		return strings.TrimSuffix(dir, "/") + "/" + name
	}
	return filepath.Join(dir, name)
}

// writeFile writes a local file atomically (a temporary file beside it,
// renamed over it once complete), or a remote one through its Beam file
// system.
func writeFile(ctx context.Context, path string, write func(io.Writer) error) error {
	if remote(path) {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		fs, err := filesystem.New(ctx, path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		defer fs.Close()
		if err := filesystem.Write(ctx, fs, path, buf.Bytes()); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return nil
	}
	return entigraph.WriteFile(path, write)
}
