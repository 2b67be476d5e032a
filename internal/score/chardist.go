package score

import "unicode/utf8"

// CharDistance returns the Levenshtein distance between a and b counted in runes.
//
// It uses the bit-parallel algorithm of Myers and Hyyrö: O(⌈m/64⌉·n) word operations for a shorter string of
// m runes and a longer one of n runes, after stripping the common prefix and suffix. It does not allocate
// when the shorter remainder has at most 64 runes and fewer than 64 distinct non-ASCII runes.
func CharDistance(a, b string) int {
	a, b = trimCommon(a, b)
	if a == "" {
		return utf8.RuneCountInString(b)
	}
	if b == "" {
		return utf8.RuneCountInString(a)
	}
	na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if na > nb {
		a, b, na = b, a, nb // a is the pattern: the shorter one
	}
	if na <= 64 {
		return myers64(a, na, b)
	}
	return myersBlocks(a, na, b)
}

// trimCommon drops the common prefix and suffix, on rune boundaries.
func trimCommon(a, b string) (string, string) {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	// Keep the cut on a rune start in both strings so both remainders decode as they did in place.
	for i > 0 && (i < len(a) && !utf8.RuneStart(a[i]) || i < len(b) && !utf8.RuneStart(b[i])) {
		i--
	}
	a, b = a[i:], b[i:]
	j := 0
	for j < len(a) && j < len(b) && a[len(a)-1-j] == b[len(b)-1-j] {
		j++
	}
	for j > 0 && (!utf8.RuneStart(a[len(a)-j]) || !utf8.RuneStart(b[len(b)-j])) {
		j--
	}
	return a[:len(a)-j], b[:len(b)-j]
}

// peq64 maps a rune to the bit mask of the pattern positions holding it, for patterns of ≤ 64 runes.
// ASCII is a direct table; other runes go to a small open-addressing table, then to a map if it fills.
type peq64 struct {
	ascii [128]uint64
	keys  [128]rune // 0 = empty slot (rune 0 is ASCII, never stored here)
	vals  [128]uint64
	n     int
	more  map[rune]uint64
}

func (p *peq64) slot(r rune) int { return int(uint32(r)*2654435761>>25) & 127 }

func (p *peq64) add(r rune, bit uint64) {
	if r < 128 && r >= 0 {
		p.ascii[r] |= bit
		return
	}
	if p.n >= 96 { // keep the table sparse enough for short probes
		if p.more == nil {
			p.more = make(map[rune]uint64)
		}
		p.more[r] |= bit
		return
	}
	for i := p.slot(r); ; i = (i + 1) & 127 {
		switch p.keys[i] {
		case r:
			p.vals[i] |= bit
			return
		case 0:
			p.keys[i], p.vals[i] = r, bit
			p.n++
			return
		}
	}
}

func (p *peq64) get(r rune) uint64 {
	if r < 128 && r >= 0 {
		return p.ascii[r]
	}
	for i := p.slot(r); ; i = (i + 1) & 127 {
		switch p.keys[i] {
		case r:
			return p.vals[i]
		case 0:
			if p.more != nil {
				return p.more[r]
			}
			return 0
		}
	}
}

// myers64 is the single-word case: pattern a has m ≤ 64 runes.
func myers64(a string, m int, b string) int {
	var peq peq64
	i := 0
	for _, r := range a {
		peq.add(r, 1<<i)
		i++
	}
	pv, mv := ^uint64(0), uint64(0)
	last := uint64(1) << (m - 1)
	score := m
	for _, r := range b {
		eq := peq.get(r)
		xv := eq | mv
		xh := (((eq & pv) + pv) ^ pv) | eq
		ph := mv | ^(xh | pv)
		mh := pv & xh
		if ph&last != 0 {
			score++
		} else if mh&last != 0 {
			score--
		}
		ph = ph<<1 | 1 // the top row grows by one per column: D[0][j] = j
		mh <<= 1
		pv = mh | ^(xv | ph)
		mv = ph & xv
	}
	return score
}

// myersBlocks handles patterns longer than 64 runes with one 64-bit block per 64 pattern runes
// (Myers 1999, §4; the block step follows Hyyrö's global-distance formulation).
func myersBlocks(a string, m int, b string) int {
	nblocks := (m + 63) / 64
	// peq rows, one per distinct pattern rune, in one arena; row 0 stays zero for runes not in the pattern.
	var ascii [128]int32
	var other map[rune]int32
	peq := make([]uint64, nblocks, nblocks*8)
	row := func(r rune, add bool) int32 {
		if r >= 0 && r < 128 {
			if ascii[r] == 0 && add {
				ascii[r] = int32(len(peq) / nblocks)
				peq = append(peq, make([]uint64, nblocks)...)
			}
			return ascii[r]
		}
		k, ok := other[r]
		if !ok && add {
			if other == nil {
				other = make(map[rune]int32)
			}
			k = int32(len(peq) / nblocks)
			other[r] = k
			peq = append(peq, make([]uint64, nblocks)...)
		}
		return k
	}
	i := 0
	for _, r := range a {
		k := int(row(r, true))
		peq[k*nblocks+i/64] |= 1 << (i % 64)
		i++
	}
	vs := make([]uint64, 2*nblocks)
	pv, mv := vs[:nblocks], vs[nblocks:]
	for k := range pv {
		pv[k] = ^uint64(0)
	}
	lastBit := uint(m-1) % 64
	score := m
	for _, r := range b {
		k := int(row(r, false))
		eqs := peq[k*nblocks : (k+1)*nblocks]
		hin := 1 // horizontal delta entering the top of block 0
		for k := 0; k < nblocks; k++ {
			top := uint(63)
			if k == nblocks-1 {
				top = lastBit
			}
			hin = blockStep(&pv[k], &mv[k], eqs[k], hin, top)
		}
		score += hin
	}
	return score
}

// blockStep advances one block by one text rune given the horizontal delta hin ∈ {-1, 0, 1} at its top,
// and returns the horizontal delta at row bit top of the block.
func blockStep(pvp, mvp *uint64, eq uint64, hin int, top uint) int {
	pv, mv := *pvp, *mvp
	var hinNeg, hinPos uint64
	if hin < 0 {
		hinNeg = 1
	} else if hin > 0 {
		hinPos = 1
	}
	xv := eq | mv
	eq |= hinNeg
	xh := (((eq & pv) + pv) ^ pv) | eq
	ph := mv | ^(xh | pv)
	mh := pv & xh
	hout := int(ph>>top&1) - int(mh>>top&1)
	ph = ph<<1 | hinPos
	mh = mh<<1 | hinNeg
	*pvp = mh | ^(xv | ph)
	*mvp = ph & xv
	return hout
}
