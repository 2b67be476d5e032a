package fuzzy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBulkEqualsAdd(t *testing.T) {
	c := newCorpus(5, 200)
	tests := []struct {
		name string
		ids  []uint32
	}{
		{"none", nil},
		{"dense", func() []uint32 {
			var ids []uint32
			for id := range uint32(2500) {
				ids = append(ids, id)
			}
			return ids
		}()},
		{"gaps", []uint32{3, 4, 9, 64, 65, 200, 1000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			added, bulk := New(), NewBulk(len(tt.ids))
			for _, id := range tt.ids {
				key := c.key() // includes keys without tokens and repeated tokens
				added.Add(id, key)
				require.True(t, bulk.Add(id, []byte(key)))
			}
			assert.Equal(t, len(tt.ids), bulk.Len())
			got := bulk.Index(Options{})
			assert.True(t, added.Equal(got), "bulk-built index equals one built by Add")
			for range 100 {
				q := c.key()
				require.Equal(t, bruteForce(got, q, 0.4, 5), got.Search(q, 0.4, 5), "query %q", q)
			}
			// It stays a working index: postings share one array, so growing one must not overwrite
			// the next.
			for id := range uint32(50) {
				got.Add(id*7+1, c.key())
				got.Remove(id * 3)
			}
			for range 100 {
				q := c.perturb(c.key())
				require.Equal(t, bruteForce(got, q, 0.3, 5), got.Search(q, 0.3, 5), "query %q", q)
			}
		})
	}
}

func TestBulkKeepsKeysApart(t *testing.T) {
	b := NewBulk(0)
	buf := []byte("open the file")
	require.True(t, b.Add(1, buf))
	copy(buf, "XXXX")
	big := make([]byte, keyBlock+10) // larger than a block: gets its own
	for i := range big {
		big[i] = 'a' + byte(i%7)
		if i%9 == 8 {
			big[i] = ' '
		}
	}
	require.True(t, b.Add(2, big))
	require.True(t, b.Add(3, []byte("save the file")))
	assert.False(t, b.Add(3, []byte("again")), "ids must increase")
	assert.False(t, b.Add(2, []byte("back")), "ids must increase")
	ix := b.Index(Options{})
	k, ok := ix.Key(1)
	require.True(t, ok)
	assert.Equal(t, "open the file", k, "Add copies the key")
	k, _ = ix.Key(2)
	assert.Equal(t, string(big), k)
	assert.Equal(t, 3, ix.Len())
	r := ix.Search("save the file", 1, 1)
	require.Len(t, r, 1)
	assert.Equal(t, uint32(3), r[0].ID)
}

// TestBulkIndexByAdd: the path taken beyond 2^32 gram slots builds the same index.
func TestBulkIndexByAdd(t *testing.T) {
	c := newCorpus(8, 100)
	a, b := NewBulk(0), NewBulk(0)
	for id := range uint32(500) {
		k := []byte(c.key())
		a.Add(id*2, k)
		b.Add(id*2, k)
	}
	assert.True(t, a.Index(Options{}).Equal(b.indexByAdd(Options{})))
}
