package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token. It is a plain value, safe to share.
type Kind uint8

const (
	// Word is a run of letters, combining marks and digits containing at least one letter. An internal
	// hyphen or apostrophe joins (كوفيد-19, don't); tatweel, harakat and in-word invisible controls
	// (ZWNJ, ZWJ, LRM, RLM, ALM, soft hyphen, word joiner) never split a word.
	Word Kind = iota + 1
	// Number is a run of digits of any script with internal . , : / ٫ ٬ between digits
	// (30/12/2021, 23:35, 1,000.5, ٣٠).
	Number
	// Placeholder is a formatting or markup code that a translation must carry over unchanged:
	// printf (%s %d %1$d %(name)s %%), Qt (%1), braces ({0} {name} {{name}}), ${x}, XML/HTML tags
	// (<b> </b> <br/>) and character references (&amp; &#1575;).
	Placeholder
	// Punct is any other run of non-space, non-word runes: punctuation, symbols, emoji, and runs of
	// only tatweel or combining marks (a decorative ـــ).
	Punct
)

var kindNames = [...]string{"Invalid", "Word", "Number", "Placeholder", "Punct"}

// String returns the name of the kind ("Word", "Number", ...).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + itoa(int(k)) + ")"
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

// Token is one token of a text: s[Start:End] with byte offsets into the string that was tokenized.
// Tokens never overlap, are in increasing order and start and end on rune boundaries. Spaces and
// invisible format controls outside words belong to no token. Token is a plain value, safe to copy
// and to share between goroutines.
type Token struct {
	Start, End int
	Kind       Kind
}

// Tokenize splits s into tokens. It is equivalent to AppendTokens(nil, s).
func Tokenize(s string) []Token {
	// Words are separated by spaces and a quarter as many punctuation tokens come on top: counting
	// spaces is cheap and sizes the slice for Arabic (about 10 bytes a token) and English (6) alike.
	return AppendTokens(make([]Token, 0, strings.Count(s, " ")*5/4+8), s)
}

// AppendTokens appends the tokens of s to dst and returns the extended slice. It does not allocate when
// dst has enough capacity, so a caller tokenizing many strings can reuse one buffer (dst[:0]).
// Time is linear in len(s). Ill-formed UTF-8 bytes are treated as punctuation and never panic.
func AppendTokens(dst []Token, s string) []Token {
	i := 0
	for i < len(s) {
		r, size := rune(s[i]), 1 // decode, inlined by hand for the hot loops
		if r >= utf8.RuneSelf {
			r, size = decodeMulti(s, i)
		}
		switch c := classOf(r); c {
		case cSpace, cJoiner:
			i += size
		case cLetter, cDigit, cMark:
			end, kind := scanWord(s, i)
			dst = append(dst, Token{Start: i, End: end, Kind: kind})
			i = end
		default:
			if end := placeholderAt(s, i); end > i {
				dst = append(dst, Token{Start: i, End: end, Kind: Placeholder})
				i = end
				continue
			}
			end := scanPunct(s, i+size)
			dst = append(dst, Token{Start: i, End: end, Kind: Punct})
			i = end
		}
	}
	return dst
}

// decode is utf8.DecodeRuneInString at offset i, small enough to inline for the ASCII case.
func decode(s string, i int) (rune, int) {
	if s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	return decodeMulti(s, i)
}

