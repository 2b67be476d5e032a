package fuzzy

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tarjuman/tarjuman/internal/score"
)

// bruteForce scores every live key with the same scorer: the reference Search must equal.
func bruteForce(ix *Index, query string, minScore float64, limit int) []Result {
	q := Tokens(nil, query)
	var all []Result
	for id, key := range ix.keys {
		if !ix.Has(uint32(id)) {
			continue
		}
		c := Tokens(nil, key)
		d := score.Levenshtein(q, c)
		sc := score.Percent(len(q), len(c), d)
		if sc < minScore {
			continue
		}
		all = append(all, Result{ID: uint32(id), Score: sc, TokenDist: d, CharDist: score.CharDistance(query, key), Tokens: len(c)})
	}
	slices.SortFunc(all, func(a, b Result) int {
		if less(a, b) {
			return -1
		}
		return 1
	})
	if len(all) > limit {
		all = all[:limit]
	}
	return all
}

func TestSplitTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"spaces_only", " \t\n", nil},
		{"words", "open the file", []string{"open", "the", "file"}},
		{"punctuation_is_a_token", "file, then save.", []string{"file", ",", "then", "save", "."}},
		{"apostrophe_inside_word", "don't stop", []string{"don't", "stop"}},
		{"hyphen_inside_word", "كوفيد-19 انتشر", []string{"كوفيد-19", "انتشر"}},
		{"trailing_hyphen_split", "pre- post", []string{"pre", "-", "post"}},
		{"placeholder_pieces", "from %.*s", []string{"from", "%", ".", "*", "s"}},
		{"underscore_inside_word", "file_name _open", []string{"file_name", "_open"}},
		{"number_pieces", "1,000.5 items", []string{"1", ",", "000", ".", "5", "items"}},
		{"arabic_with_marks", "كَتَبَ الدَّرْسَ", []string{"كَتَبَ", "الدَّرْسَ"}},
		{"arabic_comma", "ملف، مجلد", []string{"ملف", "،", "مجلد"}},
		{"controls_separate", "a\x00b\x7fc\u0085d", []string{"a", "b", "c", "d"}},
		{"zwnj_separates", "می\u200cخواهم", []string{"می", "خواهم"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Tokens(nil, tt.in))
		})
	}
}

func TestTokenGrams(t *testing.T) {
	pack := func(a, b, c rune) uint64 { return uint64(a)<<42 | uint64(b)<<21 | uint64(c) }
	tests := []struct {
		name string
		tok  string
		want []uint64
	}{
		{"one_rune", "a", []uint64{pack(0, 'a', 0)}},
		{"two_runes_both", "ab", []uint64{pack(0, 'a', 'b'), pack('a', 'b', 0)}},
		{"three_runes_first_and_last", "abc", []uint64{pack(0, 'a', 'b'), pack('b', 'c', 0)}},
		{"four_runes_every_other_and_last", "abcd", []uint64{pack(0, 'a', 'b'), pack('b', 'c', 'd'), pack('c', 'd', 0)}},
		{"arabic", "ملف", []uint64{pack(0, 'م', 'ل'), pack('ل', 'ف', 0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tokenGrams(nil, tt.tok))
		})
	}
}

func TestTagRepeats(t *testing.T) {
	g := []uint64{7, 9, 7, 7, 9, 3}
	tagRepeats(g, &tagTable{})
	assert.Equal(t, uint64(7), g[0], "first occurrence kept")
	assert.Equal(t, uint64(9), g[1])
	assert.Equal(t, uint64(3), g[5])
	assert.Len(t, slices.Compact(slices.Sorted(slices.Values(g))), len(g), "every occurrence distinct")
	h := []uint64{9, 7, 3, 7, 9, 7} // another order of the same multiset: same tagged set
	tagRepeats(h, &tagTable{})
	assert.ElementsMatch(t, g, h)
}

