package tm

import (
	"errors"
	"fmt"
	"hash/fnv"
	"runtime/debug"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/internal/fuzzy"
	"github.com/tarjuman/tarjuman/internal/tmkey"
)

// Options configure a Memory. A nil *Options means the defaults.
type Options struct {
	// Timeout bounds how long Open waits for the file lock held by another process; 0 means 1 s.
	Timeout time.Duration
	// ReadOnly opens the store file read-only (shared lock); Add and Import then fail.
	ReadOnly bool
	// NoSync skips fsync after each commit. Faster, but a power loss (not a process crash) can lose
	// or corrupt recent commits: only for throw-away stores.
	NoSync bool
	// NoIndexFile makes Open ignore "<path>.idx" and Close not write it: every Open rebuilds the
	// index from the units (1M units: ~2 s instead of ~0.6 s), and nothing but the store file is
	// written.
	NoIndexFile bool
}

// Errors callers can branch on.
var (
	ErrClosed   = errors.New("tm: memory is closed")
	ErrReadOnly = errors.New("tm: memory is read-only")
	ErrNoPair   = errors.New("tm: no language pair")
	// ErrSameLanguage: a unit or query whose two languages share a base language (en-US → en-GB),
	// which the direction indexes cannot tell apart.
	ErrSameLanguage = errors.New("tm: source and target language are the same")
	ErrEmpty        = errors.New("tm: unit has an empty source or target")
	ErrTooLong      = errors.New("tm: unit has a source or target longer than MaxSegmentBytes")
)

// Memory is a translation memory: units stored in a bbolt file (Open) or in RAM (NewMemory), with
// an in-memory fuzzy index per language direction over their normalized text.
//
// A Memory is safe for concurrent use: any number of Lookup and Concordance calls run in parallel
// with one writer (Add, Import); writers are serialized. A lookup sees either all or none of the
// units of a committed batch.
type Memory struct {
	st       store
	readOnly bool

	// wmu serializes writers: Add and Import hold it across duplicate detection, commit and index
	// update, so dup needs no other lock.
	wmu     sync.Mutex
	dup     map[uint64]uint32   // duplicate hash → id of the unit with that hash
	dupMore map[uint64][]uint32 // further ids of a hash shared by several units (collisions)

	// mu guards the indexes and counters: writers take it briefly to publish a committed batch,
	// readers hold it for a whole lookup.
	mu     sync.RWMutex
	dirs   map[string]*fuzzy.Index // "ar>en" → index of the ar-side keys of ar–en units
	n      int
	closed bool
	// indexChanged: the indexes differ from the store's index file (rebuilt at Open or grown since), so
	// Close saves them; fromIndexFile: Open restored them from that file.
	indexChanged, fromIndexFile bool
	noIndexFile                 bool // Options.NoIndexFile
}

// MaxSegmentBytes bounds the source and the target of a unit. A translation memory holds sentences and
// paragraphs; a longer "segment" is a whole document pasted by mistake, whose indexing would cost memory
// and time out of all proportion. Add rejects such a unit with ErrTooLong; Import skips it and counts it
// in ImportStats.Skipped.
const MaxSegmentBytes = 1 << 20

// NewMemory returns an empty Memory held in RAM; o may be nil. Its content is lost when the
// program ends: Export it or use Open to keep it.
func NewMemory(o *Options) *Memory {
	m := newMemory(&ramStore{})
	if o != nil {
		m.readOnly = o.ReadOnly
	}
	return m
}

func newMemory(st store) *Memory {
	return &Memory{st: st, dup: make(map[uint64]uint32), dupMore: make(map[uint64][]uint32), dirs: make(map[string]*fuzzy.Index)}
}

