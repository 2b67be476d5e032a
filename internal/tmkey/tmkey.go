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
// keyboard-accelerator markers (token.AcceleratorMarks).
func Key(text string) string {
	stripped, _ := token.StripAccelerators(text)
	return normalize.Search.String(stripped)
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
	if out := WordRunes(w); out != "" {
		return out
	}
	return "_"
}

// WordRunes returns w with only the runes an index key keeps of a word: "co-op" → "coop", "don't" →
// "dont". A substring test against an index key must use this form.
func WordRunes(w string) string {
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
	return strings.Map(func(r rune) rune {
		if isFuzzyWordRune(r) {
			return r
		}
		return -1
	}, w)
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

// Tokens tokenizes text and makes each inline-code placeholder rune a token of its own. It tokenizes
// text without its keyboard-accelerator markers (token.AcceleratorMarks), as Key does, and gives the
// spans in text: "O_rientation" is one Word token over all of it (see Text), and the tokens are those
// of the key, word for word.
func Tokens(text string) []token.Token {
	stripped, marks := token.StripAccelerators(text)
	toks := splitPlaceholders(stripped, token.Tokenize(stripped))
	for i, t := range toks {
		toks[i].Start, toks[i].End = token.AcceleratorSpan(marks, t.Start, t.End)
	}
	return toks
}

// Text returns the text of token t of text (from Tokens): for a word, without the accelerator marker
// it spans ("O_rientation" → "Orientation"; the tokenizer never puts a marker inside a word).
func Text(text string, t token.Token) string {
	s := text[t.Start:t.End]
	if t.Kind != token.Word || !strings.ContainsAny(s, token.Accelerators) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(token.Accelerators, r) {
			return -1
		}
		return r
	}, s)
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
