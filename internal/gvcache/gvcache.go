// Package gvcache points go-graphviz's WebAssembly compilation cache at a
// directory this user can write, before go-graphviz compiles Graphviz.
//
// go-graphviz compiles its WebAssembly module when its package is
// initialised, caching the result in $TMPDIR/go-graphviz, and panics when
// that directory exists but belongs to another user. Go initialises
// packages in import-path order once their imports are ready, so this
// package (github.com/entigraph/...) runs before go-graphviz's
// (github.com/goccy/...): it sets TMPDIR to a per-user cache directory,
// and package render puts the original back once go-graphviz is done.
// With the cache kept there, only the first start compiles (about a
// second); later starts load the compiled module in tens of milliseconds.
package gvcache

import (
	"os"
	"path/filepath"
)

// original is TMPDIR as the process got it, and whether it was set.
var (
	original    string
	originalSet bool
)

func init() {
	original, originalSet = os.LookupEnv("TMPDIR")
	if dir := cacheRoot(); dir != "" {
		os.Setenv("TMPDIR", dir)
	}
}

// noCache is a TMPDIR under which go-graphviz cannot make its cache
// directory, so it compiles without a cache instead of failing.
const noCache = "/dev/null"

// cacheRoot returns a directory whose go-graphviz subdirectory this user
// can write: the user's cache directory, else the temporary directory
// when that works, else a fresh private temporary directory, else
// noCache; "" leaves TMPDIR alone.
func cacheRoot() string {
	if base, err := os.UserCacheDir(); err == nil {
		dir := filepath.Join(base, "entigraph")
		if usable(dir) {
			return dir
		}
	}
	if usable(os.TempDir()) {
		return ""
	}
	if dir, err := os.MkdirTemp("", "entigraph-"); err == nil {
		return dir
	}
	return noCache
}

// usable reports whether dir/go-graphviz exists or can be made, and a
// file can be written in it.
func usable(dir string) bool {
	sub := filepath.Join(dir, "go-graphviz")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		return false
	}
	f, err := os.CreateTemp(sub, ".probe-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

// Restore puts TMPDIR back as the process got it.
func Restore() {
	if originalSet {
		os.Setenv("TMPDIR", original)
	} else {
		os.Unsetenv("TMPDIR")
	}
}
