package align

import (
	"cmp"
	"context"
	"slices"

	"github.com/tarjuman/tarjuman/internal/score"
)

// scored is a pair with its association scores.
type scored struct {
	*pairStat
	k11, ns, nt         int
	llr, dice, pst, pts float64
	score               float64
}

// better orders pairs for mutual-best selection and output: higher Score, then LLR, then count, then
// terms of similar length, then candidate ids (which follow first occurrence in the corpus).
func better(a, b *scored, c *corpus) int {
	if r := cmp.Compare(b.score, a.score); r != 0 {
		return r
	}
	if r := cmp.Compare(b.llr, a.llr); r != 0 {
		return r
	}
	if r := cmp.Compare(b.count, a.count); r != 0 {
		return r
	}
	la := abs(int(c.cands[0].n[a.src]) - int(c.cands[1].n[a.tgt]))
	lb := abs(int(c.cands[0].n[b.src]) - int(c.cands[1].n[b.tgt]))
	if r := cmp.Compare(la, lb); r != 0 {
		return r
	}
	if r := cmp.Compare(a.src, b.src); r != 0 {
		return r
	}
	return cmp.Compare(a.tgt, b.tgt)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// choose scores the pairs, keeps those above the thresholds that are each other's best, and turns them
// into Candidates with surface forms, best first.
func (c *corpus) choose(ctx context.Context, stats []pairStat, o *Options) ([]Candidate, error) {
	o.report(StageScore, 0, len(stats))
	N := c.scored
	var kept []*scored
	for i := range stats {
		if i%4096 == 0 {
			if err := cancelled(ctx); err != nil {
				return nil, err
			}
		}
		st := &stats[i]
		if int(st.count) < o.MinCount {
			continue
		}
		ps, pt := c.cands[0].post[st.src], c.cands[1].post[st.tgt]
		k11 := intersectCount(ps, pt)
		ns, nt := len(ps), len(pt)
		x := &scored{pairStat: st, k11: k11, ns: ns, nt: nt}
		x.llr = score.LLR(k11, ns-k11, nt-k11, N-ns-nt+k11)
		x.dice = score.Dice(k11, ns, nt)
		x.pst = float64(st.count) / float64(max(ns, 1))
		x.pts = float64(st.count) / float64(max(nt, 1))
		x.score = harmonic(float64(st.count)/float64(ns+1), float64(st.count)/float64(nt+1))
		if o.MinLLR > 0 && x.llr < o.MinLLR || o.MinScore > 0 && x.score < o.MinScore {
			continue
		}
		kept = append(kept, x)
	}
	var chosen []*scored
	for range 4 {
		chosen = mutualBest(kept, c)
		drop := c.redundant(chosen, o.MinCount)
		if len(drop) == 0 {
			break
		}
		kept = slices.DeleteFunc(kept, func(x *scored) bool { return drop[x] })
	}
	slices.SortFunc(chosen, func(a, b *scored) int { return better(a, b, c) })
	forms := c.surfaces(chosen)
	out := make([]Candidate, len(chosen))
	for i, x := range chosen {
		out[i] = Candidate{
			Source: forms[0][x.src], Target: forms[1][x.tgt],
			Score: x.score, LLR: x.llr, Dice: x.dice, PST: x.pst, PTS: x.pts,
			Count: int(x.count), SourceCount: x.ns, TargetCount: x.nt,
			Examples: slices.Clone(x.ex),
		}
	}
	o.report(StageScore, len(stats), len(stats))
	return out, nil
}

// intersectCount returns the size of the intersection of two ascending lists.
func intersectCount(a, b []int32) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	n, j := 0, 0
	for _, x := range a {
		// gallop when b is much longer
		if len(b)-j > 8*len(a) {
			j += searchFrom(b[j:], x)
		} else {
			for j < len(b) && b[j] < x {
				j++
			}
		}
		if j >= len(b) {
			break
		}
		if b[j] == x {
			n++
			j++
		}
	}
	return n
}

func searchFrom(b []int32, x int32) int {
	i, _ := slices.BinarySearch(b, x)
	return i
}

// Relaxations of mutual best, so that a term whose rendering is also the rendering of something more
// frequent keeps it (menu → قائمة, whose best partner is list).
const (
	synonymRatio = 0.5 // a term's best pair scores at least this share of the other term's best pair
	dominant     = 0.5 // or the term is rendered this way in at least this share of its segments
)

// mutualBest returns, in the order of kept, the pairs that are the best pair of both their terms, or the
// best pair of one term when the relaxations above hold.
func mutualBest(kept []*scored, c *corpus) []*scored {
	bestSrc := make(map[int32]*scored)
	bestTgt := make(map[int32]*scored)
	for _, x := range kept {
		if b, ok := bestSrc[x.src]; !ok || better(x, b, c) < 0 {
			bestSrc[x.src] = x
		}
		if b, ok := bestTgt[x.tgt]; !ok || better(x, b, c) < 0 {
			bestTgt[x.tgt] = x
		}
	}
	var chosen []*scored
	for _, x := range kept {
		bs, bt := bestSrc[x.src], bestTgt[x.tgt]
		if bs == x && (bt == x || x.score >= synonymRatio*bt.score || x.pst >= dominant) ||
			bt == x && (x.score >= synonymRatio*bs.score || x.pts >= dominant) {
			chosen = append(chosen, x)
		}
	}
	return chosen
}

// redundant returns the chosen pairs that are seen fewer than minCount times outside longer chosen pairs
// containing both their terms: the word pairs inside a multi-word pair (البيت ↔ White inside البيت الأبيض
// ↔ White House), which are artefacts of words that always occur together and so cannot be aligned on
// their own. Freed terms can then pair with something else.
func (c *corpus) redundant(chosen []*scored, minCount int) map[*scored]bool {
	byPair := make(map[[2]int32]*scored, len(chosen))
	for _, x := range chosen {
		byPair[[2]int32{x.src, x.tgt}] = x
	}
	inside := make(map[*scored]int)
	var subS, subT []int32
	for _, y := range chosen {
		if c.cands[0].n[y.src] == 1 && c.cands[1].n[y.tgt] == 1 {
			continue
		}
		subS = c.cands[0].subterms(y.src, subS[:0])
		subT = c.cands[1].subterms(y.tgt, subT[:0])
		for _, s := range subS {
			for _, t := range subT {
				if x, ok := byPair[[2]int32{s, t}]; ok && x != y {
					inside[x] += int(y.count)
				}
			}
		}
	}
	drop := make(map[*scored]bool)
	for x, n := range inside {
		if int(x.count)-n < minCount {
			drop[x] = true
		}
	}
	return drop
}

// harmonic is the harmonic mean of a and b, 0 if both are 0.
func harmonic(a, b float64) float64 {
	if a+b <= 0 {
		return 0
	}
	return 2 * a * b / (a + b)
}
