package normalize

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Arabic code points the folds refer to by name.
const (
	alef         = 'ا'
	alefMadda    = 'آ'
	alefHamza    = 'أ'
	alefHamzaBel = 'إ'
	waw          = 'و'
	wawHamza     = 'ؤ'
	yeh          = 'ي'
	yehHamza     = 'ئ'
	hamza        = 'ء'
	heh          = 'ه'
	kaf          = 'ك'
	tatweel      = '\u0640'
	daggerAlef   = '\u0670'
	maddaAbove   = '\u0653'
	hamzaAbove   = '\u0654'
	hamzaBelow   = '\u0655'
	zwnj         = '\u200C'
)

// compose returns the precomposed letter for base followed by a madda or hamza mark, or 0 if the pair has
// no canonical composition. These eight pairs are every canonical composition in the Arabic blocks.
func compose(base, mark rune) rune {
	switch mark {
	case maddaAbove:
		if base == alef {
			return alefMadda
		}
	case hamzaAbove:
		switch base {
		case alef:
			return alefHamza
		case waw:
			return wawHamza
		case yeh:
			return yehHamza
		case 'ە':
			return 'ۀ'
		case 'ہ':
			return 'ۂ'
		case 'ے':
			return 'ۓ'
		}
	case hamzaBelow:
		if base == alef {
			return alefHamzaBel
		}
	}
	return 0
}

// composable reports whether r can take a madda or hamza mark by canonical composition.
func composable(r rune) bool {
	return compose(r, maddaAbove) != 0 || compose(r, hamzaAbove) != 0 || compose(r, hamzaBelow) != 0
}

// isPresentation reports whether r is in a block that PresentationForms maps to letters.
func isPresentation(r rune) bool {
	return (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF) || (r >= 0x1EE00 && r <= 0x1EEFF)
}

// letters returns the letter-stage runes for r: its NFKC expansion for a presentation form (without the
// space or tatweel that carries an isolated vowel form), r itself otherwise. buf is scratch space.
func (o *Options) letters(r rune, buf *[1]rune) []rune {
	if o.PresentationForms && isPresentation(r) {
		if k, ok := presentationLetters()[r]; ok {
			return k
		}
	}
	buf[0] = r
	return buf[:]
}

// presentationLetters maps every presentation form that NFKC changes to its letters, computed once.
var presentationLetters = sync.OnceValue(func() map[rune][]rune {
	m := make(map[rune][]rune)
	for _, block := range [][2]rune{{0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}, {0x1EE00, 0x1EEFF}} {
		for r := block[0]; r <= block[1]; r++ {
			k := []rune(norm.NFKC.String(string(r)))
			if len(k) == 1 && k[0] == r {
				continue
			}
			if len(k) >= 2 && (k[0] == ' ' || k[0] == tatweel) && unicode.Is(unicode.Mn, k[1]) {
				k = k[1:]
			}
			m[r] = k
		}
	}
	return m
})

// fold applies every fold after the letter stage to one rune: it returns the replacement and true, or
// false when the rune is deleted. The folds touch disjoint sets of runes, so their order does not matter.
func (o *Options) fold(r rune) (rune, bool) {
	switch {
	case r >= 0x064B && r <= 0x065F:
		if o.Tashkeel && (!o.LuceneCompat || r <= 0x0652) {
			return 0, false
		}
	case r == daggerAlef:
		switch o.DaggerAlef {
		case DaggerStrip:
			return 0, false
		case DaggerToAlef:
			return alef, true
		}
	case isQuranicMark(r):
		if o.QuranicMarks {
			return 0, false
		}
	case r == tatweel:
		if o.Tatweel {
			return 0, false
		}
	case r == alefHamza || r == alefHamzaBel || r == alefMadda:
		if o.Alef {
			return alef, true
		}
	case r == 'ٱ' || r == 'ٲ' || r == 'ٳ' || r == 'ٵ':
		if o.Alef && !o.LuceneCompat {
			return alef, true
		}
	case r == wawHamza || r == yehHamza:
		switch o.Hamza {
		case HamzaCarriers:
			if r == wawHamza {
				return waw, true
			}
			return yeh, true
		case HamzaUniform:
			return hamza, true
		}
	case r == 'ة':
		if o.TehMarbuta {
			return heh, true
		}
	case r == 'ۃ':
		if o.TehMarbuta && !o.LuceneCompat {
			return heh, true
		}
	case r == 'ى':
		if o.AlefMaksura {
			return yeh, true
		}
	case r == 'ی' || r == 'ې' || r == 'ے':
		if o.PersianLetters {
			return yeh, true
		}
	case r == 'ک' || r == 'ڪ':
		if o.PersianLetters {
			return kaf, true
		}
	case r == 'ۀ' || r == 'ہ' || r == 'ھ' || r == 'ۂ':
		if o.PersianLetters {
			return heh, true
		}
	case r >= '٠' && r <= '٩':
		if o.Digits {
			return '0' + r - '٠', true
		}
	case r >= '۰' && r <= '۹':
		if o.Digits {
			return '0' + r - '۰', true
		}
	case r == '٫' || r == '٬' || r == '٪':
		if o.Digits {
			return asciiFor(r), true
		}
	case r == '،' || r == '؛' || r == '؟' || r == '۔':
		if o.Punctuation {
			return asciiFor(r), true
		}
	case isControl(r):
		if o.Controls {
			return 0, false
		}
	case r == zwnj:
		switch o.ZWNJ {
		case ZWNJDelete:
			return 0, false
		case ZWNJSpace:
			return ' ', true
		}
	case o.FoldCase:
		return caseFold(r), true
	}
	return r, true
}

// asciiFor returns the ASCII counterpart of an Arabic separator or punctuation mark.
func asciiFor(r rune) rune {
	switch r {
	case '٫', '۔':
		return '.'
	case '٬', '،':
		return ','
	case '٪':
		return '%'
	case '؛':
		return ';'
	case '؟':
		return '?'
	}
	return r
}

// isQuranicMark reports whether r is deleted by QuranicMarks.
func isQuranicMark(r rune) bool {
	switch {
	case r >= 0x0610 && r <= 0x061A:
		return true
	case r >= 0x06D6 && r <= 0x06ED:
		return r == 0x06DD || r == 0x06DE || r == 0x06E9 || unicode.Is(unicode.Mn, r)
	case r >= 0x08CA && r <= 0x08FF:
		return r == 0x08E2 || unicode.Is(unicode.Mn, r)
	}
	return false
}

// isControl reports whether r is an invisible format character deleted by Controls.
func isControl(r rune) bool {
	switch r {
	case 0x00AD, 0x061C, 0x200B, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF:
		return true
	}
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// foldExceptions are the simple case foldings (CaseFolding.txt status S) that are not the lower case of
// the upper case, because the folded letter has no case partner of its own.
var foldExceptions = map[rune]rune{0x1FD3: 0x0390, 0x1FE3: 0x03B0, 0xFB05: 0xFB06}

// caseFold returns the Unicode simple case folding of r when r is a Latin, Greek or Cyrillic letter, and r
// otherwise.
func caseFold(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if unicode.SimpleFold(r) == r || !unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic) {
		return r
	}
	if f, ok := foldExceptions[r]; ok {
		return f
	}
	return unicode.ToLower(unicode.ToUpper(r))
}

// isMarkLike reports whether a deleted r belongs to the word before it (a combining mark or tatweel), so
// that OffsetMap.OrigSpan extends a highlight over it.
func isMarkLike(r rune) bool {
	return r == tatweel || unicode.In(r, unicode.Mn, unicode.Me)
}
