package token

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Accelerators are the keyboard-accelerator markers of UI toolkits: GTK's "_", Qt's and Windows'
// "&", LibreOffice's "~". Before the first letter of a word the tokenizer already leaves them out
// ("_File"); inside a word ("O_rientation") they would split it in two and make "Orientation",
// "_Orientation" and "O_rientation" different words.
const Accelerators = "_&~"

// AcceleratorMarks appends to dst the byte offsets in text of its keyboard-accelerator markers, in
// increasing order. The decision is made in each run of text between white space (a chunk), so that
// a word is read the same way whatever the words around it, and it does not depend on case: a
// marker is an accelerator when it is the only marker of its chunk that stands before a letter,
// either inside a word ("O_rientation", "Re&move", "ا_فصل", "HTTP_S") or at the start of one
// ("_File", "(&Default)"). A chunk with two such markers is an identifier ("snake_case_name",
// "_NET_WM_NAME") and one that starts with "#" or "@" a hashtag or handle ("#الأمن_الغذائي"): their
// markers are text. "&amp;" and the other character references are text too. A marker read as an
// accelerator inside a word joins its two parts: "R&D" reads as one word, "RD", in every text.
//
// It is O(len(text)).
func AcceleratorMarks(dst []int, text string) []int {
	if strings.IndexByte(text, '_') < 0 && strings.IndexByte(text, '&') < 0 && strings.IndexByte(text, '~') < 0 {
		return dst // most texts: three vectorized scans
	}
	for cs := 0; cs < len(text); {
		r, size := utf8.DecodeRuneInString(text[cs:])
		if unicode.IsSpace(r) {
			cs += size
			continue
		}
		ce := cs
		for ce < len(text) {
			r, size := utf8.DecodeRuneInString(text[ce:])
			if unicode.IsSpace(r) {
				break
			}
			ce += size
		}
		if at := chunkMarker(text, cs, ce); at >= 0 {
			dst = append(dst, at)
		}
		cs = ce
	}
	return dst
}

// chunkMarker returns the offset of the accelerator of the chunk text[cs:ce], or -1.
func chunkMarker(text string, cs, ce int) int {
	if c := text[cs]; c == '#' || c == '@' {
		return -1
	}
	at := -1
	for i := cs; i < ce; i++ {
		c := text[i]
		if c != '_' && c != '&' && c != '~' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[i+1 : ce])
		if !unicode.IsLetter(next) || c == '&' && isCharRef(text[i:ce]) {
			continue
		}
		prev := lastBase(text[cs:i])
		inWord := unicode.IsLetter(prev)
		atStart := prev == 0 || unicode.IsPunct(prev) && !strings.ContainsRune(Accelerators, prev)
		if !inWord && !atStart {
			continue
		}
		if at >= 0 {
			return -1
		}
		at = i
	}
	return at
}

// lastBase returns the last rune of s that is neither a combining mark nor an invisible format
// character (a haraka or an RLM after a letter leaves the marker inside the word: "الِ_دوال"), 0 if
// there is none (the chunk starts there), or utf8.RuneError after 32 of them.
func lastBase(s string) rune {
	for n := 0; n < 32; n++ {
		if s == "" {
			return 0
		}
		r, size := utf8.DecodeLastRuneInString(s)
		if !unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me, unicode.Cf) {
			return r
		}
		s = s[:len(s)-size]
	}
	return utf8.RuneError
}

// isCharRef reports whether s starts with an XML/HTML character reference (&amp;, &#1575;, &#x627;),
// which is text, not an accelerator.
func isCharRef(s string) bool {
	for i := 1; i < len(s) && i < 34; i++ {
		c := s[i]
		switch {
		case c == ';':
			return i > 1
		case c == '#' && i == 1, isASCIILetter(c), '0' <= c && c <= '9':
		default:
			return false
		}
	}
	return false
}

// StripAccelerators returns text without its keyboard-accelerator markers (AcceleratorMarks), and
// the markers' offsets in text.
func StripAccelerators(text string) (string, []int) {
	marks := AcceleratorMarks(nil, text)
	if len(marks) == 0 {
		return text, nil
	}
	var b strings.Builder
	b.Grow(len(text) - len(marks))
	last := 0
	for _, m := range marks {
		b.WriteString(text[last:m])
		last = m + 1
	}
	b.WriteString(text[last:])
	return b.String(), marks
}

// AcceleratorSpan returns the span in the original text of the span [start, end) of the text
// StripAccelerators made by removing the markers at marks: a word that held a marker covers it.
func AcceleratorSpan(marks []int, start, end int) (int, int) {
	if len(marks) == 0 {
		return start, end
	}
	// Marker i stood before byte marks[i]-i of the stripped text: count those at or before a byte.
	before := func(x int) int {
		return sort.Search(len(marks), func(i int) bool { return marks[i]-i > x })
	}
	s := start + before(start)
	if end <= start {
		return s, s
	}
	return s, end + before(end-1)
}