func TestSearch(t *testing.T) {
	keys := []string{
		0: "open the file",
		1: "open the folder",
		2: "save the file before closing",
		3: "افتح الملف الآن",
		4: "افتح المجلد الآن",
		5: "",
		6: "open the file",
	}
	ix := New()
	for id, k := range keys {
		ix.Add(uint32(id), k)
	}
	tests := []struct {
		name     string
		query    string
		minScore float64
		limit    int
		want     []Result
	}{
		{"exact_first_then_duplicate_by_id", "open the file", 0.9, 5, []Result{
			{ID: 0, Score: 1, Tokens: 3}, {ID: 6, Score: 1, Tokens: 3},
		}},
		{"one_word_substituted", "open the files", 0.6, 5, []Result{
			{ID: 0, Score: 2.0 / 3, TokenDist: 1, CharDist: 1, Tokens: 3},
			{ID: 6, Score: 2.0 / 3, TokenDist: 1, CharDist: 1, Tokens: 3},
			{ID: 1, Score: 2.0 / 3, TokenDist: 1, CharDist: 3, Tokens: 3},
		}},
		{"limit_cuts_ties_by_char_distance", "open the files", 0.6, 1, []Result{
			{ID: 0, Score: 2.0 / 3, TokenDist: 1, CharDist: 1, Tokens: 3},
		}},
		{"arabic_word_changed", "افتح المجلد الان", 0.6, 2, []Result{
			{ID: 4, Score: 2.0 / 3, TokenDist: 1, CharDist: 1, Tokens: 3},
			{ID: 3, Score: 1.0 / 3, TokenDist: 2, CharDist: 4, Tokens: 3},
		}[:1]},
		{"threshold_excludes", "save the file", 0.9, 5, nil},
		{"insertion_scored_on_longer", "save the file before closing it", 0.8, 5, []Result{
			{ID: 2, Score: 5.0 / 6, TokenDist: 1, CharDist: 3, Tokens: 5},
		}},
		{"empty_query_finds_empty_key", "  ", 0.5, 5, []Result{{ID: 5, Score: 1, CharDist: 2}}},
		{"min_score_above_one_finds_nothing", "open the file", 1.5, 5, nil},
		{"no_shared_gram", "xyz", 0.1, 5, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ix.Search(tt.query, tt.minScore, tt.limit)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, bruteForce(ix, tt.query, tt.minScore, tt.limit), got, "brute force agrees")
		})
	}
}

func TestSearchDefaults(t *testing.T) {
	ix := NewWithOptions(Options{MinScore: 0.9, Limit: 1})
	ix.Add(1, "open the file now")
	ix.Add(2, "open the file")
	got := ix.Search("open the file", 0, 0)
	require.Len(t, got, 1, "Options.Limit applies when limit is 0")
	assert.Equal(t, uint32(2), got[0].ID)
	assert.Empty(t, ix.Search("open a file", 0, 0), "Options.MinScore applies when minScore is 0")

	def := New()
	def.Add(1, "a b c d")
	assert.Len(t, def.Search("a b x y", 0, 0), 1, "DefaultMinScore 0.5 keeps a half match")
	assert.Empty(t, def.Search("a x y z", 0, 0))
}

func TestSearchTinyThreshold(t *testing.T) {
	ix := New()
	ix.Add(1, "open the file")
	ix.Add(2, "close")
	for _, minScore := range []float64{1e-300, math.SmallestNonzeroFloat64, 1e-9} {
		got := ix.Search("open the door", minScore, 5)
		assert.Equal(t, bruteForce(ix, "open the door", minScore, 5), got, "minScore %g", minScore)
	}
}

func TestAddRemove(t *testing.T) {
	ix := New()
	assert.Equal(t, 0, ix.Len())
	assert.Nil(t, ix.Search("anything", 0.1, 5), "empty index")

	ix.Add(10, "print the report")
	ix.Add(3, "print the page") // out of order: postings insert in place
	ix.Add(7, "")
	assert.Equal(t, 3, ix.Len())
	got := ix.Search("print the page", 0.5, 5)
	require.Len(t, got, 2)
	assert.Equal(t, []uint32{3, 10}, []uint32{got[0].ID, got[1].ID})

	ix.Remove(3)
	ix.Remove(3) // absent: no-op
	ix.Remove(99)
	assert.Equal(t, 2, ix.Len())
	assert.False(t, ix.Has(3))
	got = ix.Search("print the page", 0.5, 5)
	require.Len(t, got, 1)
	assert.Equal(t, uint32(10), got[0].ID)

	ix.Add(10, "close the window") // replace
	assert.Equal(t, 2, ix.Len())
	assert.Empty(t, ix.Search("print the report", 0.5, 5), "old key forgotten")
	k, ok := ix.Key(10)
	assert.True(t, ok)
	assert.Equal(t, "close the window", k)

	ix.Remove(7)
	assert.Empty(t, ix.Search("", 0.5, 5), "removed empty key")
	for _, l := range ix.post {
		assert.True(t, slices.IsSorted(l) && len(slices.Compact(slices.Clone(l))) == len(l), "postings sorted, unique")
		for _, id := range l {
			assert.True(t, ix.Has(id), "no stale id %d", id)
		}
	}
}

// corpus generates keys from a small vocabulary (so tokens repeat, inside keys too) in both scripts.
type corpus struct {
	rng   *rand.Rand
	vocab []string
}

func newCorpus(seed uint64, vocabSize int) *corpus {
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	letters := []rune("abcdefghilmnoprstu" + "ابتثجحدرسشصعفقكلمنهوي")
	c := &corpus{rng: rng}
	for range vocabSize {
		w := make([]rune, 1+rng.IntN(8))
		for i := range w {
			w[i] = letters[rng.IntN(len(letters))]
		}
		c.vocab = append(c.vocab, string(w))
	}
	c.vocab = append(c.vocab, ",", ".", "%s", "?")
	return c
}

