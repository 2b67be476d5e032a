package tm

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"
)

// TestRekeyIgnoresOldIndexFile: a store written by an older tmkey (stale keys, an old fingerprint)
// with an index file saved by that version: the first writable Open re-keys, does not restore the old
// index file (its fingerprint differs), removes it, and finds the units by their new keys. Between
// windows of an interrupted re-key, a read-only Open refuses the store.
func TestRekeyIgnoresOldIndexFile(t *testing.T) {
	smallIndexFiles(t)
	defer func(w int) { rekeyWindow = w }(rekeyWindow)
	rekeyWindow = 7
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tm.db")
	m, err := Open(path, nil)
	require.NoError(t, err)
	var units []Unit
	for i := range 40 {
		units = append(units, Unit{Source: fmt.Sprintf("O_rientation %d", i), Target: fmt.Sprintf("الا_تجاه %d", i), Pair: enAr})
	}
	require.NoError(t, m.Add(ctx, units...))
	// What the older version left: words-2 keys in the records and headers, its fingerprint, and
	// an index file it saved for that state.
	db := m.st.(*boltStore).db
	require.NoError(t, db.Update(func(tx *bolt.Tx) error {
		b, heads := tx.Bucket(bucketUnits), tx.Bucket(bucketKeys)
		type kv struct{ k, v, h []byte }
		var stale []kv
		require.NoError(t, b.ForEach(func(k, v []byte) error {
			r := record{id: binary.BigEndian.Uint32(k)}
			require.NoError(t, decodeRecord(v, &r))
			r.srcKey, r.tgtKey = "o rientation", "الا تجاه"
			stale = append(stale, kv{bytes.Clone(k), encodeRecord(nil, &r), encodeHeader(nil, &r)})
			return nil
		}))
		for _, s := range stale {
			require.NoError(t, b.Put(s.k, s.v))
			require.NoError(t, heads.Put(s.k, s.h))
		}
		return tx.Bucket(bucketMeta).Put(metaFingerprint, []byte("old"))
	}))
	require.NoError(t, db.View(func(tx *bolt.Tx) error {
		st, ok := readStoreState(tx, []byte("old"))
		require.True(t, ok)
		return m.writeIndexFile(indexFilePath(path), st)
	}))
	require.FileExists(t, indexFilePath(path))
	m.indexChanged = false // keep the old version's file
	require.NoError(t, m.Close())

	// An interrupted re-key: two windows done.
	db, err = bolt.Open(path, 0o600, nil)
	require.NoError(t, err)
	require.NoError(t, db.Update(func(tx *bolt.Tx) error {
		_, err := rekey(tx.Bucket(bucketUnits), tx.Bucket(bucketKeys), nil, 14)
		return err
	}))
	require.NoError(t, db.Close())
	_, err = Open(path, &Options{ReadOnly: true})
	require.Error(t, err, "a half re-keyed store is not trusted read-only")

	m, err = Open(path, nil)
	require.NoError(t, err)
	assert.False(t, m.fromIndexFile, "the old version's index file is not restored")
	assert.NoFileExists(t, indexFilePath(path), "and is removed")
	for _, q := range []string{"Orientation 3", "Orientation 39"} {
		ms, err := m.Lookup(ctx, Query{Text: q, Pair: enAr})
		require.NoError(t, err)
		require.NotEmpty(t, ms, q)
		assert.Equal(t, Normalized, ms[0].Kind, q)
	}
	require.NoError(t, m.Close())
	// The next Open restores the index file the re-keyed store saved.
	m, err = Open(path, &Options{ReadOnly: true})
	require.NoError(t, err)
	assert.True(t, m.fromIndexFile)
	ms, err := m.Lookup(ctx, Query{Text: "Orientation 25", Pair: enAr})
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	assert.Equal(t, Normalized, ms[0].Kind)
	require.NoError(t, m.Close())
}
