package align

import "context"

// pairStat accumulates one (source candidate, target candidate) pair.
type pairStat struct {
	src, tgt int32
	count    int32 // segments in which the pair was extracted (or co-occurred, in the fallback)
	last     int32 // last segment counted, so a segment counts once
	ex       []Evidence
}

// pairSet maps candidate pairs to their statistics, in order of first sight.
type pairSet struct {
	ids   map[uint64]int32
	stats []pairStat
}

func newPairSet() *pairSet { return &pairSet{ids: make(map[uint64]int32)} }

// add counts pair (s, t) in segment seg, with the spans of this occurrence as evidence.
func (ps *pairSet) add(s, t int32, seg int, ev Evidence) {
	k := uint64(uint32(s))<<32 | uint64(uint32(t))
	i, ok := ps.ids[k]
	if !ok {
		i = int32(len(ps.stats))
		ps.ids[k] = i
		ps.stats = append(ps.stats, pairStat{src: s, tgt: t, last: -1})
	}
	st := &ps.stats[i]
	if st.last == int32(seg) {
		return
	}
	st.last = int32(seg)
	st.count++
	if len(st.ex) < 3 {
		st.ex = append(st.ex, ev)
	}
}

// wordAlign trains both alignment directions, symmetrizes them and extracts candidate phrase pairs.
func (c *corpus) wordAlign(ctx context.Context, o *Options) ([]pairStat, error) {
	pt, err := c.buildPairs(ctx)
	if err != nil {
		return nil, err
	}
	st, err := c.train(ctx, pt, 0, o)
	if err != nil {
		return nil, err
	}
	ts, err := c.train(ctx, pt, 1, o)
	if err != nil {
		return nil, err
	}
	pt = nil // the EM tables are no longer needed; let them go before extraction
	ps := newPairSet()
	var g grid
	o.report(StageExtract, 0, len(c.segs))
	for i := range c.segs {
		if i%1024 == 0 {
			if err := cancelled(ctx); err != nil {
				return nil, err
			}
			if i > 0 {
				o.report(StageExtract, i, len(c.segs))
			}
		}
		sg := &c.segs[i]
		if !sg.scored || len(sg.occs[0]) == 0 || len(sg.occs[1]) == 0 {
			continue
		}
		m, n := len(sg.toks[0]), len(sg.toks[1])
		// st: source generates target, one link per target token; ts: one link per source token.
		g.symmetrize(m, n, st.links[st.loff[i]:st.loff[i]+n], ts.links[ts.loff[i]:ts.loff[i]+m])
		g.extract(sg, i, ps)
	}
	o.report(StageExtract, len(c.segs), len(c.segs))
	return ps.stats, nil
}

// grid is the symmetrized word alignment of one segment (reused between segments).
type grid struct {
	m, n       int
	a          []bool // a[i*n+j]: source token i aligned with target token j
	srcAligned []bool
	tgtAligned []bool
	t2s, s2t   []int16
}

func (g *grid) reset(m, n int) {
	g.m, g.n = m, n
	if cap(g.a) < m*n {
		g.a = make([]bool, m*n)
	}
	g.a = g.a[:m*n]
	clear(g.a)
	if cap(g.srcAligned) < m {
		g.srcAligned = make([]bool, m)
	}
	g.srcAligned = g.srcAligned[:m]
	clear(g.srcAligned)
	if cap(g.tgtAligned) < n {
		g.tgtAligned = make([]bool, n)
	}
	g.tgtAligned = g.tgtAligned[:n]
	clear(g.tgtAligned)
}

func (g *grid) link(i, j int) {
	g.a[i*g.n+j] = true
	g.srcAligned[i] = true
	g.tgtAligned[j] = true
}

func (g *grid) inUnion(i, j int) bool { return int(g.t2s[j]) == i || int(g.s2t[i]) == j }

var neighbours = [8][2]int{{-1, 0}, {0, -1}, {1, 0}, {0, 1}, {-1, -1}, {-1, 1}, {1, -1}, {1, 1}}

// symmetrize combines the two directional alignments with grow-diag-final-and (Koehn et al. 2003):
// start from their intersection, grow into neighbouring union points that align a still unaligned word,
// then add union points whose two words are both unaligned.
func (g *grid) symmetrize(m, n int, t2s, s2t []int16) {
	g.reset(m, n)
	g.t2s, g.s2t = t2s, s2t
	for j, i := range t2s {
		if i >= 0 && int(s2t[i]) == j {
			g.link(int(i), j)
		}
	}
	for grown := true; grown; {
		grown = false
		for i := range m {
			for j := range n {
				if !g.a[i*n+j] {
					continue
				}
				for _, d := range neighbours {
					ni, nj := i+d[0], j+d[1]
					if ni < 0 || nj < 0 || ni >= m || nj >= n || g.a[ni*n+nj] {
						continue
					}
					if (!g.srcAligned[ni] || !g.tgtAligned[nj]) && g.inUnion(ni, nj) {
						g.link(ni, nj)
						grown = true
					}
				}
			}
		}
	}
	for j, i := range t2s { // final-and, one direction then the other
		if i >= 0 && !g.srcAligned[i] && !g.tgtAligned[j] {
			g.link(int(i), j)
		}
	}
	for i, j := range s2t {
		if j >= 0 && !g.srcAligned[i] && !g.tgtAligned[j] {
			g.link(i, int(j))
		}
	}
}

