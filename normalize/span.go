package normalize

import (
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// keepRun returns the length of the longest prefix of s made of whole runes that every action keeps as
// they are (index 0). It is the hot loop: two-byte runes, all of Arabic, are looked up without decoding.
func (t *tables) keepRun(s []byte) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if t.ascii[c] != c {
				return i
			}
			i++
			continue
		}
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) {
			c1 := s[i+1]
			if c1&0xC0 != 0x80 || t.lo[rune(c&0x1F)<<6|rune(c1&0x3F)] != 0 {
				return i
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size == 1 || t.lookup(r) != 0 {
			return i
		}
		i += size
	}
	return i
}

// span reports how much of src a fresh transformer passes through unchanged, with the error conventions of
// transform.SpanningTransformer.Span.
func (t *tables) span(src []byte, atEOF bool) (int, error) {
	held := -1 // start of a kept rune whose output the next rune may still change
	i := 0
	for {
		if k := t.keepRun(src[i:]); k > 0 {
			i += k
			held = -1
		}
		if i == len(src) {
			break
		}
		stop := i
		if held >= 0 {
			stop = held
		}
		if src[i] >= utf8.RuneSelf && !atEOF && !utf8.FullRune(src[i:]) {
			return stop, transform.ErrShortSrc
		}
		r, size := utf8.DecodeRune(src[i:])
		if r < utf8.RuneSelf || r == utf8.RuneError && size == 1 {
			return stop, transform.ErrEndOfSpan
		}
		if a := &t.acts[t.lookup(r)]; a.kind != actKeep || !a.hold {
			return stop, transform.ErrEndOfSpan
		}
		held = i
		i += size
	}
	if held >= 0 && !atEOF {
		return held, transform.ErrShortSrc
	}
	return len(src), nil
}
