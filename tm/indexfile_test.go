package tm

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// smallIndexFiles lowers the size from which Close writes an index file, for the length of a test.
func smallIndexFiles(t *testing.T) {
	old := indexFileMinUnits
	indexFileMinUnits = 10
	t.Cleanup(func() { indexFileMinUnits = old })
}

// indexFileUnits makes n distinct units in two language pairs (four direction indexes), numbered from
// first.
func indexFileUnits(first, n int) []Unit {
	frAr := LangPair{Source: language.French, Target: language.Arabic}
	var us []Unit
	for i := first; i < first+n; i++ {
		switch i % 3 {
		case 0:
			us = append(us, Unit{Source: fmt.Sprintf("Open file number %d now", i), Target: fmt.Sprintf("افتح الملف رقم %d الآن", i), Pair: enAr})
		case 1:
			us = append(us, Unit{Source: fmt.Sprintf("الضمانات الأمنية للبند %d", i), Target: fmt.Sprintf("security guarantees of item %d", i), Pair: arEn})
		default:
			us = append(us, Unit{Source: fmt.Sprintf("Ouvrir le fichier %d", i), Target: fmt.Sprintf("افتح الملف %d", i), Pair: frAr})
		}
	}
	return us
}

// closedStore makes a store of n units (indexFileUnits) named name in dir, closed, so that its index file
// is saved when n reaches indexFileMinUnits; it returns the store's path.
func closedStore(t *testing.T, dir, name string, n int) string {
	t.Helper()
	path := filepath.Join(dir, name)
	m, err := Open(path, nil)
	require.NoError(t, err)
	require.NoError(t, m.Add(context.Background(), indexFileUnits(0, n)...))
	require.NoError(t, m.Close())
	return path
}

// sameIndexState asserts that two memories hold the same direction indexes, duplicate map and count.
func sameIndexState(t *testing.T, want, got *Memory) {
	t.Helper()
	assert.Equal(t, want.n, got.n, "unit count")
	assert.Equal(t, want.dup, got.dup, "duplicate map")
	assert.Len(t, got.dirs, len(want.dirs))
	for d, ix := range want.dirs {
		require.Contains(t, got.dirs, d)
		assert.True(t, ix.Equal(got.dirs[d]), "direction %s", d)
	}
}

// rebuilt opens path read-only after moving its index file away, so the state comes from the units; its
// indexes stay readable after Close.
func rebuilt(t *testing.T, path string) *Memory {
	t.Helper()
	idx := indexFilePath(path)
	if _, err := os.Stat(idx); err == nil {
		require.NoError(t, os.Rename(idx, idx+".aside"))
		defer os.Rename(idx+".aside", idx)
	}
	m, err := Open(path, &Options{ReadOnly: true})
	require.NoError(t, err)
	require.False(t, m.fromIndexFile)
	dirs := m.dirs
	require.NoError(t, m.Close())
	m.dirs = dirs
	return m
}

func TestIndexFileRestoresIndex(t *testing.T) {
	smallIndexFiles(t)
	ctx := context.Background()
	path := closedStore(t, t.TempDir(), "tm.db", 300)
	require.FileExists(t, indexFilePath(path), "Close saves the index of a grown store")

	want := rebuilt(t, path)
	for _, ro := range []bool{false, true} {
		m, err := Open(path, &Options{ReadOnly: ro})
		require.NoError(t, err)
		assert.True(t, m.fromIndexFile, "read-only %v: Open restores the saved index", ro)
		sameIndexState(t, want, m)
		ms, err := m.Lookup(ctx, Query{Text: "open file number 42 later", Pair: enAr})
		require.NoError(t, err)
		require.NotEmpty(t, ms)
		assert.Equal(t, "افتح الملف رقم 42 الآن", ms[0].Unit.Target)
		if !ro {
			require.NoError(t, m.Add(ctx, indexFileUnits(0, 3)...))
			assert.Equal(t, 300, m.Len(), "duplicates are found through the restored map")
		}
		require.NoError(t, m.Close())
	}
}

func TestIndexFileIgnoredWhenStale(t *testing.T) {
	smallIndexFiles(t)
	ctx := context.Background()
	dir := t.TempDir()
	path := closedStore(t, dir, "tm.db", 100)
	saved, err := os.ReadFile(indexFilePath(path))
	require.NoError(t, err)

	// A process adds units and dies before Close: the index file describes fewer units.
	m, err := Open(path, nil)
	require.NoError(t, err)
	require.NoError(t, m.Add(ctx, indexFileUnits(100, 5)...))
	require.NoError(t, m.st.close()) // the store file is released, Close never runs
	m, err = Open(path, nil)
	require.NoError(t, err)
	assert.False(t, m.fromIndexFile, "an index file behind the store is not used")
	assert.Equal(t, 105, m.Len())
	ms, err := m.Lookup(ctx, Query{Text: "Open file number 102 now", Pair: enAr})
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	assert.Equal(t, 1.0, ms[0].Score, "units added after the index file are found")
	require.NoError(t, m.Close())
	m, err = Open(path, nil)
	require.NoError(t, err)
	assert.True(t, m.fromIndexFile, "Close saved the rebuilt index")
	require.NoError(t, m.Close())

	// Another store of the same size: the old file is not its index.
	other := filepath.Join(dir, "other.db")
	o, err := Open(other, nil)
	require.NoError(t, err)
	require.NoError(t, o.Add(ctx, indexFileUnits(0, 105)...))
	require.NoError(t, o.st.close())
	require.NoError(t, os.WriteFile(indexFilePath(other), saved, 0o600))
	o, err = Open(other, nil)
	require.NoError(t, err)
	assert.False(t, o.fromIndexFile, "an index file of another store is not used")
	require.NoError(t, o.Close())
}