// decodeMulti decodes a multi-byte sequence, with a fast path for the two-byte sequences that
// Arabic text is made of.
func decodeMulti(s string, i int) (rune, int) {
	if b := s[i]; b >= 0xC2 && b <= 0xDF && i+1 < len(s) {
		if c := s[i+1]; c&0xC0 == 0x80 {
			return rune(b&0x1F)<<6 | rune(c&0x3F), 2
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// scanWord returns the end of the word or number starting at i, which holds a letter, digit or mark.
func scanWord(s string, i int) (int, Kind) {
	hasLetter, hasDigit := false, false
	prev := cOther // class of the last rune taken into the token, joiners excluded
	var prevR rune
	j := i
	for j < len(s) {
		r, size := rune(s[j]), 1 // decode, inlined by hand for the hot loops
		if r >= utf8.RuneSelf {
			r, size = decodeMulti(s, j)
		}
		c := classOf(r)
		switch c {
		case cLetter:
			hasLetter = hasLetter || r != 'ـ' // tatweel alone makes no word
		case cDigit:
			hasDigit = true
		case cMark:
		case cJoiner:
			// Invisible controls stay inside a word only when more word follows them.
			k := j + size
			for k < len(s) {
				r2, n2 := decode(s, k)
				if classOf(r2) != cJoiner {
					break
				}
				k += n2
			}
			if k >= len(s) || !isWordClass(classAt(s, k)) {
				return j, kindOf(hasLetter, hasDigit)
			}
			j = k
			continue
		case cHyphen, cApostrophe, cNumSep:
			if j+size >= len(s) {
				return j, kindOf(hasLetter, hasDigit)
			}
			nextR, _ := decode(s, j+size)
			if !joins(c, prev, classOf(nextR)) && !(r == '.' && isASCIILetterRune(prevR) && isASCIILetterRune(nextR)) {
				return j, kindOf(hasLetter, hasDigit)
			}
		default:
			return j, kindOf(hasLetter, hasDigit)
		}
		if c != cMark {
			prev, prevR = c, r
		}
		j += size
	}
	return j, kindOf(hasLetter, hasDigit)
}

// joins reports whether a hyphen, apostrophe or number separator of class sep, between a rune of class
// prev and one of class next, stays inside the token.
func joins(sep, prev, next class) bool {
	if sep == cNumSep { // 1,000.5 23:35 30/12/2021
		return prev == cDigit && next == cDigit
	}
	// Hyphen and apostrophe: كوفيد-19, e-mail, don't, O'Brien, 80's; but 2020-2021 is two numbers.
	return isWordClass(prev) && (next == cLetter || next == cDigit) && !(prev == cDigit && next == cDigit)
}

// kindOf classifies a scanned run: any letter makes a word, digits alone a number, and a run of only
// tatweel or combining marks (a decorative ـــ, a stray harakah) is punctuation.
func kindOf(hasLetter, hasDigit bool) Kind {
	switch {
	case hasLetter:
		return Word
	case hasDigit:
		return Number
	}
	return Punct
}

// scanPunct returns the end of the punctuation run that continues at j.
func scanPunct(s string, j int) int {
	for j < len(s) {
		r, size := rune(s[j]), 1 // decode, inlined by hand for the hot loops
		if r >= utf8.RuneSelf {
			r, size = decodeMulti(s, j)
		}
		switch classOf(r) {
		case cSpace, cLetter, cDigit:
			return j
		case cJoiner:
			// ZWJ and friends glue emoji sequences; trailing ones belong to no token.
			k := j + size
			for k < len(s) && classAt(s, k) == cJoiner {
				_, n := decode(s, k)
				k += n
			}
			if k >= len(s) {
				return j
			}
			switch classAt(s, k) {
			case cSpace, cLetter, cDigit:
				return j
			}
			if placeholderAt(s, k) > k {
				return j
			}
			j = k
			continue
		}
		if placeholderAt(s, j) > j {
			return j
		}
		j += size
	}
	return j
}

func classAt(s string, i int) class {
	r, _ := decode(s, i)
	return classOf(r)
}

// class is the tokenizer's view of a rune.
type class uint8

const (
	cOther      class = iota // punctuation, symbols, emoji, ill-formed bytes
	cSpace                   // white space of any kind, and ZWSP (an explicit word break)
	cJoiner                  // invisible format controls: inside a word they never split it
	cLetter                  // letters, including tatweel
	cDigit                   // decimal digits of any script
	cMark                    // combining marks (harakat, Quranic marks, variation selectors)
	cHyphen                  // - ‐ ‑
	cApostrophe              // ' ’
	cNumSep                  // . , : / ٫ ٬ (inside numbers; '.' also between Latin letters)
)

// isASCIILetterRune allows U.S, e.g and example.com to stay one word, as in UAX #29.
func isASCIILetterRune(r rune) bool { return r < utf8.RuneSelf && isASCIILetter(byte(r)) }

func isWordClass(c class) bool { return c == cLetter || c == cDigit || c == cMark }

// lowClass covers U+0000–U+06FF (ASCII, Latin, Greek, Cyrillic, Hebrew and the Arabic block, where
// most of our text lives) so that classOf is a table lookup there.
var lowClass = func() (t [0x700]class) {
	for r := range t {
		t[r] = classSlow(rune(r))
	}
	return t
}()

func classOf(r rune) class {
	if uint32(r) < uint32(len(lowClass)) {
		return lowClass[r]
	}
	return classSlow(r)
}

func classSlow(r rune) class {
	switch r {
	case '-', '\u2010', '\u2011':
		return cHyphen
	case '\'', '\u2019':
		return cApostrophe
	case '.', ',', ':', '/', '\u066B', '\u066C':
		return cNumSep
	case '\u200B': // ZERO WIDTH SPACE marks a word boundary
		return cSpace
	case '\u00AD', '\u061C', '\u180E', '\u200C', '\u200D', '\u200E', '\u200F',
		'\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
		'\u2060', '\u2061', '\u2062', '\u2063', '\u2064',
		'\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF':
		return cJoiner
	}
	switch {
	case r == utf8.RuneError:
		return cOther
	case unicode.IsSpace(r):
		return cSpace
	case unicode.IsLetter(r):
		return cLetter
	case unicode.IsDigit(r):
		return cDigit
	case unicode.IsMark(r):
		return cMark
	}
	return cOther
}
