package main

import "io"

// runEval is replaced by the recognizer work (issue 3).
func runEval(args []string, stdout, stderr io.Writer) error {
	return usageErrorf("eval: not built yet")
}
