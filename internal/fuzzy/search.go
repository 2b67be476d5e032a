package fuzzy

import (
	"cmp"
	"math"
	"slices"
	"unicode/utf8"

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

// firstStage is the threshold of the first, cheap pass: when it alone fills the limit, no key below it can
// enter the results and the expensive low-threshold pass is skipped.
const firstStage = 0.8

type cand struct {
	id uint32
	m  int     // candidate token count
	ub float64 // upper bound of the candidate's score: shared tokens (at most) / max(n, m)
}

// scratch is the per-Search working memory, recycled through a sync.Pool so concurrent Searches share nothing.
type scratch struct {
	qtoks, ctoks []string
	grams        []uint64
	units        [][]uint32 // per query token occurrence: the posting of its rarest gram
	counts       []uint16
	needBy       []uint16
	touched      []uint32
	packed       []uint64
	cands        []cand
	res          []Result
	qrunes       int
}

// Search returns up to limit keys whose token score against query is at least minScore, best first:
// higher Score, then smaller CharDist, then smaller ID. minScore ≤ 0 (or NaN) and limit ≤ 0 select the
// Options defaults; minScore above 1 finds nothing. query must be folded like the keys (normalize.Search).
//
// Results are the same as scoring every key by brute force (unless Options.MaxRerank cuts the rescoring
// short). Why the filters are exact: a key of m tokens at token distance d from a query of n tokens shares
// at least max(n, m) − d tokens with it, so a score ≥ s needs ⌈s·max(n, m)⌉ shared tokens (count filter)
// and m within [s·n, n/s] (length filter). A key holding a query token holds every indexed 3-gram of it,
// with multiplicity (grams never span tokens, and which are indexed depends only on the token), so the
// posting of the token's rarest gram is a superset of the keys holding the token (for the j-th copy of a
// repeated token: of its j-th occurrence-tagged gram). Sorting the query tokens by that posting's length,
// a key sharing ⌈s·n⌉ tokens must be in one of the n − ⌈s·n⌉ + 1 shortest (prefix filter): only those are
// scanned; the longer ones are merged or probed by galloping search for the surviving candidates only.
// Candidates are rescored exactly in decreasing order of the bound shared/max(n, m), stopping when it
// falls below the limit-th best score found; a candidate that can at best tie that score is skipped when
// its rune-count difference already loses the tie.
//
// Search first runs at threshold max(minScore, 0.8), where the filters are tight, and only when that
// leaves fewer than limit results again at minScore.
//
// Cost: the scanned postings plus, per surviving candidate, one probe per longer token and one rescoring
// (O(n·m) tokens and O(⌈n/64⌉·m) rune steps). The returned slice is new and owned by the caller.
func (ix *Index) Search(query string, minScore float64, limit int) []Result {
	if !(minScore > 0) { // also NaN
		minScore = ix.opt.MinScore
		if !(minScore > 0) {
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

	s.qtoks = Tokens(s.qtoks[:0], query)
	s.qrunes = utf8.RuneCountInString(query)
	if len(s.qtoks) == 0 {
		ix.searchEmpty(s, query, limit)
	} else {
		ix.prepare(s)
		if minScore < firstStage {
			ix.searchAt(s, query, firstStage, limit)
			if len(s.res) < limit {
				s.res = s.res[:0]
				ix.searchAt(s, query, minScore, limit)
			}
		} else {
			ix.searchAt(s, query, minScore, limit)
		}
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

// prepare finds, for each query token occurrence, the posting of its rarest gram (dropping tokens no key
// holds) and sorts these units rarest first.
func (ix *Index) prepare(s *scratch) {
	s.units = s.units[:0]
	sorted := append(s.ctoks[:0], s.qtoks...) // equal tokens adjacent: the j-th copy needs j+1 occurrences
	slices.Sort(sorted)
	s.ctoks = sorted
	copyNo := 0
	for i, t := range sorted {
		if i > 0 && sorted[i-1] == t {
			copyNo++
		} else {
			copyNo = 0
		}
		var rarest []uint32
		s.grams = tokenGrams(s.grams[:0], t)
		slices.Sort(s.grams)
		for a := 0; a < len(s.grams); {
			b := a + 1
			for b < len(s.grams) && s.grams[b] == s.grams[a] {
				b++
			}
			// A key with copyNo+1 copies of t holds this gram at least (copyNo+1)·(b−a) times: its
			// occurrence-tagged key number (copyNo+1)·(b−a) − 1 is the one to look for.
			g := s.grams[a]
			if tag := (copyNo+1)*(b-a) - 1; tag > 0 {
				g = mix(g, uint64(tag)) | 1<<63
			}
			var post []uint32
			if p, found := ix.grams[g]; found {
				post = ix.post[p]
			}
			if a == 0 || len(post) < len(rarest) {
				rarest = post
			}
			if len(rarest) == 0 {
				break // no key holds this token
			}
			a = b
		}
		if len(rarest) > 0 {
			s.units = append(s.units, rarest)
		}
	}
	slices.SortFunc(s.units, func(a, b []uint32) int { return cmp.Compare(len(a), len(b)) })
}

// searchAt offers every key scoring at least minScore, exactly, in bound order (see Search).
func (ix *Index) searchAt(s *scratch, query string, minScore float64, limit int) {
	n := len(s.qtoks)
	need := func(x int) int { return max(1, int(math.Ceil(minScore*float64(x)-epsilon))) }
	mLo := need(n)
	mHi := ix.maxTok // no key is longer; also keeps n/minScore from overflowing for tiny thresholds
	if hi := math.Floor(float64(n)/minScore + epsilon); hi < float64(mHi) {
		mHi = int(hi)
	}
	avail := len(s.units)
	if avail < mLo {
		return // fewer query tokens occur in the index than a match needs
	}
	p := avail - mLo + 1 // scan units [0, p); every qualifying key holds one of them

	// needBy[m]: shared tokens a key of m tokens needs (m within the length bounds).
	s.needBy = slices.Grow(s.needBy[:0], mHi+1)[:mHi+1]
	for m := mLo; m <= mHi; m++ {
		s.needBy[m] = uint16(min(need(max(n, m)), math.MaxUint16))
	}
	if len(s.counts) < len(ix.keys) {
		s.counts = make([]uint16, len(ix.keys)+len(ix.keys)/8)
	}
	counts := s.counts // zero outside this function: every id touched is reset before returning
	s.touched = s.touched[:0]
	for _, u := range s.units[:p] {
		for _, id := range u {
			if counts[id] == 0 {
				s.touched = append(s.touched, id)
			}
			if counts[id] < math.MaxUint16 {
				counts[id]++
			}
		}
	}
	// Candidates: id<<32 | shared tokens needed, for the ids whose count can still reach what they need.
	cands := s.packed[:0]
	rest := avail - p
	for _, id := range s.touched {
		m := int(ix.ntok[id])
		if m < mLo || m > mHi || int(counts[id])+rest < int(s.needBy[m]) {
			counts[id] = 0
			continue
		}
		cands = append(cands, uint64(id)<<32|uint64(s.needBy[m]))
	}

	// Count the longer units only for the surviving candidates, pruning as the remaining units run out.
	// A unit up to 32 times longer than the candidate list is merged by a scan (counts > 0 marks candidates);
	// a longer one is probed per candidate by galloping search, which needs the candidates in id order.
	sorted := false
	for k := p; k < avail && len(cands) > 0; k++ {
		u := s.units[k]
		if len(u) <= 32*len(cands) {
			for _, id := range u {
				if c := counts[id]; c > 0 && c < math.MaxUint16 {
					counts[id] = c + 1
				}
			}
		} else {
			if !sorted {
				slices.Sort(cands)
				sorted = true
			}
			pos := 0
			for _, c := range cands {
				id := uint32(c >> 32)
				pos = gallop(u, pos, id)
				if pos < len(u) && u[pos] == id && counts[id] < math.MaxUint16 {
					counts[id]++
				}
			}
		}
		rest := avail - k - 1
		keep := cands[:0]
		for _, c := range cands {
			id := uint32(c >> 32)
			if int(counts[id])+rest >= int(uint16(c)) {
				keep = append(keep, c)
			} else {
				counts[id] = 0
			}
		}
		cands = keep
	}
	s.packed = cands
	s.cands = s.cands[:0]
	for _, c := range cands {
		id := uint32(c >> 32)
		o := int(counts[id])
		counts[id] = 0
		if o == math.MaxUint16 {
			o = n // saturated: assume every token
		}
		m := int(ix.ntok[id])
		s.cands = append(s.cands, cand{id: id, m: m, ub: float64(min(o, n, m)) / float64(max(n, m))})
	}
	ix.rescore(s, query, minScore, limit)
}

// rescore computes exact scores in decreasing order of the upper bound and offers them.
func (ix *Index) rescore(s *scratch, query string, minScore float64, limit int) {
	n := len(s.qtoks)
	slices.SortFunc(s.cands, func(a, b cand) int {
		if a.ub != b.ub {
			return cmp.Compare(b.ub, a.ub)
		}
		return cmp.Compare(a.id, b.id)
	})
	for i, c := range s.cands {
		full := len(s.res) == limit
		if c.ub < minScore || full && c.ub < s.res[limit-1].Score {
			break
		}
		if ix.opt.MaxRerank > 0 && i >= ix.opt.MaxRerank {
			break
		}
		key := ix.keys[c.id]
		if full && c.ub == s.res[limit-1].Score && s.tieLost(key, c.id, limit) {
			continue
		}
		s.ctoks = Tokens(s.ctoks[:0], key)
		d := score.Levenshtein(s.qtoks, s.ctoks)
		sc := score.Percent(n, len(s.ctoks), d)
		if sc < minScore || full && sc < s.res[limit-1].Score {
			continue
		}
		if full && sc == s.res[limit-1].Score && s.tieLost(key, c.id, limit) {
			continue
		}
		s.offer(Result{ID: c.id, Score: sc, TokenDist: d, CharDist: score.CharDistance(query, key), Tokens: c.m}, limit)
	}
}

// tieLost reports whether a key that can at best tie the last kept result certainly ranks after it: its
// character distance is at least the difference of rune counts.
func (s *scratch) tieLost(key string, id uint32, limit int) bool {
	last := s.res[limit-1]
	lb := abs(utf8.RuneCountInString(key) - s.qrunes)
	return lb > last.CharDist || lb == last.CharDist && id > last.ID
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
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
