package fuzzy

import (
	"math"
	"strings"
)

// Bulk builds an Index from many keys at once with every structure allocated at its final size: keys are
// copied into shared blocks as they come, and Index sizes each posting list by counting before filling
// it. Adding a million keys one by one to an Index grows postings by copying and leaves as much garbage
// as it keeps, so a process's peak memory runs to twice the index; Bulk's peak is the index plus a
// transient list of each key's gram slots.
//
// Keys must be added in strictly increasing id order. A Bulk is not safe for concurrent use, but Bulks
// share nothing, so several can be built at once on different goroutines.
type Bulk struct {
	ids   []uint32
	keys  []string
	block strings.Builder // the current block of key bytes; keys are substrings of blocks
}

// keyBlock is the size of the blocks that hold key bytes.
const keyBlock = 4 << 20

// NewBulk returns a Bulk expecting about n keys (a hint; more may be added).
func NewBulk(n int) *Bulk {
	return &Bulk{ids: make([]uint32, 0, n), keys: make([]string, 0, n)}
}

// Len returns the number of keys added.
func (b *Bulk) Len() int { return len(b.ids) }

// Add queues key (copied) under id. It reports false, adding nothing, when id is not greater than the
// previous one.
func (b *Bulk) Add(id uint32, key []byte) bool {
	if len(b.ids) > 0 && id <= b.ids[len(b.ids)-1] {
		return false
	}
	if b.block.Cap()-b.block.Len() < len(key) {
		b.block = strings.Builder{} // the old block stays alive through its substrings
		b.block.Grow(max(keyBlock, len(key)))
	}
	start := b.block.Len()
	b.block.Write(key)
	b.ids = append(b.ids, id)
	b.keys = append(b.keys, b.block.String()[start:])
	return true
}

// slotChunk is the number of gram slots per chunk of the transient forward list.
const slotChunk = 1 << 20

// Index builds the index of the keys added, tuned by o; the Bulk must not be used afterwards. The result
// equals an Index to which the same keys were added in the same order.
func (b *Bulk) Index(o Options) *Index {
	ix := NewWithOptions(o)
	n := 0
	if len(b.ids) > 0 {
		n = int(b.ids[len(b.ids)-1]) + 1
	}
	ix.keys = make([]string, n)
	ix.ntok = make([]uint32, n)
	ix.live = make([]uint64, (n+63)/64)

	// Pass 1: each key's gram slots, in id order, into fixed-size chunks (no copying as they grow);
	// counts per slot.
	var (
		chunks [][]uint32
		cur    []uint32
		counts []uint32
		ngrams = make([]uint32, len(b.ids)) // slots of each key
	)
	for i, id := range b.ids {
		grams, ntok := ix.setKey(id, b.keys[i])
		if ntok == 0 {
			ix.empty = append(ix.empty, id)
			continue
		}
		ngrams[i] = uint32(len(grams))
		for _, g := range grams {
			p, ok := ix.grams[g]
			if !ok {
				p = uint32(len(counts))
				ix.grams[g] = p
				counts = append(counts, 0)
			}
			counts[p]++
			if len(cur) == cap(cur) {
				cur = make([]uint32, 0, slotChunk)
				chunks = append(chunks, cur)
			}
			cur = append(cur, p)
			chunks[len(chunks)-1] = cur
		}
	}
	if len(b.ids) > 0 {
		ix.maxID = b.ids[len(b.ids)-1]
	}

	// Pass 2: one array for all postings, cut by the counts; ids go in increasing order, so every
	// posting comes out sorted. counts becomes each posting's fill position, so the total must fit a
	// uint32 (about 100M keys); beyond that the keys are added one by one.
	total := 0
	for _, c := range counts {
		total += int(c)
	}
	if uint64(total) > math.MaxUint32 {
		return b.indexByAdd(ix.opt)
	}
	total = 0
	ix.post = make([][]uint32, len(counts))
	for p, c := range counts {
		counts[p] = uint32(total)
		total += int(c)
	}
	arena := make([]uint32, total)
	ci, k := 0, 0
	for i, id := range b.ids {
		for range ngrams[i] {
			if k == len(chunks[ci]) {
				chunks[ci] = nil // consumed: let it go
				ci, k = ci+1, 0
			}
			p := chunks[ci][k]
			k++
			arena[counts[p]] = id
			counts[p]++
		}
	}
	start := uint32(0)
	for p, end := range counts { // counts[p] is now the end of posting p, which starts where p−1 ended
		ix.post[p] = arena[start:end:end] // capped: growing one posting must not overwrite the next
		start = end
	}
	b.ids, b.keys = nil, nil
	return ix
}

// indexByAdd builds the index one key at a time: the path for more gram slots than uint32 offsets address.
func (b *Bulk) indexByAdd(o Options) *Index {
	ix := NewWithOptions(o)
	for i, id := range b.ids {
		ix.Add(id, b.keys[i])
	}
	b.ids, b.keys = nil, nil
	return ix
}
