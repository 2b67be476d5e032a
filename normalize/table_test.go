package normalize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// allOn turns on every fold, in each of its modes in turn.
var allOn = []Options{
	optionsFrom(0xFFFFFFFF &^ (1 << 19)),
	{ComposeHamza: true, PresentationForms: true, Tashkeel: true, DaggerAlef: DaggerToAlef, QuranicMarks: true,
		Tatweel: true, Alef: true, Hamza: HamzaUniform, TehMarbuta: true, AlefMaksura: true, PersianLetters: true,
		Digits: true, Punctuation: true, Controls: true, ZWNJ: ZWNJSpace, FoldCase: true},
}

// TestTablesCoverEveryChangedRune checks the compiled tables against the reference semantics
// (Options.action) for every code point, so a rune outside candidatePages that some fold changes, or a
// table entry that disagrees with the reference, cannot go unnoticed.
func TestTablesCoverEveryChangedRune(t *testing.T) {
	for _, o := range append(allOn, Search.Options(), Lucene.Options()) {
		tb := build(o)
		for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
			if r >= 0xD800 && r <= 0xDFFF {
				continue
			}
			want := o.action(r)
			got := tb.acts[tb.lookup(r)]
			if got != want {
				require.Equal(t, want, got, "U+%04X with %+v", r, o)
			}
		}
	}
}

func TestCaseFoldIsSimpleFolding(t *testing.T) {
	folder := cases.Fold()
	for r := rune(0); r <= unicode.MaxRune; r++ {
		f := caseFold(r)
		require.Equal(t, f, caseFold(f), "folding U+%04X is not idempotent", r)
		if f == r {
			continue
		}
		require.True(t, unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic), "U+%04X", r)
		// f is in r's case orbit.
		inOrbit := false
		for x := unicode.SimpleFold(r); x != r; x = unicode.SimpleFold(x) {
			inOrbit = inOrbit || x == f
		}
		require.True(t, inOrbit, "U+%04X folds outside its orbit to U+%04X", r, f)
		// Where full case folding maps to one rune it equals simple folding.
		if full := []rune(folder.String(string(r))); len(full) == 1 {
			assert.Equal(t, full[0], f, "U+%04X", r)
		}
	}
}

func TestComposeMatchesNFC(t *testing.T) {
	n := New(Options{ComposeHamza: true})
	count := 0
	for _, base := range "اويەہےبى" {
		for _, mark := range "\u0653\u0654\u0655" {
			s := string(base) + string(mark)
			assert.Equal(t, norm.NFC.String(s), n.String(s), "%q", s)
			if norm.NFC.String(s) != s {
				count++
			}
		}
	}
	assert.Equal(t, 8, count, "every canonical composition in the Arabic blocks")
}

func TestPresentationFormsNeverSpaceOrTatweel(t *testing.T) {
	o := Options{PresentationForms: true}
	n := New(o)
	for r := rune(0xFB50); r <= 0x1EEFF; r++ {
		if !isPresentation(r) || !unicode.IsPrint(r) {
			continue
		}
		out := n.String(string(r))
		require.NotEmpty(t, out, "U+%04X", r)
		first, size := utf8.DecodeRuneInString(out)
		if first == ' ' || first == tatweel {
			next, _ := utf8.DecodeRuneInString(out[size:])
			assert.False(t, size == len(out) || unicode.Is(unicode.Mn, next), "U+%04X → %q", r, out)
		}
		for _, m := range "\u0653\u0654\u0655" {
			assert.False(t, strings.HasPrefix(out, string(m)), "U+%04X starts with a composing mark", r)
		}
		if out != string(r) {
			assert.False(t, strings.ContainsFunc(out, isPresentation), "U+%04X → %q", r, out)
		}
	}
}

// luceneReference is Lucene's ArabicNormalizer.normalize, transcribed rune by rune.
func luceneReference(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'آ', 'أ', 'إ':
			b.WriteRune('ا')
		case 'ى':
			b.WriteRune('ي')
		case 'ة':
			b.WriteRune('ه')
		case '\u0640', '\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func FuzzLuceneMatchesReference(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		require.Equal(t, luceneReference(s), Lucene.String(s))
	})
}
