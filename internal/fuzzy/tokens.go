package fuzzy

import (
	"unicode"
	"unicode/utf8"
)

// Tokens appends to dst the tokens the index scores s by (exported for baselines that must count exactly
// as Search does): runs of letters, digits, combining marks and underscores are
// words (an apostrophe or hyphen between two word runes stays inside: don't, كوفيد-19), white space and
// controls separate, and every other rune (punctuation, symbols) is a token of its own. Keys reach the
// index already folded by normalize.Search, so no case or diacritic handling happens here.
//
// This is deliberately not internal/token: package tm builds its index keys from internal/token words
// reduced to exactly these word runes and joined by spaces, relying on each being one token here (a
// placeholder such as %(file_name)s reduces to file_names, which internal/token would cut at the
// underscore). Index and search must cut the same way; nothing else depends on how tokens are cut.
func Tokens(dst []string, s string) []string {
	start := -1 // start of the current word, or -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && (r == '\'' || r == '-' || r == '’') && i+size < len(s) && isWordRune(firstRune(s[i+size:])):
			// joiner inside a word: keep going
		default:
			if start >= 0 {
				dst = append(dst, s[start:i])
				start = -1
			}
			if !isSpace(r) {
				dst = append(dst, s[i:i+size])
			}
		}
		i += size
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// isSpace reports separators: white space, controls (so U+0000, the gram padding, never is a token) and
// the zero-width format characters.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r <= ' ' || r == 0x7f
	}
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff'
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
