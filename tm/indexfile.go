package tm

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"hash/fnv"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	bolt "go.etcd.io/bbolt"

	"github.com/tarjuman/tarjuman/internal/fuzzy"
)

// The index file is a cache of the in-memory state that Open would otherwise rebuild from the store:
// the direction indexes and the duplicate map. It lives beside the store as "<path>.idx", is written by
// Close when the store has changed since it was opened (and holds at least indexFileMinUnits units), and
// is used by Open only when it provably describes the store as it is now: same store identity, same
// unit sequence number, same last unit header, same normalizer fingerprint. Anything else (missing,
// stale, damaged, another version) makes Open rebuild, exactly as if the file were not there. Deleting
// it is always safe.
//
// Layout (little-endian): magic; u32 header length and the header (store id, unit sequence, hash of
// the last unit header, fingerprint, unit count); u32 direction count and for each the direction name
// (u32 length, bytes) and a fuzzy index snapshot; u32 duplicate count and (u64 hash, u32 id) entries
// (first ids, then the extra ids of colliding hashes); u32 CRC-32C of everything before it except the
// snapshots, which carry their own.

const indexFileMagic = "tarjuman tm index 3\n"

// indexFileScheme names everything beyond the store that the saved postings depend on: the gram scheme
// of internal/fuzzy and the Unicode tables its tokenizer uses.
var indexFileScheme = fuzzy.Scheme + "|unicode " + unicode.Version

// indexFileMinUnits is the store size from which Close writes an index file; smaller stores rebuild
// their index in a few tens of milliseconds. A variable so tests can lower it.
var indexFileMinUnits = 50_000

var (
	metaStoreID    = []byte("id")
	metaGeneration = []byte("generation")
)

var errIndexFile = errors.New("tm: index file does not match the store")

// indexFilePath names the index file of the store at path.
func indexFilePath(path string) string { return path + ".idx" }

// storeState identifies a store's content as far as the index is concerned: ids are assigned by the
// units bucket's sequence and units are never deleted or re-keyed (a normalizer change re-keys, and
// changes the fingerprint), so the sequence pins the keys down within one history of the file. The
// generation, a random value the first commit that adds units in each writing session replaces, tells
// histories apart: a store restored from a backup and refilled to the same sequence has another one.
// The last unit's header is a further cheap check.
type storeState struct {
	id          []byte
	generation  []byte // changed by the first commit that adds units in each writing session
	seq         uint64
	lastHeader  uint64
	fingerprint []byte
}

func readStoreState(tx *bolt.Tx, fp []byte) (storeState, bool) {
	meta, units, keys := tx.Bucket(bucketMeta), tx.Bucket(bucketUnits), tx.Bucket(bucketKeys)
	if meta == nil || units == nil || keys == nil {
		return storeState{}, false
	}
	id := meta.Get(metaStoreID)
	if len(id) == 0 {
		return storeState{}, false
	}
	h := fnv.New64a()
	k, v := keys.Cursor().Last()
	h.Write(k)
	h.Write(v)
	return storeState{id: bytes.Clone(id), generation: bytes.Clone(meta.Get(metaGeneration)), seq: units.Sequence(), lastHeader: h.Sum64(), fingerprint: fp}, true
}

func (s *storeState) encode() []byte {
	b := binary.LittleEndian.AppendUint32(nil, uint32(len(s.id)))
	b = append(b, s.id...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(s.generation)))
	b = append(b, s.generation...)
	b = binary.LittleEndian.AppendUint64(b, s.seq)
	b = binary.LittleEndian.AppendUint64(b, s.lastHeader)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(s.fingerprint)))
	return append(b, s.fingerprint...)
}

// newStoreID makes the random identity that ties an index file to its store.
func newStoreID() []byte {
	id := make([]byte, 16)
	_, _ = rand.Read(id) // crypto/rand.Read never fails on supported platforms
	return id
}

