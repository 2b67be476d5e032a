package tmx

import (
	"strings"
	"time"

	"golang.org/x/text/language"
)

// Header is the content of a TMX <header> element plus the version of the
// enclosing <tmx> element. Empty strings and zero times mean the attribute
// was absent. It is a plain value: safe for concurrent reads.
type Header struct {
	CreationTool        string
	CreationToolVersion string
	SegType             string // block, paragraph, sentence or phrase
	OTMF                string // o-tmf: the original TM format
	AdminLang           string
	SrcLang             string // a language tag or "*all*"
	DataType            string
	OEncoding           string
	CreationID          string
	ChangeID            string
	CreationDate        time.Time
	ChangeDate          time.Time
	Props               []Prop
	Notes               []Note
	UDEs                []UDE
	Version             string // the version attribute of <tmx> ("1.1" … "1.4"); the Encoder always writes "1.4"
	Ext                 string // attributes TMX does not define, see Inline.Ext
}

// Prop is a <prop>: tool-specific data of a header, TU or TUV. Plain value, like Note, UDE and Map.
type Prop struct {
	Type     string
	Lang     string
	Encoding string // o-encoding
	Value    string
}

// Note is a <note>: a free-text comment on a header, TU or TUV.
type Note struct {
	Lang     string
	Encoding string // o-encoding
	Text     string
}

// UDE is a header <ude> (user-defined encoding) with its <map> entries.
type UDE struct {
	Name string
	Base string
	Maps []Map
}

// Map is one <map> entry of a UDE; Unicode and Code are kept as written ("#xF8FF").
type Map struct {
	Unicode, Code, Ent, Subst string
}

// TU is a translation unit: one segment in several languages.
// Line is the line of the input on which the <tu> start tag began (0 for TUs not read by a Decoder).
// It is a plain value: safe for concurrent reads.
type TU struct {
	TUID                string
	SrcLang             string // a language tag or "*all*"; empty means the header's
	DataType            string
	SegType             string
	OTMF                string
	OEncoding           string
	CreationTool        string
	CreationToolVersion string
	CreationID          string
	ChangeID            string
	CreationDate        time.Time
	ChangeDate          time.Time
	LastUsageDate       time.Time
	UsageCount          int
	Props               []Prop
	Notes               []Note
	Variants            []TUV
	Line                int
	Ext                 string // attributes TMX does not define, see Inline.Ext
}

// TUV is one language variant of a TU; a plain value like TU.
type TUV struct {
	Lang                string // raw value of xml:lang (TMX 1.4) or lang (TMX 1.1)
	Seg                 Seg
	Props               []Prop
	Notes               []Note
	CreationDate        time.Time
	ChangeDate          time.Time
	LastUsageDate       time.Time
	CreationID          string
	ChangeID            string
	UsageCount          int
	CreationTool        string
	CreationToolVersion string
	DataType            string
	OTMF                string
	OEncoding           string
	Ext                 string // attributes TMX does not define, see Inline.Ext
}

// Variant returns the variant for lang, chosen by language and never by
// position: first a variant whose tag equals lang (case-insensitively, after
// canonicalization), then one with the same base language, preferring a variant
// that names only the base language ("ar" for ar-EG) and otherwise the first in
// document order. Of two variants with the same tag the first wins. It returns
// nil when no variant matches; see ExactVariant to refuse base-language matches.
func (tu *TU) Variant(lang language.Tag) *TUV {
	want := lang.String()
	for i := range tu.Variants {
		if strings.EqualFold(tu.Variants[i].Lang, want) {
			return &tu.Variants[i]
		}
	}
	base, conf := lang.Base()
	if conf == language.No {
		return nil
	}
	var first *TUV
	for i := range tu.Variants {
		v := &tu.Variants[i]
		t, err := language.Parse(v.Lang)
		if err != nil && t == language.Und {
			continue
		}
		if t == lang {
			return v
		}
		b, c := t.Base()
		if c == language.No || b != base {
			continue
		}
		if first == nil || isBareLanguage(t) && !isBareLanguage(tagOf(first)) {
			first = v
		}
	}
	return first
}

// ExactVariant returns the first variant whose tag equals lang (compared
// case-insensitively after canonicalization, so "EN_us" is en-US), or nil: use
// it where a TU without exactly that language must not be used, as when
// importing one language pair of a multilingual TMX.
func (tu *TU) ExactVariant(lang language.Tag) *TUV {
	want := lang.String()
	for i := range tu.Variants {
		v := &tu.Variants[i]
		if strings.EqualFold(v.Lang, want) {
			return v
		}
		if t, err := language.Parse(v.Lang); err == nil && t == lang {
			return v
		}
	}
	return nil
}

func isBareLanguage(t language.Tag) bool {
	b, _ := t.Base()
	bare, _ := language.Compose(b)
	return bare == t
}

func tagOf(v *TUV) language.Tag {
	t, _ := language.Parse(v.Lang)
	return t
}
