package token

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Accelerators are the keyboard-accelerator markers of UI toolkits: GTK's "_", Qt's and Windows'
// "&", LibreOffice's "~". Before the first letter of a word the tokenizer already leaves them out
// ("_File"); inside a word ("O_rientation") they would split it in two and make "Orientation",
// "_Orientation" and "O_rientation" different words.
const Accelerators = "_&~"

// Accelerator returns the byte offset in text of its keyboard-accelerator marker, or -1: the only
// marker that stands before a letter at the start of a word ("_File", "Save &As"; not "&amp;") or inside a word
// ("O_rientation", "SIG_NING", "ا_فصل"). With two such markers or more the text is not a UI label
// with an accelerator ("snake_case_name", "_NET_WM_NAME"); between a small letter and a capital a
// marker joins two words ("Drag&Drop", "Hong_Kong").
func Accelerator(text string) int {
	at := -1
	for i := indexMarker(text); i >= 0; {
		next, _ := utf8.DecodeRuneInString(text[i+1:])
		if unicode.IsLetter(next) && !(text[i] == '&' && isCharRef(text[i:])) {
			prev := lastBase(text[:i])
			inWord := unicode.IsLetter(prev) && !(unicode.IsLower(prev) && unicode.IsUpper(next))
			atStart := i == 0 || unicode.IsSpace(prev) || unicode.IsPunct(prev) && !strings.ContainsRune(Accelerators, prev)
			if inWord || atStart {
				if at >= 0 {
					return -1
				}
				at = i
			}
		}
		j := indexMarker(text[i+1:])
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return at
}

// lastBase returns the last rune of s that is not a combining mark (a haraka after a letter
// leaves the marker inside the word: "الِ_دوال"), or utf8.RuneError.
func lastBase(s string) rune {
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if !unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) {
			return r
		}
		s = s[:len(s)-size]
	}
	return utf8.RuneError
}

// StripAccelerator returns text without its keyboard-accelerator marker (Accelerator).
func StripAccelerator(text string) string {
	if i := Accelerator(text); i >= 0 {
		return text[:i] + text[i+1:]
	}
	return text
}

// indexMarker returns the index of the first accelerator marker in s, or -1. Three vectorized byte
// searches beat strings.IndexAny's byte loop on the short texts a lookup keys by the thousand.
func indexMarker(s string) int {
	i := -1
	for _, c := range [...]byte{'_', '&', '~'} {
		end := len(s)
		if i >= 0 {
			end = i
		}
		if j := strings.IndexByte(s[:end], c); j >= 0 {
			i = j
		}
	}
	return i
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

// JoinAccelerator makes the two Word tokens of toks around the marker at byte offset at (Accelerator)
// one Word token; with at < 0, or no word on each side of it, toks is returned as is.
func JoinAccelerator(toks []Token, at int) []Token {
	if at < 0 {
		return toks
	}
	for k := 0; k+2 < len(toks); k++ { // word, marker, word
		a, b := toks[k], toks[k+2]
		if a.End == at && b.Start == at+1 && a.Kind == Word && b.Kind == Word {
			a.End = b.End
			toks[k] = a
			return slices.Delete(toks, k+1, k+3)
		}
	}
	return toks
}
