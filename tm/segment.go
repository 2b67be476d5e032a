package tm

import (
	"slices"
	"strings"

	"github.com/tarjuman/tarjuman/internal/tmkey"
	"github.com/tarjuman/tarjuman/internal/token"
	"github.com/tarjuman/tarjuman/normalize"
)

// segment is a text prepared for scoring: its key (tmkey.Key of the whole text), its
// scoring words (tmkey.Words of the key) and, for the diff, its word tokens (word, number,
// placeholder and inline-code tokens, punctuation left out) with their byte spans in the text and
// their normalized forms.
type segment struct {
	text  string
	key   string
	kw    []string
	toks  []token.Token
	words []string
}

func newSegment(text string) *segment {
	s := &segment{text: text, key: tmkey.Key(text)}
	s.kw = tmkey.Words(s.key)
	return s
}

// tokenize fills the word tokens, needed only for the diff of a returned match.
func (s *segment) tokenize() {
	if s.toks != nil {
		return
	}
	s.toks = []token.Token{}
	text := s.text
	for _, t := range tmkey.Tokens(text) {
		if !tmkey.CountsWord(t.Kind) {
			continue
		}
		s.toks = append(s.toks, t)
		s.words = append(s.words, normalize.Search.String(tmkey.Text(text, t)))
	}
}

// diff aligns the words of the query q and the source s (Levenshtein with backtrace) and returns
// the edits, in text order.
func diff(q, s *segment) []Diff {
	q.tokenize()
	s.tokenize()
	a, b := q.words, s.words
	// Strip the common prefix and suffix: most fuzzy matches differ in a word or two.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	a, b = a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(a) == 0 && len(b) == 0 {
		return nil
	}
	n, m := len(a), len(b)
	d := make([][]int32, n+1)
	for i := range d {
		d[i] = make([]int32, m+1)
		d[i][0] = int32(i)
	}
	for j := 0; j <= m; j++ {
		d[0][j] = int32(j)
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			c := d[i-1][j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			d[i][j] = min(c, d[i-1][j]+1, d[i][j-1]+1)
		}
	}
	var out []Diff
	i, j := n, m
	for i > 0 || j > 0 {
		switch {
		case i > 0 && j > 0 && a[i-1] == b[j-1] && d[i][j] == d[i-1][j-1]:
			i, j = i-1, j-1
		case i > 0 && j > 0 && d[i][j] == d[i-1][j-1]+1:
			out = append(out, q.edit(s, Replace, pre+i-1, pre+j-1))
			i, j = i-1, j-1
		case i > 0 && d[i][j] == d[i-1][j]+1:
			out = append(out, q.edit(s, Insert, pre+i-1, pre+j))
			i--
		default:
			out = append(out, q.edit(s, Delete, pre+i, pre+j-1))
			j--
		}
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return out
}

// edit builds a Diff for query word qi and source word si; for Insert si is the source word
// before which the query word would go, for Delete qi is the query word before which the source
// word is missing.
func (q *segment) edit(s *segment, op DiffOp, qi, si int) Diff {
	var e Diff
	e.Op = op
	switch op {
	case Replace:
		e.QueryStart, e.QueryEnd = q.toks[qi].Start, q.toks[qi].End
		e.SourceStart, e.SourceEnd = s.toks[si].Start, s.toks[si].End
	case Insert:
		e.QueryStart, e.QueryEnd = q.toks[qi].Start, q.toks[qi].End
		e.SourceStart = insertionPoint(s, si)
		e.SourceEnd = e.SourceStart
	case Delete:
		e.SourceStart, e.SourceEnd = s.toks[si].Start, s.toks[si].End
		e.QueryStart = insertionPoint(q, qi)
		e.QueryEnd = e.QueryStart
	}
	e.QueryText = q.text[e.QueryStart:e.QueryEnd]
	e.SourceText = s.text[e.SourceStart:e.SourceEnd]
	return e
}

// insertionPoint is the byte offset before word i of s, or the end of the text after the last.
func insertionPoint(s *segment, i int) int {
	if i < len(s.toks) {
		return s.toks[i].Start
	}
	return len(s.text)
}

// adjust substitutes, in target, the numbers and placeholders that the query replaced in the
// source: for each Replace of a number by a number (or a placeholder by a placeholder) whose
// source text occurs exactly once in target as a token, in Latin or Arabic-Indic digits, the
// query's token is written there in the target's digit script.
func adjust(ds []Diff, q, s *segment, target string) (string, bool) {
	type sub struct {
		start, end int
		text       string
	}
	var subs []sub
	var ttoks []token.Token
	for _, d := range ds {
		if d.Op != Replace {
			continue
		}
		qk, sk := kindAt(q, d.QueryStart), kindAt(s, d.SourceStart)
		if qk != sk || qk != token.Number && qk != token.Placeholder {
			continue
		}
		if ttoks == nil {
			ttoks = tmkey.Tokens(target)
		}
		want := normalize.Search.String(d.SourceText)
		at := -1
		for i, t := range ttoks {
			if t.Kind == qk && normalize.Search.String(target[t.Start:t.End]) == want {
				if at >= 0 {
					at = -2 // ambiguous: leave the target alone
					break
				}
				at = i
			}
		}
		if at < 0 {
			continue
		}
		t := ttoks[at]
		text := d.QueryText
		if qk == token.Number {
			text = digitsLike(text, target[t.Start:t.End])
		}
		subs = append(subs, sub{t.Start, t.End, text})
	}
	if len(subs) == 0 {
		return target, false
	}
	// Apply in text order, dropping overlapping substitutions.
	slices.SortFunc(subs, func(a, b sub) int { return a.start - b.start })
	var b strings.Builder
	last := 0
	for _, x := range subs {
		if x.start < last {
			continue
		}
		b.WriteString(target[last:x.start])
		b.WriteString(x.text)
		last = x.end
	}
	b.WriteString(target[last:])
	return b.String(), true
}

func kindAt(s *segment, start int) token.Kind {
	for _, t := range s.toks {
		if t.Start == start {
			return t.Kind
		}
	}
	return token.Kind(0)
}

// digitsLike rewrites the digits of n in the script of the digits of like (Arabic-Indic ٠–٩,
// Extended Arabic-Indic ۰–۹ or ASCII).
func digitsLike(n, like string) string {
	zero := '0'
	for _, r := range like {
		if r >= '٠' && r <= '٩' {
			zero = '٠'
			break
		}
		if r >= '۰' && r <= '۹' {
			zero = '۰'
			break
		}
		if r >= '0' && r <= '9' {
			break
		}
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return zero + r - '0'
		case r >= '٠' && r <= '٩':
			return zero + r - '٠'
		case r >= '۰' && r <= '۹':
			return zero + r - '۰'
		}
		return r
	}, n)
}
