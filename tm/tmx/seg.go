package tmx

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// InlineKind tells what an Inline is: a text run or one of the TMX inline elements.
type InlineKind uint8

// The inline kinds. BPT, EPT, IT, PH and UT are codes: their Content is the
// native code of the original format (text and SUB elements). HI delimits
// translatable text. SUB holds translatable text inside a code.
const (
	Text InlineKind = iota // a run of text; only Inline.Text is set
	BPT                    // <bpt>: begins a paired native code
	EPT                    // <ept>: ends a paired native code
	IT                     // <it>: an isolated begin or end code (Pos "begin" or "end")
	PH                     // <ph>: a standalone native code (an image, a line break…)
	HI                     // <hi>: highlighted text; Content is translatable
	SUB                    // <sub>: a translatable sub-flow inside a code
	UT                     // <ut>: an unknown code (deprecated in TMX 1.4)
)

var kindNames = [...]string{"text", "bpt", "ept", "it", "ph", "hi", "sub", "ut"}

// String returns the TMX element name of k ("text" for Text).
func (k InlineKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("InlineKind(%d)", k)
}

func (k InlineKind) isCode() bool { return k == BPT || k == EPT || k == IT || k == PH || k == UT }

// Inline is one item of a segment: a text run or an inline element with its
// attributes and children. Attributes are kept as written; an empty string
// means the attribute was absent. It is a plain value, as are Seg and Code.
type Inline struct {
	Kind     InlineKind
	Text     string // the text of a Text run
	I        string // i: pairs a BPT with its EPT
	X        string // x: pairs codes across the variants of a TU
	Type     string // type: the kind of code (bold, image, …)
	Pos      string // pos of IT: "begin" or "end"
	Assoc    string // assoc of PH: p (previous), f (following) or b (both)
	DataType string // datatype of SUB
	// Ext holds the attributes TMX 1.4b does not define for the element
	// (vendor extensions), in document order, as name="value" pairs separated
	// by single spaces with values escaped as in XML, e.g. `ctype="x-b" rid="3"`.
	// The Encoder writes it back verbatim after checking that it is well-formed.
	Ext     string
	Content Seg // children: native code data and SUB of a code, the content of HI and SUB
}

// Seg is a segment kept as structure: text runs and inline elements in
// document order. Segments produced by the Decoder have no empty text runs and
// never two text runs in a row.
type Seg []Inline

// String returns the plain text of s as a conforming TMX importer extracts it:
// text runs and the content of HI, with codes (BPT, EPT, IT, PH, UT and any
// SUB inside them) dropped. Use Encode to keep the codes.
func (s Seg) String() string {
	if len(s) == 1 && s[0].Kind == Text {
		return s[0].Text
	}
	var b strings.Builder
	s.writePlain(&b)
	return b.String()
}

func (s Seg) writePlain(b *strings.Builder) {
	for i := range s {
		switch s[i].Kind {
		case Text:
			b.WriteString(s[i].Text)
		case HI:
			s[i].Content.writePlain(b)
		}
	}
}

// Code is what one placeholder rune of a match text stands for (see Seg.Encode).
type Code struct {
	Inline      // the element; for the opening of a HI its Content is empty
	Close  bool // the placeholder closes the HI opened by an earlier placeholder
}

// Placeholder runes: the Basic Multilingual Plane private use area first,
// then supplementary private use planes 15 and 16.
const (
	bmpPUAFirst, bmpPUALast = 0xE000, 0xF8FF
	spuaAFirst, spuaALast   = 0xF0000, 0xFFFFD
	spuaBFirst, spuaBLast   = 0x100000, 0x10FFFD
	bmpPUASize              = bmpPUALast - bmpPUAFirst + 1
	spuaSize                = spuaALast - spuaAFirst + 1
	// MaxCodes is the number of distinct placeholders Encode can emit.
	MaxCodes = bmpPUASize + 2*spuaSize
)

// Placeholder returns the rune that stands for code n in a match text:
// U+E000+n for the first 6400 codes, then the supplementary private use planes.
// It returns utf8.RuneError when n is out of range.
func Placeholder(n int) rune {
	switch {
	case n < 0:
		return utf8.RuneError
	case n < bmpPUASize:
		return rune(bmpPUAFirst + n)
	case n < bmpPUASize+spuaSize:
		return rune(spuaAFirst + n - bmpPUASize)
	case n < MaxCodes:
		return rune(spuaBFirst + n - bmpPUASize - spuaSize)
	}
	return utf8.RuneError
}

