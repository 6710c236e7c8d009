package main

import "io"

// runTrain is replaced by the recognizer work (issue 3).
func runTrain(args []string, stdout, stderr io.Writer) error {
	return usageErrorf("train: not built yet")
}
