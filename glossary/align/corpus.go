package align

import (
	"context"
	"iter"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/glossary"
)

const maxN = 4 // longest term, in tokens

// Token flags.
const (
	fCand   uint8 = 1 << iota // a word of the side's script: may be part of a term
	fStop                     // a stop word
	fJoined                   // directly follows the previous aligned token (no punctuation between)
	fNeg                      // an Arabic negation: a stop word that may start a term (غير صالح ↔ invalid)
	fShort                    // a one-letter key (B, ب): not a term on its own
)

// tok is one aligned token: a word, number or placeholder with its lexicon id and byte span.
type tok struct {
	id         int32
	start, end int32
	flags      uint8
}

// occ is one occurrence of a term candidate in a segment: tokens [start, start+n).
type occ struct {
	cand  int32
	start uint16
	n     uint8
}

type segment struct {
	text   [2]string
	toks   [2][]tok
	occs   [2][]occ
	scored bool // both sides non-empty and short enough to align
}

// corpus is the tokenized input with one lexicon per side (0 = source, 1 = target).
type corpus struct {
	segs             []segment
	lex              [2]*lexicon
	cands            [2]*candidates
	srcLang, tgtLang language.Tag
	arabic           [2]bool
	scored           int
}

var (
	arabicTag  = language.Arabic
	englishTag = language.English
)

// read collects the pairs, settles the languages and tokenizes both sides.
func read(ctx context.Context, pairs iter.Seq[glossary.Pair], o *Options) (*corpus, error) {
	c := &corpus{}
	o.report(StageRead, 0, 0)
	n := 0
	for p := range pairs {
		if n%1024 == 0 {
			if err := cancelled(ctx); err != nil {
				return nil, err
			}
		}
		c.segs = append(c.segs, segment{text: [2]string{p.Source, p.Target}})
		n++
	}
	if err := c.languages(o); err != nil {
		return nil, err
	}
	for s := range 2 {
		c.lex[s] = newLexicon(c.arabic[s])
	}
	for i := range c.segs {
		if i%1024 == 0 {
			if err := cancelled(ctx); err != nil {
				return nil, err
			}
			if i > 0 {
				o.report(StageRead, i, len(c.segs))
			}
		}
		sg := &c.segs[i]
		for s := range 2 {
			sg.toks[s] = c.lex[s].tokens(sg.text[s])
		}
		na, nb := len(sg.toks[0]), len(sg.toks[1])
		sg.scored = na > 0 && nb > 0 && na <= o.MaxSegmentTokens && nb <= o.MaxSegmentTokens
		if sg.scored {
			c.scored++
		}
	}
	o.report(StageRead, len(c.segs), len(c.segs))
	return c, nil
}

// languages checks or detects which side is Arabic.
func (c *corpus) languages(o *Options) error {
	isAr := func(t language.Tag) bool { b, _ := t.Base(); ab, _ := arabicTag.Base(); return b == ab }
	isEn := func(t language.Tag) bool { b, _ := t.Base(); eb, _ := englishTag.Base(); return b == eb }
	src, tgt := o.Source, o.Target
	switch {
	case src == language.Und && tgt == language.Und:
		if c.arabicShare(0) >= c.arabicShare(1) {
			src, tgt = arabicTag, englishTag
		} else {
			src, tgt = englishTag, arabicTag
		}
	case tgt == language.Und && isAr(src):
		tgt = englishTag
	case tgt == language.Und && isEn(src):
		tgt = arabicTag
	case src == language.Und && isAr(tgt):
		src = englishTag
	case src == language.Und && isEn(tgt):
		src = arabicTag
	}
	if !(isAr(src) && isEn(tgt) || isEn(src) && isAr(tgt)) {
		return ErrLanguage
	}
	c.srcLang, c.tgtLang = src, tgt
	c.arabic = [2]bool{isAr(src), isAr(tgt)}
	return nil
}

// arabicShare counts Arabic letters minus other letters on one side of (up to) the first 2,000 segments.
func (c *corpus) arabicShare(side int) int {
	n := 0
	for i := range min(len(c.segs), 2000) {
		for _, r := range c.segs[i].text[side] {
			if r < utf8.RuneSelf {
				if 'a' <= r|0x20 && r|0x20 <= 'z' {
					n--
				}
				continue
			}
			if unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) {
				n++
			}
		}
	}
	return n
}
