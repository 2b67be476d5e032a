package tmx_test

import (
	"errors"
	"io"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tarjuman/tarjuman/tm/tmx"
)

// countingWriter counts the bytes of the generated document.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// TestDecodeLargeStreamBoundedHeap decodes a ~200 MB TMX generated on the fly
// through a pipe (never held in memory) and checks that the heap in use stays
// small: the decoder keeps one TU at a time, whatever the file size.
func TestDecodeLargeStreamBoundedHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 200 MB")
	}
	n := 750_000 // ≈ 280 bytes per TU
	if raceEnabled {
		n /= 10
	}
	pr, pw := io.Pipe()
	cw := &countingWriter{w: pw}
	go func() { pw.CloseWithError(writeTMX(cw, n, false)) }()
	defer pr.Close()

	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var peak uint64
	d := tmx.NewDecoder(pr)
	got := 0
	for {
		tu, err := d.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		require.Len(t, tu.Variants, 2)
		got++
		if got%50_000 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	assert.Equal(t, n, got)
	assert.Greater(t, cw.n, int64(n)*250, "document size")
	t.Logf("decoded %d TUs, %d MB; HeapInuse base %d KB, peak %d KB", got, cw.n>>20, base>>10, peak>>10)
	assert.Less(t, peak, base+32<<20, "heap in use must not grow with the input")
}
