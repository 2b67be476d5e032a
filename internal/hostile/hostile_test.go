package hostile

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/glossary/tbx"
	"github.com/tarjuman/tarjuman/internal/sample"
	"github.com/tarjuman/tarjuman/tm"
	"github.com/tarjuman/tarjuman/tm/tmx"
)

// seededStore is a bbolt store holding the seed article, and the export that proves it unchanged later.
func seededStore(t *testing.T) (*tm.Memory, string) {
	t.Helper()
	m, err := tm.Open(filepath.Join(t.TempDir(), "t.tm"), nil)
	require.NoError(t, err)
	t.Cleanup(func() { m.Close() })
	_, err = m.Import(context.Background(), bytes.NewReader(sample.File("seed_parallel.tmx")), tm.ImportOptions{})
	require.NoError(t, err)
	return m, export(t, m)
}

func export(t *testing.T, m *tm.Memory) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, m.Export(context.Background(), &b, tm.FormatTMX, tm.LangPair{}))
	return b.String()
}

// importRejected imports r into a seeded store, requires an error, and checks the store is as it was.
func importRejected(t *testing.T, r io.Reader, o tm.ImportOptions) error {
	t.Helper()
	m, before := seededStore(t)
	n := m.Len()
	_, err := m.Import(context.Background(), r, o)
	require.Error(t, err)
	assert.Equal(t, n, m.Len(), "no unit added or lost")
	assert.Equal(t, before, export(t, m), "the store is exactly as it was")
	return err
}

// bounded runs fn and fails if it takes longer than d or grows the live heap by more than maxHeap bytes.
func bounded(t *testing.T, d time.Duration, maxHeap uint64, fn func()) {
	t.Helper()
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
			}
		}
	}()
	start := time.Now()
	fn()
	close(stop)
	<-sampled
	assert.Less(t, time.Since(start), d, "time")
	if p := peak.Load(); p > before.HeapInuse {
		assert.Less(t, p-before.HeapInuse, maxHeap, "heap growth")
	}
}

