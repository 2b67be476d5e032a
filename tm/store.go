package tm

import (
	"context"
	"slices"
	"strconv"
	"sync"
)

// store keeps the records of a Memory. Writes come from one writer at a time (Memory.wmu); reads
// may run concurrently with each other and with a write.
type store interface {
	// commit persists recs atomically: records with id 0 are new and get an id (and, if their ID
	// is empty, that number as ID), the others replace the stored record of the same id. dups
	// lists the duplicate hashes of the new records, in order.
	commit(recs []*record, dups []uint64) error
	// get calls fn with the record of each id, in order; a missing id is an error.
	get(ids []uint32, fn func(*record)) error
	// scan calls fn with every record in id order until fn returns false.
	scan(ctx context.Context, fn func(*record) bool) error
	close() error
}

// ramStore is the store of NewMemory: records in a slice indexed by id-1.
type ramStore struct {
	mu   sync.RWMutex
	recs []*record
}

func (s *ramStore) commit(recs []*record, _ []uint64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range recs {
		c := *r
		if c.id == 0 {
			s.recs = append(s.recs, &c)
			c.id = uint32(len(s.recs))
			setDefaultID(&c)
			r.id, r.unit.ID = c.id, c.unit.ID
			continue
		}
		s.recs[c.id-1] = &c
	}
	return nil
}

func (s *ramStore) get(ids []uint32, fn func(*record)) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, id := range ids {
		if id == 0 || int(id) > len(s.recs) {
			return errRecord
		}
		fn(s.recs[id-1])
	}
	return nil
}

func (s *ramStore) scan(ctx context.Context, fn func(*record) bool) error {
	s.mu.RLock()
	recs := slices.Clone(s.recs) // records are replaced, never mutated: copied pointers stay valid
	s.mu.RUnlock()
	for i, r := range recs {
		if i%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if !fn(r) {
			return nil
		}
	}
	return nil
}

func (s *ramStore) close() error { return nil }

// setDefaultID gives a new record without an ID its number in the store.
func setDefaultID(r *record) {
	if r.unit.ID == "" {
		r.unit.ID = strconv.FormatUint(uint64(r.id), 10)
	}
}
