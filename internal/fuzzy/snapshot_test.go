package fuzzy

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snapshotOf writes ix and returns the bytes.
func snapshotOf(t testing.TB, ix *Index) []byte {
	var buf bytes.Buffer
	n, err := ix.WriteTo(&buf)
	require.NoError(t, err)
	require.Equal(t, int64(buf.Len()), n, "WriteTo counts what it wrote")
	return buf.Bytes()
}

func TestSnapshotRoundTrip(t *testing.T) {
	c := newCorpus(3, 300)
	mutated := New()
	ids := c.rng.Perm(3000)
	for _, id := range ids {
		mutated.Add(uint32(id), c.key()) // includes keys without tokens
	}
	for _, id := range ids[:400] {
		if id%2 == 0 {
			mutated.Remove(uint32(id))
		} else {
			mutated.Add(uint32(id), c.key())
		}
	}
	tests := []struct {
		name string
		ix   *Index
	}{
		{"empty", New()},
		{"one_empty_key", func() *Index { ix := New(); ix.Add(4, " "); return ix }()},
		{"added_removed_replaced", mutated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := snapshotOf(t, tt.ix)
			// Trailing bytes belong to whoever wrote after the snapshot: ReadIndex leaves them.
			r := bytes.NewReader(append(bytes.Clone(data), "next"...))
			got, err := ReadIndex(r, int64(r.Len()), Options{Limit: 3})
			require.NoError(t, err)
			assert.Equal(t, 4, r.Len(), "reads exactly the snapshot")
			assert.True(t, tt.ix.Equal(got), "restored index equals the original")
			assert.Equal(t, tt.ix.Len(), got.Len())
			assert.Equal(t, 3, got.opt.Limit, "options come from the caller")
			assert.Equal(t, data, snapshotOf(t, got), "a restored index writes the same snapshot")
		})
	}
}

func TestSnapshotSearchesLikeOriginal(t *testing.T) {
	c := newCorpus(11, 500)
	ix := New()
	for id := range 2000 {
		ix.Add(uint32(id), c.key())
	}
	data := snapshotOf(t, ix)
	got, err := ReadIndex(bytes.NewReader(data), int64(len(data)), Options{})
	require.NoError(t, err)
	for i := range 300 {
		q := c.perturb(ix.keys[c.rng.IntN(len(ix.keys))])
		minScore := []float64{0.3, 0.5, 0.8}[i%3]
		require.Equal(t, ix.Search(q, minScore, 5), got.Search(q, minScore, 5), "query %q", q)
	}
	// A restored index keeps working as an index: postings share one array, so growing one must not
	// overwrite its neighbour.
	for id := range 300 {
		got.Add(uint32(2000+id), c.key())
		got.Add(uint32(id*3), c.key())
		got.Remove(uint32(id * 5))
	}
	for range 200 {
		q := c.perturb(got.keys[c.rng.IntN(len(got.keys))])
		require.Equal(t, bruteForce(got, q, 0.4, 5), got.Search(q, 0.4, 5), "query %q", q)
	}
}

func TestReadIndexRejectsDamage(t *testing.T) {
	ix := New()
	for id, k := range []string{"open the file", "save the file", "افتح الملف", " ", "close"} {
		ix.Add(uint32(id), k)
	}
	data := snapshotOf(t, ix)
	for n := range len(data) {
		_, err := ReadIndex(bytes.NewReader(data[:n]), int64(n), Options{})
		require.ErrorIs(t, err, ErrSnapshot, "truncated at %d", n)
	}
	_, err := ReadIndex(bytes.NewReader(data), int64(len(data)-1), Options{})
	require.ErrorIs(t, err, ErrSnapshot, "size below the snapshot")
	for i := range data {
		bad := bytes.Clone(data)
		bad[i] ^= 0x5a
		_, err := ReadIndex(bytes.NewReader(bad), int64(len(bad)), Options{})
		require.ErrorIs(t, err, ErrSnapshot, "byte %d flipped", i)
	}
	_, err = ReadIndex(failingReader{}, 1<<20, Options{})
	require.Error(t, err)
	assert.NotErrorIs(t, err, ErrSnapshot, "an I/O error is reported as such")
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

// FuzzReadIndex: any bytes give an index or an error, never a panic, and an accepted index is consistent
// enough to search and to write back identically.
func FuzzReadIndex(f *testing.F) {
	ix := New()
	ix.Add(0, "open the file")
	ix.Add(2, "افتح الملف")
	ix.Add(3, "")
	var buf bytes.Buffer
	_, _ = ix.WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Add(snapshotMagic)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) >= 4 { // a valid checksum, so that the structural checks are what the fuzzer explores
			binary.LittleEndian.PutUint32(data[len(data)-4:], crc32.Checksum(data[:len(data)-4], castagnoli))
		}
		got, err := ReadIndex(bytes.NewReader(data), int64(len(data)), Options{})
		if err != nil {
			return
		}
		got.Search("open the file", 0.3, 3)
		got.Add(got.maxID+1, "open a file")
		got.Search("open", 0.3, 3)
	})
}

// TestSchemeGolden pins the tokens and grams of a probe key. If it fails, the gram scheme changed: saved
// snapshots (tm's index files) no longer match new postings, so change Scheme, then update the values here.
func TestSchemeGolden(t *testing.T) {
	const probe = "Open the_file's 30/12 نسخة-2 افتح افتح ١٢"
	var ix Index
	grams, ntok := ix.keyGrams(probe)
	assert.Equal(t, "tokens-1/grams3-odd-last/tag-splitmix", Scheme)
	assert.Equal(t, 9, ntok)
	assert.Equal(t, []string{"Open", "the_file's", "30", "/", "12", "نسخة-2", "افتح", "افتح", "١٢"}, Tokens(nil, probe))
	h := crc32.NewIEEE()
	for _, g := range grams {
		_ = binary.Write(h, binary.LittleEndian, g)
	}
	assert.Equal(t, uint32(0x94f57984), h.Sum32(), "grams of the probe (%d)", len(grams))
}
