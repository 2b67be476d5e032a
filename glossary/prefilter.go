package glossary

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Analysing every word of a text is the expensive part of matching, and most words of a text are in no
// term. Two things keep it off the hot path:
//
//   - a prefilter: internal/token's stems are a substring of the word that starts after its proclitics
//     and ends before an ending made of suffix letters, possibly followed by a restored ة (ه); so every
//     key, or the key without that ه, is such a substring, except a final hamza that changed seat
//     (حلفاء in حلفائها): addStem records those other spellings too. The Matcher keeps these
//     in one set and analyses a word only if one of its substrings of that shape is in the set: the
//     filter never drops a reading;
//   - a bounded cache of the readings of the words that passed, shared by all calls on one Matcher.

// procliticEnds appends to dst the offsets in w where a stem may start: 0 and the end of every
// proclitic chain (و|ف)?(ب|ك|ل)?(ال)? (with لل for ل+ال) that w starts with.
func procliticEnds(dst []int, w string) []int {
	dst = append(dst, 0)
	i := 0
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
		i = len("و")
		dst = append(dst, i)
	}
	j := i
	switch {
	case strings.HasPrefix(w[i:], "لل"):
		dst = append(dst, i+len("ل"), i+len("لل"))
		j = -1 // لل is ل+ال: no further article
	case strings.HasPrefix(w[i:], "ب"), strings.HasPrefix(w[i:], "ك"), strings.HasPrefix(w[i:], "ل"):
		j = i + len("ب")
		dst = append(dst, j)
	}
	if j >= 0 {
		if strings.HasPrefix(w[j:], "ال") {
			dst = append(dst, j+len("ال"))
		}
		if j != i && strings.HasPrefix(w[i:], "ال") {
			dst = append(dst, i+len("ال"))
		}
	}
	return dst
}

// maxSuffixLetters bounds the inflection and enclitic letters after a stem (ات+هما is five).
const maxSuffixLetters = 6

func isSuffixLetter(r rune) bool {
	switch r {
	case 'ا', 'ت', 'ن', 'ي', 'ه', 'و', 'ك', 'م':
		return true
	}
	return false
}

// mayMatch reports whether some analysis of the Arabic word w could have a stem in m.stems.
func (m *Matcher) mayMatch(w string) bool {
	var buf [8]int
	for _, p := range procliticEnds(buf[:0], w) {
		rest := w[p:]
		for e, stripped := len(rest), 0; e > 0 && stripped <= maxSuffixLetters; stripped++ {
			if _, ok := m.stems[rest[:e]]; ok {
				return true
			}
			r, size := utf8.DecodeLastRuneInString(rest[:e])
			if !isSuffixLetter(r) {
				break
			}
			e -= size
		}
	}
	return false
}

// cacheMax bounds the words a Matcher remembers the readings of.
const cacheMax = 1 << 16

// readingCache maps a normalized word to its readings that can take part in a term (nil if none).
// Entries are never modified once stored, so a slice read under the lock stays valid after it.
type readingCache struct {
	mu sync.RWMutex
	m  map[string][]kreading
}

func (c *readingCache) get(w string) ([]kreading, bool) {
	c.mu.RLock()
	rs, ok := c.m[w]
	c.mu.RUnlock()
	return rs, ok
}

func (c *readingCache) put(w string, rs []kreading) {
	c.mu.Lock()
	if len(c.m) < cacheMax {
		if c.m == nil {
			c.m = make(map[string][]kreading)
		}
		c.m[strings.Clone(w)] = rs
	}
	c.mu.Unlock()
}