func (c *corpus) key() string {
	n := c.rng.IntN(16)
	w := make([]string, n)
	for i := range w {
		w[i] = c.vocab[c.rng.IntN(len(c.vocab))]
	}
	return strings.Join(w, " ")
}

// perturb changes a key the way the benchmark queries do: delete, substitute, insert words, or swap two.
func (c *corpus) perturb(key string) string {
	w := strings.Fields(key)
	for range c.rng.IntN(4) {
		switch op := c.rng.IntN(4); {
		case op == 0 && len(w) > 0:
			i := c.rng.IntN(len(w))
			w = slices.Delete(w, i, i+1)
		case op == 1 && len(w) > 0:
			w[c.rng.IntN(len(w))] = c.vocab[c.rng.IntN(len(c.vocab))]
		case op == 2 && len(w) > 1:
			i, j := c.rng.IntN(len(w)), c.rng.IntN(len(w))
			w[i], w[j] = w[j], w[i]
		default:
			w = slices.Insert(w, c.rng.IntN(len(w)+1), c.vocab[c.rng.IntN(len(c.vocab))])
		}
	}
	return strings.Join(w, " ")
}

func TestSearchMatchesBruteForce(t *testing.T) {
	for _, vocab := range []int{8, 60, 2000} {
		t.Run(fmt.Sprintf("vocab_%d", vocab), func(t *testing.T) {
			c := newCorpus(uint64(vocab), vocab)
			ix := New()
			ids := c.rng.Perm(1500)
			for _, id := range ids {
				ix.Add(uint32(id), c.key())
			}
			for _, id := range ids[:200] { // removals and replacements keep the filters exact
				if id%2 == 0 {
					ix.Remove(uint32(id))
				} else {
					ix.Add(uint32(id), c.key())
				}
			}
			for i := range 400 {
				var q string
				if i%4 == 0 {
					q = c.key()
				} else {
					q = c.perturb(ix.keys[c.rng.IntN(len(ix.keys))])
				}
				minScore := []float64{0.01, 0.3, 0.5, 0.7, 0.75, 0.9, 1}[i%7]
				limit := []int{1, 3, 20}[i%3]
				want := bruteForce(ix, q, minScore, limit)
				got := ix.Search(q, minScore, limit)
				require.Equal(t, want, got, "query %q minScore %v limit %d", q, minScore, limit)
			}
		})
	}
}

func TestSearchConcurrent(t *testing.T) {
	c := newCorpus(7, 200)
	ix := New()
	for id := range 500 {
		ix.Add(uint32(id), c.key())
	}
	queries := make([]string, 50)
	want := make([][]Result, len(queries))
	for i := range queries {
		queries[i] = c.perturb(ix.keys[i*7])
		want[i] = ix.Search(queries[i], 0.5, 5)
	}
	done := make(chan struct{})
	for g := range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			for r := range 20 {
				i := (g*13 + r) % len(queries)
				assert.Equal(t, want[i], ix.Search(queries[i], 0.5, 5))
			}
		}()
	}
	for range 4 {
		<-done
	}
}

func TestMaxRerankBoundsWork(t *testing.T) {
	ix := NewWithOptions(Options{MaxRerank: 1})
	ix.Add(1, "a b c d e")
	ix.Add(2, "a b c d x")
	got := ix.Search("a b c d z", 0.5, 5)
	assert.Len(t, got, 1, "only one candidate rescored")
}

func FuzzSearchExactFirst(f *testing.F) {
	f.Add("open the file", "open the files, now", "افتح الملف")
	f.Add("a a a", "a a", "a")
	f.Add("", " ", "x")
	f.Add("%s of %d", "%d of %s", "of")
	f.Add("a\x00b \x00 \x00", "\x00", "a")
	f.Fuzz(func(t *testing.T, key, other1, other2 string) {
		ix := New()
		ix.Add(2, other1)
		ix.Add(0, key)
		ix.Add(1, other2)
		got := ix.Search(key, 1, 3)
		require.NotEmpty(t, got, "exact key %q not found", key)
		assert.Equal(t, 1.0, got[0].Score)
		assert.Zero(t, got[0].CharDist)
		first, _ := ix.Key(got[0].ID)
		assert.Equal(t, key, first)
		for _, r := range ix.Search(other1+" "+key, 0.01, 3) {
			assert.True(t, r.Score > 0 && r.Score <= 1, "score %v in (0,1]", r.Score)
		}
		assert.Equal(t, bruteForce(ix, other1, 0.3, 3), ix.Search(other1, 0.3, 3))
	})
}

// TestNilIndexHoldsNothing: tm asks the reverse direction's index for keys; a missing one answers
// "not held" rather than panicking.
func TestNilIndexHoldsNothing(t *testing.T) {
	var ix *Index
	assert.False(t, ix.Has(1))
	_, ok := ix.Key(1)
	assert.False(t, ok)
}
