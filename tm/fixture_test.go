package tm

import (
	"bufio"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tarjuman/tarjuman/tm/tmx"
)

var update = flag.Bool("update", false, "rewrite generated fixtures and golden files")

// seedTMX renders testdata/seed_parallel.tsv (id TAB ar TAB en) as TMX 1.4b, one TU per line,
// Arabic as srclang.
func seedTMX(t *testing.T, tsv []byte) []byte {
	var buf bytes.Buffer
	enc := tmx.NewEncoder(&buf)
	require.NoError(t, enc.WriteHeader(&tmx.Header{
		CreationTool: "tarjuman", CreationToolVersion: "1", SegType: "sentence", OTMF: "tarjuman",
		AdminLang: "en", SrcLang: "ar", DataType: "plaintext",
	}))
	sc := bufio.NewScanner(bytes.NewReader(tsv))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		require.Len(t, f, 3, "line %q", sc.Text())
		require.NoError(t, enc.Encode(&tmx.TU{
			TUID: f[0], SrcLang: "ar", CreationID: "tarjuman",
			Variants: []tmx.TUV{
				{Lang: "ar", Seg: tmx.Seg{{Kind: tmx.Text, Text: f[1]}}},
				{Lang: "en", Seg: tmx.Seg{{Kind: tmx.Text, Text: f[2]}}},
			},
		}))
	}
	require.NoError(t, sc.Err())
	require.NoError(t, enc.Close())
	return buf.Bytes()
}

// TestSeedParallelTMX keeps the shared fixture testdata/seed_parallel.tmx (and its embedded copy)
// equal to the TMX rendering of testdata/seed_parallel.tsv; -update regenerates both.
func TestSeedParallelTMX(t *testing.T) {
	root := filepath.Join("..", "testdata")
	tsv, err := os.ReadFile(filepath.Join(root, "seed_parallel.tsv"))
	require.NoError(t, err)
	want := seedTMX(t, tsv)
	paths := []string{filepath.Join(root, "seed_parallel.tmx"), filepath.Join("..", "internal", "sample", "data", "seed_parallel.tmx")}
	if *update {
		for _, p := range paths {
			require.NoError(t, os.WriteFile(p, want, 0o644))
		}
	}
	for _, p := range paths {
		got, err := os.ReadFile(p)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "%s is stale: go test ./tm -run TestSeedParallelTMX -update", p)
	}
	m := NewMemory(nil)
	st, err := m.Import(t.Context(), bytes.NewReader(want), ImportOptions{})
	require.NoError(t, err)
	assert.Equal(t, 20, st.Read)
	assert.Equal(t, 19, st.Added, "the title appears twice and merges")
	assert.Equal(t, 1, st.Merged)
}