func tmxDoc(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
<body>` + body + `</body></tmx>`
}

func tu(en, ar string) string {
	return `<tu><tuv xml:lang="en"><seg>` + en + `</seg></tuv><tuv xml:lang="ar"><seg>` + ar + `</seg></tuv></tu>`
}

func TestBillionLaughs(t *testing.T) {
	var lol strings.Builder
	lol.WriteString(`<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY lol "lol">`)
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&lol, `<!ENTITY lol%d "%s">`, i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	lol.WriteString(`]>`)
	doc := strings.Replace(tmxDoc(tu("&lol9;", "x")), `<?xml version="1.0" encoding="UTF-8"?>`, lol.String(), 1)
	t.Run("tmx", func(t *testing.T) {
		bounded(t, 2*time.Second, 16<<20, func() {
			err := importRejected(t, strings.NewReader(doc), tm.ImportOptions{})
			var pe *tmx.ParseError
			require.ErrorAs(t, err, &pe, "an undefined entity is a positioned error: %v", err)
			assert.Positive(t, pe.Line)
		})
	})
	t.Run("tbx", func(t *testing.T) {
		tbxDoc := lol.String() + `<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>&lol9;</term></termSec></langSec></conceptEntry></body></text></tbx>`
		bounded(t, 2*time.Second, 16<<20, func() {
			g, err := glossary.ReadTBX(strings.NewReader(tbxDoc))
			require.Error(t, err)
			assert.Nil(t, g, "nothing half-built on error")
		})
	})
}

// TestExternalReferencesNeverFetched points a DOCTYPE and an external entity at a local server and checks
// it is never asked, whatever the reader decides about the document.
func TestExternalReferencesNeverFetched(t *testing.T) {
	var hits atomic.Int64
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer ts.Close()
	withDTD := strings.Replace(tmxDoc(tu("guarantee", "ضمان")), `<?xml version="1.0" encoding="UTF-8"?>`,
		`<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "`+ts.URL+`/tmx14.dtd">`, 1)
	m, _ := seededStore(t)
	n := m.Len()
	st, err := m.Import(context.Background(), strings.NewReader(withDTD), tm.ImportOptions{})
	require.NoError(t, err, "a DOCTYPE with an external DTD is tolerated")
	assert.Equal(t, 1, st.Added)
	assert.Equal(t, n+1, m.Len())

	withEntity := strings.Replace(tmxDoc(tu("&ext;", "x")), `<?xml version="1.0" encoding="UTF-8"?>`,
		`<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY ext SYSTEM "`+ts.URL+`/secret">]>`, 1)
	importRejected(t, strings.NewReader(withEntity), tm.ImportOptions{})

	tbxDoc := `<?xml version="1.0"?><!DOCTYPE martif SYSTEM "` + ts.URL + `/TBXcoreStructV02.dtd"><martif type="TBX-Basic" xml:lang="en"><text><body><termEntry id="e1"><langSet xml:lang="en"><tig><term>sanctions</term></tig></langSet><langSet xml:lang="ar"><tig><term>العقوبات</term></tig></langSet></termEntry></body></text></martif>`
	g, err := glossary.ReadTBX(strings.NewReader(tbxDoc))
	require.NoError(t, err)
	assert.Equal(t, 1, g.Len())
	assert.Zero(t, hits.Load(), "no DTD or entity was fetched")
}

func TestDeepNesting(t *testing.T) {
	seg := strings.Repeat("<hi>", 10000) + "x" + strings.Repeat("</hi>", 10000)
	bounded(t, 5*time.Second, 64<<20, func() {
		err := importRejected(t, strings.NewReader(tmxDoc(tu(seg, "y"))), tm.ImportOptions{})
		var pe *tmx.ParseError
		assert.ErrorAs(t, err, &pe)
	})
	tbxDoc := `<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>` +
		strings.Repeat("<hi>", 10000) + "x" + strings.Repeat("</hi>", 10000) + `</term></termSec></langSec></conceptEntry></body></text></tbx>`
	bounded(t, 5*time.Second, 64<<20, func() {
		// Documented result: <hi> inside a term is inline markup, and its text is the term.
		g, err := glossary.ReadTBX(strings.NewReader(tbxDoc))
		require.NoError(t, err)
		require.Equal(t, 1, g.Len())
		assert.Equal(t, "x", g.All()[0].Terms[0].Text)
	})
}

// TestHugeSegment: a 10 MB segment is skipped and counted (documented: tm.MaxSegmentBytes), the other
// units of the file are imported, and Add rejects it outright; time and memory stay bounded.
func TestHugeSegment(t *testing.T) {
	big := strings.Repeat("الضمانات الأمنية ", 10<<20/len("الضمانات الأمنية "))
	m, _ := seededStore(t)
	n := m.Len()
	bounded(t, 20*time.Second, 256<<20, func() {
		st, err := m.Import(context.Background(), strings.NewReader(tmxDoc(tu("huge", big)+tu("small", "صغير"))), tm.ImportOptions{})
		require.NoError(t, err)
		assert.Equal(t, 1, st.Added)
		assert.Equal(t, 1, st.Skipped)
		assert.Equal(t, n+1, m.Len())
	})
	err := m.Add(context.Background(), tm.Unit{Source: "huge", Target: big, Pair: tm.LangPair{Source: enTag, Target: arTag}})
	assert.ErrorIs(t, err, tm.ErrTooLong)
	assert.Equal(t, n+1, m.Len())
}

func TestInvalidUTF8(t *testing.T) {
	doc := tmxDoc(tu("ok", "fine") + "\n" + tu("bad \xff\xfe byte", "x"))
	err := importRejected(t, strings.NewReader(doc), tm.ImportOptions{})
	var pe *tmx.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 4, pe.Line, "the line of the bad byte")

	// A byte-level error stops even a lenient import (the XML after it cannot be trusted), positioned,
	// and the store keeps what it had.
	importRejected(t, strings.NewReader(doc), tm.ImportOptions{Lenient: true})
}

func utf16LE(s string) []byte {
	var b bytes.Buffer
	b.Write([]byte{0xFF, 0xFE})
	for _, u := range utf16.Encode([]rune(s)) {
		binary.Write(&b, binary.LittleEndian, u)
	}
	return b.Bytes()
}

func TestUTF16Hostile(t *testing.T) {
	doc := strings.Replace(tmxDoc(tu("ok", "تمام")), `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	good := utf16LE(doc)
	m, _ := seededStore(t)
	st, err := m.Import(context.Background(), bytes.NewReader(good), tm.ImportOptions{})
	require.NoError(t, err, "well-formed UTF-16 LE with BOM")
	assert.Equal(t, 1, st.Added)

	t.Run("odd_byte_count", func(t *testing.T) {
		odd := append(append([]byte(nil), good...), 0x41)
		err := importRejected(t, bytes.NewReader(odd), tm.ImportOptions{})
		assert.ErrorIs(t, err, tmx.ErrEncoding, "a truncated UTF-16 file is named as such")
	})
	t.Run("lone_surrogate", func(t *testing.T) {
		i := bytes.Index(good, utf16LE("ok")[2:])
		require.Positive(t, i)
		bad := append([]byte(nil), good...)
		bad[i], bad[i+1] = 0x00, 0xD8 // a high surrogate with no low one after it
		// Documented result: the broken code unit becomes U+FFFD and the TU is imported.
		m, _ := seededStore(t)
		n := m.Len()
		st, err := m.Import(context.Background(), bytes.NewReader(bad), tm.ImportOptions{})
		require.NoError(t, err)
		assert.Equal(t, 1, st.Added)
		assert.Equal(t, n+1, m.Len())
		ms, err := m.Lookup(context.Background(), tm.Query{Text: "\uFFFDk", Pair: tm.LangPair{Source: enTag, Target: arTag}})
		require.NoError(t, err)
		require.NotEmpty(t, ms)
		assert.Equal(t, "تمام", ms[0].Unit.Target)
	})
}

