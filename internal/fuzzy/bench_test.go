package fuzzy

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// zipfCorpus builds n keys of 3–20 words drawn from a Zipf-distributed vocabulary, which gives the skew of
// real text: a few grams in most keys, most grams in few.
func zipfCorpus(n int, seed uint64) (keys []string, vocab []string) {
	rng := rand.New(rand.NewPCG(seed, 1))
	letters := []rune("abcdefghijklmnopqrstuvwxyz" + "ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
	for range 50000 {
		w := make([]rune, 2+rng.IntN(9))
		for i := range w {
			w[i] = letters[rng.IntN(len(letters))]
		}
		vocab = append(vocab, string(w))
	}
	zipf := rand.NewZipf(rng, 1.1, 2, uint64(len(vocab)-1))
	keys = make([]string, n)
	var sb strings.Builder
	for i := range keys {
		sb.Reset()
		for j := range 3 + rng.IntN(18) {
			if j > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(vocab[zipf.Uint64()])
		}
		keys[i] = sb.String()
	}
	return keys, vocab
}

func buildIndex(keys []string) *Index {
	ix := New()
	for id, k := range keys {
		ix.Add(uint32(id), k)
	}
	return ix
}

func BenchmarkAdd(b *testing.B) {
	keys, _ := zipfCorpus(30000, 1)
	b.ReportAllocs()
	for b.Loop() {
		buildIndex(keys)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(keys)), "ns/key")
}

// BenchmarkSearch pairs queries that are a stored key (exact) with perturbed ones (fuzzy), at 30k keys.
func BenchmarkSearch(b *testing.B) {
	keys, vocab := zipfCorpus(30000, 1)
	ix := buildIndex(keys)
	c := &corpus{rng: rand.New(rand.NewPCG(9, 9)), vocab: vocab[:2000]}
	for _, kind := range []string{"exact", "fuzzy"} {
		queries := make([]string, 256)
		for i := range queries {
			queries[i] = keys[c.rng.IntN(len(keys))]
			if kind == "fuzzy" {
				queries[i] = c.perturb(queries[i])
			}
		}
		b.Run(fmt.Sprintf("%s/keys=%d", kind, len(keys)), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				ix.Search(queries[i%len(queries)], 0.5, 5)
				i++
			}
		})
	}
}

// BenchmarkBulk builds the same index as BenchmarkAdd in one go (what Open does when it rebuilds).
func BenchmarkBulk(b *testing.B) {
	keys, _ := zipfCorpus(30000, 1)
	bs := make([][]byte, len(keys))
	for i, k := range keys {
		bs[i] = []byte(k)
	}
	b.ReportAllocs()
	for b.Loop() {
		bulk := NewBulk(len(keys))
		for id, k := range bs {
			bulk.Add(uint32(id), k)
		}
		bulk.Index(Options{})
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(keys)), "ns/key")
}
