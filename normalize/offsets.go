package normalize

import (
	"math"
	"sort"
)

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

// seg starts a segment at a normalized and an original byte offset, with the kind in the top two bits of
// normKind. Eight bytes a segment keep the map of a long vocalized text (one segment per letter) small;
// wideSeg takes over for offsets past 30 (normalized) or 32 (original) bits.
type seg struct {
	normKind, orig uint32
}

const (
	kindShift = 30
	normMask  = 1<<kindShift - 1
)

type wideSeg struct {
	norm, orig int
	kind       uint8
}

// OffsetMap maps byte offsets in a normalized string back to the original string it came from. It is a
// run-length list of segments, one per run of copied bytes, replaced unit or run of deleted controls, so
// its size grows with the number of changes, not with the text; lookups are O(log(segments)).
//
// An OffsetMap is immutable and safe for concurrent use.
type OffsetMap struct {
	// segs (or wide, for inputs of 1 GiB and more) is sorted by norm and by orig; the last segment is the
	// segEnd sentinel.
	segs []seg
	wide []wideSeg
}

// len returns the number of segments.
func (m *OffsetMap) len() int {
	if m.wide != nil {
		return len(m.wide)
	}
	return len(m.segs)
}

// at returns segment k.
func (m *OffsetMap) at(k int) (norm, orig int, kind uint8) {
	if m.wide != nil {
		s := m.wide[k]
		return s.norm, s.orig, s.kind
	}
	s := m.segs[k]
	return int(s.normKind & normMask), int(s.orig), uint8(s.normKind >> kindShift)
}

// normLen returns the length of the normalized string.
func (m *OffsetMap) normLen() int {
	n, _, _ := m.at(m.len() - 1)
	return n
}

// Orig returns the byte offset in the original string of the normalized byte offset i: the start of the
// input that produced the normalized byte at i, or the length of the original for i = len(normalized).
// Offsets inside a replaced unit (a ligature, a composed hamza) map to the unit's start. i is clamped to
// [0, len(normalized)].
func (m *OffsetMap) Orig(i int) int {
	i = min(max(i, 0), m.normLen())
	norm, orig, kind := m.at(m.find(i))
	if kind == segLinear {
		return orig + i - norm
	}
	return orig
}

// OrigSpan maps the normalized byte range [start, end) to the original: start as Orig does, and end to the
// end of the input that produced the byte before it, widened over the combining marks and tatweel deleted
// right after it, so that highlighting a normalized word covers the whole vocalized word (كتب in كَتَبَ
// maps to all of كَتَبَ). An empty or inverted range maps to an empty range at Orig(start).
func (m *OffsetMap) OrigSpan(start, end int) (int, int) {
	os := m.Orig(start)
	end = min(end, m.normLen())
	if end <= start || end <= 0 {
		return os, os
	}
	k := m.find(end - 1)
	norm, orig, kind := m.at(k)
	nextNorm, nextOrig, _ := m.at(k + 1)
	if kind == segLinear && end < nextNorm {
		return os, orig + end - norm
	}
	// The unit ends where the next segment starts, after the gap of deleted marks if there is one.
	return os, nextOrig
}

// find returns the index of the last segment starting at or before the normalized offset i (in bounds),
// which is never a deletion: a deletion starts where the segment after it starts.
func (m *OffsetMap) find(i int) int {
	if m.wide == nil {
		return sort.Search(len(m.segs), func(k int) bool { return int(m.segs[k].normKind&normMask) > i }) - 1
	}
	return sort.Search(m.len(), func(k int) bool {
		norm, _, _ := m.at(k)
		return norm > i
	}) - 1
}

// recorder builds an OffsetMap while core transforms a whole string.
type recorder struct {
	m          OffsetMap
	norm, orig int // end of what is recorded so far

	holdSegs           int // number of segments before the held unit was recorded
	holdNorm, holdOrig int
}

// push appends a segment, doubling the storage (append grows large slices by only a quarter, which
// would copy the map of a long vocalized text many times).
func (r *recorder) push(norm, orig int, kind uint8) {
	if r.m.wide == nil && uint(norm) <= normMask && uint(orig) <= math.MaxUint32 {
		if len(r.m.segs) == cap(r.m.segs) {
			r.m.segs = append(make([]seg, 0, 2*cap(r.m.segs)+64), r.m.segs...)
		}
		r.m.segs = append(r.m.segs, seg{uint32(norm) | uint32(kind)<<kindShift, uint32(orig)})
		return
	}
	if r.m.wide == nil {
		wide := make([]wideSeg, len(r.m.segs), 2*len(r.m.segs)+64)
		for k := range r.m.segs {
			wide[k].norm, wide[k].orig, wide[k].kind = r.m.at(k)
		}
		r.m.wide, r.m.segs = wide, nil
	}
	r.m.wide = append(r.m.wide, wideSeg{norm, orig, kind})
}

// truncate drops the segments from index n on.
func (r *recorder) truncate(n int) {
	if r.m.wide != nil {
		r.m.wide = r.m.wide[:n]
		return
	}
	r.m.segs = r.m.segs[:n]
}

// add records nlen normalized bytes made from olen original bytes, merging runs of the same kind.
func (r *recorder) add(norm, orig, nlen, olen int, kind uint8) {
	if n := r.m.len(); n > 0 && kind != segCollapsed && r.norm == norm && r.orig == orig {
		if _, _, last := r.m.at(n - 1); last == kind {
			r.norm += nlen
			r.orig += olen
			return
		}
	}
	r.push(norm, orig, kind)
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
	r.holdSegs, r.holdNorm, r.holdOrig = r.m.len(), norm, orig
	r.unit(norm, orig, nlen, olen, linear)
}

// recompose rewrites the held unit, and the deletions recorded after it, as one unit of nlen bytes made
// from the original bytes up to origEnd.
func (r *recorder) recompose(nlen, origEnd int) {
	r.truncate(r.holdSegs)
	r.norm, r.orig = r.holdNorm, r.holdOrig
	r.hold(r.holdNorm, r.holdOrig, nlen, origEnd-r.holdOrig, false)
}

// finish closes the map at the end of both texts.
func (r *recorder) finish(normLen, origLen int) *OffsetMap {
	r.push(normLen, origLen, segEnd)
	m := r.m
	return &m
}
