package graph

import (
	"fmt"
	"strconv"
	"strings"
)

// ScopeKind is the unit of text in which two entities count as co-occurring.
type ScopeKind int

// Scope kinds. The zero value is ScopeSentence.
const (
	ScopeSentence ScopeKind = iota
	ScopeParagraph
	ScopeDocument
	ScopeWindow
)

// Scope is a co-occurrence unit. For ScopeWindow, Window is the number of
// consecutive sentences in each (sliding) window.
type Scope struct {
	Kind   ScopeKind
	Window int
}

// ParseScope parses "sentence", "paragraph", "document" or "window:N".
func ParseScope(s string) (Scope, error) {
	switch s {
	case "sentence", "":
		return Scope{Kind: ScopeSentence}, nil
	case "paragraph":
		return Scope{Kind: ScopeParagraph}, nil
	case "document":
		return Scope{Kind: ScopeDocument}, nil
	}
	if n, ok := strings.CutPrefix(s, "window:"); ok {
		w, err := strconv.Atoi(n)
		if err != nil || w < 1 {
			return Scope{}, fmt.Errorf("scope %q: window size must be a positive integer", s)
		}
		return Scope{Kind: ScopeWindow, Window: w}, nil
	}
	return Scope{}, fmt.Errorf("unknown scope %q (want sentence, paragraph, document or window:N)", s)
}

// String returns the form ParseScope accepts.
func (s Scope) String() string {
	switch s.Kind {
	case ScopeParagraph:
		return "paragraph"
	case ScopeDocument:
		return "document"
	case ScopeWindow:
		return "window:" + strconv.Itoa(s.Window)
	}
	return "sentence"
}
