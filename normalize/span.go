package normalize

import (
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// run returns the length of the longest prefix of s that a fresh core passes through unchanged without
// holding anything back: whole runes whose action is keep, where a held kept letter (ا before a possible
// hamza mark) counts only once the rune after it is known to be a plain keep. It stops at ill-formed or
// incomplete UTF-8.
//
// It is the hot loop of already-normalized text: one class byte per two-byte rune (all of Arabic), with
// held letters let through and checked only where the run stops, since only the rune just before the stop
// can be waiting for a mark. (A branch per rune beats a table of byte pairs here: the branches are
// predicted, while a table-driven stride makes every step wait for the previous load.)
func (t *tables) run(s []byte, atEOF bool) int {
	i := 0
	for {
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if t.ascii[c] != c {
					break
				}
				i++
				continue
			}
			if c < 0xC2 || c >= 0xE0 || i+1 == len(s) {
				break
			}
			c1 := s[i+1]
			if c1&0xC0 != 0x80 || t.cls[rune(c&0x1F)<<6|rune(c1&0x3F)] > clsHeld {
				break
			}
			i += 2
		}
		if i == len(s) {
			break
		}
		// A rune of three or four bytes, a last single byte, or a change.
		c := s[i]
		if c < utf8.RuneSelf {
			if t.ascii[c] != c {
				break
			}
			i++
			continue
		}
		r, size := decodeRune(s[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		if a := t.lookup(r); a != 0 && a != heldKeep {
			break
		}
		i += size
	}
	// Give back a held letter that the rune at i (or the end of the input) may still change.
	if i > 0 && s[i-1] >= utf8.RuneSelf && (i < len(s) || !atEOF) {
		r, size := utf8.DecodeLastRune(s[:i])
		if t.lookup(r) == heldKeep {
			return i - size
		}
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