// crcWriter and crcReader fold what passes through them into a CRC-32C and count it.
type crcWriter struct {
	w   io.Writer
	crc uint32
}

func (c *crcWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.crc = crc32.Update(c.crc, castagnoli, p[:n])
	return n, err
}

type crcReader struct {
	r    io.Reader
	n    int64
	crc  uint32
	skip bool // the bytes read carry their own checksum (a fuzzy snapshot): count them only
}

func (c *crcReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if !c.skip {
		c.crc = crc32.Update(c.crc, castagnoli, p[:n])
	}
	c.n += int64(n)
	return n, err
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// writeIndexFile writes the index file of m's current state atomically (temporary file, sync, rename).
// The caller holds m.mu.
func (m *Memory) writeIndexFile(path string, st storeState) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<20)
	cw := &crcWriter{w: bw}
	var b []byte
	b = append(b, indexFileMagic...)
	head := append([]byte(indexFileScheme+"\x00"), st.encode()...)
	head = binary.LittleEndian.AppendUint64(head, uint64(m.n))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(head)))
	b = append(b, head...)
	dirs := slices.Sorted(func(yield func(string) bool) {
		for d := range m.dirs {
			if !yield(d) {
				return
			}
		}
	})
	b = binary.LittleEndian.AppendUint32(b, uint32(len(dirs)))
	if _, err := cw.Write(b); err != nil {
		return err
	}
	for _, d := range dirs {
		b = binary.LittleEndian.AppendUint32(b[:0], uint32(len(d)))
		b = append(b, d...)
		if _, err := cw.Write(b); err != nil {
			return err
		}
		if _, err := m.dirs[d].WriteTo(bw); err != nil { // checksummed by the snapshot itself
			return err
		}
	}
	extra := 0
	for _, ids := range m.dupMore {
		extra += len(ids)
	}
	b = binary.LittleEndian.AppendUint32(b[:0], uint32(len(m.dup)+extra))
	put := func(h uint64, id uint32) error {
		b = binary.LittleEndian.AppendUint64(b, h)
		b = binary.LittleEndian.AppendUint32(b, id)
		if len(b) < 64<<10 {
			return nil
		}
		_, err := cw.Write(b)
		b = b[:0]
		return err
	}
	for h, id := range m.dup {
		if err := put(h, id); err != nil {
			return err
		}
	}
	for h, ids := range m.dupMore {
		for _, id := range ids {
			if err := put(h, id); err != nil {
				return err
			}
		}
	}
	if _, err := cw.Write(b); err != nil {
		return err
	}
	if err := binary.Write(bw, binary.LittleEndian, cw.crc); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// readIndexFile restores the direction indexes, the duplicate map and the unit count from the index