// PlaceholderIndex returns the code number of r, or -1 if r is not a placeholder rune.
func PlaceholderIndex(r rune) int {
	switch {
	case r >= bmpPUAFirst && r <= bmpPUALast:
		return int(r - bmpPUAFirst)
	case r >= spuaAFirst && r <= spuaALast:
		return int(r-spuaAFirst) + bmpPUASize
	case r >= spuaBFirst && r <= spuaBLast:
		return int(r-spuaBFirst) + bmpPUASize + spuaSize
	}
	return -1
}

// ErrTooManyCodes is returned by Encode for a segment with more than MaxCodes codes.
var ErrTooManyCodes = errors.New("tmx: too many codes for the placeholder runes")

// Encode returns the match text of s and the codes its placeholders stand for:
// text runs are copied, each code (BPT, EPT, IT, PH, UT, with its content)
// becomes one placeholder rune Placeholder(n) where n indexes codes, and a HI
// becomes an opening placeholder, its encoded content and a closing placeholder
// (Code.Close). A private use rune that already occurs in the text is itself
// recorded as a code (a Text Inline holding it), so every private use rune of
// the match text is a placeholder and DecodeSeg(Encode(s)) rebuilds s exactly.
// A TM matches on the text and restores codes with DecodeSeg.
func (s Seg) Encode() (string, []Code, error) {
	var b strings.Builder
	var codes []Code
	if err := s.encode(&b, &codes); err != nil {
		return "", nil, err
	}
	return b.String(), codes, nil
}

func (s Seg) encode(b *strings.Builder, codes *[]Code) error {
	add := func(c Code) error {
		r := Placeholder(len(*codes))
		if r == utf8.RuneError {
			return ErrTooManyCodes
		}
		*codes = append(*codes, c)
		b.WriteRune(r)
		return nil
	}
	for _, in := range s {
		switch in.Kind {
		case Text:
			for _, r := range in.Text {
				if PlaceholderIndex(r) < 0 {
					b.WriteRune(r)
				} else if err := add(Code{Inline: Inline{Kind: Text, Text: string(r)}}); err != nil {
					return err
				}
			}
		case HI:
			open := in
			open.Content = nil
			if err := add(Code{Inline: open}); err != nil {
				return err
			}
			if err := in.Content.encode(b, codes); err != nil {
				return err
			}
			if err := add(Code{Inline: Inline{Kind: HI}, Close: true}); err != nil {
				return err
			}
		default:
			if err := add(Code{Inline: in}); err != nil {
				return err
			}
		}
	}
	return nil
}

// DecodeSeg rebuilds a segment from a match text and its codes (see
// Seg.Encode): each placeholder rune is replaced by its code, an opening HI
// placeholder collects everything up to its closing one as Content, and the
// remaining text becomes text runs. Placeholders may be reordered or repeated
// (a translation moves codes). A private use rune beyond the codes is kept as
// text: text built by hand (a TSV import, a unit added by a program) may hold
// an icon font's glyph, and Encode turns it back into a code of its own. It
// fails on an unbalanced HI and on invalid UTF-8.
func DecodeSeg(text string, codes []Code) (Seg, error) {
	type frame struct {
		hi  Inline
		seg Seg
	}
	stack := []frame{{}}
	top := func() *Seg { return &stack[len(stack)-1].seg }
	start := 0
	flush := func(end int) {
		if end > start {
			top().appendText(text[start:end])
		}
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			return nil, fmt.Errorf("tmx: invalid UTF-8 in match text at byte %d", i)
		}
		n := PlaceholderIndex(r)
		if n < 0 || n >= len(codes) { // a private use rune without a code is text (an icon font's glyph)
			i += size
			continue
		}
		flush(i)
		i += size
		start = i
		c := codes[n]
		switch {
		case c.Close:
			if len(stack) == 1 {
				return nil, fmt.Errorf("tmx: placeholder %U closes no hi", r)
			}
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			f.hi.Content = f.seg
			*top() = append(*top(), f.hi)
		case c.Kind == HI:
			stack = append(stack, frame{hi: c.Inline})
		case c.Kind == Text:
			top().appendText(c.Text)
		default:
			*top() = append(*top(), c.Inline)
		}
	}
	flush(len(text))
	if len(stack) != 1 {
		return nil, errors.New("tmx: hi opened in match text is not closed")
	}
	return stack[0].seg, nil
}

// appendText adds t to s, merging it into a trailing text run.
func (s *Seg) appendText(t string) {
	if t == "" {
		return
	}
	if n := len(*s); n > 0 && (*s)[n-1].Kind == Text {
		(*s)[n-1].Text += t
		return
	}
	*s = append(*s, Inline{Kind: Text, Text: t})
}
