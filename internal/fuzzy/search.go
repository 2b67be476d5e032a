package fuzzy

import (
	"cmp"
	"math"
	"slices"

	"github.com/tarjuman/tarjuman/internal/score"
)

// Result is one match of a Search.
type Result struct {
	ID        uint32
	Score     float64 // score.Percent over tokens: (max(q, c) − TokenDist) / max(q, c)
	TokenDist int     // token-level Levenshtein distance between query and key
	CharDist  int     // rune-level Levenshtein distance between query and key (the tie-breaker)
	Tokens    int     // number of tokens in the key
}

// less orders results best first: higher score, then smaller character distance, then smaller id.
func less(a, b Result) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if a.CharDist != b.CharDist {
		return a.CharDist < b.CharDist
	}
	return a.ID < b.ID
}

// epsilon absorbs float rounding in threshold arithmetic; it only ever loosens the filter.
const epsilon = 1e-9

type qgram struct {
	w    uint32
	post []uint32
}

type cand struct {
	id uint32
	m  int     // candidate token count
	o  uint32  // gram overlap (an upper estimate of the exact multiset overlap)
	ub float64 // upper bound of the candidate's score
}

// scratch is the per-Search working memory, recycled through a sync.Pool so concurrent Searches share nothing.
type scratch struct {
	qtoks, ctoks []string
	qlens        []int
	raw          []uint64
	qg           []qgram
	suffix       []uint32
	prefix       []int
	counts       []uint32
	touched      []uint32
	cands        []cand
	res          []Result
}

// Search returns up to limit keys whose token score against query is at least minScore, best first:
// higher Score, then smaller CharDist, then smaller ID. minScore ≤ 0 and limit ≤ 0 select the Options
// defaults; minScore above 1 finds nothing. query must be folded like the keys (normalize.Search).
//
// Results are the same as scoring every key by brute force (unless Options.MaxRerank cuts the rescoring
// short): candidates come from the 3-gram index through filters that provably keep every key reaching
// minScore, then are rescored exactly in order of an upper bound on their score, stopping when the bound
// falls below the limit-th best score found.
//
// Why the filters are exact: a key at token distance d from a query of n tokens shares at least
// max(n, m) − d tokens with it, each contributing all its grams to the 3-gram overlap (grams stay inside a
// token). So a score ≥ s needs at least ⌈s·max(n, m)⌉ shared tokens and at least as many grams as the
// ⌈s·max(n, m)⌉ smallest query tokens have (count filter), m within [s·n, n/s] (length filter), and at least
// one of the rarest grams of the query (prefix filter, so the most frequent postings are only probed, never
// scanned). Conversely an overlap of o grams allows at most k shared tokens, k the largest count of query
// tokens whose grams sum to ≤ o, so k / max(n, m) bounds the score from above.
func (ix *Index) Search(query string, minScore float64, limit int) []Result {
	if minScore <= 0 {
		minScore = ix.opt.MinScore
		if minScore <= 0 {
			minScore = DefaultMinScore
		}
	}
	if limit <= 0 {
		limit = ix.opt.Limit
		if limit <= 0 {
			limit = DefaultLimit
		}
	}
	if minScore > 1 || ix.count == 0 {
		return nil
	}
	s, _ := ix.pool.Get().(*scratch)
	if s == nil {
		s = new(scratch)
	}
	defer ix.pool.Put(s)
	s.res = s.res[:0]

	s.qtoks = splitTokens(s.qtoks[:0], query)
	if len(s.qtoks) == 0 {
		ix.searchEmpty(s, query, limit)
	} else {
		ix.searchGrams(s, query, minScore, limit)
	}
	if len(s.res) == 0 {
		return nil
	}
	return slices.Clone(s.res)
}

// searchEmpty answers a query without tokens: only keys without tokens score (1); the rest score 0.
func (ix *Index) searchEmpty(s *scratch, query string, limit int) {
	for _, id := range ix.empty {
		s.offer(Result{ID: id, Score: 1, CharDist: score.CharDistance(query, ix.keys[id])}, limit)
	}
}

