package input

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Input is one entry of the expanded argument list: a path to read, or
// the error that stopped a path from being walked.
type Input struct {
	Path string
	Err  error
}

// SkipReason says why Walk left a file out. The values are short phrases
// meant for a summary line ("3 skipped: 2 unknown extension, 1 hidden").
type SkipReason string

// Reasons Walk skips a file or directory.
const (
	SkipHidden    SkipReason = "hidden"               // name starts with "."
	SkipUnknown   SkipReason = "unknown extension"    // not a format entigraph reads (see FormatOf)
	SkipSpecial   SkipReason = "not a regular file"   // socket, device, named pipe
	SkipBadLink   SkipReason = "broken symlink"       // dangling, or a loop of links
	SkipWalked    SkipReason = "already walked"       // a directory reached twice (a symlink loop, or named twice)
	SkipDuplicate SkipReason = "same file as another" // a file reached twice (through a symlink)
	SkipExcluded  SkipReason = "excluded"             // named in WalkOptions.Exclude (the run's own output)
	SkipSidecar   SkipReason = "date sidecar"         // NAME.date beside NAME: read with it (see SidecarSuffix)
)

// Skip is a file or directory Walk found but does not read.
type Skip struct {
	Path   string
	Reason SkipReason
}

// SkipSummary counts skipped entries by reason, for a summary line:
// "2 unknown extension, 1 hidden", most frequent first (ties by reason);
// "" when nothing was skipped.
func SkipSummary(skipped []Skip) string {
	counts := map[SkipReason]int{}
	for _, s := range skipped {
		counts[s.Reason]++
	}
	reasons := slices.Collect(maps.Keys(counts))
	slices.SortFunc(reasons, func(a, b SkipReason) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	parts := make([]string, len(reasons))
	for i, r := range reasons {
		parts[i] = fmt.Sprintf("%d %s", counts[r], r)
	}
	return strings.Join(parts, ", ")
}

// WalkOptions control Walk. The zero value is the default.
type WalkOptions struct {
	// Exclude lists paths never read, such as the run's own output files
	// or directories: a run must not read back what it writes. Paths are
	// compared after resolving symlinks; they need not exist yet.
	Exclude []string
}

// Expand is Walk without the list of skipped files.
func Expand(args []string) []Input {
	in, _ := Walk(args, WalkOptions{})
	return in
}

// Walk turns path arguments into the list of inputs to read, in order:
// a file stands for itself, a directory for the files below it in a format
// entigraph reads (see FormatOf), in lexical order; a glob pattern (*, ?,
// [) that names no file for the files it matches, sorted; "-" for
// standard input. A path that cannot be walked becomes an Input with Err
// set, in its place, and the others go on.
//
// Inside directories, symlinks to files and to directories are followed;
// a directory or file reached a second time (a symlink loop, or two links
// to one target) is read once. Hidden files and directories, files of
// unknown formats, special files and broken links are left out and
// returned as skipped, in walking order, so the caller can say how many
// were skipped and why. A skipped hidden directory is one entry.
func Walk(args []string, opts WalkOptions) ([]Input, []Skip) {
	w := &walker{dirs: map[string]bool{}, files: map[string]bool{}, exclude: map[string]bool{}}
	for _, p := range opts.Exclude {
		w.exclude[realPath(p)] = true
	}
	for _, arg := range args {
		w.arg(arg)
	}
	return w.out, w.skipped
}

// walker collects the inputs of one Walk; dirs and files hold the real
// paths (symlinks resolved) already seen.
type walker struct {
	out                  []Input
	skipped              []Skip
	dirs, files, exclude map[string]bool
}

func (w *walker) fail(p string, err error) {
	w.out = append(w.out, Input{Path: p, Err: &Error{Path: p, Err: describe(err)}})
}

func (w *walker) skip(p string, why SkipReason) {
	w.skipped = append(w.skipped, Skip{Path: p, Reason: why})
}

func (w *walker) arg(arg string) {
	if arg == StdinPath {
		w.out = append(w.out, Input{Path: arg})
		return
	}
	info, err := os.Stat(arg)
	if err != nil && strings.ContainsAny(arg, "*?[") {
		matches, gerr := filepath.Glob(arg)
		switch {
		case gerr != nil:
			w.fail(arg, gerr)
		case len(matches) == 0:
			w.fail(arg, errors.New("pattern matches no file"))
		}
		for _, m := range matches {
			w.arg(m)
		}
		return
	}
	switch {
	case err != nil:
		w.fail(arg, err)
	case info.IsDir():
		w.dir(arg)
	case w.exclude[realPath(arg)]:
		w.skip(arg, SkipExcluded)
	default:
		// A file named on the command line is read even if it has been
		// read before: the user asked for it.
		w.files[realPath(arg)] = true
		w.out = append(w.out, Input{Path: arg})
	}
}

// dir adds the files below directory p, following symlinks.
func (w *walker) dir(p string) {
	real := realPath(p)
	switch {
	case w.exclude[real]:
		w.skip(p, SkipExcluded)
		return
	case w.dirs[real]:
		w.skip(p, SkipWalked)
		return
	}
	w.dirs[real] = true
	entries, err := os.ReadDir(p)
	if err != nil {
		w.fail(p, err) // entries still holds what could be read
	}
	for _, e := range entries {
		name, q := e.Name(), filepath.Join(p, e.Name())
		if strings.HasPrefix(name, ".") {
			w.skip(q, SkipHidden)
			continue
		}
		typ := e.Type()
		if typ&fs.ModeSymlink != 0 {
			info, err := os.Stat(q)
			if err != nil {
				w.skip(q, SkipBadLink)
				continue
			}
			typ = info.Mode().Type()
		}
		switch {
		case typ.IsDir():
			w.dir(q)
		case !typ.IsRegular():
			w.skip(q, SkipSpecial)
		default:
			w.file(q, name)
		}
	}
}

// file adds the regular file q found in a directory walk.
func (w *walker) file(q, name string) {
	if base, ok := strings.CutSuffix(name, SidecarSuffix); ok {
		if _, known := FormatOf(base); known {
			w.skip(q, SkipSidecar)
			return
		}
	}
	if _, known := FormatOf(name); !known {
		w.skip(q, SkipUnknown)
		return
	}
	real := realPath(q)
	switch {
	case w.exclude[real]:
		w.skip(q, SkipExcluded)
	case w.files[real]:
		w.skip(q, SkipDuplicate)
	default:
		w.files[real] = true
		w.out = append(w.out, Input{Path: q})
	}
}

// realPath resolves p to an absolute path without symlinks, so that two
// names of one file compare equal. A path that does not exist (an output
// not yet written) is resolved through its directory.
func realPath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	} else if d, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		p = filepath.Join(d, filepath.Base(p))
	}
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}
