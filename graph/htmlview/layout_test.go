package htmlview

import (
	"math"
	"testing"

	"github.com/entigraph/entigraph/graph"
)

// TestLayout checks what makes a layout readable: every entity placed
// at a finite point, no two circles overlapping, linked entities
// nearer each other than unlinked ones, and the same places every time.
func TestLayout(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    *graph.Graph
	}{
		{"sample", sample()},
		{"default size", bigGraph(150, 1500)},
		{"one entity", &graph.Graph{Nodes: sample().Nodes[:1]}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newPage(tc.g, Options{})
			again := newPage(tc.g, Options{})
			maxM := 0
			for _, n := range p.Nodes {
				maxM = max(maxM, n.Mentions)
			}
			for i, n := range p.Nodes {
				if math.IsNaN(n.X) || math.IsInf(n.X, 0) || math.IsNaN(n.Y) || math.IsInf(n.Y, 0) {
					t.Fatalf("%s placed at (%v, %v)", n.ID, n.X, n.Y)
				}
				if n.X != again.Nodes[i].X || n.Y != again.Nodes[i].Y {
					t.Errorf("%s placed at (%v, %v), then at (%v, %v)", n.ID, n.X, n.Y, again.Nodes[i].X, again.Nodes[i].Y)
				}
				for _, m := range p.Nodes[i+1:] {
					d := math.Hypot(n.X-m.X, n.Y-m.Y)
					if r := radius(n.Mentions, maxM) + radius(m.Mentions, maxM); d < r {
						t.Errorf("%s and %s overlap: %.1f apart, radii sum %.1f", n.ID, m.ID, d, r)
					}
				}
			}
			if len(p.Links) == 0 {
				return
			}
			at := map[string][2]float64{}
			for _, n := range p.Nodes {
				at[n.ID] = [2]float64{n.X, n.Y}
			}
			linked := map[[2]string]bool{}
			var sumL float64
			for _, l := range p.Links {
				linked[[2]string{l.Source, l.Target}] = true
				a, b := at[l.Source], at[l.Target]
				sumL += math.Hypot(a[0]-b[0], a[1]-b[1])
			}
			var sumU float64
			var nu int
			for i, n := range p.Nodes {
				for _, m := range p.Nodes[i+1:] {
					if !linked[[2]string{n.ID, m.ID}] {
						sumU += math.Hypot(n.X-m.X, n.Y-m.Y)
						nu++
					}
				}
			}
			if meanL, meanU := sumL/float64(len(p.Links)), sumU/float64(nu); meanL >= meanU {
				t.Errorf("linked entities are %.1f apart on average, unlinked ones %.1f", meanL, meanU)
			}
		})
	}
}
