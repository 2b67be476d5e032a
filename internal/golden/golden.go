// Package golden compares a test's output with a reviewed file under testdata/ and rewrites the file when
// the test binary runs with -update, the convention of the examples' tests:
//
//	go test ./examples/quickstart -update
//
// It registers the -update flag, so a test package that imports it must not define its own. It is for
// tests only.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Check compares got with testdata/name, first writing got there when -update is set.
func Check(t testing.TB, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run the test with -update to create %s", path)
	assert.Equal(t, string(want), string(got), "%s differs (refresh with -update if the change is intended)", path)
}
