package main

import (
	"bufio"
	"cmp"
	"encoding/gob"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/entigraph/entigraph/annot"
	"github.com/entigraph/entigraph/input"
	"github.com/entigraph/entigraph/nlp"
	"github.com/entigraph/entigraph/resolve"
)

// doc is the cached analysis of one article.
type doc struct {
	ID       string
	Text     string
	Mentions []annot.Mention
}

func main() {
	corpus := flag.String("corpus", "../shared/data/reuters21578/reuters21578.jsonl.gz", "Reuters-21578 JSON Lines")
	cache := flag.String("cache", "", "cache of recognized mentions (written when absent)")
	check := flag.String("check", "resolve/testdata/reuters-check.tsv", "hand-annotated check set")
	list := flag.Int("list", 0, "print the N most frequent names and their nodes instead of scoring")
	misses := flag.Bool("misses", false, "print the check-set names whose mentions miss")
	merges := flag.Int("merges", 0, "print the N clusters that merged the most entity keys, for review")
	conll := flag.String("conll", "", "measure on the gold mentions of this CoNLL-2003 file instead of the corpus")
	flag.Parse()
	if *conll != "" {
		if err := runCoNLL(*conll, *check, *list, *misses, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "reuterscheck:", err)
			os.Exit(1)
		}
		return
	}
	if *merges > 0 {
		docs, err := load(*corpus, *cache)
		if err != nil {
			fmt.Fprintln(os.Stderr, "reuterscheck:", err)
			os.Exit(1)
		}
		printMerges(os.Stdout, docs, *merges)
		return
	}
	if err := run(*corpus, *cache, *check, *list, *misses, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "reuterscheck:", err)
		os.Exit(1)
	}
}

func run(corpus, cache, check string, list int, misses bool, w io.Writer) error {
	docs, err := load(corpus, cache)
	if err != nil {
		return err
	}
	return report(docs, check, list, misses, w)
}

// runCoNLL scores the gold mentions of a CoNLL-2003 file.
func runCoNLL(path, check string, list int, misses bool, w io.Writer) error {
	docs, err := readCoNLL(path)
	if err != nil {
		return err
	}
	return report(docs, check, list, misses, w)
}

// report resolves docs and lists the most frequent names (list > 0) or
// scores them against the check set.
func report(docs []doc, check string, list int, misses bool, w io.Writer) error {
	res := resolveAll(docs)
	if list > 0 {
		printList(w, res, list)
		return nil
	}
	set, err := readCheck(check)
	if err != nil {
		return err
	}
	score(w, res, set, misses)
	return nil
}

// load reads the cache, or recognizes the corpus and writes the cache.
func load(corpus, cache string) ([]doc, error) {
	if cache != "" {
		if f, err := os.Open(cache); err == nil {
			defer f.Close()
			var docs []doc
			if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&docs); err != nil {
				return nil, fmt.Errorf("reading cache %s: %w", cache, err)
			}
			return docs, nil
		}
	}
	if _, err := os.Stat(corpus); err != nil {
		return nil, fmt.Errorf("corpus not found (it lives in ../shared): %w", err)
	}
	var texts []input.Document
	for d, err := range input.Documents(input.Input{Path: corpus}, nil, input.Options{}) {
		if err != nil {
			return nil, err
		}
		texts = append(texts, d)
	}
	docs := make([]doc, len(texts))
	var p nlp.Pipeline
	var wg sync.WaitGroup
	errs := make([]error, len(texts))
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				ad, err := p.Process(texts[i].Text)
				if err != nil {
					errs[i] = fmt.Errorf("%s: %w", texts[i].ID, err)
					continue
				}
				docs[i] = doc{ID: texts[i].ID, Text: ad.Text, Mentions: ad.Mentions}
			}
		}()
	}
	for i := range texts {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if cache != "" {
		f, err := os.Create(cache)
		if err != nil {
			return nil, err
		}
		bw := bufio.NewWriter(f)
		if err := gob.NewEncoder(bw).Encode(docs); err != nil {
			f.Close()
			return nil, err
		}
		if err := bw.Flush(); err != nil {
			f.Close()
			return nil, err
		}
		if err := f.Close(); err != nil {
			return nil, err
		}
	}
	return docs, nil
}

