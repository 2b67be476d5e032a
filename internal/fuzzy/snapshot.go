package fuzzy

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	mathbits "math/bits"
	"slices"
	"strings"
)

// A snapshot is the whole state of an Index in one binary stream, so that a store can reopen without
// re-tokenizing every key. All integers are little-endian:
//
//	magic "tjfz1\n"
//	u32 ids (length of the id space)
//	u32 × ids   token count by id (0 for absent ids)
//	u32 × ids   key length in bytes by id (0 for absent ids)
//	u64 total, then the key bytes in id order
//	u32 n, then n × u32: ids of live keys without tokens, increasing
//	u32 grams, then grams × (u64 gram key, u32 posting length)
//	u64 total, then every posting's ids in gram order, each posting increasing
//	u32 CRC-32C (Castagnoli) of everything before it
//
// Liveness is not stored: an id is live when it has tokens or is listed among the empty keys. The count, the
// largest id and the most tokens are recomputed from the live keys.

var snapshotMagic = []byte("tjfz1\n")

// ErrSnapshot is wrapped by the errors of ReadIndex.
var ErrSnapshot = errors.New("fuzzy: bad index snapshot")

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// snapWriter encodes into a fixed buffer, flushing it to w and folding it into the checksum.
type snapWriter struct {
	w   io.Writer
	buf []byte
	n   int64
	crc uint32
	err error
}

func (s *snapWriter) flush() {
	if s.err == nil && len(s.buf) > 0 {
		s.crc = crc32.Update(s.crc, castagnoli, s.buf)
		var k int
		k, s.err = s.w.Write(s.buf)
		s.n += int64(k)
	}
	s.buf = s.buf[:0]
}

func (s *snapWriter) room(n int) {
	if len(s.buf)+n > cap(s.buf) {
		s.flush()
	}
}

func (s *snapWriter) u32(v uint32) { s.room(4); s.buf = binary.LittleEndian.AppendUint32(s.buf, v) }
func (s *snapWriter) u64(v uint64) { s.room(8); s.buf = binary.LittleEndian.AppendUint64(s.buf, v) }

func (s *snapWriter) bytes(p string) {
	for len(p) > 0 {
		s.room(1)
		k := min(len(p), cap(s.buf)-len(s.buf))
		s.buf = append(s.buf, p[:k]...)
		p = p[k:]
	}
}

// WriteTo writes a snapshot of the index to w; ReadIndex restores it. The caller must exclude Add and
// Remove while it runs (Search may run). Writes go to w in blocks of 64 KiB: buffering w is not needed.
func (ix *Index) WriteTo(w io.Writer) (int64, error) {
	s := &snapWriter{w: w, buf: make([]byte, 0, 64<<10)}
	s.bytes(string(snapshotMagic))
	s.u32(uint32(len(ix.keys)))
	for _, n := range ix.ntok {
		s.u32(n)
	}
	var total uint64
	for _, k := range ix.keys {
		s.u32(uint32(len(k)))
		total += uint64(len(k))
	}
	s.u64(total)
	for _, k := range ix.keys {
		s.bytes(k)
	}
	s.u32(uint32(len(ix.empty)))
	for _, id := range ix.empty {
		s.u32(id)
	}
	gramOf := make([]uint64, len(ix.post))
	for g, p := range ix.grams {
		gramOf[p] = g
	}
	s.u32(uint32(len(ix.post)))
	total = 0
	for p, ids := range ix.post {
		s.u64(gramOf[p])
		s.u32(uint32(len(ids)))
		total += uint64(len(ids))
	}
	s.u64(total)
	for _, ids := range ix.post {
		for _, id := range ids {
			s.u32(id)
		}
	}
	s.flush()
	if s.err != nil {
		return s.n, s.err
	}
	var sum [4]byte
	binary.LittleEndian.PutUint32(sum[:], s.crc)
	k, err := w.Write(sum[:])
	return s.n + int64(k), err
}

// snapReader decodes exact-length reads from r, checking them against the bytes left and folding them
// into the checksum. It never reads past the snapshot, so several can follow each other in one stream.
type snapReader struct {
	r    io.Reader
	left int64
	buf  []byte
	crc  uint32
	err  error
}

func (s *snapReader) fail(format string, a ...any) {
	if s.err == nil {
		s.err = fmt.Errorf("%w: %s", ErrSnapshot, fmt.Sprintf(format, a...))
	}
}

// read returns the next n bytes (n ≤ cap(buf)), valid until the next call.
func (s *snapReader) read(n int) []byte {
	if s.err != nil {
		return nil
	}
	if int64(n) > s.left {
		s.fail("truncated")
		return nil
	}
	b := s.buf[:n]
	if _, err := io.ReadFull(s.r, b); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			s.fail("truncated")
		} else {
			s.err = err
		}
		return nil
	}
	s.left -= int64(n)
	s.crc = crc32.Update(s.crc, castagnoli, b)
	return b
}