func TestIndexFileDamaged(t *testing.T) {
	smallIndexFiles(t)
	path := closedStore(t, t.TempDir(), "tm.db", 60)
	good, err := os.ReadFile(indexFilePath(path))
	require.NoError(t, err)
	want := rebuilt(t, path)

	damage := map[string][]byte{
		"empty":     {},
		"truncated": good[:len(good)/2],
		"one_byte":  func() []byte { b := append([]byte(nil), good...); b[len(b)/3] ^= 1; return b }(),
		"trailing":  append(append([]byte(nil), good...), 0),
		"garbage":   []byte("not an index at all"),
	}
	for name, data := range damage {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, os.WriteFile(indexFilePath(path), data, 0o600))
			m, err := Open(path, &Options{ReadOnly: true})
			require.NoError(t, err, "a bad index file is rebuilt from the units, not an error")
			assert.False(t, m.fromIndexFile)
			sameIndexState(t, want, m)
			require.NoError(t, m.Close())
		})
	}
}

func TestIndexFileOnlyForLargeChangedStores(t *testing.T) {
	ctx := context.Background()
	path := closedStore(t, t.TempDir(), "tm.db", 30)
	assert.NoFileExists(t, indexFilePath(path), "a small store rebuilds quickly: no index file")

	smallIndexFiles(t)
	m, err := Open(path, &Options{ReadOnly: true})
	require.NoError(t, err)
	require.NoError(t, m.Close())
	assert.NoFileExists(t, indexFilePath(path), "a read-only Open writes nothing")

	m, err = Open(path, nil)
	require.NoError(t, err)
	require.NoError(t, m.Close())
	info, err := os.Stat(indexFilePath(path))
	require.NoError(t, err, "a rebuilt index is saved")

	m, err = Open(path, nil)
	require.NoError(t, err)
	require.True(t, m.fromIndexFile)
	require.NoError(t, m.Add(ctx, indexFileUnits(0, 30)...), "only duplicates: the index does not change")
	require.NoError(t, m.Close())
	again, err := os.Stat(indexFilePath(path))
	require.NoError(t, err)
	assert.Equal(t, info.ModTime(), again.ModTime(), "an unchanged index is not rewritten")
	m, err = Open(path, nil)
	require.NoError(t, err)
	assert.True(t, m.fromIndexFile, "merges keep the index file valid")
	require.NoError(t, m.Close())
	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	assert.Len(t, entries, 2, "no temporary files are left behind")
}

func TestNoIndexFile(t *testing.T) {
	smallIndexFiles(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tm.db")
	m, err := Open(path, &Options{NoIndexFile: true})
	require.NoError(t, err)
	require.NoError(t, m.Add(ctx, indexFileUnits(0, 40)...))
	require.NoError(t, m.Close())
	assert.NoFileExists(t, indexFilePath(path), "NoIndexFile: Close writes nothing beside the store")

	m, err = Open(path, nil)
	require.NoError(t, err)
	require.NoError(t, m.Close())
	require.FileExists(t, indexFilePath(path))
	m, err = Open(path, &Options{NoIndexFile: true, ReadOnly: true})
	require.NoError(t, err)
	assert.False(t, m.fromIndexFile, "NoIndexFile: Open rebuilds even when a valid file is there")
	assert.Equal(t, 40, m.Len())
	require.NoError(t, m.Close())
}

func TestOpenRemovesStaleIndexFiles(t *testing.T) {
	smallIndexFiles(t)
	ctx := context.Background()
	path := closedStore(t, t.TempDir(), "tm[1].db", 40) // glob characters in the name are taken literally
	leftover := indexFilePath(path) + ".tmp-12345"      // a Close killed while writing
	require.NoError(t, os.WriteFile(leftover, []byte("partial"), 0o600))

	m, err := Open(path, &Options{ReadOnly: true})
	require.NoError(t, err)
	require.NoError(t, m.Close())
	assert.FileExists(t, leftover, "a read-only Open removes nothing")

	m, err = Open(path, nil)
	require.NoError(t, err)
	assert.True(t, m.fromIndexFile)
	assert.NoFileExists(t, leftover, "an Open for writing removes a killed Close's temporary file")
	require.NoError(t, m.Add(ctx, indexFileUnits(40, 3)...))
	require.NoError(t, m.st.close()) // killed: the index file is now stale

	m, err = Open(path, nil)
	require.NoError(t, err)
	assert.False(t, m.fromIndexFile)
	assert.NoFileExists(t, indexFilePath(path), "a stale index file is removed at once, not at Close")
	require.NoError(t, m.Close())
	assert.FileExists(t, indexFilePath(path), "and written again by Close")
}
