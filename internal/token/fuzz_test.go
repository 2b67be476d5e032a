package token_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/tarjuman/tarjuman/internal/token"
)

var fuzzSeeds = []string{
	"",
	"بوتين وبايدن سيتابعان شخصياً مشاورات الأمن الاستراتيجي",
	"30/12/2021 23:35 1,000.5 ٣٠ ٣٫٥",
	"%1$d %(name)s {0} {{x}} ${y} <b>x</b> <br/> &amp; 50% %%",
	"كوفيد-19 don't O’Brien a--b",
	"عَرَبِيّ\u200cة الأمـــن \u200fبايدن\u200e a\u00a0b",
	"👨\u200d👩\u200d👧 ❤️ 👍🏽",
	"a\xffb\xc0\u200d",
	"<a title=\"x>y\"> {0,number} { x} {",
}

// isBoundary reports whether i starts a rune as a range loop sees it (each ill-formed byte on its own).
func boundaries(s string) map[int]bool {
	b := map[int]bool{len(s): true}
	for i := range s {
		b[i] = true
	}
	return b
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := token.Tokenize(s)
		bounds := boundaries(s)
		prev := 0
		for _, tk := range toks {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("token %+v out of order or bounds (prev end %d, len %d) in %q", tk, prev, len(s), s)
			}
			if !bounds[tk.Start] || !bounds[tk.End] {
				t.Fatalf("token %+v not on rune boundaries in %q", tk, s)
			}
			if tk.Kind < token.Word || tk.Kind > token.Punct {
				t.Fatalf("token %+v has invalid kind", tk)
			}
			for _, r := range s[prev:tk.Start] { // gaps hold only spaces and invisible controls
				if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
					t.Fatalf("rune %U outside every token in %q", r, s)
				}
			}
			// A token is self-contained: tokenized alone it is one token of the same kind.
			alone := token.Tokenize(s[tk.Start:tk.End])
			if len(alone) != 1 || alone[0].End != tk.End-tk.Start || alone[0].Kind != tk.Kind {
				t.Fatalf("token %q (%v) retokenizes as %+v", s[tk.Start:tk.End], tk.Kind, alone)
			}
			prev = tk.End
		}
		for _, r := range s[prev:] {
			if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
				t.Fatalf("trailing rune %U outside every token in %q", r, s)
			}
		}
		buf := make([]token.Token, 1, len(toks)+1)
		if got := token.AppendTokens(buf, s); len(got) != len(toks)+1 {
			t.Fatalf("AppendTokens appended %d tokens, Tokenize returned %d", len(got)-1, len(toks))
		}
	})
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"بالضمانات", "للضمانات", "وضمانات", "ضماناتنا", "الامنيه", "بوتين", "الكرملين",
		"المسوولين", "حكومتها", "وبايدن", "و", "ال", "لل", "ـ", "guarantees", "Russia's", "s", "'s", "كوفيد-19", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		as := token.Analyze(w)
		key := token.Key(w)
		if w == "" {
			if len(as) != 0 || key != "" {
				t.Fatalf("empty word gave %+v / %q", as, key)
			}
			return
		}
		if len(as) == 0 {
			t.Fatalf("no reading for %q", w)
		}
		if as[0].Stem != key {
			t.Fatalf("Key(%q) = %q, first reading %+v", w, key, as[0])
		}
		unstripped := false
		for _, a := range as {
			if a.Stem == "" {
				t.Fatalf("empty stem for %q: %+v", w, as)
			}
			if a.Suffix == "" {
				unstripped = true
			}
			if token.IsArabic(w) && (a.Prefix != "" || a.Suffix != "") && utf8.RuneCountInString(a.Stem) < 2 {
				t.Fatalf("reading of %q shorter than two letters: %+v", w, a)
			}
		}
		if !unstripped {
			t.Fatalf("no unstripped reading for %q: %+v", w, as)
		}
		_ = token.IsStopWord(key)
		_ = token.EnglishStem(w)
	})
}

// FuzzAccelerator: the markers AcceleratorMarks finds are increasing markers of Accelerators, one per
// chunk at most; stripping removes exactly those bytes; AcceleratorSpan maps every span of the stripped
// text into the text, in order, onto the same bytes but the markers.
func FuzzAccelerator(f *testing.F) {
	for _, s := range append(fuzzSeeds, "O_rientation", "Save &As", "ا_فصل", "الِ_دِوال", "snake_case_name", "&amp;_x", "_Edit config_file") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		stripped, marks := token.StripAccelerators(s)
		if len(stripped) != len(s)-len(marks) {
			t.Fatalf("%q stripped of %v is %q", s, marks, stripped)
		}
		for i, m := range marks {
			if m >= len(s) || !strings.ContainsRune(token.Accelerators, rune(s[m])) || i > 0 && m <= marks[i-1] {
				t.Fatalf("marks %v of %q", marks, s)
			}
		}
		prev := 0
		for _, tk := range token.Tokenize(stripped) {
			start, end := token.AcceleratorSpan(marks, tk.Start, tk.End)
			if start < prev || end < start || end > len(s) {
				t.Fatalf("token %+v of %q maps to [%d,%d) in %q", tk, stripped, start, end, s)
			}
			if got := strings.Map(func(r rune) rune {
				if strings.ContainsRune(token.Accelerators, r) {
					return -1
				}
				return r
			}, s[start:end]); got != strings.Map(func(r rune) rune {
				if strings.ContainsRune(token.Accelerators, r) {
					return -1
				}
				return r
			}, stripped[tk.Start:tk.End]) {
				t.Fatalf("token %q of %q maps to %q of %q", stripped[tk.Start:tk.End], stripped, s[start:end], s)
			}
			prev = end
		}
	})
}