func (s *snapReader) u32() uint32 {
	if b := s.read(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (s *snapReader) u64() uint64 {
	if b := s.read(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

// u32s fills dst.
func (s *snapReader) u32s(dst []uint32) {
	for len(dst) > 0 && s.err == nil {
		k := min(len(dst), cap(s.buf)/4)
		b := s.read(4 * k)
		if b == nil {
			return
		}
		for i := range k {
			dst[i] = binary.LittleEndian.Uint32(b[4*i:])
		}
		dst = dst[k:]
	}
}

// count reads a length of elements of size bytes each and checks that they fit in what is left.
func (s *snapReader) count(n uint64, size int64) int {
	if s.err == nil && (n > uint64(s.left)/uint64(size) || n > 1<<32 || n > math.MaxInt) {
		s.fail("length %d exceeds the snapshot", n)
	}
	if s.err != nil {
		return 0
	}
	return int(n)
}

// ReadIndex restores an index written by WriteTo from the next size bytes of r at most; it reads exactly
// the snapshot's bytes, so r may hold more after it (give it a buffered reader for speed). o replaces the
// options the index had. A truncated, corrupted or inconsistent snapshot is an error wrapping ErrSnapshot,
// never a panic; the checksum catches accidental damage and the structural checks make a forged snapshot
// harmless (a wrong key there can only give wrong results).
func ReadIndex(r io.Reader, size int64, o Options) (*Index, error) {
	s := &snapReader{r: r, left: size, buf: make([]byte, 64<<10)}
	if m := s.read(len(snapshotMagic)); m != nil && string(m) != string(snapshotMagic) {
		s.fail("not an index snapshot")
	}
	ids := s.count(uint64(s.u32()), 8)
	ix := NewWithOptions(o)
	ix.ntok = make([]uint32, ids)
	s.u32s(ix.ntok)
	klen := make([]uint32, ids)
	s.u32s(klen)
	var sum uint64
	for _, n := range klen {
		sum += uint64(n)
	}
	if total := s.u64(); s.err == nil && total != sum {
		s.fail("key bytes %d, lengths say %d", total, sum)
	}
	var sb strings.Builder
	sb.Grow(s.count(sum, 1))
	for left := int(sum); left > 0 && s.err == nil; {
		b := s.read(min(left, len(s.buf)))
		sb.Write(b)
		left -= len(b)
	}
	all := sb.String()
	ix.keys = make([]string, ids)
	ix.live = make([]uint64, (ids+63)/64)
	off := 0
	for id, n := range klen {
		if s.err != nil {
			break
		}
		ix.keys[id] = all[off : off+int(n)]
		off += int(n)
		if ix.ntok[id] > n { // every token takes a byte at least
			s.fail("key %d has %d tokens in %d bytes", id, ix.ntok[id], n)
		}
		if ix.ntok[id] > 0 {
			ix.live[id/64] |= 1 << (id % 64)
			ix.maxTok = max(ix.maxTok, int(ix.ntok[id]))
		}
	}
	ix.empty = make([]uint32, s.count(uint64(s.u32()), 4))
	s.u32s(ix.empty)
	for i, id := range ix.empty {
		if s.err != nil {
			break
		}
		if uint64(id) >= uint64(ids) || ix.ntok[id] != 0 || (i > 0 && id <= ix.empty[i-1]) {
			s.fail("bad empty key %d", id)
			break
		}
		ix.live[id/64] |= 1 << (id % 64)
	}
	for w, bits := range ix.live {
		ix.count += mathbits.OnesCount64(bits)
		if bits != 0 {
			ix.maxID = uint32(w*64 + 63 - mathbits.LeadingZeros64(bits))
		}
	}
	if s.err == nil {
		for id, n := range klen {
			if n > 0 && !ix.Has(uint32(id)) {
				s.fail("absent id %d has a key", id)
				break
			}
		}
	}
	grams := s.count(uint64(s.u32()), 12)
	gramKeys := make([]uint64, 0, grams)
	lens := make([]uint32, 0, grams)
	sum = 0
	for range grams {
		if s.err != nil {
			break
		}
		gramKeys = append(gramKeys, s.u64())
		lens = append(lens, s.u32())
		sum += uint64(lens[len(lens)-1])
	}
	if total := s.u64(); s.err == nil && total != sum {
		s.fail("postings hold %d ids, lengths say %d", total, sum)
	}
	arena := make([]uint32, s.count(sum, 4))
	s.u32s(arena)
	ix.grams = make(map[uint64]uint32, len(gramKeys))
	ix.post = make([][]uint32, len(gramKeys))
	off = 0
	for p, g := range gramKeys {
		if s.err != nil {
			break
		}
		if _, dup := ix.grams[g]; dup {
			s.fail("gram %x twice", g)
			break
		}
		ix.grams[g] = uint32(p)
		n := int(lens[p])
		post := arena[off : off+n : off+n] // capped: growing one posting must not overwrite the next
		off += n
		for i, id := range post {
			if !ix.Has(id) || ix.ntok[id] == 0 || (i > 0 && id <= post[i-1]) {
				s.fail("bad posting of gram %x", g)
				break
			}
		}
		ix.post[p] = post
	}
	want := s.crc
	if got := s.u32(); s.err == nil && got != want {
		s.fail("checksum mismatch")
	}
	if s.err != nil {
		return nil, s.err
	}
	return ix, nil
}

// Equal reports whether two indexes hold the same keys under the same ids with the same postings: what a
// snapshot must preserve. Options are not compared.
func (ix *Index) Equal(o *Index) bool {
	if ix.count != o.count || len(ix.grams) != len(o.grams) ||
		!slices.Equal(ix.empty, o.empty) {
		return false
	}
	n := max(len(ix.keys), len(o.keys))
	for id := range uint32(n) {
		a, aok := ix.Key(id)
		b, bok := o.Key(id)
		if aok != bok || a != b || (aok && ix.ntok[id] != o.ntok[id]) {
			return false
		}
	}
	for g, p := range ix.grams {
		q, ok := o.grams[g]
		if !ok || !slices.Equal(ix.post[p], o.post[q]) {
			return false
		}
	}
	return true
}
