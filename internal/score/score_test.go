package score

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// naive is the textbook full-matrix Levenshtein, the reference the fast versions are checked against.
func naive[T comparable](a, b []T) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			d[i][j] = min(d[i-1][j-1]+c, d[i-1][j]+1, d[i][j-1]+1)
		}
	}
	return d[len(a)][len(b)]
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want int
	}{
		{"both_empty", "", "", 0},
		{"one_empty", "open the file", "", 3},
		{"identical", "open the file", "open the file", 0},
		{"word_substituted", "open the file", "open the folder", 1},
		{"word_deleted", "open the file now", "open file now", 1},
		{"word_inserted", "save file", "save the file", 1},
		{"words_swapped", "file open", "open file", 2},
		{"arabic_word_changed", "افتح الملف الآن", "افتح المجلد الآن", 1},
		{"disjoint", "a b c", "x y", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := strings.Fields(tt.a), strings.Fields(tt.b)
			assert.Equal(t, tt.want, Levenshtein(a, b))
			assert.Equal(t, tt.want, Levenshtein(b, a), "symmetric")
		})
	}
}

func TestLevenshteinMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		a := randInts(rng, rng.IntN(90), 4)
		b := randInts(rng, rng.IntN(90), 4)
		require.Equal(t, naive(a, b), Levenshtein(a, b), "a=%v b=%v", a, b)
	}
}

func TestLevenshteinNoAllocShort(t *testing.T) {
	a := strings.Fields("the quick brown fox jumps over the lazy dog")
	b := strings.Fields("the quick red fox jumped over a lazy dog today")
	allocs := testing.AllocsPerRun(100, func() { Levenshtein(a, b) })
	assert.Zero(t, allocs)
}

func TestCharDistance(t *testing.T) {
	long := strings.Repeat("abcdefghij", 20) // 200 runes: four blocks
	longAr := strings.Repeat("مرحبا بالعالم ", 10)
	tests := []struct {
		name string
		a, b string
		want int
	}{
		{"both_empty", "", "", 0},
		{"one_empty", "", "كتاب", 4},
		{"identical", "kitten", "kitten", 0},
		{"kitten_sitting", "kitten", "sitting", 3},
		{"flaw_lawn", "flaw", "lawn", 2},
		{"arabic_one_letter", "كتاب", "كتب", 1},
		{"arabic_hamza_form", "مسؤول", "مسئول", 1},
		{"mixed_script", "file ملف", "files ملفات", 3},
		{"exactly_64", strings.Repeat("a", 64), strings.Repeat("a", 63) + "b", 1},
		{"pattern_65_runes", strings.Repeat("a", 65), strings.Repeat("b", 65), 65},
		{"long_blocks_middle_edit", long, long[:100] + "XY" + long[101:], 2},
		{"long_blocks_vs_short", long, "abc", 197},
		{"long_arabic_deletion", longAr, strings.Replace(longAr, "بالعالم", "العالم", 3), 3},
		{"invalid_utf8_counts_one_rune", "a\xffb", "ab", 1},
		{"split_multibyte_prefix", "\u0627", "\u0628", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, CharDistance(tt.a, tt.b))
			assert.Equal(t, tt.want, CharDistance(tt.b, tt.a), "symmetric")
		})
	}
}

func TestCharDistanceMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabets := [][]rune{
		[]rune("ab"),
		[]rune("abcdefg "),
		[]rune("اأإآبتثةهويىءؤئ "),
		[]rune("aé中😀ب"),
	}
	for range 3000 {
		alpha := alphabets[rng.IntN(len(alphabets))]
		a := randRunes(rng, rng.IntN(200), alpha)
		b := mutate(rng, a, alpha)
		require.Equal(t, naive(a, b), CharDistance(string(a), string(b)), "a=%q b=%q", string(a), string(b))
	}
}

func TestCharDistanceNoAllocShort(t *testing.T) {
	a, b := "يحتاج التطبيق إلى استدعاء libpam مرة أخرى", "يحتاج البرنامج الى استدعاء libpam مره اخرى"
	allocs := testing.AllocsPerRun(100, func() { CharDistance(a, b) })
	assert.Zero(t, allocs)
}

func TestPercent(t *testing.T) {
	tests := []struct {
		name             string
		lenA, lenB, dist int
		want             float64
	}{
		{"both_empty", 0, 0, 0, 1},
		{"exact", 10, 10, 0, 1},
		{"one_of_ten", 10, 10, 1, 0.9},
		{"insertion_uses_longer", 4, 5, 1, 0.8},
		{"all_different", 3, 3, 3, 0},
		{"distance_beyond_length_clamped", 3, 2, 9, 0},
		{"negative_distance_clamped", 3, 3, -1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.want, Percent(tt.lenA, tt.lenB, tt.dist), 1e-12)
		})
	}
}