func (ix *Index) searchGrams(s *scratch, query string, minScore float64, limit int) {
	n := len(s.qtoks)
	// Per-token gram counts, sorted: prefix[k] is the fewest grams k shared query tokens can bring.
	s.qlens = s.qlens[:0]
	s.raw = s.raw[:0]
	for _, t := range s.qtoks {
		var c int
		s.raw, c = tokenGrams(s.raw, t)
		s.qlens = append(s.qlens, c)
	}
	slices.Sort(s.qlens)
	s.prefix = append(s.prefix[:0], 0)
	for _, c := range s.qlens {
		s.prefix = append(s.prefix, s.prefix[len(s.prefix)-1]+c)
	}
	need := func(x int) int { return max(1, int(math.Ceil(minScore*float64(x)-epsilon))) }
	mLo := need(n)
	mHi := int(math.Floor(float64(n)/minScore + epsilon))
	threshold := func(m int) uint32 { return uint32(s.prefix[min(need(max(n, m)), n)]) }

	// Query gram keys with weights (a hash collision can merge two keys: their weights add up).
	slices.Sort(s.raw)
	tagRepeats(s.raw)
	slices.Sort(s.raw)
	s.qg = s.qg[:0]
	for i := 0; i < len(s.raw); {
		j := i + 1
		for j < len(s.raw) && s.raw[j] == s.raw[i] {
			j++
		}
		if p, ok := ix.grams[s.raw[i]]; ok && len(ix.post[p]) > 0 {
			s.qg = append(s.qg, qgram{w: uint32(j - i), post: ix.post[p]})
		}
		i = j
	}
	slices.SortFunc(s.qg, func(a, b qgram) int { return cmp.Compare(len(a.post), len(b.post)) })
	s.suffix = slices.Grow(s.suffix[:0], len(s.qg)+1)[:len(s.qg)+1]
	s.suffix[len(s.qg)] = 0
	for k := len(s.qg) - 1; k >= 0; k-- {
		s.suffix[k] = s.suffix[k+1] + s.qg[k].w
	}
	t0 := threshold(n) // the smallest threshold over all candidate lengths
	if s.suffix[0] < t0 {
		return // even a key holding every indexed query gram cannot reach minScore
	}
	p := 0 // scan postings [0, p) in full; any qualifying key appears in one of them
	for s.suffix[p] >= t0 {
		p++
	}

	// Scan the rare postings, counting overlap per id.
	if len(s.counts) < len(ix.keys) {
		s.counts = make([]uint32, len(ix.keys))
	}
	counts := s.counts
	s.touched = s.touched[:0]
	for _, q := range s.qg[:p] {
		for _, id := range q.post {
			if counts[id] == 0 {
				s.touched = append(s.touched, id)
			}
			counts[id] += q.w
		}
	}
	s.cands = s.cands[:0]
	for _, id := range s.touched {
		o := counts[id]
		counts[id] = 0
		m := int(ix.ntok[id])
		if m < mLo || m > mHi || o+s.suffix[p] < threshold(m) {
			continue
		}
		s.cands = append(s.cands, cand{id: id, m: m, o: o})
	}

	// Probe the frequent postings only for the surviving candidates, pruning as the remaining weight shrinks.
	if p < len(s.qg) && len(s.cands) > 0 {
		slices.SortFunc(s.cands, func(a, b cand) int { return cmp.Compare(a.id, b.id) })
		for k := p; k < len(s.qg) && len(s.cands) > 0; k++ {
			q := s.qg[k]
			rest := s.suffix[k+1]
			pos := 0
			keep := s.cands[:0]
			for _, c := range s.cands {
				pos = gallop(q.post, pos, c.id)
				if pos < len(q.post) && q.post[pos] == c.id {
					c.o += q.w
				}
				if c.o+rest >= threshold(c.m) {
					keep = append(keep, c)
				}
			}
			s.cands = keep
		}
	}

	// Rescore exactly in order of the upper bound.
	for i := range s.cands {
		c := &s.cands[i]
		k, _ := slices.BinarySearch(s.prefix, int(c.o)+1) // prefix[k-1] ≤ o < prefix[k]
		shared := min(k-1, n, c.m)
		c.ub = float64(shared) / float64(max(n, c.m))
	}
	slices.SortFunc(s.cands, func(a, b cand) int {
		if a.ub != b.ub {
			return cmp.Compare(b.ub, a.ub)
		}
		return cmp.Compare(a.id, b.id)
	})
	for i, c := range s.cands {
		if c.ub < minScore || len(s.res) == limit && c.ub < s.res[limit-1].Score {
			break
		}
		if ix.opt.MaxRerank > 0 && i >= ix.opt.MaxRerank {
			break
		}
		key := ix.keys[c.id]
		s.ctoks = splitTokens(s.ctoks[:0], key)
		d := score.Levenshtein(s.qtoks, s.ctoks)
		sc := score.Percent(n, len(s.ctoks), d)
		if sc < minScore || len(s.res) == limit && sc < s.res[limit-1].Score {
			continue
		}
		s.offer(Result{ID: c.id, Score: sc, TokenDist: d, CharDist: score.CharDistance(query, key), Tokens: c.m}, limit)
	}
}

// offer inserts r into the sorted result list if it ranks among the best limit.
func (s *scratch) offer(r Result, limit int) {
	i, _ := slices.BinarySearchFunc(s.res, r, func(a, b Result) int {
		if less(a, b) {
			return -1
		}
		if less(b, a) {
			return 1
		}
		return 0
	})
	if i >= limit {
		return
	}
	if len(s.res) == limit {
		s.res = s.res[:limit-1]
	}
	s.res = slices.Insert(s.res, i, r)
}

// gallop returns the first index ≥ from with l[index] ≥ id, by exponential then binary search.
func gallop(l []uint32, from int, id uint32) int {
	if from >= len(l) || l[from] >= id {
		return from
	}
	step := 1
	lo := from // l[lo] < id
	hi := from + step
	for hi < len(l) && l[hi] < id {
		lo = hi
		step *= 2
		hi = from + step
	}
	hi = min(hi, len(l))
	i, _ := slices.BinarySearch(l[lo+1:hi], id)
	return lo + 1 + i
}
