package tm

import (
	"encoding/binary"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestIndexFileHugeLengths: an index file with lengths of 2^31 or more (damage; the checksum is only
// checked at the end) must make Open rebuild, never panic. On 32-bit platforms the u32 lengths become
// negative ints in readIndexFile.
func TestIndexFileHugeLengths(t *testing.T) {
	smallIndexFiles(t)
	path := closedStore(t, t.TempDir(), "tm.db", 60)
	good, err := os.ReadFile(indexFilePath(path))
	require.NoError(t, err)
	headLen := int(binary.LittleEndian.Uint32(good[len(indexFileMagic):]))
	offsets := map[string]int{
		"head":  len(indexFileMagic),
		"ndirs": len(indexFileMagic) + 4 + headLen,
	}
	for name, off := range offsets {
		t.Run(name, func(t *testing.T) {
			b := append([]byte(nil), good...)
			binary.LittleEndian.PutUint32(b[off:], 0xFFFFFFF0)
			require.NoError(t, os.WriteFile(indexFilePath(path), b, 0o600))
			m, err := Open(path, &Options{ReadOnly: true})
			require.NoError(t, err)
			require.False(t, m.fromIndexFile)
			require.Equal(t, 60, m.Len())
			require.NoError(t, m.Close())
		})
	}
}
