package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/entigraph/entigraph"
)

// Exit codes, documented in doc.go and the README.
const (
	exitOK          = 0
	exitInputFailed = 1 // some inputs failed; the output was still written
	exitUsage       = 2 // bad command line
	exitFatal       = 3 // nothing usable was written
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// The first signal cancels the run cleanly (no half-written
		// output); a second one, for work that cannot be cancelled
		// such as a layout in progress, ends the process at once.
		<-ctx.Done()
		stop()
	}()
	err := runContext(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(report(err, os.Stderr))
}

// run is the whole program: main only wires it to the process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return runContext(context.Background(), args, stdin, stdout, stderr)
}

func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, mainUsage)
		return usageErrorf("no command given")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "extract":
		return runExtract(ctx, rest, stdin, stdout, stderr)
	case "build":
		return runBuild(ctx, rest, stdin, stdout, stderr)
	case "index":
		return runIndex(ctx, rest, stdin, stdout, stderr)
	case "render":
		return runRender(ctx, rest, stdin, stdout, stderr)
	case "train":
		if hasFlag(rest, "--relations") {
			return runTrainRelations(rest, stdout, stderr)
		}
		return runTrain(rest, stdout, stderr)
	case "eval":
		if hasFlag(rest, "--relations") {
			return runEvalRelations(rest, stdout, stderr)
		}
		return runEval(rest, stdout, stderr)
	case "help", "-h", "--help":
		if len(rest) > 0 {
			return runContext(ctx, []string{rest[0], "--help"}, stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, mainUsage)
		return nil
	}
	fmt.Fprint(stderr, mainUsage)
	return usageErrorf("unknown command %q", cmd)
}

// usageError is a bad command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// inputsFailed reports that some inputs could not be processed; each was
// already reported on stderr as it happened.
type inputsFailed struct{ failed, total int }

func (e *inputsFailed) Error() string {
	return fmt.Sprintf("%d of %d inputs failed", e.failed, e.total)
}

// errNothingAnalysed ends a run in which no document could be analysed:
// nothing is written, exit status 1.
var errNothingAnalysed = errors.New("no document could be analysed; nothing written")

// nothingAnalysed is the error of a run that analysed no document, given
// what finishing its report returned: the report's own failure (an
// unwritable --errors file), else errNothingAnalysed.
func nothingAnalysed(finish error) error {
	var failed *inputsFailed
	if finish != nil && !errors.As(finish, &failed) {
		return finish
	}
	return errNothingAnalysed
}

// errHelp is returned after printing --help: exit status 0.
var errHelp = errors.New("help requested")

// report prints err and returns the exit status for it.
func report(err error, stderr io.Writer) int {
	var usage *usageError
	var failed *inputsFailed
	switch {
	case err == nil, errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "entigraph: %v\n", err)
		return exitUsage
	case errors.As(err, &failed), errors.Is(err, entigraph.ErrFailFast), errors.Is(err, errNothingAnalysed):
		fmt.Fprintf(stderr, "entigraph: %v\n", err)
		return exitInputFailed
	}
	fmt.Fprintf(stderr, "entigraph: %v\n", err)
	return exitFatal
}

// hasFlag reports whether args hold the boolean flag name.
func hasFlag(args []string, name string) bool {
	for _, a := range args {
		if a == name || a == name+"=true" {
			return true
		}
		if a == "--" {
			break
		}
	}
	return false
}
