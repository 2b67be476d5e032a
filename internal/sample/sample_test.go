package sample

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCopiesMatchTestdata(t *testing.T) {
	entries, err := files.ReadDir("data")
	require.NoError(t, err)
	require.NotEmpty(t, entries)
	for _, e := range entries {
		want, err := os.ReadFile(filepath.Join("..", "..", "testdata", e.Name()))
		require.NoError(t, err, "every embedded sample must also be in testdata/")
		assert.Equal(t, string(want), string(File(e.Name())), "internal/sample/data/%s differs from testdata/%s", e.Name(), e.Name())
	}
}

func TestFileMissing(t *testing.T) {
	assert.Nil(t, File("no-such-file.txt"))
}

func TestSeedParallelAligned(t *testing.T) {
	segs := SeedParallel()
	require.Len(t, segs, 20)
	assert.Equal(t, "1", segs[0].ID)
	assert.Contains(t, segs[6].Arabic, "الضمانات الأمنية")
	assert.Contains(t, segs[6].English, "security guarantees")
	for _, s := range segs {
		assert.NotEmpty(t, s.Arabic)
		assert.NotEmpty(t, s.English)
	}
}
