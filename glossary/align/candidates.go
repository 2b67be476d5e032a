package align

import (
	"context"
	"math"
)

type gram [maxN]int32

// candidates are the monolingual term candidates of one side.
type candidates struct {
	index map[gram]int32 // n-gram of lexicon ids (unused slots -1) → candidate id
	grams []gram
	n     []uint8
	segs  []int32   // scored segments containing the candidate
	post  [][]int32 // those segments' indexes, ascending
}

// findCandidates selects the term candidates of both sides and records their occurrences.
func (c *corpus) findCandidates(ctx context.Context, o *Options) error {
	o.report(StageCandidates, 0, 2*len(c.segs))
	for s := range 2 {
		if err := c.selectSide(ctx, s, o); err != nil {
			return err
		}
		if err := c.markSide(ctx, s, o); err != nil {
			return err
		}
		o.report(StageCandidates, (s+1)*len(c.segs), 2*len(c.segs))
	}
	return nil
}

// eachGram calls f for every n-gram of ts that may be a term: 1 to maxTok tokens of the side's script,
// joined (no punctuation between), not starting (except with an Arabic negation) or ending with a stop word, made of tokens seen at least
// twice (an n-gram cannot be more frequent than its rarest token); a single word needs two letters.
func eachGram(ts []tok, lex *lexicon, maxTok int, f func(g gram, start, n int)) {
	for i := range ts {
		t := ts[i]
		if t.flags&fCand == 0 || t.flags&(fStop|fNeg) == fStop || lex.freq[t.id] < 2 {
			continue
		}
		g := gram{-1, -1, -1, -1}
		for n := 1; n <= maxTok && i+n <= len(ts); n++ {
			u := ts[i+n-1]
			if u.flags&fCand == 0 || lex.freq[u.id] < 2 || n > 1 && u.flags&fJoined == 0 {
				break
			}
			g[n-1] = u.id
			if u.flags&fStop == 0 && (n > 1 || u.flags&fShort == 0) {
				f(g, i, n)
			}
		}
	}
}

// selectSide counts the n-grams of one side and keeps those seen at least MinCount times whose C-value
// (Frantzi et al. 2000, with log2(|a|+1) so that single words count) is positive: a nested n-gram is kept
// only if it also occurs on its own more often than inside its average container.
func (c *corpus) selectSide(ctx context.Context, side int, o *Options) error {
	lex := c.lex[side]
	idx := make(map[gram]int32)
	var grams []gram
	var freq []int32
	var lens []uint8
	for i := range c.segs {
		if i%1024 == 0 {
			if err := cancelled(ctx); err != nil {
				return err
			}
		}
		eachGram(c.segs[i].toks[side], lex, o.MaxTokens, func(g gram, _, n int) {
			id, ok := idx[g]
			if !ok {
				id = int32(len(grams))
				idx[g] = id
				grams = append(grams, g)
				freq = append(freq, 0)
				lens = append(lens, uint8(n))
			}
			freq[id]++
		})
	}
	nestSum := make([]float64, len(grams))
	nestCnt := make([]int32, len(grams))
	var seen []int32
	for b, g := range grams {
		if freq[b] < int32(o.MinCount) || lens[b] < 2 {
			continue
		}
		seen = seen[:0]
		L := int(lens[b])
		for n := 1; n < L; n++ {
			for st := 0; st+n <= L; st++ {
				sub := gram{-1, -1, -1, -1}
				copy(sub[:n], g[st:st+n])
				a, ok := idx[sub]
				if !ok || freq[a] < int32(o.MinCount) || containsID(seen, a) {
					continue
				}
				seen = append(seen, a)
				nestSum[a] += float64(freq[b])
				nestCnt[a]++
			}
		}
	}
	cs := &candidates{index: make(map[gram]int32)}
	for a, g := range grams {
		if freq[a] < int32(o.MinCount) {
			continue
		}
		f := float64(freq[a])
		if nestCnt[a] > 0 {
			f -= nestSum[a] / float64(nestCnt[a])
		}
		if cv := math.Log2(float64(lens[a])+1) * f; cv <= 0 {
			continue
		}
		cs.index[g] = int32(len(cs.grams))
		cs.grams = append(cs.grams, g)
		cs.n = append(cs.n, lens[a])
	}
	cs.segs = make([]int32, len(cs.grams))
	cs.post = make([][]int32, len(cs.grams))
	c.cands[side] = cs
	return nil
}

func containsID(s []int32, x int32) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// markSide records every occurrence of a candidate in every segment, and the postings of scored segments.
func (c *corpus) markSide(ctx context.Context, side int, o *Options) error {
	lex, cs := c.lex[side], c.cands[side]
	for i := range c.segs {
		if i%1024 == 0 {
			if err := cancelled(ctx); err != nil {
				return err
			}
		}
		sg := &c.segs[i]
		var occs []occ
		eachGram(sg.toks[side], lex, o.MaxTokens, func(g gram, start, n int) {
			if id, ok := cs.index[g]; ok && start < math.MaxUint16 {
				occs = append(occs, occ{cand: id, start: uint16(start), n: uint8(n)})
			}
		})
		sg.occs[side] = occs
		if !sg.scored {
			continue
		}
		for _, oc := range occs {
			p := cs.post[oc.cand]
			if len(p) > 0 && p[len(p)-1] == int32(i) {
				continue
			}
			cs.post[oc.cand] = append(p, int32(i))
			cs.segs[oc.cand]++
		}
	}
	return nil
}

// subterms appends the candidates that are contiguous parts of candidate id (itself included).
func (cs *candidates) subterms(id int32, dst []int32) []int32 {
	g, L := cs.grams[id], int(cs.n[id])
	for n := 1; n <= L; n++ {
		for st := 0; st+n <= L; st++ {
			sub := gram{-1, -1, -1, -1}
			copy(sub[:n], g[st:st+n])
			if a, ok := cs.index[sub]; ok && !containsID(dst, a) {
				dst = append(dst, a)
			}
		}
	}
	return dst
}
