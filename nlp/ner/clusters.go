package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// Word clusters: spherical k-means over GloVe-derived word vectors, built by
// internal/clustergen as a tree of 64, 256 and 1024 clusters. A word's leaf
// id names all three: leaf/16, leaf/4 and leaf. Features look the cluster
// up by the word's hash, so they cost a map lookup per token, and let the
// model generalise from the names it saw in training to words used alike
// (clubs, parties, holidays, companies) that it never saw.

//go:embed data/clusters.txt.gz
var clustersGz []byte

// cluLeaves is the number of leaf clusters; cluster ids above it mark
// sentence padding.
const (
	cluLeaves = 1024
	cluPadL   = cluLeaves + 1
	cluPadR   = cluLeaves + 2
)

// loadClusters reads word -> leaf id + 1, keyed by hlower(word).
func loadClusters(b []byte) (map[uint64]uint16, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("clusters: %v", err)
	}
	m := make(map[uint64]uint16, 200000)
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		id, word, ok := strings.Cut(line, "\t")
		n, err := strconv.Atoi(id)
		if !ok || err != nil || n < 0 || n >= cluLeaves || word == "" {
			return nil, fmt.Errorf("clusters: bad line %q", line)
		}
		m[hlower(word)] = uint16(n + 1)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("clusters: %v", err)
	}
	return m, nil
}

// cluLevel returns the cluster id of c at level 0 (64 clusters), 1 (256)
// or 2 (1024); unknown words and padding keep their own ids.
func cluLevel(c uint16, level int) uint64 {
	if c == 0 || c > cluLeaves {
		return uint64(c) << 16
	}
	return uint64(c-1) >> (4 - 2*level)
}

// clusterFeatures adds the cluster features of a token: its own clusters
// at 64 and 256 (the 1024 leaves of the word itself typed Marseille and
// Pittsburgh as clubs, ORG, after CoNLL's sports tables), its neighbours'
// at all three granularities, and those two tokens away at 256.
func clusterFeatures(add func(int, uint64), t, m1, m2, p1, p2 *tokInfo) {
	for lv := 0; lv < 3; lv++ {
		if lv < 2 {
			add(tClu0, cluLevel(t.clu, lv)<<2|uint64(lv))
		}
		add(tCluM1, cluLevel(m1.clu, lv)<<2|uint64(lv))
		add(tCluP1, cluLevel(p1.clu, lv)<<2|uint64(lv))
	}
	add(tCluM2, cluLevel(m2.clu, 1))
	add(tCluP2, cluLevel(p2.clu, 1))
}