func TestDice(t *testing.T) {
	tests := []struct {
		name       string
		both, a, b int
		want       float64
	}{
		{"always_together", 5, 5, 5, 1},
		{"half", 2, 4, 4, 0.5},
		{"never", 0, 3, 7, 0},
		{"no_occurrences", 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.want, Dice(tt.both, tt.a, tt.b), 1e-12)
		})
	}
}

// llrDirect is G² written as the textbook sum, to check the entropy form.
func llrDirect(k11, k12, k21, k22 float64) float64 {
	n := k11 + k12 + k21 + k22
	r1, r2, c1, c2 := k11+k12, k21+k22, k11+k21, k12+k22
	term := func(k, r, c float64) float64 {
		if k == 0 {
			return 0
		}
		return k * math.Log(k*n/(r*c))
	}
	return 2 * (term(k11, r1, c1) + term(k12, r1, c2) + term(k21, r2, c1) + term(k22, r2, c2))
}

func TestLLR(t *testing.T) {
	tests := []struct {
		name               string
		k11, k12, k21, k22 int
		want               float64
	}{
		{"independent", 10, 10, 10, 10, 0},
		{"empty_table", 0, 0, 0, 0, 0},
		// Value from Dunning's worked example as reproduced in Apache Mahout's LogLikelihoodTest.
		{"mahout_reference", 1, 0, 0, 1, 2.772588722239781},
		{"mahout_reference_2", 10, 0, 0, 10, 27.725887222397812},
		{"strong_association", 100, 5, 5, 10000, llrDirect(100, 5, 5, 10000)},
		{"repulsion_also_positive", 0, 50, 50, 0, llrDirect(0, 50, 50, 0)},
		{"negative_counts_as_zero", -3, 0, 0, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.want, LLR(tt.k11, tt.k12, tt.k21, tt.k22), 1e-9)
		})
	}
}

func randInts(rng *rand.Rand, n, alpha int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = rng.IntN(alpha)
	}
	return s
}

func randRunes(rng *rand.Rand, n int, alpha []rune) []rune {
	s := make([]rune, n)
	for i := range s {
		s[i] = alpha[rng.IntN(len(alpha))]
	}
	return s
}

// mutate returns a copy of s with a few random edits, so pairs are close (the interesting case) as often as far.
func mutate(rng *rand.Rand, s, alpha []rune) []rune {
	if rng.IntN(4) == 0 {
		return randRunes(rng, rng.IntN(200), alpha)
	}
	out := append([]rune(nil), s...)
	for range rng.IntN(8) {
		p := 0
		if len(out) > 0 {
			p = rng.IntN(len(out))
		}
		switch op := rng.IntN(3); {
		case op == 0 || len(out) == 0:
			out = append(out[:p], append([]rune{alpha[rng.IntN(len(alpha))]}, out[p:]...)...)
		case op == 1:
			out = append(out[:p], out[p+1:]...)
		default:
			out[p] = alpha[rng.IntN(len(alpha))]
		}
	}
	return out
}

func FuzzCharDistance(f *testing.F) {
	f.Add("kitten", "sitting")
	f.Add("مسؤول", "مسئول")
	f.Add(strings.Repeat("ab", 40), strings.Repeat("ba", 41))
	f.Add("a\xffb", "\xe2\x82")
	f.Fuzz(func(t *testing.T, a, b string) {
		ra, rb := []rune(a), []rune(b)
		if len(ra)*len(rb) > 1<<16 {
			t.Skip("reference is quadratic")
		}
		d := CharDistance(a, b)
		assert.Equal(t, naive(ra, rb), d)
		assert.Equal(t, d, CharDistance(b, a))
		assert.LessOrEqual(t, d, max(utf8.RuneCountInString(a), utf8.RuneCountInString(b)))
		p := Percent(len(ra), len(rb), d)
		assert.True(t, p >= 0 && p <= 1, "percent %v out of [0,1]", p)
	})
}

func FuzzLevenshtein(f *testing.F) {
	f.Add("open the file", "open a file now")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		ta, tb := strings.Fields(a), strings.Fields(b)
		if len(ta)*len(tb) > 1<<14 {
			t.Skip("reference is quadratic")
		}
		d := Levenshtein(ta, tb)
		assert.Equal(t, naive(ta, tb), d)
		assert.Equal(t, d, Levenshtein(tb, ta))
		assert.Zero(t, Levenshtein(ta, ta))
	})
}

func FuzzLLR(f *testing.F) {
	f.Add(10, 2, 3, 500)
	f.Add(0, 0, 0, 0)
	f.Fuzz(func(t *testing.T, a, b, c, d int) {
		a, b, c, d = a%1e6, b%1e6, c%1e6, d%1e6
		g := LLR(a, b, c, d)
		assert.False(t, math.IsNaN(g) || math.IsInf(g, 0))
		assert.GreaterOrEqual(t, g, 0.0)
		assert.InDelta(t, g, LLR(a, c, b, d), 1e-6*(1+g), "transposing the table keeps G²")
	})
}
