package bench

import (
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tarjuman/tarjuman/normalize"
)

// corpusSize is the size the seed article is repeated to: large enough that caches do not flatter anyone.
const corpusSize = 32 << 20

// readSeed reads the seed article from the main module's testdata.
func readSeed(tb testing.TB) string {
	b, err := os.ReadFile("../testdata/seed_ar.txt")
	require.NoError(tb, err)
	return string(b)
}

// repeatTo repeats s until it is at least size bytes long.
func repeatTo(s string, size int) string {
	return strings.Repeat(s, size/len(s)+1)
}

// vocalize writes a haraka (cycling fatha, damma, kasra, sukun, shadda) after every Arabic letter: fully
// vocalized text, the worst case for a filter that deletes marks one by one.
func vocalize(s string) string {
	marks := []rune{'\u064E', '\u064F', '\u0650', '\u0652', '\u0651'}
	var b strings.Builder
	b.Grow(2 * len(s))
	i := 0
	for _, r := range s {
		b.WriteRune(r)
		if r >= 0x0621 && r <= 0x064A {
			b.WriteRune(marks[i%len(marks)])
			i++
		}
	}
	return b.String()
}

var corpora = sync.OnceValues(func() (seed, vocalized string) {
	s, err := os.ReadFile("../testdata/seed_ar.txt")
	if err != nil {
		panic(err) // the benchmarks cannot run without the seed; readSeed reports it properly in tests
	}
	seed = repeatTo(string(s), corpusSize)
	vocalized = repeatTo(vocalize(string(s)), corpusSize)
	return seed, vocalized
})

// cpuTime returns the CPU time this process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuMeter reports throughput per second of process CPU time next to the wall-clock MB/s: on a machine
// shared with other jobs the wall clock mostly measures the queue, while CPU time measures the work
// (garbage collection included, since it runs in this process).
type cpuMeter struct {
	b     *testing.B
	bytes int64
	start time.Duration
}

func meterCPU(b *testing.B, bytes int) *cpuMeter {
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	return &cpuMeter{b: b, bytes: int64(bytes), start: cpuTime()}
}

// loop is b.Loop that reports cpu-MB/s when the loop ends.
func (m *cpuMeter) loop() bool {
	if m.b.Loop() {
		return true
	}
	if d := cpuTime() - m.start; d > 0 {
		m.b.ReportMetric(float64(m.bytes*int64(m.b.N))/d.Seconds()/1e6, "cpu-MB/s")
	}
	return false
}

// tokenStream splits text at white space into bleve tokens, as an analyzer would hand them to the filter.
func tokenStream(text string) (analysis.TokenStream, [][]byte) {
	fields := strings.Fields(text)
	ts := make(analysis.TokenStream, len(fields))
	terms := make([][]byte, len(fields))
	for i, f := range fields {
		terms[i] = []byte(f)
		ts[i] = &analysis.Token{Term: terms[i], Type: analysis.AlphaNumeric}
	}
	return ts, terms
}

// benchBleve runs bleve's Arabic normalize filter over the tokens of text; the bytes reported are the whole
// text's, as for our normalizers.
func benchBleve(b *testing.B, text string) {
	ts, terms := tokenStream(text)
	f := ar.NewArabicNormalizeFilter()
	b.ResetTimer()
	for m := meterCPU(b, len(text)); m.loop(); {
		for i, t := range ts {
			t.Term = terms[i]
		}
		f.Filter(ts)
	}
}

func benchString(b *testing.B, n *normalize.Normalizer, text string) {
	for m := meterCPU(b, len(text)); m.loop(); {
		_ = n.String(text)
	}
}

func benchOffsets(b *testing.B, n *normalize.Normalizer, text string) {
	for m := meterCPU(b, len(text)); m.loop(); {
		_, _ = n.StringWithOffsets(text)
	}
}

// BenchmarkNormalize compares tarjuman's normalizers with bleve's ar_normalize filter on the seed article
// and on its fully vocalized form, each repeated to 32 MiB.
func BenchmarkNormalize(b *testing.B) {
	seed, vocalized := corpora()
	for _, c := range []struct{ name, text string }{{"seed", seed}, {"vocalized", vocalized}} {
		b.Run(c.name+"/bleve", func(b *testing.B) { benchBleve(b, c.text) })
		b.Run(c.name+"/lucene", func(b *testing.B) { benchString(b, normalize.Lucene, c.text) })
		b.Run(c.name+"/search", func(b *testing.B) { benchString(b, normalize.Search, c.text) })
		b.Run(c.name+"/search_offsets", func(b *testing.B) { benchOffsets(b, normalize.Search, c.text) })
	}
	normalized := normalize.Search.String(seed)
	b.Run("normalized/search", func(b *testing.B) { benchString(b, normalize.Search, normalized) })
	b.Run("normalized/lucene", func(b *testing.B) { benchString(b, normalize.Lucene, normalize.Lucene.String(seed)) })
}

// segments cuts text into pieces of about size bytes, at rune boundaries.
func segments(text string, size int) []string {
	var segs []string
	for len(text) > 0 {
		n := min(size, len(text))
		for n < len(text) && text[n]&0xC0 == 0x80 {
			n++
		}
		segs = append(segs, text[:n])
		text = text[n:]
	}
	return segs
}

// BenchmarkLinear normalizes the same fully vocalized megabyte as short segments (one sentence, ~200 bytes)
// and as 256 KiB segments: a linear normalizer has the same throughput on both. bleve gets each segment as
// one token, as a keyword analyzer would give it.
func BenchmarkLinear(b *testing.B) {
	_, vocalized := corpora()
	text := vocalized[:1<<20]
	for _, c := range []struct {
		name string
		size int
	}{{"short", 200}, {"256KiB", 256 << 10}} {
		segs := segments(text, c.size)
		b.Run(c.name+"/search", func(b *testing.B) {
			for m := meterCPU(b, len(text)); m.loop(); {
				for _, s := range segs {
					_ = normalize.Search.String(s)
				}
			}
		})
		b.Run(c.name+"/lucene", func(b *testing.B) {
			for m := meterCPU(b, len(text)); m.loop(); {
				for _, s := range segs {
					_ = normalize.Lucene.String(s)
				}
			}
		})
		b.Run(c.name+"/bleve", func(b *testing.B) {
			ts := make(analysis.TokenStream, len(segs))
			terms := make([][]byte, len(segs))
			for i, s := range segs {
				terms[i] = []byte(s)
				ts[i] = &analysis.Token{Term: terms[i]}
			}
			f := ar.NewArabicNormalizeFilter()
			b.ResetTimer()
			for m := meterCPU(b, len(text)); m.loop(); {
				for i, t := range ts {
					t.Term = terms[i]
				}
				f.Filter(ts)
			}
		})
	}
}

// TestLuceneMatchesBleve checks that the Lucene preset gives bleve's output token by token, so the
// comparison above is between equal work.
func TestLuceneMatchesBleve(t *testing.T) {
	seed := readSeed(t)
	text := seed + " " + vocalize(seed) + " أإآ ى ة ـ ً ٌ ٍ َ ُ ِ ّ ْ ٓ ٔ ٕ ٰ ٱ ٲ ٳ ٵ ۃ ی ک ؤ ئ ﻻ ﺃ ABC ٣ \u200f"
	ts, _ := tokenStream(text)
	want := make([]string, len(ts))
	ar.NewArabicNormalizeFilter().Filter(ts)
	for i, tok := range ts {
		want[i] = string(tok.Term)
	}
	for i, f := range strings.Fields(text) {
		assert.Equal(t, want[i], normalize.Lucene.String(f), "token %q", f)
	}
}
