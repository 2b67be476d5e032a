package token_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tarjuman/tarjuman/internal/sample"
	"github.com/tarjuman/tarjuman/internal/token"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestAnalysisGolden records the key and readings of every distinct word of the seed article and its
// English rendering, so that any change to the analysis shows up as a reviewable diff.
// Refresh with: go test ./internal/token -run AnalysisGolden -update
func TestAnalysisGolden(t *testing.T) {
	var b strings.Builder
	b.WriteString("# word\tkey\tstop\treadings (prefix|stem|suffix, * = definite), most likely first\n")
	seen := map[string]bool{}
	for _, seg := range sample.SeedParallel() {
		for _, text := range []string{seg.Arabic, seg.English} {
			for _, tk := range token.Tokenize(text) {
				if tk.Kind != token.Word {
					continue
				}
				w := norm(text[tk.Start:tk.End])
				if seen[w] {
					continue
				}
				seen[w] = true
				key := token.Key(w)
				stop := "-"
				if token.IsStopWord(key) {
					stop = "stop"
				}
				var rs []string
				for _, a := range token.Analyze(w) {
					r := a.Prefix + "|" + a.Stem + "|" + a.Suffix
					if a.Definite {
						r += "*"
					}
					rs = append(rs, r)
				}
				b.WriteString(w + "\t" + key + "\t" + stop + "\t" + strings.Join(rs, " ") + "\n")
			}
		}
	}
	path := filepath.Join("testdata", "analysis_seed.golden")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	// Report changed lines only: the whole file would drown them.
	wl, gl := strings.Split(string(want), "\n"), strings.Split(b.String(), "\n")
	assert.Equal(t, len(wl), len(gl), "line count")
	for i := 0; i < len(wl) && i < len(gl); i++ {
		assert.Equal(t, wl[i], gl[i], "line %d (refresh with -update if the change is intended)", i+1)
	}
}
