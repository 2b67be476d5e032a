package normalize

import (
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// run returns the length of the longest prefix of s that a fresh core passes through unchanged without
// holding anything back: whole runes whose action is keep, where a held kept letter (ا before a possible
// hamza mark) counts only once the rune after it is known to be a plain keep. It is the hot loop: two-byte
// runes, all of Arabic, are looked up without decoding. It stops at ill-formed or incomplete UTF-8.
func (t *tables) run(s []byte, atEOF bool) int {
	held := -1
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if t.ascii[c] != c {
				break
			}
			i++
			held = -1
			continue
		}
		var a uint16
		size := 2
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) {
			c1 := s[i+1]
			if c1&0xC0 != 0x80 {
				break
			}
			a = t.lo[rune(c&0x1F)<<6|rune(c1&0x3F)]
		} else {
			var r rune
			r, size = utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			a = t.lookup(r)
		}
		switch a {
		case 0:
			held = -1
		case heldKeep:
			held = i
		default:
			if held >= 0 {
				return held
			}
			return i
		}
		i += size
	}
	if held >= 0 && (i < len(s) || !atEOF) {
		return held
	}
	return i
}

// span reports how much of src a fresh transformer passes through unchanged, with the error conventions of
// transform.SpanningTransformer.Span.
func (t *tables) span(src []byte, atEOF bool) (int, error) {
	n := t.run(src, atEOF)
	if n == len(src) {
		return n, nil
	}
	if !atEOF {
		rest := src[n:]
		if !utf8.FullRune(rest) {
			return n, transform.ErrShortSrc
		}
		// A held letter at the end, or before an incomplete rune, waits for more input.
		if r, size := utf8.DecodeRune(rest); r >= utf8.RuneSelf && t.lookup(r) == heldKeep && !utf8.FullRune(rest[size:]) {
			return n, transform.ErrShortSrc
		}
	}
	return n, transform.ErrEndOfSpan
}
