package htmlview

import (
	"cmp"
	"math"
	"slices"
)

// The layout is a force simulation in the manner of d3-force (links as
// springs, every pair of nodes repelling, nodes not overlapping, a weak
// pull to the centre), run here rather than in the browser so the page
// opens at once and shows the same picture everywhere.
//
// Every product that is added to something is converted with float64():
// the Go spec then forbids fusing it into a multiply-add, which some
// processors would round differently, and the same graph gives the same
// bytes on every machine.
const (
	layoutTicks    = 300    // as d3-force: alpha from 1 to 0.001
	velocityDecay  = 0.4    // friction, as d3-force
	chargeStrength = -150.0 // repulsion between every pair of nodes
	centreStrength = 0.05   // pull towards the origin, so components stay near
	collidePad     = 2.0    // gap kept between circles
	// layoutBudget bounds the pair visits of a layout: past ~580 nodes
	// it runs fewer ticks (at least 20), so a huge graph (--top-nodes 0)
	// is placed roughly but in a second or two rather than minutes.
	layoutBudget = 5e7
)

// radius is a node's circle radius, on a log scale of mentions: news has
// a few entities mentioned hundreds of times more than the rest, and a
// linear or square-root scale would shrink the rest to dots. view.js
// draws with the same formula.
func radius(mentions, maxMentions int) float64 {
	return 3 + float64(11*math.Log1p(float64(max(mentions, 0))))/math.Log1p(float64(max(maxMentions, 1)))
}

type body struct {
	x, y, vx, vy, r float64
	links           int
}

type spring struct {
	s, t          int
	length, stiff float64
	bias          float64 // share of the correction the target takes
}

// layout sets the nodes' X and Y.
func layout(p *page) {
	n := len(p.Nodes)
	if n == 0 {
		return
	}
	idx := make(map[string]int, n)
	maxM := 0
	for i, nd := range p.Nodes {
		idx[nd.ID] = i
		maxM = max(maxM, nd.Mentions)
	}
	bodies := make([]body, n)
	springs := newSprings(p, idx, bodies)
	// Place the most linked first, at the centre of a spiral.
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(bodies[b].links, bodies[a].links) })
	golden := math.Pi * (3 - math.Sqrt(5))
	for k, i := range order {
		r := 10 * math.Sqrt(0.5+float64(k))
		a := float64(k) * golden
		bodies[i].x, bodies[i].y = float64(r*math.Cos(a)), float64(r*math.Sin(a))
		bodies[i].r = radius(p.Nodes[i].Mentions, maxM)
	}
	ticks := layoutTicks
	if pairs := float64(n) * float64(n) / 2; pairs*layoutTicks > layoutBudget {
		ticks = max(20, int(layoutBudget/pairs))
	}
	decay := 1 - math.Pow(0.001, 1/float64(ticks))
	alpha := 1.0
	for range ticks {
		alpha = float64(alpha * (1 - decay))
		tick(bodies, springs, alpha)
	}
	for i := range p.Nodes {
		p.Nodes[i].X = round1(bodies[i].x)
		p.Nodes[i].Y = round1(bodies[i].y)
	}
}

// newSprings makes a spring of each link, shorter and stiffer for
// stronger links, and counts each body's links.
func newSprings(p *page, idx map[string]int, bodies []body) []spring {
	// Co-occurrences and relations measure strength differently, so
	// each is scaled on its own.
	lo, hi := [2]float64{math.Inf(1), math.Inf(1)}, [2]float64{math.Inf(-1), math.Inf(-1)}
	for _, l := range p.Links {
		k := kind(l)
		lo[k], hi[k] = min(lo[k], l.Strength), max(hi[k], l.Strength)
	}
	var out []spring
	for _, l := range p.Links {
		s, okS := idx[l.Source]
		t, okT := idx[l.Target]
		if !okS || !okT || s == t {
			continue
		}
		w, k := 0.5, kind(l)
		if hi[k] > lo[k] {
			w = (l.Strength - lo[k]) / (hi[k] - lo[k])
		}
		bodies[s].links++
		bodies[t].links++
		out = append(out, spring{s: s, t: t, length: 40 + float64(60*(1-w)), stiff: 0.3 + float64(0.7*w)})
	}
	for i := range out {
		sp := &out[i]
		cs, ct := float64(bodies[sp.s].links), float64(bodies[sp.t].links)
		sp.bias = cs / (cs + ct)
		sp.stiff /= min(cs, ct) // as d3-force: hubs are not torn apart
	}
	return out
}

// kind is 0 for a co-occurrence, 1 for a relation.
func kind(l link) int {
	if l.Type == "" {
		return 0
	}
	return 1
}

func tick(b []body, springs []spring, alpha float64) {
	for _, sp := range springs {
		s, t := &b[sp.s], &b[sp.t]
		dx := float64(t.x+t.vx) - float64(s.x+s.vx)
		dy := float64(t.y+t.vy) - float64(s.y+s.vy)
		l := math.Sqrt(float64(dx*dx) + float64(dy*dy))
		if l == 0 {
			l = 1e-6
		}
		f := float64((l-sp.length)/l) * alpha * sp.stiff
		dx, dy = float64(dx*f), float64(dy*f)
		t.vx -= float64(dx * sp.bias)
		t.vy -= float64(dy * sp.bias)
		s.vx += float64(dx * (1 - sp.bias))
		s.vy += float64(dy * (1 - sp.bias))
	}
	for i := range b {
		for j := i + 1; j < len(b); j++ {
			pair(&b[i], &b[j], i, j, alpha)
		}
	}
	for i := range b {
		nd := &b[i]
		nd.vx -= float64(nd.x * centreStrength * alpha)
		nd.vy -= float64(nd.y * centreStrength * alpha)
		nd.vx *= 1 - velocityDecay
		nd.vy *= 1 - velocityDecay
		nd.x += nd.vx
		nd.y += nd.vy
	}
}

// pair repels two bodies (charge, by the inverse of their distance) and
// pushes them apart if their circles overlap.
func pair(a, c *body, i, j int, alpha float64) {
	dx, dy := c.x-a.x, c.y-a.y
	if dx == 0 && dy == 0 {
		// Same place: separate them along a direction fixed by their
		// indices, so the result does not depend on chance.
		dx, dy = 1e-3*float64(j-i), 1e-3
	}
	d2 := float64(dx*dx) + float64(dy*dy)
	w := chargeStrength * alpha / max(d2, 1)
	a.vx += float64(dx * w)
	a.vy += float64(dy * w)
	c.vx -= float64(dx * w)
	c.vy -= float64(dy * w)
	if r := a.r + c.r + collidePad; d2 < float64(r*r) {
		d := math.Sqrt(d2)
		push := float64((r-d)/d) * 0.5
		a.vx -= float64(dx * push * 0.5)
		a.vy -= float64(dy * push * 0.5)
		c.vx += float64(dx * push * 0.5)
		c.vy += float64(dy * push * 0.5)
	}
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
