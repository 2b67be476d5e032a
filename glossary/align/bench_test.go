package align

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/tarjuman/tarjuman/glossary"
)

// synthetic builds n segments from the news corpus: each is a random news pair with a parallel
// pseudo-word pair inserted in the middle, drawn from a Zipf distribution over n words, so that the
// vocabulary keeps growing with the corpus as it does in real text. The result is deterministic.
func synthetic(base []glossary.Pair, n int) []glossary.Pair {
	r := rand.New(rand.NewPCG(1, 2))
	z := rand.NewZipf(r, 1.1, 2, uint64(n))
	out := make([]glossary.Pair, n)
	for i := range out {
		p := base[r.IntN(len(base))]
		k := int(z.Uint64())
		out[i] = glossary.Pair{Source: insertMiddle(p.Source, pseudo(k, "بتثجحخدذرزسشصضطظعغفقكلمنهوي")), Target: insertMiddle(p.Target, pseudo(k, "bcdfghjklmnpqrstvwxz"))}
	}
	return out
}

// pseudo spells k in the given alphabet, at least three letters long.
func pseudo(k int, alphabet string) string {
	letters := []rune(alphabet)
	var b []rune
	for k > 0 || len(b) < 3 {
		b = append(b, letters[k%len(letters)])
		k /= len(letters)
	}
	return string(b)
}

func insertMiddle(s, w string) string {
	words := strings.Fields(s)
	mid := len(words) / 2
	return strings.Join(slices.Concat(words[:mid], []string{w}, words[mid:]), " ")
}

func BenchmarkAlign(b *testing.B) {
	news := newsPairs(b)
	for _, bc := range []struct {
		name  string
		pairs []glossary.Pair
		o     Options
	}{
		{"news_185", news, Options{}},
		{"news_185_cooccurrence", news, Options{MinSegments: 1 << 30}},
		{"synthetic_3000", synthetic(news, 3000), Options{}},
		{"synthetic_3000_cooccurrence", synthetic(news, 3000), Options{MinSegments: 1 << 30}},
		{"synthetic_30000", synthetic(news, 30000), Options{}},
		{"synthetic_100000", synthetic(news, 100000), Options{}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			if testing.Short() && len(bc.pairs) > 3000 {
				b.Skip("large corpus")
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Terms(context.Background(), slices.Values(bc.pairs), bc.o); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(bc.pairs)), "segments")
		})
	}
}