// placed is where one mention landed.
type placed struct {
	name, node string
	typ        annot.Type // the node's type
	rtyp       annot.Type // the type the recognizer gave the mention
}

// resolveAll resolves the corpus as the graph does: per document, then
// the corpus-level clusters over the entities summed by key.
func resolveAll(docs []doc) []placed {
	ents := map[string]*resolve.Entity{}
	type ref struct {
		key  string
		name string
		typ  annot.Type
	}
	var refs []ref
	for _, d := range docs {
		locals, of := resolve.Document(d.Text, d.Mentions, nil)
		for _, l := range locals {
			e := ents[l.Key]
			if e == nil {
				e = resolve.NewEntity(l.Key)
				ents[l.Key] = e
			}
			e.Add(l)
		}
		for i, m := range d.Mentions {
			if of[i] >= 0 {
				refs = append(refs, ref{locals[of[i]].Key, resolve.CleanName(m.Text), m.Type})
			}
		}
	}
	keys, list := sortedEntities(ents)
	node := map[string]resolve.Cluster{}
	for _, c := range resolve.Clusters(list) {
		for _, m := range c.Members {
			node[keys[m]] = c
		}
	}
	out := make([]placed, len(refs))
	for i, r := range refs {
		c := node[r.key]
		out[i] = placed{name: r.name, node: c.Name, typ: c.Type, rtyp: r.typ}
	}
	return out
}

// byName counts, for each name, the mentions per (node, type).
func byName(res []placed) (map[string]map[string]int, []string) {
	m := map[string]map[string]int{}
	total := map[string]int{}
	for _, p := range res {
		if m[p.name] == nil {
			m[p.name] = map[string]int{}
		}
		m[p.name][p.node+"\t"+string(p.typ)+"\t"+string(p.rtyp)]++
		total[p.name]++
	}
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(-cmp.Compare(total[a], total[b]), strings.Compare(a, b)) })
	return m, names
}

func printList(w io.Writer, res []placed, n int) {
	m, names := byName(res)
	for _, name := range names[:min(n, len(names))] {
		dests := m[name]
		ks := make([]string, 0, len(dests))
		tot := 0
		for k, c := range dests {
			ks = append(ks, k)
			tot += c
		}
		slices.SortFunc(ks, func(a, b string) int { return cmp.Or(-cmp.Compare(dests[a], dests[b]), strings.Compare(a, b)) })
		var parts []string
		for _, k := range ks[:min(3, len(ks))] {
			parts = append(parts, fmt.Sprintf("%s=%d", strings.ReplaceAll(k, "\t", "/"), dests[k]))
		}
		fmt.Fprintf(w, "%s\t%d\t%s\n", name, tot, strings.Join(parts, " | "))
	}
}

// entry is one line of the check set: a name, its true entity's type and
// the node names acceptable for it.
type entry struct {
	name   string
	count  int
	typ    annot.Type // "" for a name with no single referent
	accept []string
	span   bool // the recognizer's span is wrong: no node can be right
}

// anyType in a check set says the mention's own (gold) type is the
// right one.
const anyType annot.Type = "*"

// readCheck reads the check set: name, count, type, acceptable node
// names separated by "|", and an optional note. Lines starting with # are
// comments.
func readCheck(path string) ([]entry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []entry
	for i, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			return nil, fmt.Errorf("%s:%d: want name, count, type, names", path, i+1)
		}
		n, err := strconv.Atoi(f[1])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: count: %w", path, i+1, err)
		}
		t, ok := annot.ParseType(f[2])
		if f[2] == "*" {
			t, ok = anyType, true
		}
		if !ok && f[2] != "-" {
			return nil, fmt.Errorf("%s:%d: unknown type %q", path, i+1, f[2])
		}
		e := entry{name: f[0], count: n, typ: t, accept: strings.Split(f[3], "|")}
		e.span = len(f) > 4 && strings.HasPrefix(f[4], "span:")
		out = append(out, e)
	}
	return out, nil
}