func TestTSVHostile(t *testing.T) {
	t.Run("glossary_100000_columns", func(t *testing.T) {
		row := "en\tar" + strings.Repeat("\tx", 100000) + "\n"
		bounded(t, 5*time.Second, 128<<20, func() {
			g, err := glossary.ReadCSV(strings.NewReader(row+"a\tb\n"), glossary.HeadedTSV)
			require.Error(t, err)
			assert.Nil(t, g)
			var pe *glossary.ParseError
			assert.ErrorAs(t, err, &pe)
		})
	})
	t.Run("tm_100000_columns", func(t *testing.T) {
		bounded(t, 5*time.Second, 128<<20, func() {
			importRejected(t, strings.NewReader("a\tb"+strings.Repeat("\tx", 100000)+"\n"), tm.ImportOptions{Format: tm.FormatTSV, Pair: tm.LangPair{Source: enTag, Target: arTag}})
		})
	})
	t.Run("glossary_64MB_line", func(t *testing.T) {
		bounded(t, 20*time.Second, 256<<20, func() {
			_, err := glossary.ReadCSV(io.MultiReader(strings.NewReader("en\tar\n"), endless('a', 64<<20)), glossary.HeadedTSV)
			require.Error(t, err)
		})
	})
	t.Run("tm_64MB_line", func(t *testing.T) {
		bounded(t, 20*time.Second, 256<<20, func() {
			importRejected(t, endless('a', 64<<20), tm.ImportOptions{Format: tm.FormatTSV, Pair: tm.LangPair{Source: enTag, Target: arTag}})
		})
	})
}

// endless yields n copies of c and no newline.
func endless(c byte, n int64) io.Reader {
	return io.LimitReader(repeatReader(c), n)
}

type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

func TestTBXDuplicateIDs(t *testing.T) {
	doc := `<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>` +
		`<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>sanctions</term></termSec></langSec><langSec xml:lang="ar"><termSec><term>العقوبات</term></termSec></langSec></conceptEntry>` +
		`<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>NATO</term></termSec></langSec><langSec xml:lang="ar"><termSec><term>الناتو</term></termSec></langSec></conceptEntry>` +
		`</body></text></tbx>`
	g, err := glossary.ReadTBX(strings.NewReader(doc))
	require.ErrorIs(t, err, tbx.ErrDuplicateID)
	assert.Nil(t, g, "nothing half-built")
	assert.Contains(t, err.Error(), "c1", "the error names the duplicate id")
	var pe *tbx.ParseError
	assert.ErrorAs(t, err, &pe, "with its position")
}

// TestBigTMXStream imports a 1 GB TMX generated on the fly through an io.Pipe into a bbolt store, checking
// it completes and peak RSS stays under 200 MB. The content cycles through 2,000 distinct pairs, so the
// store's index stays small and what is measured is the streaming path. Opt-in: TARJUMAN_HOSTILE_BIG=1.
func TestBigTMXStream(t *testing.T) {
	if os.Getenv("TARJUMAN_HOSTILE_BIG") == "" {
		t.Skip("set TARJUMAN_HOSTILE_BIG=1 to stream 1 GB")
	}
	size := int64(1 << 30)
	pr, pw := io.Pipe()
	go func() {
		var written int64
		w := func(s string) bool {
			n, err := io.WriteString(pw, s)
			written += int64(n)
			return err == nil
		}
		w(`<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>` + "\n")
		for i := 0; written < size; i++ {
			if !w(tu(fmt.Sprintf("Security guarantees %d were discussed in Geneva.", i%2000), fmt.Sprintf("نوقشت الضمانات الأمنية %d في جنيف.", i%2000)) + "\n") {
				return
			}
		}
		w("</body></tmx>\n")
		pw.Close()
	}()
	m, err := tm.Open(filepath.Join(t.TempDir(), "big.tm"), nil)
	require.NoError(t, err)
	defer m.Close()
	start := time.Now()
	st, err := m.Import(context.Background(), pr, tm.ImportOptions{})
	require.NoError(t, err)
	rss := peakRSSMB(t)
	t.Logf("1 GiB TMX: %d TUs read, %d added, %d merged in %s; peak RSS %.0f MB", st.Read, st.Added, st.Merged, time.Since(start).Round(time.Second), rss)
	assert.Equal(t, 2000, st.Added)
	assert.Less(t, rss, 200.0)
}

var (
	enTag = tmTag("en")
	arTag = tmTag("ar")
)

func peakRSSMB(t *testing.T) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status")
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			var kb float64
			fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:")), "%f", &kb)
			return kb / 1024
		}
	}
	t.Skip("no VmHWM")
	return 0
}

var _ = errors.New
