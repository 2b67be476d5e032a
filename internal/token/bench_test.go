package token_test

import (
	"strings"
	"testing"

	"github.com/tarjuman/tarjuman/internal/sample"
	"github.com/tarjuman/tarjuman/internal/token"
)

// benchTexts are the seed article in Arabic and in its English rendering, plus a UI-string style text
// heavy in placeholders and numbers.
func benchTexts() map[string]string {
	var en strings.Builder
	for _, s := range sample.SeedParallel() {
		en.WriteString(s.English)
		en.WriteByte('\n')
	}
	return map[string]string{
		"seed_ar":     sample.SeedArabic(),
		"seed_ar_x64": strings.Repeat(sample.SeedArabic(), 64), // 300 KiB: throughput stays linear
		"seed_en":     en.String(),
		"placeholders": strings.Repeat("Delete %1$d files from <b>{folder}</b>? &quot;%(name)s&quot; was "+
			"modified on 30/12/2021 at 23:35 (1,000.5 KB). حذف %1$d ملفات من <b>{folder}</b>؟\n", 20),
	}
}

func BenchmarkTokenize(b *testing.B) {
	for _, name := range []string{"seed_ar", "seed_en", "placeholders"} {
		s := benchTexts()[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				token.Tokenize(s)
			}
		})
	}
}

// BenchmarkAppendTokens is Tokenize's pair with a reused buffer: the cost of tokenizing alone.
func BenchmarkAppendTokens(b *testing.B) {
	for _, name := range []string{"seed_ar", "seed_ar_x64", "seed_en", "placeholders"} {
		s := benchTexts()[name]
		buf := token.Tokenize(s)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				buf = token.AppendTokens(buf[:0], s)
			}
		})
	}
}

// seedWords returns the normalized words of the seed article, as the consumers pass them.
func seedWords(b *testing.B) []string {
	s := sample.SeedArabic()
	var ws []string
	for _, t := range token.Tokenize(s) {
		if t.Kind == token.Word {
			ws = append(ws, norm(s[t.Start:t.End]))
		}
	}
	if len(ws) == 0 {
		b.Fatal("no words in the seed")
	}
	return ws
}

// BenchmarkAnalyze reports the time per word over the seed article's words.
func BenchmarkAnalyze(b *testing.B) {
	ws := seedWords(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		token.Analyze(ws[i%len(ws)])
		i++
	}
}

// BenchmarkAppendAnalyses is Analyze into a reused buffer.
func BenchmarkAppendAnalyses(b *testing.B) {
	ws := seedWords(b)
	buf := make([]token.Analysis, 0, 32)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		buf = token.AppendAnalyses(buf[:0], ws[i%len(ws)])
		i++
	}
}

// BenchmarkKey is Analyze's pair: the same words, only the preferred key.
func BenchmarkKey(b *testing.B) {
	ws := seedWords(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		token.Key(ws[i%len(ws)])
		i++
	}
}

func BenchmarkEnglishStem(b *testing.B) {
	ws := []string{"guarantees", "negotiations", "Policies", "security", "weapons", "news", "its", "approaches"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		token.EnglishStem(ws[i%len(ws)])
		i++
	}
}

// BenchmarkStripAccelerators: linear in the text, also when it is all markers (a hostile 1 MiB body).
func BenchmarkStripAccelerators(b *testing.B) {
	for _, tc := range []struct {
		name string
		text string
	}{
		{"ui-label", "Re_move the selected item from the _list"},
		{"no-marker", "Remove the selected item from the list"},
		{"markers-256KiB", strings.Repeat("~", 256<<10)},
		{"markers-512KiB", strings.Repeat("~", 512<<10)},
		{"words-512KiB", strings.Repeat("a_b ", 128<<10)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(tc.text)))
			for b.Loop() {
				token.StripAccelerators(tc.text)
			}
		})
	}
}