// score prints how many mentions of the check-set names land in a node
// with an acceptable name and the right type, and what the misses are
// due to: the recognizer's type for the mention or its span, or the
// resolution.
func score(w io.Writer, res []placed, set []entry, misses bool) {
	m, _ := byName(res)
	var total, good, wrongName, wrongType, recType, recSpan, unscored int
	type miss struct {
		name string
		n    int
		to   string
	}
	var ms []miss
	for _, e := range set {
		for k, c := range m[e.name] {
			if e.typ == "" {
				unscored += c
				continue
			}
			f := strings.Split(k, "\t")
			node, typ, rtyp := f[0], annot.Type(f[1]), annot.Type(f[2])
			total += c
			okName := slices.Contains(e.accept, node)
			want := e.typ
			if want == anyType {
				want = rtyp
			}
			if okName && typ == want {
				good += c
				continue
			}
			if okName {
				wrongType += c
			} else {
				wrongName += c
			}
			switch {
			case rtyp != want:
				recType += c
			case e.span:
				recSpan += c
			}
			ms = append(ms, miss{e.name, c, k})
		}
	}
	fmt.Fprintf(w, "check names %d; scored mentions %d; mentions of names with no single referent (not scored) %d\n", len(set), total, unscored)
	fmt.Fprintf(w, "right node name and type  %6d  %5.1f%%\n", good, pct(good, total))
	fmt.Fprintf(w, "wrong node name           %6d  %5.1f%%\n", wrongName, pct(wrongName, total))
	fmt.Fprintf(w, "right name, wrong type    %6d  %5.1f%%\n", wrongType, pct(wrongType, total))
	fmt.Fprintf(w, "misses the recognizer typed wrong  %6d  %5.1f%%\n", recType, pct(recType, total))
	fmt.Fprintf(w, "misses of a wrong recognizer span  %6d  %5.1f%%\n", recSpan, pct(recSpan, total))
	res2 := wrongName + wrongType - recType - recSpan
	fmt.Fprintf(w, "misses left to resolution          %6d  %5.1f%%\n", res2, pct(res2, total))
	typed := total - recType
	fmt.Fprintf(w, "right, of the mentions the recognizer typed right  %6d / %d  %5.1f%%\n", good, typed, pct(good, typed))
	if misses {
		slices.SortFunc(ms, func(a, b miss) int {
			return cmp.Or(-cmp.Compare(a.n, b.n), strings.Compare(a.name, b.name), strings.Compare(a.to, b.to))
		})
		for _, x := range ms {
			fmt.Fprintf(w, "  %-28s %5d -> %s\n", x.name, x.n, strings.ReplaceAll(x.to, "\t", " / "))
		}
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// printMerges prints the clusters with the most entity keys and their
// most used names: where a false merge would show.
func printMerges(w io.Writer, docs []doc, n int) {
	ents := map[string]*resolve.Entity{}
	for _, d := range docs {
		locals, _ := resolve.Document(d.Text, d.Mentions, nil)
		for _, l := range locals {
			if ents[l.Key] == nil {
				ents[l.Key] = resolve.NewEntity(l.Key)
			}
			ents[l.Key].Add(l)
		}
	}
	keys, list := sortedEntities(ents)
	cs := resolve.Clusters(list)
	slices.SortStableFunc(cs, func(a, b resolve.Cluster) int { return -cmp.Compare(len(a.Members), len(b.Members)) })
	fmt.Fprintf(w, "%d entity keys, %d clusters\n", len(keys), len(cs))
	for _, c := range cs[:min(n, len(cs))] {
		var names []string
		for _, a := range c.Aliases[:min(8, len(c.Aliases))] {
			names = append(names, fmt.Sprintf("%s×%d", a.Name, a.Count))
		}
		fmt.Fprintf(w, "%s (%s, %d keys): %s\n", c.Name, c.Type, len(c.Members), strings.Join(names, ", "))
	}
}

// sortedEntities returns the keys of ents in order and their entities, as
// resolve.Clusters takes them.
func sortedEntities(ents map[string]*resolve.Entity) ([]string, []*resolve.Entity) {
	keys := slices.Sorted(maps.Keys(ents))
	list := make([]*resolve.Entity, len(keys))
	for i, k := range keys {
		list[i] = ents[k]
	}
	return keys, list
}
