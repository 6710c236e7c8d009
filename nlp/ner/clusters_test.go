package ner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLoadClusters(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		want    map[string]uint16 // word -> leaf + 1
		wantErr bool
	}{
		{name: "words", data: gz([]byte("789\tchelsea\n0\tthe\n1023\t0000\n")),
			want: map[string]uint16{"chelsea": 790, "Chelsea": 790, "the": 1, "1996": 1024}},
		{name: "empty", data: gz([]byte("")), want: map[string]uint16{}},
		{name: "leaf out of range", data: gz([]byte("1024\tx\n")), wantErr: true},
		{name: "no tab", data: gz([]byte("12 x\n")), wantErr: true},
		{name: "not a number", data: gz([]byte("a\tx\n")), wantErr: true},
		{name: "not gzip", data: []byte("12\tx\n"), wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := loadClusters(tc.data)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v", err, tc.wantErr)
			}
			if err != nil {
				return
			}
			got := map[string]uint16{}
			for w := range tc.want {
				got[w] = m[hlower(w)]
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCluLevel(t *testing.T) {
	tests := []struct {
		name string
		clu  uint16
		want [3]uint64
	}{
		{name: "first leaf", clu: 1, want: [3]uint64{0, 0, 0}},
		{name: "leaf 789", clu: 790, want: [3]uint64{789 / 16, 789 / 4, 789}},
		{name: "last leaf", clu: 1024, want: [3]uint64{63, 255, 1023}},
		{name: "unknown word", clu: 0, want: [3]uint64{0 << 16, 0 << 16, 0 << 16}},
		{name: "left padding", clu: cluPadL, want: [3]uint64{cluPadL << 16, cluPadL << 16, cluPadL << 16}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got [3]uint64
			for lv := range got {
				got[lv] = cluLevel(tc.clu, lv)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("levels (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEmbeddedClusters checks that the embedded clusters load and group
// words used alike.
func TestEmbeddedClusters(t *testing.T) {
	m, err := loadClusters(clustersGz)
	if err != nil {
		t.Fatal(err)
	}
	if len(m) < 100000 {
		t.Fatalf("%d words, want at least 100000", len(m))
	}
	same := [][2]string{{"monday", "tuesday"}, {"paris", "berlin"}, {"january", "february"}}
	for _, p := range same {
		a, b := m[hlower(p[0])], m[hlower(p[1])]
		if a == 0 || cluLevel(a, 0) != cluLevel(b, 0) {
			t.Errorf("%s (%d) and %s (%d) not in one top-level cluster", p[0], a, p[1], b)
		}
	}
}
