package normalize

import "sort"

// Segment kinds of an OffsetMap.
//
// Deleted combining marks and tatweel get no segment of their own: they are the gap between the original
// end of a segment and the start of the next, which keeps the map of vocalized text at one segment per
// letter. Other deleted runes (controls, ZWNJ) get a segDelOther segment, because a highlight must not
// extend over them.
const (
	segLinear    uint8 = iota // bytes copied (or one rune replaced by one of equal length): offsets move together
	segCollapsed              // one input unit replaced: every offset inside maps to the unit's start
	segDelOther               // deleted runes that are not marks (controls, ZWNJ): no normalized bytes
	segEnd                    // sentinel at the end of both texts
)

type seg struct {
	norm, orig int
	kind       uint8
}

// OffsetMap maps byte offsets in a normalized string back to the original string it came from. It is a
// run-length list of segments, one per run of copied bytes, replaced unit or run of deleted runes, so its
// size grows with the number of changes, not with the text; lookups are O(log(segments)).
//
// An OffsetMap is immutable and safe for concurrent use.
type OffsetMap struct {
	segs []seg // sorted by norm and by orig; the last one is the segEnd sentinel
}

// Orig returns the byte offset in the original string of the normalized byte offset i: the start of the
// input that produced the normalized byte at i, or the length of the original for i = len(normalized).
// Offsets inside a replaced unit (a ligature, a composed hamza) map to the unit's start. i is clamped to
// [0, len(normalized)].
func (m *OffsetMap) Orig(i int) int {
	i = min(max(i, 0), m.segs[len(m.segs)-1].norm)
	k := m.find(i)
	s := m.segs[k]
	if s.kind == segLinear {
		return s.orig + i - s.norm
	}
	return s.orig
}

// OrigSpan maps the normalized byte range [start, end) to the original: start as Orig does, and end to the
// end of the input that produced the byte before it, widened over the combining marks and tatweel deleted
// right after it, so that highlighting a normalized word covers the whole vocalized word (كتب in كَتَبَ
// maps to all of كَتَبَ). An empty or inverted range maps to an empty range at Orig(start).
func (m *OffsetMap) OrigSpan(start, end int) (int, int) {
	os := m.Orig(start)
	end = min(end, m.segs[len(m.segs)-1].norm)
	if end <= start || end <= 0 {
		return os, os
	}
	k := m.find(end - 1)
	s, next := m.segs[k], m.segs[k+1]
	if s.kind == segLinear && end < next.norm {
		return os, s.orig + end - s.norm
	}
	// The unit ends where the next segment starts, after the gap of deleted marks if there is one.
	return os, next.orig
}

// find returns the index of the last segment starting at or before the normalized offset i (in bounds),
// which is never a deletion: a deletion starts where the segment after it starts.
func (m *OffsetMap) find(i int) int {
	return sort.Search(len(m.segs), func(k int) bool { return m.segs[k].norm > i }) - 1
}

// recorder builds an OffsetMap while core transforms a whole string.
type recorder struct {
	segs       []seg
	norm, orig int // end of what is recorded so far

	holdSegs           int // len(segs) before the held unit was recorded
	holdNorm, holdOrig int
}

// add records nlen normalized bytes made from olen original bytes, merging runs of the same kind.
func (r *recorder) add(norm, orig, nlen, olen int, kind uint8) {
	if n := len(r.segs); n > 0 && kind != segCollapsed && r.segs[n-1].kind == kind && r.norm == norm && r.orig == orig {
		r.norm += nlen
		r.orig += olen
		return
	}
	r.segs = append(r.segs, seg{norm, orig, kind})
	r.norm, r.orig = norm+nlen, orig+olen
}

// unit records one input rune replaced by out; linear says whether offsets may move together inside it.
func (r *recorder) unit(norm, orig, nlen, olen int, linear bool) {
	if linear && nlen == olen {
		r.add(norm, orig, nlen, olen, segLinear)
		return
	}
	r.add(norm, orig, nlen, olen, segCollapsed)
}

// hold records a held unit and remembers where it starts so that recompose can rewrite it.
func (r *recorder) hold(norm, orig, nlen, olen int, linear bool) {
	r.holdSegs, r.holdNorm, r.holdOrig = len(r.segs), norm, orig
	r.unit(norm, orig, nlen, olen, linear)
}

// recompose rewrites the held unit, and the deletions recorded after it, as one unit of nlen bytes made
// from the original bytes up to origEnd.
func (r *recorder) recompose(nlen, origEnd int) {
	r.segs = r.segs[:r.holdSegs]
	r.norm, r.orig = r.holdNorm, r.holdOrig
	r.hold(r.holdNorm, r.holdOrig, nlen, origEnd-r.holdOrig, false)
}

// finish closes the map at the end of both texts.
func (r *recorder) finish(normLen, origLen int) *OffsetMap {
	r.segs = append(r.segs, seg{normLen, origLen, segEnd})
	return &OffsetMap{segs: r.segs}
}
