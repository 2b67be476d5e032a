package tm

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestIndexFileRestoredBackupRefilled: the store file is restored from a backup, refilled to the same
// sequence with the same last unit but a different unit in the middle, and the process dies before Close.
// The index file of the pre-restore store still matches (store id, sequence, last header, fingerprint), so
// Open trusts it although one key in it is wrong.
func TestIndexFileRestoredBackupRefilled(t *testing.T) {
	smallIndexFiles(t)
	ctx := context.Background()
	dir := t.TempDir()
	path := closedStore(t, dir, "tm.db", 60)
	backup, err := os.ReadFile(path)
	require.NoError(t, err)

	// Session 1: imports a batch and closes: the index file now describes it.
	first := indexFileUnits(60, 5)
	m, err := Open(path, nil)
	require.NoError(t, err)
	require.NoError(t, m.Add(ctx, first...))
	require.NoError(t, m.Close())

	// The user restores the backup and imports a corrected batch: same size, same last unit, another target
	// in the middle. The process is killed before Close.
	require.NoError(t, os.WriteFile(path, backup, 0o600))
	second := indexFileUnits(60, 5)
	second[1].Target = "corrected target zebra"
	m, err = Open(path, nil)
	require.NoError(t, err)
	require.NoError(t, m.Add(ctx, second...))
	require.NoError(t, m.st.close()) // killed: Close never runs

	m, err = Open(path, &Options{ReadOnly: true})
	require.NoError(t, err)
	defer m.Close()
	// second[1] is ar→en: its target is the English side, indexed in en>ar.
	ms, err := m.Lookup(ctx, Query{Text: "corrected target zebra", Pair: enAr})
	require.NoError(t, err)
	require.NotEmpty(t, ms, "the corrected unit is found")
	require.False(t, m.fromIndexFile, "a stale index file must not be trusted")
}
