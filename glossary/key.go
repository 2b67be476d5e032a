package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tarjuman/tarjuman/internal/token"
	"github.com/tarjuman/tarjuman/normalize"
)

// A reading is one analysis of a word as matching sees it: the key a term word must share, and what the
// word carries around that key.
type reading struct {
	key      string
	clitic   string // proclitics other than the article: "و", "ب", "وب"...; لل counts as ل plus article
	definite bool   // the word has the article
	suffixed bool   // the word may carry a possessive enclitic, which makes a noun definite
}

// wordReadings appends to dst the readings of one word as it occurs in text (or in a term): its
// normalize.Search form analysed by internal/token for Arabic, lower-cased and S-stemmed for other
// scripts. The unanalysed normalized word itself is always one reading, so nothing the analyser misses
// is lost.
func wordReadings(dst []reading, word string) []reading {
	n := normalize.Search.String(word)
	if n == "" {
		return dst
	}
	if !token.IsArabic(n) {
		return append(dst, reading{key: token.EnglishStem(n)})
	}
	start := len(dst)
	for _, a := range token.Analyze(n) {
		r := reading{key: a.Stem, clitic: proclitic(a.Prefix), definite: a.Definite, suffixed: mayBePossessive(a.Suffix)}
		if r.key == "" || containsReading(dst[start:], r) {
			continue
		}
		dst = append(dst, r)
	}
	whole := reading{key: n}
	if !containsReading(dst[start:], whole) {
		dst = append(dst, whole)
	}
	return dst
}

func containsReading(rs []reading, r reading) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// proclitic returns the proclitics of an analysis prefix without the article.
func proclitic(prefix string) string {
	if strings.HasSuffix(prefix, "لل") {
		return strings.TrimSuffix(prefix, "ل")
	}
	return strings.TrimSuffix(prefix, "ال")
}

// possessives are the enclitic pronouns after normalize.Search (ة became ه, so a lone ه is ambiguous
// and counts too: the check it feeds is a leniency, never a requirement).
var possessives = [...]string{"هما", "هم", "هن", "ها", "ه", "كم", "كن", "ك", "نا", "ي"}

func mayBePossessive(suffix string) bool {
	for _, p := range possessives {
		if strings.HasSuffix(suffix, p) {
			return true
		}
	}
	return false
}

// termKey returns the single reading a term word contributes to the trie: the analyser's most likely
// reading of the word in its citation form.
func termKey(word string) (reading, bool) {
	rs := wordReadings(nil, word)
	if len(rs) == 0 {
		return reading{}, false
	}
	return rs[0], true
}

// isWord reports whether a token kind takes part in terms.
func isWord(k token.Kind) bool { return k == token.Word || k == token.Number }

// gapBreaks reports whether the text between two word tokens ends a term: anything but white space and
// invisible format controls does, and so does a blank line.
func gapBreaks(gap string) bool {
	newlines := 0
	for _, r := range gap {
		switch {
		case r == '\n':
			newlines++
			if newlines > 1 {
				return true
			}
		case unicode.IsSpace(r), unicode.Is(unicode.Cf, r), r == '\u0640':
		default:
			return true
		}
	}
	return false
}

// extendMarks moves end past combining marks and tatweel that follow a token, so a highlight covers
// the whole vocalized word.
func extendMarks(text string, end int) int {
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if !unicode.Is(unicode.Mn, r) && r != '\u0640' {
			break
		}
		end += size
	}
	return end
}
