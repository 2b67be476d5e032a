package fuzzy

import (
	"slices"
	"sync"
)

// Defaults used when Options fields and Search arguments are zero.
const (
	DefaultMinScore = 0.5 // the usual lower end of CAT fuzzy matches
	DefaultLimit    = 10
)

// Options tune an Index. The zero value is sensible: exact results at DefaultMinScore and DefaultLimit.
type Options struct {
	// MinScore is the threshold used when Search is called with minScore ≤ 0; zero means DefaultMinScore.
	MinScore float64
	// Limit is the number of results used when Search is called with limit ≤ 0; zero means DefaultLimit.
	Limit int
	// MaxRerank caps how many filtered candidates one Search rescores exactly. Zero means no cap, which keeps
	// results identical to a brute-force scan. A cap bounds the worst case (very low thresholds over very
	// repetitive data) at the price of possibly missing the best match.
	MaxRerank int
}

// Index is an in-memory fuzzy index over normalized keys: a character 3-gram inverted index used to find
// candidates, and an exact token-level rescoring of them.
//
// Search may be called from many goroutines at once. Add and Remove modify the index: the caller must make
// sure that no other method (Search included) runs during them, for example with a sync.RWMutex held for
// writing around Add and Remove and for reading around Search.
type Index struct {
	opt    Options
	keys   []string // by id; meaningful only where live
	ntok   []uint32 // token count by id
	live   []uint64 // bit set of ids present
	count  int
	maxID  uint32 // largest id ever added
	maxTok int    // most tokens in a key ever added

	grams map[uint64]uint32 // gram key → index into post
	post  [][]uint32        // sorted ids per gram key
	empty []uint32          // sorted ids of keys without tokens (they have no grams)

	addToks  []string // scratch for Add and Remove, protected by the caller's exclusion
	addGrams []uint64
	tags     tagTable
	pool     sync.Pool // *scratch for Search
}

// New returns an empty index with default Options.
func New() *Index { return NewWithOptions(Options{}) }

// NewWithOptions returns an empty index tuned by o.
func NewWithOptions(o Options) *Index {
	return &Index{opt: o, grams: make(map[uint64]uint32)}
}

// Len returns the number of keys in the index.
func (ix *Index) Len() int { return ix.count }

// Has reports whether id is in the index; a nil Index holds nothing.
func (ix *Index) Has(id uint32) bool {
	if ix == nil {
		return false
	}
	w := int(id / 64)
	return w < len(ix.live) && ix.live[w]&(1<<(id%64)) != 0
}

// Key returns the key stored for id, and whether id is in the index.
func (ix *Index) Key(id uint32) (string, bool) {
	if !ix.Has(id) {
		return "", false
	}
	return ix.keys[id], true
}

// IDBound returns one more than the largest id the index has room for: every id in the index is below it.
// It is an int because ids span all of uint32: the bound of id 2^32−1 does not fit one.
func (ix *Index) IDBound() int { return len(ix.keys) }

// Add indexes key under id, replacing the key id had. The key should already be folded the way queries will
// be (normalize.Search). Ids are chosen by the caller; memory grows with the largest id, so keep them dense.
// Adding ids in increasing order is fastest (posting lists grow at the end); other orders insert in place.
func (ix *Index) Add(id uint32, key string) {
	if ix.Has(id) {
		ix.Remove(id)
	}
	if int(id) >= len(ix.keys) {
		n := int(id) + 1
		ix.keys = slices.Grow(ix.keys, n-len(ix.keys))[:n]
		ix.ntok = slices.Grow(ix.ntok, n-len(ix.ntok))[:n]
		if w := (n + 63) / 64; w > len(ix.live) {
			ix.live = slices.Grow(ix.live, w-len(ix.live))[:w]
		}
	}
	inOrder := ix.count == 0 || id > ix.maxID // then id goes at the end of every posting
	ix.maxID = max(ix.maxID, id)
	grams, ntok := ix.setKey(id, key)
	if ntok == 0 {
		ix.empty = insertSorted(ix.empty, id)
		return
	}
	for _, g := range grams {
		p, ok := ix.grams[g]
		if !ok {
			p = uint32(len(ix.post))
			ix.grams[g] = p
			ix.post = append(ix.post, nil)
		}
		if inOrder {
			ix.post[p] = append(ix.post[p], id)
		} else {
			ix.post[p] = insertSorted(ix.post[p], id)
		}
	}
}

// Remove deletes id from the index; it does nothing if id is absent. It costs one binary search and one
// copy per gram of the key, so removing from very frequent grams is O(posting length).
func (ix *Index) Remove(id uint32) {
	if !ix.Has(id) {
		return
	}
	key := ix.keys[id]
	ix.keys[id] = ""
	ix.live[id/64] &^= 1 << (id % 64)
	ix.count--
	grams, ntok := ix.keyGrams(key)
	ix.ntok[id] = 0
	if ntok == 0 {
		ix.empty = deleteSorted(ix.empty, id)
		return
	}
	for _, g := range grams {
		if p, ok := ix.grams[g]; ok {
			ix.post[p] = deleteSorted(ix.post[p], id)
		}
	}
}

// setKey records key under id (key, liveness, count, token counts) in slices already long enough, and
// returns the key's grams (in ix's scratch) and token count. Add and Bulk share it.
func (ix *Index) setKey(id uint32, key string) ([]uint64, int) {
	ix.keys[id] = key
	ix.live[id/64] |= 1 << (id % 64)
	ix.count++
	grams, ntok := ix.keyGrams(key)
	ix.ntok[id] = uint32(ntok)
	ix.maxTok = max(ix.maxTok, ntok)
	return grams, ntok
}

// keyGrams returns the occurrence-tagged gram keys of key (in ix's scratch) and its token count.
func (ix *Index) keyGrams(key string) ([]uint64, int) {
	ix.addToks = Tokens(ix.addToks[:0], key)
	g := ix.addGrams[:0]
	for _, t := range ix.addToks {
		g = tokenGrams(g, t)
	}
	tagRepeats(g, &ix.tags)
	ix.addGrams = g
	return g, len(ix.addToks)
}

func insertSorted(l []uint32, id uint32) []uint32 {
	i, found := slices.BinarySearch(l, id)
	if found {
		return l
	}
	return slices.Insert(l, i, id)
}

func deleteSorted(l []uint32, id uint32) []uint32 {
	i, found := slices.BinarySearch(l, id)
	if !found {
		return l
	}
	return slices.Delete(l, i, i+1)
}
