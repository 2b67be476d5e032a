package normalize

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/transform"
)

var normalizers sync.Map // Options → *Normalizer, so that fuzzing spends its time normalizing

func cachedNew(o Options) *Normalizer {
	if n, ok := normalizers.Load(o); ok {
		return n.(*Normalizer)
	}
	n := New(o)
	normalizers.Store(o, n)
	return n
}

// optionsFrom derives Options from fuzz bits, so fuzzing explores every combination of folds.
func optionsFrom(bits uint32) Options {
	b := func(i uint) bool { return bits>>i&1 == 1 }
	return Options{
		ComposeHamza:      b(0),
		PresentationForms: b(1),
		Tashkeel:          b(2),
		DaggerAlef:        DaggerMode(bits >> 3 % 3),
		QuranicMarks:      b(5),
		Tatweel:           b(6),
		Alef:              b(7),
		Hamza:             HamzaMode(bits >> 8 % 3),
		TehMarbuta:        b(10),
		AlefMaksura:       b(11),
		PersianLetters:    b(12),
		Digits:            b(13),
		Punctuation:       b(14),
		Controls:          b(15),
		ZWNJ:              ZWNJMode(bits >> 16 % 3),
		FoldCase:          b(18),
		LuceneCompat:      b(19),
	}
}

// seeds are the phenomena the invariants must survive; the fuzz corpus starts from them.
var seeds = []string{
	"", "abc", "أَكَّدَ الْمُتَحَدِّثُ بِاسْمِ الكرملين", "مسؤول مسئول مَسْئُولٌ شئون", "ا\u0654 و\u0654 ي\u0654 ا\u0653 ا\u0655",
	"اـ\u0654 ا\u200f\u0654 ا\u0654\u0654 ی\u0654 ے\u0654 ہ\u0654", "ﻻ ﻷ ﻵ ﷲ ﷺ ﹰ ﱞ ﹷ \U0001EE00 ﻻ\u0654 ئﻮ",
	"هٰذا \u0670\u0654 \u06DD١ ۞ ع\u0610\u06D6\u08F0", "٠١٢٣ ۴۵ ٫٬٪ ،؛؟۔", "\u202Bنص\u202C \u2067x\u2069 \u200B\u2060\u00AD\u200D\ufeff",
	"می\u200cخواهم ی ې ے ک ڪ ۀ ہ ھ ۂ", "ΣΊΣΥΦΟΣ ς ÉCOLE МОСКВА \u212A ẞ İ Ｘ 東京 😀", "a\xffb\xd8\xed\xa0\x80\xd8",
	"ئ\u064Fو ي\u0654و ئ\u0654و ئو\u0654",
}

func TestInvariantsOnSeeds(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		bits := r.Uint32()
		if i < 3 {
			bits = []uint32{0, 0xFFFFFFFF, 0x7FFFF}[i]
		}
		n := New(optionsFrom(bits))
		for _, s := range seeds {
			checkInvariants(t, n, s, r.Uint64())
		}
	}
}

func FuzzInvariants(f *testing.F) {
	for i, s := range seeds {
		f.Add(s, uint32(i*0x9E3779B9), uint64(i))
	}
	f.Fuzz(func(t *testing.T, s string, bits uint32, split uint64) {
		checkInvariants(t, cachedNew(optionsFrom(bits)), s, split)
	})
}

// checkInvariants checks idempotence, valid output, agreement of every entry point and offset-map sanity.
func checkInvariants(t *testing.T, n *Normalizer, s string, split uint64) {
	t.Helper()
	o := n.Options()
	got := n.String(s)
	require.True(t, utf8.ValidString(got), "invalid UTF-8 output for %q with %+v", s, o)
	require.Equal(t, got, n.String(got), "not idempotent on %q with %+v", s, o)
	require.Equal(t, got, string(n.Bytes([]byte(s))), "Bytes")
	require.Equal(t, "x"+got, string(n.Append([]byte("x"), []byte(s))), "Append")
	require.Equal(t, got, streamChunks(t, n, s, split), "stream with random splits of %q with %+v", s, o)
	ts, _, err := transform.String(n.Transformer(), s)
	require.NoError(t, err)
	require.Equal(t, got, ts, "transform.String")

	norm, m := n.StringWithOffsets(s)
	require.Equal(t, got, norm, "StringWithOffsets")
	checkOffsets(t, s, norm, m)
}