// file at path if it matches st; the caller has not published m yet.
func (m *Memory) readIndexFile(path string, st storeState) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	cr := &crcReader{r: bufio.NewReaderSize(f, 1<<20)}
	size := fi.Size()
	var scratch [8]byte
	// read returns the next n bytes; n is checked against what is left before anything is allocated.
	read := func(n uint32) ([]byte, error) {
		if int64(n) > size-cr.n {
			return nil, errIndexFile
		}
		b := scratch[:0]
		if n > uint32(len(scratch)) {
			b = make([]byte, n)
		}
		_, err := io.ReadFull(cr, b[:n])
		return b[:n], err
	}
	u32 := func() (uint32, error) {
		b, err := read(4)
		if err != nil {
			return 0, err
		}
		return binary.LittleEndian.Uint32(b), nil
	}
	field := func() ([]byte, error) { // a u32 length, then that many bytes
		n, err := u32()
		if err != nil {
			return nil, err
		}
		return read(n)
	}
	magic, err := read(uint32(len(indexFileMagic)))
	if err != nil || string(magic) != indexFileMagic {
		return errIndexFile
	}
	head, err := field()
	if err != nil {
		return err
	}
	want := append([]byte(indexFileScheme+"\x00"), st.encode()...)
	if len(head) != len(want)+8 || !bytes.Equal(head[:len(want)], want) {
		return errIndexFile
	}
	units := binary.LittleEndian.Uint64(head[len(want):])
	ndirs, err := u32()
	if err != nil {
		return err
	}
	if int64(ndirs) > (size-cr.n)/8 { // each direction takes more than its name's length
		return errIndexFile
	}
	dirs := make(map[string]*fuzzy.Index, ndirs)
	for range ndirs {
		name, err := field()
		if err != nil {
			return err
		}
		cr.skip = true // a snapshot checks its own checksum
		ix, err := fuzzy.ReadIndex(cr, size-cr.n, fuzzy.Options{})
		cr.skip = false
		if err != nil {
			return err
		}
		dirs[string(name)] = ix
	}
	ndup, err := u32()
	if err != nil {
		return err
	}
	if int64(ndup) > (size-cr.n)/12 {
		return errIndexFile
	}
	dup := make(map[uint64]uint32, ndup)
	dupMore := make(map[uint64][]uint32)
	buf := make([]byte, 12*4096)
	for left := int(ndup); left > 0; {
		k := min(left, 4096)
		if _, err := io.ReadFull(cr, buf[:12*k]); err != nil {
			return err
		}
		for i := range k {
			h, id := binary.LittleEndian.Uint64(buf[12*i:]), binary.LittleEndian.Uint32(buf[12*i+8:])
			if _, ok := dup[h]; ok {
				dupMore[h] = append(dupMore[h], id)
			} else {
				dup[h] = id
			}
		}
		left -= k
	}
	sum := cr.crc
	b, err := read(4)
	if err != nil {
		return err
	}
	if binary.LittleEndian.Uint32(b) != sum || cr.n != size || units > uint64(math.MaxInt) {
		return errIndexFile
	}
	m.dirs, m.dup, m.dupMore, m.n = dirs, dup, dupMore, int(units)
	return nil
}

// saveIndexFile writes the index file at Close when the store changed since Open. The file is a cache:
// failing to write it loses nothing, so the error is dropped (the library does not log) and the next
// Open rebuilds. The caller holds m.mu.
func (m *Memory) saveIndexFile() {
	bs, ok := m.st.(*boltStore)
	if !ok || m.readOnly || m.noIndexFile || !m.indexChanged || m.n < indexFileMinUnits {
		return
	}
	var st storeState
	err := bs.db.View(func(tx *bolt.Tx) error {
		var found bool
		if st, found = readStoreState(tx, fingerprint()); !found {
			return errIndexFile
		}
		return nil
	})
	if err != nil {
		return
	}
	_ = m.writeIndexFile(indexFilePath(bs.db.Path()), st)
}

// loadIndexFile restores m from the store's index file when one matches the store; it reports whether it
// did. A missing or unusable file is not an error: Open rebuilds instead.
func (m *Memory) loadIndexFile(path string, tx *bolt.Tx, fp []byte) bool {
	if m.noIndexFile {
		return false
	}
	st, ok := readStoreState(tx, fp)
	if !ok {
		return false
	}
	if _, err := os.Stat(indexFilePath(path)); err != nil {
		return false
	}
	return m.readIndexFile(indexFilePath(path), st) == nil
}

// removeStaleIndexFiles deletes, at an Open for writing (which holds the store's exclusive lock), an
// index file that does not match the store and the temporary files of a Close that was killed while
// writing one: each can be as large as the index. Errors are ignored: these files are only a cache.
func removeStaleIndexFiles(path string, stale bool) {
	if stale {
		os.Remove(indexFilePath(path))
	}
	prefix := filepath.Base(indexFilePath(path)) + ".tmp-" // as writeIndexFile names them
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) {
			os.Remove(filepath.Join(filepath.Dir(path), e.Name()))
		}
	}
}
