// Package tmkey computes the words a translation memory scores: the tokens of a normalize.Search key
// that count in the CAT percentage (words, numbers, placeholders, inline codes), each reduced to a single
// internal/fuzzy token, and the index key built from them. It is shared by package tm and the
// benchmarks, which must count words exactly as tm does.
//
// # Concurrency
//
// Every function is safe for concurrent use.
package tmkey

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tarjuman/tarjuman/internal/token"
	"github.com/tarjuman/tarjuman/normalize"
	"github.com/tarjuman/tarjuman/tm/tmx"
)

// Words returns the scoring words of a key (Key): its word, number, placeholder and inline-code
// tokens, each reduced to the runes internal/fuzzy counts as word runes (see fuzzyWord). Punctuation
// does not count: a changed comma is not a changed word.
func Words(key string) []string {
	var ws []string
	for _, t := range splitPlaceholders(key, token.Tokenize(key)) {
		if CountsWord(t.Kind) {
			ws = append(ws, fuzzyWord(key[t.Start:t.End]))
		}
	}
	return ws
}

// Key is the form of text a translation memory scores: its normalize.Search form, without its
// keyboard-accelerator marker (Accelerator).
func Key(text string) string {
	return normalize.Search.String(StripAccelerator(text))
}

// IndexKey is what the direction index holds for a text: its scoring words joined by spaces. Each
// word is one token for internal/fuzzy, so the index's token score is exactly tm's word score and
// its candidates are exactly those a scan with that scorer finds.
func IndexKey(text string) string {
	return strings.Join(Words(Key(text)), " ")
}

// fuzzyWord keeps the runes of w that internal/fuzzy's tokenizer treats as word runes (letters,
// digits, marks, underscore), so that w is a single index token: "30/12/2021" → "30122021",
// "%s" → "s". A word without any (an inline code, "%%") becomes "_".
func fuzzyWord(w string) string {
	keep := true
	for _, r := range w {
		if !isFuzzyWordRune(r) {
			keep = false
			break
		}
	}
	if keep {
		return w
	}
	out := strings.Map(func(r rune) rune {
		if isFuzzyWordRune(r) {
			return r
		}
		return -1
	}, w)
	if out == "" {
		return "_"
	}
	return out
}

func isFuzzyWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// Split returns the scoring words stored in an index key.
func Split(k string) []string {
	if k == "" {
		return nil
	}
	return strings.Split(k, " ")
}

// Tokens tokenizes text and makes each inline-code placeholder rune a token of its own. A word
// split by the keyboard-accelerator marker of text (Accelerator: "O_rientation", "Re&move", "ا_فصل")
// is one Word token: see Text.
func Tokens(text string) []token.Token {
	toks := splitPlaceholders(text, token.Tokenize(text))
	at := Accelerator(text)
	if at < 0 {
		return toks
	}
	for k := 0; k+2 < len(toks); k++ { // word, marker, word
		a, b := toks[k], toks[k+2]
		if a.End == at && b.Start == at+1 && a.Kind == token.Word && b.Kind == token.Word {
			a.End = b.End
			toks[k] = a
			return slices.Delete(toks, k+1, k+3)
		}
	}
	return toks
}

// Text returns the text of token t of text: for a word, without the accelerator marker Tokens
// joined it across ("O_rientation" → "Orientation").
func Text(text string, t token.Token) string {
	s := text[t.Start:t.End]
	if t.Kind != token.Word {
		return s
	}
	if i := strings.IndexAny(s, accelerators); i >= 0 {
		return s[:i] + s[i+1:]
	}
	return s
}

// accelerators are the keyboard-accelerator markers of UI toolkits: GTK's "_", Qt's and Windows'
// "&", LibreOffice's "~". Before the first letter of a word the tokenizer already leaves them out
// ("_File"); inside a word ("O_rientation") they would split it in two and make "Orientation",
// "_Orientation" and "O_rientation" different words.
const accelerators = "_&~"

// Accelerator returns the byte offset in text of its keyboard-accelerator marker, or -1: the only
// marker that stands before a letter at the start of a word ("_File", "Save &As") or inside a word
// ("O_rientation", "SIG_NING", "ا_فصل"). With two such markers or more the text is not a UI label
// with an accelerator ("snake_case_name", "_NET_WM_NAME"); between a small letter and a capital a
// marker joins two words ("Drag&Drop", "Hong_Kong").
func Accelerator(text string) int {
	at := -1
	for i := strings.IndexAny(text, accelerators); i >= 0; {
		next, _ := utf8.DecodeRuneInString(text[i+1:])
		if unicode.IsLetter(next) {
			prev := lastBase(text[:i])
			inWord := unicode.IsLetter(prev) && !(unicode.IsLower(prev) && unicode.IsUpper(next))
			atStart := i == 0 || unicode.IsSpace(prev) || unicode.IsPunct(prev) && !strings.ContainsRune(accelerators, prev)
			if inWord || atStart {
				if at >= 0 {
					return -1
				}
				at = i
			}
		}
		j := strings.IndexAny(text[i+1:], accelerators)
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

// splitPlaceholders makes each inline-code placeholder rune of text a token of its own.
func splitPlaceholders(text string, toks []token.Token) []token.Token {
	if !hasPlaceholder(text) {
		return toks
	}
	var out []token.Token
	add := func(start, end int) {
		for _, t := range token.Tokenize(text[start:end]) {
			t.Start += start
			t.End += start
			out = append(out, t)
		}
	}
	start := 0
	for i, r := range text {
		if tmx.PlaceholderIndex(r) < 0 {
			continue
		}
		add(start, i)
		end := i + utf8.RuneLen(r)
		out = append(out, token.Token{Start: i, End: end, Kind: token.Placeholder})
		start = end
	}
	add(start, len(text))
	return out
}

func hasPlaceholder(s string) bool {
	for _, r := range s {
		if tmx.PlaceholderIndex(r) >= 0 {
			return true
		}
	}
	return false
}

// CountsWord reports whether tokens of kind k count in the CAT percentage.
func CountsWord(k token.Kind) bool {
	return k == token.Word || k == token.Number || k == token.Placeholder
}
