package glossary

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/tarjuman/tarjuman/internal/sample"
	"github.com/tarjuman/tarjuman/internal/token"
	"github.com/tarjuman/tarjuman/normalize"
)

func TestProcliticEnds(t *testing.T) {
	for w, want := range map[string][]int{
		"امن":      {0},
		"الامن":    {0, 4},
		"للامن":    {0, 2, 4},
		"وللامن":   {0, 2, 4, 6},
		"بالامن":   {0, 2, 6},
		"وبالامن":  {0, 2, 4, 8},
		"والامن":   {0, 2, 6},
		"فكالامن":  {0, 2, 4, 8},
		"وبضمانات": {0, 2, 4},
	} {
		assert.Equal(t, want, procliticEnds(nil, w), w)
	}
}

// The prefilter must never hide a reading: every stem internal/token finds for a word of the seed
// article must pass it when that stem is a term key.
func TestPrefilterKeepsEveryReading(t *testing.T) {
	text := normalize.Search.String(sample.SeedArabic())
	var g Glossary
	m := g.Matcher(ar, en)
	for _, tk := range token.Tokenize(text) {
		w := text[tk.Start:tk.End]
		if !token.IsArabic(w) {
			continue
		}
		for _, a := range token.Analyze(w) {
			m.stems = map[string]struct{}{}
			addStem(m.stems, hamzaSeat(a.Stem, a.Suffix))
			assert.True(t, m.mayMatch(w), "%s: stem %s (prefix %q, suffix %q)", w, a.Stem, a.Prefix, a.Suffix)
		}
	}
}

func FuzzPrefilterKeepsEveryReading(f *testing.F) {
	for _, s := range []string{"وبالضمانات", "ضماناتنا", "حكومتها", "للامن", "الروسيين", "اتفاقيتهما", "ولل", "فكالكتب"} {
		f.Add(s)
	}
	var g Glossary
	m := g.Matcher(ar, en)
	f.Fuzz(func(t *testing.T, w string) {
		w = normalize.Search.String(w)
		if !token.IsArabic(w) {
			return
		}
		for _, a := range token.Analyze(w) {
			m.stems = map[string]struct{}{}
			addStem(m.stems, hamzaSeat(a.Stem, a.Suffix))
			if !m.mayMatch(w) {
				t.Fatalf("%q: stem %q (prefix %q, suffix %q) filtered out", w, a.Stem, a.Prefix, a.Suffix)
			}
		}
	})
}

func TestHasHyphen(t *testing.T) {
	for _, w := range []string{"", "الضمانات", "Co-operation", "كوفيد\u201019", "a\u2011b", "a\u2012b", "\xe2\x80"} {
		assert.Equal(t, strings.ContainsAny(w, hyphens), hasHyphen(w), "%q", w)
	}
}
