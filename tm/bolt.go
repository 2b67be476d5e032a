package tm

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// Bucket layout of a store file. units: 4-byte big-endian id → encoded record (ids grow, so the
// B+tree is filled append-only). exact: the duplicate hashes, as 4-byte id → 8-byte hash, which
// Open turns into the in-memory hash → ids map; keyed by id so that it too grows append-only
// (keyed by hash, every batch rewrote pages all over that tree: at 1M units its commits cost more
// than the units'). keys: 4-byte id → the record's header (languages and keys), all that Open
// reads, so that opening touches a fraction of the file. meta: schema version and normalizer
// fingerprint.
var (
	bucketUnits = []byte("units")
	bucketExact = []byte("exact")
	bucketKeys  = []byte("keys")
	bucketMeta  = []byte("meta")

	metaSchema      = []byte("schema")
	metaFingerprint = []byte("normalizer")
)

// schemaVersion changes whenever the bucket layout or the record encoding changes incompatibly.
const schemaVersion = "3"

// ErrSchema is returned by Open for a file written by an incompatible version of this package.
var ErrSchema = errors.New("tm: unsupported store schema")

type boltStore struct {
	db   *bolt.DB
	tags sync.Map // parsed language tags of the records read
	// generated: this session has replaced the store's generation (see storeState). Only the
	// writer (Memory.wmu) reads and sets it.
	generated bool
}

func idKey(id uint32) []byte {
	var k [4]byte
	binary.BigEndian.PutUint32(k[:], id)
	return k[:]
}

func (s *boltStore) commit(recs []*record, dups []uint64) error {
	var buf []byte
	err := s.db.Update(func(tx *bolt.Tx) error {
		units := tx.Bucket(bucketUnits)
		exact := tx.Bucket(bucketExact)
		keys := tx.Bucket(bucketKeys)
		units.FillPercent = 0.95
		keys.FillPercent = 0.95
		exact.FillPercent = 0.95
		if !s.generated && len(dups) > 0 { // the first commit adding units in this session
			if err := tx.Bucket(bucketMeta).Put(metaGeneration, newStoreID()); err != nil {
				return err
			}
		}
		d := 0
		for _, r := range recs {
			id := r.id
			if id == 0 {
				seq, err := units.NextSequence()
				if err != nil {
					return err
				}
				if seq > 1<<32-1 {
					return errors.New("tm: store is full (2^32 units)")
				}
				id = uint32(seq)
				h := make([]byte, 8) // bbolt keeps the slice until commit
				binary.BigEndian.PutUint64(h, dups[d])
				d++
				if err := exact.Put(idKey(id), h); err != nil {
					return err
				}
			}
			r.id = id
			setDefaultID(r)
			// bbolt keeps the value slice until commit: encode into fresh space of one arena
			// (growing it leaves earlier slices on the old, unchanged array).
			start := len(buf)
			buf = encodeRecord(buf, r)
			v := buf[start:len(buf):len(buf)]
			if err := units.Put(idKey(id), v); err != nil {
				return err
			}
			hstart := len(buf)
			buf = encodeHeader(buf, r)
			if err := keys.Put(idKey(id), buf[hstart:len(buf):len(buf)]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		// recs now carry ids that were never committed: Add drops them.
		return fmt.Errorf("tm: commit: %w", err)
	}
	s.generated = s.generated || len(dups) > 0
	return nil
}

func (s *boltStore) get(ids []uint32, fn func(*record)) error {
	return s.db.View(func(tx *bolt.Tx) error {
		units := tx.Bucket(bucketUnits)
		for _, id := range ids {
			v := units.Get(idKey(id))
			if v == nil {
				return fmt.Errorf("tm: unit %d missing from store", id)
			}
			r := &record{id: id}
			if err := decodeRecordTags(v, r, &s.tags); err != nil {
				return fmt.Errorf("tm: unit %d: %w", id, err)
			}
			fn(r)
		}
		return nil
	})
}

func (s *boltStore) scan(ctx context.Context, fn func(*record) bool) error {
	return s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketUnits).Cursor()
		n := 0
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if n++; n%4096 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			r := &record{id: binary.BigEndian.Uint32(k)}
			if err := decodeRecordTags(v, r, &s.tags); err != nil {
				return fmt.Errorf("tm: unit %d: %w", r.id, err)
			}
			if !fn(r) {
				return nil
			}
		}
		return nil
	})
}

func (s *boltStore) close() error { return s.db.Close() }