// checkOffsets checks that the map is monotone, in bounds, on rune boundaries, and that OrigSpan contains
// the Orig range.
func checkOffsets(t *testing.T, orig, norm string, m *OffsetMap) {
	t.Helper()
	// Unit boundaries of the input: rune starts, and every byte of ill-formed input.
	boundary := make([]bool, len(orig)+1)
	for i := 0; i < len(orig); {
		boundary[i] = true
		_, size := utf8.DecodeRuneInString(orig[i:])
		i += size
	}
	boundary[len(orig)] = true
	require.Equal(t, len(orig), m.Orig(len(norm)), "end maps to end")
	prev := 0
	for i := 0; i <= len(norm); i++ {
		if i < len(norm) && !utf8.RuneStart(norm[i]) {
			continue
		}
		o := m.Orig(i)
		require.GreaterOrEqual(t, o, prev, "monotone at %d in %q", i, orig)
		require.LessOrEqual(t, o, len(orig))
		require.True(t, boundary[o], "Orig(%d)=%d not on a rune boundary of %q", i, o, orig)
		prev = o
	}
	for i := 0; i < len(norm); {
		_, size := utf8.DecodeRuneInString(norm[i:])
		a, b := m.OrigSpan(i, i+size)
		require.Equal(t, m.Orig(i), a)
		require.Greater(t, b, a, "a rune comes from some input")
		require.LessOrEqual(t, b, len(orig))
		if next := m.Orig(i + size); i+size < len(norm) && next > a {
			require.LessOrEqual(t, b, next, "span ends before the next unit's origin")
		}
		require.True(t, boundary[b], "OrigSpan end %d not on a rune boundary of %q", b, orig)
		i += size
	}
}

// streamChunks drives a Transformer by hand with random src and dst sizes, the way a tiny-buffer reader
// would, growing dst only when a call makes no progress.
func streamChunks(t *testing.T, n *Normalizer, s string, seed uint64) string {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 7))
	tr := n.Transformer()
	var out []byte
	src := []byte(s)
	pending := 0 // bytes of src offered but not consumed
	pos := 0
	dstSize := 1 + r.IntN(8)
	for steps := 0; ; steps++ {
		require.Less(t, steps, 100000, "no progress")
		end := min(len(src), pos+pending+r.IntN(6))
		atEOF := end == len(src)
		dst := make([]byte, dstSize)
		nDst, nSrc, err := tr.Transform(dst, src[pos:end], atEOF)
		out = append(out, dst[:nDst]...)
		pos += nSrc
		pending = end - pos
		switch err {
		case nil:
			if atEOF && pos == len(src) {
				return string(out)
			}
		case transform.ErrShortDst:
			if nDst == 0 {
				dstSize *= 2
			}
		case transform.ErrShortSrc:
			require.False(t, atEOF, "ErrShortSrc at EOF")
		default:
			require.NoError(t, err)
		}
	}
}

func TestReaderOneByte(t *testing.T) {
	for _, s := range seeds {
		for _, n := range []*Normalizer{Search, Light, Lucene} {
			got, err := io.ReadAll(iotest.OneByteReader(n.Reader(iotest.OneByteReader(strings.NewReader(s)))))
			require.NoError(t, err)
			assert.Equal(t, n.String(s), string(got), "%q", s)
		}
	}
}

func TestSpanAgreesWithTransform(t *testing.T) {
	for _, s := range seeds {
		for _, n := range []*Normalizer{Search, Light, Lucene} {
			k, err := n.Transformer().Span([]byte(s), true)
			got := n.String(s)
			if err == nil {
				assert.Equal(t, s, got)
				continue
			}
			assert.ErrorIs(t, err, transform.ErrEndOfSpan)
			assert.True(t, strings.HasPrefix(got, s[:k]), "span %d of %q", k, s)
		}
	}
	k, err := Search.Transformer().Span([]byte("كا"), false)
	assert.ErrorIs(t, err, transform.ErrShortSrc, "a trailing alef may still take a hamza")
	assert.Equal(t, 2, k)
}

func TestNoAllocationWhenNormalized(t *testing.T) {
	s := Search.String(strings.Repeat("أَكَّدَ المتحدث باسم الكرملين Dmitry Peskov ٢٠٢١ ", 20))
	b := []byte(s)
	dst := make([]byte, 0, 2*len(b))
	allocs := testing.AllocsPerRun(50, func() {
		_ = Search.String(s)
		_ = Search.Bytes(b)
		_ = Search.Append(dst[:0], b)
	})
	assert.Zero(t, allocs)
	assert.True(t, unsafeString(Search.Bytes(b)) == s)
	assert.Equal(t, &b[0], &Search.Bytes(b)[0], "Bytes returns its argument when nothing changes")
}