// Open opens the store file at path, creating it if needed, and loads the lookup index: from the index
// file "<path>.idx" that Close writes beside a large store (50,000 units or more) when it is there and
// matches the store, else by rebuilding it from the units. The index file is a cache, never needed.
// o may be nil for the defaults. Only one process can have a file open for writing; Open waits up
// to Options.Timeout for it.
func Open(path string, o *Options) (*Memory, error) {
	if o == nil {
		o = &Options{}
	}
	timeout := o.Timeout
	if timeout == 0 {
		timeout = time.Second
	}
	bo := &bolt.Options{Timeout: timeout, ReadOnly: o.ReadOnly, NoSync: o.NoSync}
	db, err := bolt.Open(path, 0o600, bo)
	if err != nil {
		return nil, fmt.Errorf("tm: open %s: %w", path, err)
	}
	if !o.ReadOnly {
		rekeyed, err := prepare(db)
		if err != nil {
			db.Close()
			return nil, err
		}
		if rekeyed {
			// Re-keying read every page of the file: map it afresh, so that the pages the index
			// rebuild does not need stop counting as resident (600 MB at a million units).
			if err := db.Close(); err != nil {
				return nil, fmt.Errorf("tm: open %s: %w", path, err)
			}
			if db, err = bolt.Open(path, 0o600, bo); err != nil {
				return nil, fmt.Errorf("tm: open %s: %w", path, err)
			}
		}
	}
	m := newMemory(&boltStore{db: db})
	m.readOnly, m.noIndexFile = o.ReadOnly, o.NoIndexFile
	if err := m.load(db); err != nil {
		db.Close()
		return nil, err
	}
	if m.n >= releaseAfterOpen && !m.fromIndexFile {
		// Building the indexes of a large store leaves as much garbage as it keeps (key lists, grown
		// posting slices). Hand it back to the OS now rather than over the scavenger's minutes, so a
		// server's resident memory is its live memory (1M units: ~1 GB → see BENCHMARKS.md).
		debug.FreeOSMemory()
	}
	return m, nil
}

// releaseAfterOpen is the store size from which Open returns its build garbage to the OS at once;
// below it the garbage is small and the forced collection would cost more than it saves.
const releaseAfterOpen = 100_000

// dirKey names the direction src→tgt by base languages, so that a TM in ar-SA and en-US answers
// queries in ar and en.
func dirKey(src, tgt language.Tag) string {
	s, t := bases(src, tgt)
	return s + ">" + t
}

// isDir reports whether dirKey(src, tgt) == dir without building the key: the lookup path asks it
// for every candidate.
func isDir(src, tgt language.Tag, dir string) bool {
	s, t := bases(src, tgt)
	return len(dir) == len(s)+1+len(t) && dir[:len(s)] == s && dir[len(s)] == '>' && dir[len(s)+1:] == t
}

// bases returns the base language codes of src and tgt ("en", "ar").
func bases(src, tgt language.Tag) (string, string) {
	sb, _ := src.Base()
	tb, _ := tgt.Base()
	return sb.String(), tb.String()
}

// dupHash identifies a translation regardless of its direction: the hash of the two (language,
// text) sides in a fixed order, so a unit and its reverse are duplicates.
func dupHash(u *Unit) uint64 {
	a := dupSide(u.Pair.Source, u.Source)
	b := dupSide(u.Pair.Target, u.Target)
	if b < a {
		a, b = b, a
	}
	h := fnv.New64a()
	h.Write([]byte(a))
	h.Write([]byte{0})
	h.Write([]byte(b))
	return h.Sum64()
}

func dupSide(lang language.Tag, text string) string {
	base, _ := lang.Base()
	return base.String() + "\x00" + text
}

// keys computes the matching keys of a unit.
func keys(u *Unit) (src, tgt string) {
	return tmkey.IndexKey(u.Source), tmkey.IndexKey(u.Target)
}

func (m *Memory) dirIndex(dir string) *fuzzy.Index {
	ix := m.dirs[dir]
	if ix == nil {
		ix = fuzzy.New()
		m.dirs[dir] = ix
	}
	return ix
}

// Len returns the number of units stored.
func (m *Memory) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.n
}

// Close releases the store file. Calls after Close return ErrClosed. It waits for running
// lookups and writes to finish. If the store holds 50,000 units or more and its index was rebuilt or
// grew since Open, Close first saves the index to "<path>.idx" so that the next Open need not rebuild
// it (about 1 s per million units; a failure to write that cache is ignored).
func (m *Memory) Close() error {
	m.wmu.Lock()
	defer m.wmu.Unlock()
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil
	}
	m.closed = true
	m.saveIndexFile()
	m.dirs = nil
	return m.st.close()
}
