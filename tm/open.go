package tm

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"runtime"
	"sync"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/internal/fuzzy"
	"github.com/tarjuman/tarjuman/internal/tmkey"
	"github.com/tarjuman/tarjuman/normalize"
)

// fingerprintProbe exercises every fold of normalize.Search, so that a change of the normalizer
// changes the fingerprint and Open recomputes the stored keys.
const fingerprintProbe = "ﻻ أإآٱ ؤئ ى ة ی ک ۀ ٠١٩ ۰۹ ٫٬٪ ـ َ ً ُ ّ ْ ٰ ۖ \u200c\u200f\u200b ABC Straße Ǆ ΣΑΣ Re_move"

// keyVersion changes whenever tmkey.IndexKey changes in a way the probe might not show.
const keyVersion = "words-3"

// fingerprint identifies the behaviour of the key normalizer and of tmkey.IndexKey.
func fingerprint() []byte {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%+v\x00%s\x00%s", keyVersion, normalize.Search.Options(), normalize.Search.String(fingerprintProbe), tmkey.IndexKey(fingerprintProbe))
	return fmt.Appendf(nil, "fnv64a:%016x", h.Sum64())
}

// prepare creates the buckets, schema version and store id of a store file opened for writing, and
// recomputes the stored keys when the normalizer or tmkey changed since they were written. It
// reports whether it did.
func prepare(db *bolt.DB) (rekeyed bool, err error) {
	fp := fingerprint()
	stale := false
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketUnits, bucketExact, bucketKeys, bucketMeta} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		switch v := meta.Get(metaSchema); {
		case v == nil:
			if err := meta.Put(metaSchema, []byte(schemaVersion)); err != nil {
				return err
			}
		case string(v) != schemaVersion:
			return fmt.Errorf("%w %q (want %q)", ErrSchema, v, schemaVersion)
		}
		if meta.Get(metaStoreID) == nil {
			if err := meta.Put(metaStoreID, newStoreID()); err != nil {
				return err
			}
		}
		stale = !bytes.Equal(meta.Get(metaFingerprint), fp)
		return nil
	})
	if err == nil && stale {
		err = rekeyAll(db, fp)
	}
	if err != nil {
		return false, fmt.Errorf("tm: open: %w", err)
	}
	return stale, nil
}

// load rebuilds the in-memory state from a store file (prepared, unless read-only).
func (m *Memory) load(db *bolt.DB) error {
	fp := fingerprint()
	return db.View(func(tx *bolt.Tx) error {
		meta, keys, exact := tx.Bucket(bucketMeta), tx.Bucket(bucketKeys), tx.Bucket(bucketExact)
		if meta == nil || keys == nil || exact == nil {
			return nil // a read-only view of a file never opened for writing: empty
		}
		if v := meta.Get(metaSchema); string(v) != schemaVersion {
			return fmt.Errorf("%w %q (want %q)", ErrSchema, v, schemaVersion)
		}
		if !bytes.Equal(meta.Get(metaFingerprint), fp) {
			return fmt.Errorf("tm: open: store was indexed by another normalizer version; open it once for writing")
		}
		m.fromIndexFile = m.loadIndexFile(db.Path(), tx, fp)
		if !m.readOnly && !m.noIndexFile {
			removeStaleIndexFiles(db.Path(), !m.fromIndexFile)
		}
		if m.fromIndexFile {
			return nil
		}
		m.indexChanged = true // rebuilt: worth saving at Close
		// The units bucket's sequence is the number of units ever added: size the maps and slices
		// once instead of growing them through a million appends.
		hint := 0
		if units := tx.Bucket(bucketUnits); units != nil {
			hint = int(min(units.Sequence(), 1<<26))
		}
		m.dup = make(map[uint64]uint32, hint)
		c := exact.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if len(k) != 4 || len(v) != 8 {
				return fmt.Errorf("tm: open: corrupt exact entry %x", k)
			}
			m.addDup(binary.BigEndian.Uint64(v), binary.BigEndian.Uint32(k))
		}
		return m.loadUnits(keys, hint)
	})
}

// entry is one key to add to a direction index.
type entry struct {
	id  uint32
	key string
}

