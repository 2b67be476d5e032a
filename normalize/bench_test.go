package normalize

import (
	"strings"
	"testing"

	"github.com/tarjuman/tarjuman/internal/sample"
)

// seedText is the seed article repeated to about 1 MiB.
func seedText() string {
	s := sample.SeedArabic()
	return strings.Repeat(s, 1<<20/len(s)+1)
}

// vocalize writes a haraka after every Arabic letter: fully vocalized text for the needs-work benchmarks.
func vocalize(s string) string {
	marks := []rune{'\u064E', '\u064F', '\u0650', '\u0652', '\u0651'}
	var b strings.Builder
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

func benchString(b *testing.B, n *Normalizer, s string) {
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		_ = n.String(s)
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = New(Search.Options())
	}
}

func BenchmarkSearchNormalized(b *testing.B) { benchString(b, Search, Search.String(seedText())) }
func BenchmarkSearchSeed(b *testing.B)       { benchString(b, Search, seedText()) }
func BenchmarkSearchVocalized(b *testing.B)  { benchString(b, Search, vocalize(seedText())) }
func BenchmarkLuceneNormalized(b *testing.B) { benchString(b, Lucene, Lucene.String(seedText())) }
func BenchmarkLuceneSeed(b *testing.B)       { benchString(b, Lucene, seedText()) }
func BenchmarkLightNormalized(b *testing.B)  { benchString(b, Light, Light.String(seedText())) }

func BenchmarkSearchOffsetsSeed(b *testing.B) {
	s := seedText()
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		_, _ = Search.StringWithOffsets(s)
	}
}

func BenchmarkSearchAppendVocalized(b *testing.B) {
	s := []byte(vocalize(seedText()))
	dst := make([]byte, 0, len(s))
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		dst = Search.Append(dst[:0], s)
	}
}
