package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// These tests run the built command as a process, for what only a process
// shows: signals, users, exit statuses.

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds the command once per test run.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the command")
	}
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "entigraph-test-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "entigraph")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
			return
		}
		// One start compiles Graphviz into this user's cache, so that
		// the signal tests do not signal a process still initialising
		// (before main, where Go's default handler would kill it).
		if out, err := exec.Command(binPath, "--help").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("%s --help: %v\n%s", binPath, err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// TestSecondUserStarts runs the command as another user after this one
// left go-graphviz's compilation cache in the shared temporary directory:
// it must start, not panic.
func TestSecondUserStarts(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run as another user")
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("setpriv not installed")
	}
	bin := binary(t)
	if err := os.Chmod(filepath.Dir(bin), 0o755); err != nil {
		t.Fatal(err)
	}
	// A shared temporary directory nobody else may write in, holding
	// root's cache, and no usable home: the worst case.
	tmp := t.TempDir()
	if err := os.Chmod(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(tmp, "go-graphviz"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"--help"}, {"build", "--help"}} {
		cmd := exec.Command(setpriv, append([]string{"--reuid=65534", "--regid=65534", "--clear-groups", bin}, args...)...)
		cmd.Env = []string{"TMPDIR=" + tmp, "HOME=/nonexistent", "PATH=/usr/bin:/bin"}
		out, err := cmd.CombinedOutput()
		if err != nil || bytes.Contains(out, []byte("panic")) {
			t.Errorf("%v as another user: %v\n%s", args, err, out)
		}
	}
}

// bigDOT writes a random graph that takes Graphviz many seconds to lay
// out.
func bigDOT(t *testing.T, dir string, nodes int) string {
	var b strings.Builder
	b.WriteString("graph g { graph [layout=neato, overlap=prism, splines=true];\n")
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := range nodes {
		for range 3 {
			fmt.Fprintf(&b, "n%d -- n%d;\n", i, rnd.IntN(nodes))
		}
	}
	b.WriteString("}\n")
	path := filepath.Join(dir, "big.dot")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestInterruptRender sends SIGINT, then SIGTERM, during a long layout: the
// command must exit 3 within seconds, writing no image and leaving no
// temporary file.
func TestInterruptRender(t *testing.T) {
	bin := binary(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			src := bigDOT(t, dir, 3000)
			out := filepath.Join(dir, "out.png")
			cmd := exec.Command(bin, "render", "-o", out, src)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(1500 * time.Millisecond) // well into the layout
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if code := cmd.ProcessState.ExitCode(); code != exitFatal {
					t.Errorf("exit status %d (%v), want %d; stderr:\n%s", code, err, exitFatal, stderr.String())
				}
			case <-time.After(30 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("still running 30 s after %v", sig)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if e.Name() != "big.dot" {
					t.Errorf("left %s behind", e.Name())
				}
			}
		})
	}
}

// TestInterruptRun sends SIGINT or SIGTERM while a long document is being
// analysed: the run must stop within seconds, abandoning the document in
// flight, exit 3 and write nothing.
func TestInterruptRun(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	line := strings.Repeat("Ana Silva met Bo Chen in Lisbon and spoke of Porto ", 2000)
	var b strings.Builder
	for b.Len() < 30<<20 {
		b.WriteString(line)
	}
	if err := os.WriteFile(big, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			out := filepath.Join(dir, "out.dot")
			cmd := exec.Command(bin, "build", "--max-doc-bytes", "40000000", "-o", out, big)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(1500 * time.Millisecond)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
				if code := cmd.ProcessState.ExitCode(); code != exitFatal || !strings.Contains(stderr.String(), "interrupted") {
					t.Errorf("exit status %d, want %d and \"interrupted\"; stderr:\n%s", code, exitFatal, stderr.String())
				}
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("still running 20 s after %v", sig)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("an output was written")
			}
		})
	}
}