// loadUnits reads the record headers of the keys bucket into one fuzzy.Bulk per direction, then
// builds the direction indexes, one goroutine per direction.
func (m *Memory) loadUnits(keys *bolt.Bucket, hint int) error {
	bulks := make(map[string]*fuzzy.Bulk)
	pairs := make(map[string][2]*fuzzy.Bulk) // "src\x00tgt" as stored → both directions' bulks
	var lastSrc, lastTgt []byte
	var fwd, rev *fuzzy.Bulk
	c := keys.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(k) != 4 {
			return fmt.Errorf("tm: open: corrupt unit key %x", k)
		}
		id := binary.BigEndian.Uint32(k)
		h, err := decodeHeader(v)
		if err != nil {
			return fmt.Errorf("tm: open: unit %d: %w", id, err)
		}
		if fwd == nil || !bytes.Equal(h.srcLang, lastSrc) || !bytes.Equal(h.tgtLang, lastTgt) {
			name := string(h.srcLang) + "\x00" + string(h.tgtLang)
			b, ok := pairs[name]
			if !ok {
				src, err1 := language.Parse(string(h.srcLang))
				tgt, err2 := language.Parse(string(h.tgtLang))
				if err1 != nil || err2 != nil {
					return fmt.Errorf("tm: open: unit %d: %w", id, errRecord)
				}
				size := 0
				if len(bulks) == 0 { // most stores hold one language pair: give it the full size
					size = hint
				}
				for i, dir := range []string{dirKey(src, tgt), dirKey(tgt, src)} {
					if bulks[dir] == nil {
						bulks[dir] = fuzzy.NewBulk(size)
					}
					b[i] = bulks[dir]
				}
				pairs[name] = b
			}
			fwd, rev, lastSrc, lastTgt = b[0], b[1], h.srcLang, h.tgtLang
		}
		if !fwd.Add(id, h.srcKey) || !rev.Add(id, h.tgtKey) {
			return fmt.Errorf("tm: open: unit %d out of order", id)
		}
		m.n++
	}
	var mu sync.Mutex
	perDirection(bulks, true, func(dir string, b *fuzzy.Bulk) {
		ix := b.Index(fuzzy.Options{})
		mu.Lock()
		m.dirs[dir] = ix
		mu.Unlock()
	})
	return nil
}

// perDirection calls fn for every direction of byDir, on up to GOMAXPROCS goroutines when parallel
// (direction indexes share nothing), and returns when all calls have.
func perDirection[T any](byDir map[string]T, parallel bool, fn func(dir string, v T)) {
	if !parallel || len(byDir) < 2 {
		for dir, v := range byDir {
			fn(dir, v)
		}
		return
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for dir, v := range byDir {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			fn(dir, v)
		})
	}
	wg.Wait()
}

// fill adds entries to the direction indexes, in parallel across directions when asked to (the
// indexes share nothing). The caller holds m.mu for writing.
func (m *Memory) fill(byDir map[string][]entry, parallel bool) {
	for dir := range byDir {
		m.dirIndex(dir)
	}
	perDirection(byDir, parallel, func(dir string, entries []entry) {
		ix := m.dirs[dir]
		for _, e := range entries {
			ix.Add(e.id, e.key)
		}
	})
}

// rekeyWindow is the number of units rekeyAll reads per transaction.
var rekeyWindow = 20000

// rekeyAll recomputes the matching keys of every stored unit after a normalizer change, in windows of
// rekeyWindow units with one transaction each: one transaction for all would hold every page it
// rewrites in memory (2 GB for a million units). The first window marks the store as being re-keyed
// (a fingerprint no version writes, so that no build trusts a half re-keyed store) and the fingerprint
// is written last: after a crash in between, the next Open rekeys again, skipping the units already
// done.
func rekeyAll(db *bolt.DB, fp []byte) error {
	var from []byte
	for first := true; ; first = false {
		err := db.Update(func(tx *bolt.Tx) error {
			if first {
				if err := tx.Bucket(bucketMeta).Put(metaFingerprint, []byte("re-keying")); err != nil {
					return err
				}
			}
			var err error
			from, err = rekey(tx.Bucket(bucketUnits), tx.Bucket(bucketKeys), from, rekeyWindow)
			return err
		})
		if err != nil {
			return err
		}
		if from == nil {
			break
		}
	}
	return db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(metaFingerprint, fp)
	})
}

// rekey recomputes the matching keys of up to n units from key from on (from the first if nil) and
// returns the key to continue from, nil at the end.
func rekey(units, heads *bolt.Bucket, from []byte, n int) ([]byte, error) {
	type kv struct{ k, v, h []byte }
	var updates []kv
	c := units.Cursor()
	k, v := c.First()
	if from != nil {
		k, v = c.Seek(from)
	}
	for ; k != nil && n > 0; k, v = c.Next() {
		n--
		r := record{id: binary.BigEndian.Uint32(k)}
		if err := decodeRecord(v, &r); err != nil {
			return nil, fmt.Errorf("unit %d: %w", r.id, err)
		}
		src, tgt := keys(&r.unit)
		if src == r.srcKey && tgt == r.tgtKey && heads.Get(k) != nil {
			continue
		}
		r.srcKey, r.tgtKey = src, tgt
		updates = append(updates, kv{bytes.Clone(k), encodeRecord(nil, &r), encodeHeader(nil, &r)})
	}
	var next []byte
	if k != nil {
		next = bytes.Clone(k)
	}
	for _, u := range updates {
		if err := units.Put(u.k, u.v); err != nil {
			return nil, err
		}
		if err := heads.Put(u.k, u.h); err != nil {
			return nil, err
		}
	}
	return next, nil
}