// extract adds every pair of candidate occurrences consistent with the alignment (Och & Ney 2004): the
// target span holds every content word aligned to the source span, and no word inside either span is
// aligned to a content word outside the other. Links to stop words outside a span are tolerated, because
// an Arabic word carries its conjunction, preposition and article (وبالضمانات ↔ "and with the guarantees").
func (g *grid) extract(sg *segment, seg int, ps *pairSet) {
	src, tgt := sg.toks[0], sg.toks[1]
	n := g.n
	for _, so := range sg.occs[0] {
		s1, s2 := int(so.start), int(so.start)+int(so.n)-1
		tmin, tmax := n, -1
		for i := s1; i <= s2; i++ {
			row := g.a[i*n : (i+1)*n]
			for j, on := range row {
				if on && tgt[j].flags&fStop == 0 {
					tmin, tmax = min(tmin, j), max(tmax, j)
				}
			}
		}
		if tmax < 0 || tmax-tmin >= maxN {
			continue
		}
		for _, to := range sg.occs[1] {
			u1, u2 := int(to.start), int(to.start)+int(to.n)-1
			if u1 > tmin || u2 < tmax || !g.consistent(src, s1, s2, u1, u2) ||
				!g.tight(s1, s2, u1, u2) {
				continue
			}
			ps.add(so.cand, to.cand, seg, Evidence{
				Segment:     seg,
				SourceStart: int(src[s1].start), SourceEnd: int(src[s2].end),
				TargetStart: int(tgt[u1].start), TargetEnd: int(tgt[u2].end),
			})
		}
	}
}

// tight reports whether the first and last words of both spans are aligned inside the pair: unaligned
// words at the edges would make the pair longer than the term (tax is included ↔ يتم تضمين الضريبة بشكل).
func (g *grid) tight(s1, s2, u1, u2 int) bool {
	return g.linkedIn(s1, u1, u2) && g.linkedIn(s2, u1, u2) &&
		g.linkedFrom(u1, s1, s2) && g.linkedFrom(u2, s1, s2)
}

// linkedIn reports whether source token i is aligned to a target token in [u1, u2].
func (g *grid) linkedIn(i, u1, u2 int) bool {
	for j := u1; j <= u2; j++ {
		if g.a[i*g.n+j] {
			return true
		}
	}
	return false
}

// linkedFrom reports whether target token j is aligned to a source token in [s1, s2].
func (g *grid) linkedFrom(j, s1, s2 int) bool {
	for i := s1; i <= s2; i++ {
		if g.a[i*g.n+j] {
			return true
		}
	}
	return false
}

// consistent reports whether no target word in [u1, u2] is aligned to a source content word outside
// [s1, s2].
func (g *grid) consistent(src []tok, s1, s2, u1, u2 int) bool {
	for j := u1; j <= u2; j++ {
		for i := range g.m {
			if (i < s1 || i > s2) && g.a[i*g.n+j] && src[i].flags&fStop == 0 {
				return false
			}
		}
	}
	return true
}

// cooccurrence is the fallback for small corpora: every pair of candidates found in the same scored
// segment counts, with the first occurrence of each as evidence.
func (c *corpus) cooccurrence(ctx context.Context, o *Options) ([]pairStat, error) {
	ps := newPairSet()
	o.report(StageExtract, 0, len(c.segs))
	for i := range c.segs {
		if i%256 == 0 {
			if err := cancelled(ctx); err != nil {
				return nil, err
			}
		}
		sg := &c.segs[i]
		if !sg.scored {
			continue
		}
		src, tgt := sg.toks[0], sg.toks[1]
		for _, so := range sg.occs[0] {
			for _, to := range sg.occs[1] {
				ps.add(so.cand, to.cand, i, Evidence{
					Segment:     i,
					SourceStart: int(src[so.start].start), SourceEnd: int(src[int(so.start)+int(so.n)-1].end),
					TargetStart: int(tgt[to.start].start), TargetEnd: int(tgt[int(to.start)+int(to.n)-1].end),
				})
			}
		}
	}
	o.report(StageExtract, len(c.segs), len(c.segs))
	return ps.stats, nil
}