func TestOffsets(t *testing.T) {
	cases := []struct {
		name     string
		in       string
		normWord string // a word of the normalized text
		origWord string // what OrigSpan must cover in the input
	}{
		{"vocalized_word_widened", "قال كَتَبَ الدرسَ", "كتب", "كَتَبَ"},
		{"vocalized_last_word", "كَتَبَ الدرسَ", "الدرس", "الدرسَ"},
		{"unvocalized_exact", "في الأمن الاستراتيجي", "الامن", "الأمن"},
		{"ligature_whole", "ﻻ بأس", "لا", "ﻻ"},
		{"inside_ligature_widens_to_unit", "ﻻ بأس", "ل", "ﻻ"},
		{"composed_hamza", "ا\u0654من", "امن", "ا\u0654من"},
		{"control_not_widened", "نص\u200f نص", "نص", "نص"},
		{"tatweel_inside", "تـــم", "تم", "تـــم"},
		{"digits_collapsed", "عام ٢٠٢١", "2021", "٢٠٢١"},
		{"mark_before_word_not_included", "بَ كتب", "كتب", "كتب"},
		{"unchanged_identity", "abc", "b", "b"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, m := Search.StringWithOffsets(tc.in)
			require.Equal(t, Search.String(tc.in), got)
			start := strings.Index(got, tc.normWord)
			require.GreaterOrEqual(t, start, 0)
			a, b := m.OrigSpan(start, start+len(tc.normWord))
			assert.Equal(t, strings.Index(tc.in, tc.origWord), a)
			assert.Equal(t, tc.origWord, tc.in[a:b])
		})
	}
	_, m := Search.StringWithOffsets("كَتَبَ")
	assert.Equal(t, 0, m.Orig(-5), "clamped below")
	assert.Equal(t, len("كَتَبَ"), m.Orig(1000), "clamped above")
	a, b := m.OrigSpan(4, 2)
	assert.Equal(t, a, b, "inverted span is empty")
}

func TestStreamLargeInput(t *testing.T) {
	s := strings.Repeat(seeds[2]+" "+seeds[3]+" "+seeds[6]+"\n", 400)
	var buf bytes.Buffer
	_, err := io.Copy(&buf, Search.Reader(strings.NewReader(s)))
	require.NoError(t, err)
	assert.Equal(t, Search.String(s), buf.String())
}

// TestConcurrentUse shares the presets between goroutines; run with -race.
func TestConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	want := make([]string, len(seeds))
	for i, s := range seeds {
		want[i] = Search.String(s)
	}
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, s := range seeds {
				got, m := Search.StringWithOffsets(s)
				assert.Equal(t, want[i], got)
				assert.Equal(t, len(s), m.Orig(len(got)))
				assert.Equal(t, want[i], string(Search.Bytes([]byte(s))))
			}
		}()
	}
	wg.Wait()
}

func TestTransformerHoldAndReset(t *testing.T) {
	tr := Search.Transformer()
	dst := make([]byte, 64)
	nDst, nSrc, err := tr.Transform(dst, []byte("كا"), false)
	require.NoError(t, err)
	assert.Equal(t, 4, nSrc, "the alef is consumed and held: a hamza mark may follow")
	assert.Equal(t, "ك", string(dst[:nDst]))
	_, err = tr.Span([]byte("x"), true)
	assert.ErrorIs(t, err, transform.ErrEndOfSpan, "the held alef is still to be written")

	nDst, nSrc, err = tr.Transform(dst, []byte("\u0654"), true)
	require.NoError(t, err)
	assert.Equal(t, 2, nSrc)
	assert.Equal(t, "ا", string(dst[:nDst]), "ا + hamza above composed to أ, then folded")

	tr.Reset()
	nDst, _, err = tr.Transform(dst, []byte("ا"), false)
	require.NoError(t, err)
	tr.Reset()
	assert.Zero(t, nDst)
	k, err := tr.Span([]byte("abc"), true)
	assert.NoError(t, err, "Reset drops the held alef")
	assert.Equal(t, 3, k)
}
