package main

import (
	"bufio"
	"io"

	"github.com/entigraph/entigraph"
)

// writeOutput calls write with stdout, or, when path is set, with a
// temporary file beside path that is renamed over it only once write and
// the flush succeed: an interrupted run never leaves half a file.
func writeOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		bw := bufio.NewWriter(stdout)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	return entigraph.WriteFile(path, write)
}
