package tbx

import (
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The Decoder holds one entry at a time: a document far larger than the heap limit checked here streams
// through it. (With the duplicate id check on, the id set grows by one string per id.)
func TestDecoderStreamsInBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a 20 MB document")
	}
	const n = 12000
	pr, pipe := io.Pipe()
	pw := &countingWriter{w: pipe}
	go func() {
		_, err := io.WriteString(pw, `<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>`)
		one := benchDoc(1).Entries[0]
		for i := 0; i < n && err == nil; i++ {
			_, err = fmt.Fprintf(pw, `<conceptEntry id="c%d"><descrip type="subjectField">%s</descrip>`, i, one.Subject)
			for _, l := range one.Langs {
				if err == nil {
					_, err = fmt.Fprintf(pw, `<langSec xml:lang="%s"><descrip type="definition">%s</descrip>`, l.Lang, l.Definition)
				}
				for _, ts := range l.Terms {
					if err == nil {
						_, err = fmt.Fprintf(pw, `<termSec><term>%s</term><termNote type="partOfSpeech">noun</termNote><descrip type="context">%s %s %s</descrip></termSec>`,
							ts.Term, l.Definition, l.Definition, l.Definition)
					}
				}
				if err == nil {
					_, err = io.WriteString(pw, `</langSec>`)
				}
			}
			if err == nil {
				_, err = io.WriteString(pw, `</conceptEntry>`)
			}
		}
		if err == nil {
			_, err = io.WriteString(pw, `</body></text></tbx>`)
		}
		pipe.CloseWithError(err)
	}()

	d := NewDecoder(pr)
	d.AllowDuplicateIDs = true // no id set: only the current entry is held
	var peak uint64
	var ms runtime.MemStats
	count := 0
	for {
		e, err := d.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		require.Len(t, e.Langs, 2)
		count++
		if count%1000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	assert.Equal(t, n, count)
	assert.Less(t, peak, uint64(16<<20), "heap in use stays small while ~20 MB stream through")
	assert.Greater(t, pw.n, int64(16<<20))
	t.Logf("%.1f MB streamed, peak HeapInuse %.1f MB", float64(pw.n)/(1<<20), float64(peak)/(1<<20))
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
