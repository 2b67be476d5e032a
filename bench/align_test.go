package bench

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/glossary/align"
)

// readNews reads the political-news parallel corpus (id, Arabic, English) from the main module's testdata.
func readNews(tb testing.TB) []glossary.Pair {
	b, err := os.ReadFile("../testdata/news_parallel.tsv")
	require.NoError(tb, err)
	var pairs []glossary.Pair
	for line := range strings.Lines(string(b)) {
		cols := strings.Split(strings.TrimSuffix(line, "\n"), "\t")
		require.Len(tb, cols, 3)
		pairs = append(pairs, glossary.Pair{Source: cols[1], Target: cols[2]})
	}
	return pairs
}

// newsGold is the term list the corpus was written around: English term → accepted Arabic renderings.
var newsGold = map[string][]string{
	"security guarantees": {"الضمانات الأمنية"},
	"strategic stability": {"الاستقرار الاستراتيجي"},
	"strategic security":  {"الأمن الاستراتيجي"},
	"sanctions":           {"العقوبات"},
	"NATO":                {"الناتو", "حلف الناتو", "حلف شمال الأطلسي"},
	"negotiations":        {"المفاوضات"},
	"consultations":       {"المشاورات"},
	"Kremlin":             {"الكرملين"},
	"White House":         {"البيت الأبيض"},
	"nuclear war":         {"الحرب النووية"},
	"offensive weapons":   {"الأسلحة الهجومية"},
}

// goldScore counts the gold terms that get a correct rendering (recall) and, among the gold terms that get
// any rendering, the share that is correct (precision).
func goldScore(cands []align.Candidate) (correct, proposed int) {
	for en, ars := range newsGold {
		for _, c := range cands {
			if strings.EqualFold(c.Target, en) {
				proposed++
				if slices.Contains(ars, c.Source) {
					correct++
				}
				break
			}
		}
	}
	return correct, proposed
}

// The full pipeline against the co-occurrence LLR baseline that tools such as poterminology stop at
// (forced here with a huge MinSegments), on the gold terms of the news corpus.
func TestAlignVersusCooccurrence(t *testing.T) {
	pairs := readNews(t)
	full, err := align.Align(context.Background(), slices.Values(pairs), align.Options{})
	require.NoError(t, err)
	base, err := align.Align(context.Background(), slices.Values(pairs), align.Options{MinSegments: 1 << 30})
	require.NoError(t, err)
	require.Equal(t, align.Cooccurrence, base.Method)
	fc, fp := goldScore(full.Candidates)
	bc, bp := goldScore(base.Candidates)
	t.Logf("word alignment: %d/%d gold terms correct (%d proposed), %d pairs", fc, len(newsGold), fp, len(full.Candidates))
	t.Logf("co-occurrence:  %d/%d gold terms correct (%d proposed), %d pairs", bc, len(newsGold), bp, len(base.Candidates))
	assert.Equal(t, len(newsGold), fc)
	assert.GreaterOrEqual(t, fc, bc)
}

func BenchmarkAlignNews(b *testing.B) {
	pairs := readNews(b)
	for _, bc := range []struct {
		name string
		o    align.Options
	}{
		{"word_alignment", align.Options{}},
		{"cooccurrence_baseline", align.Options{MinSegments: 1 << 30}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := align.Terms(context.Background(), slices.Values(pairs), bc.o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
