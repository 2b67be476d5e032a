package fuzzy

import "github.com/tarjuman/tarjuman/internal/token"

// tokenizer cuts keys and queries into the tokens the score counts, with internal/token: words (letters,
// digits and marks, with internal hyphens and apostrophes: don't, كوفيد-19), numbers (1,000.5), placeholders
// (%s, %1$d, {0}, <b>) and runs of punctuation; white space and invisible controls separate. Keys reach the
// index already folded by normalize.Search, so no case or diacritic handling happens here.
//
// Index and search must cut the same way; nothing else depends on how tokens are cut.
type tokenizer struct {
	buf []token.Token // reused between calls
}

// split appends the tokens of s to dst as substrings of s.
func (t *tokenizer) split(dst []string, s string) []string {
	t.buf = token.AppendTokens(t.buf[:0], s)
	for _, tk := range t.buf {
		dst = append(dst, s[tk.Start:tk.End])
	}
	return dst
}

// splitTokens is split with a fresh buffer, for tests and one-off calls.
func splitTokens(dst []string, s string) []string {
	var t tokenizer
	return t.split(dst, s)
}
