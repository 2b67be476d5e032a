package fuzzy

import "math/bits"

// Grams are character 3-grams of each token padded with one boundary mark on each side; grams never span
// two tokens. Of a token's L grams the index keeps every other one and always the last (⌈L/2⌉ or so, at
// least one): which ones depends only on the token, so every key holding a token holds all of that token's
// kept grams, and the posting of any of them is a superset of the keys holding the token (see
// Index.Search). Keeping half the grams halves the postings; choosing the rarest among them still almost
// always picks a selective one.
//
// A gram is packed into 63 bits (three 21-bit code points). Repeated grams of one key are told apart by their
// occurrence number, so a key holding a token twice holds both occurrence-tagged copies of its grams; the
// k-th repeat (k ≥ 1) is hashed with k into a key with the top bit set. A hash collision can only merge two
// posting lists, which makes them larger, never smaller: the filter stays safe.

const boundary = 0 // padding code point; a token holding U+0000 only makes grams shared more widely

// Scheme names how keys become tokens and grams (Tokens, tokenGrams, tagRepeats, mix). A snapshot's
// postings are only valid under the scheme that wrote them: change this name whenever any of those
// change (TestSchemeGolden fails until it is updated).
const Scheme = "tokens-1/grams3-odd-last/tag-splitmix"

// tokenGrams appends the kept packed 3-grams of tok to dst.
func tokenGrams(dst []uint64, tok string) []uint64 {
	var a, b uint64 = boundary, boundary
	first := true
	n := 0
	for _, r := range tok {
		c := uint64(r) & 0x1FFFFF
		if first {
			a, b = boundary, c
			first = false
		} else {
			if n%2 == 1 { // gram n−1: keep every other one (and always the last, below)
				dst = append(dst, a<<42|b<<21|c)
			}
			a, b = b, c
		}
		n++
	}
	if n > 0 {
		dst = append(dst, a<<42|b<<21|boundary)
	}
	return dst
}

// tagRepeats rewrites packed grams in place so that repeated values become distinct occurrence-tagged
// keys: the first occurrence keeps its value, the k-th repeat becomes mix(gram, k) with the top bit set.
// The order of g does not matter. Occurrences are counted in t, an open-addressing table reused between
// calls, where a zero count marks an empty slot.
func tagRepeats(g []uint64, t *tagTable) {
	size := 16
	for size < 2*len(g) {
		size *= 2
	}
	if cap(t.keys) < size {
		t.keys, t.seen = make([]uint64, size), make([]uint32, size)
	}
	keys, seen := t.keys[:size], t.seen[:size]
	clear(seen)
	shift := 64 - bits.TrailingZeros(uint(size))
	for i, x := range g {
		h := int(x * 0x9E3779B97F4A7C15 >> shift) // Fibonacci hashing
		for seen[h] != 0 && keys[h] != x {
			h = (h + 1) & (size - 1)
		}
		keys[h] = x
		if seen[h] > 0 {
			g[i] = mix(x, uint64(seen[h])) | 1<<63
		}
		seen[h]++
	}
}

// tagTable is tagRepeats' reusable working memory.
type tagTable struct {
	keys []uint64
	seen []uint32
}

// mix is SplitMix64's finalizer over the gram and occurrence number.
func mix(x, occ uint64) uint64 {
	x ^= occ * 0x9E3779B97F4A7C15
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}
