package tbx

import (
	"errors"
	"fmt"
)

// Dialect is the flavour of TBX a Document was read from or is written as.
type Dialect uint8

// The dialects this package reads and writes.
const (
	// BasicV3 is TBX-Basic on TBX v3 (ISO 30042:2019) in DCA style: data categories are type attributes,
	// as in <termNote type="partOfSpeech">. It is the default for writing.
	BasicV3 Dialect = iota
	// BasicV3DCT is TBX-Basic on TBX v3 in DCT style: data categories are namespaced elements, as in
	// <min:partOfSpeech> or <basic:definition>.
	BasicV3DCT
	// V2 is TBX v2 (ISO 30042:2008, <martif type="TBX-Basic">) with <termEntry>, <langSet> and <tig>.
	V2
)

// String returns the dialect's name as used in documentation: "TBX-Basic v3 DCA", "TBX-Basic v3 DCT" or
// "TBX v2".
func (d Dialect) String() string {
	switch d {
	case BasicV3:
		return "TBX-Basic v3 DCA"
	case BasicV3DCT:
		return "TBX-Basic v3 DCT"
	case V2:
		return "TBX v2"
	}
	return fmt.Sprintf("tbx.Dialect(%d)", uint8(d))
}

// Document is a whole termbase: the header information of the root and its concept entries.
// A Document is plain data: it is safe for concurrent reads, not for concurrent modification.
type Document struct {
	// Dialect is the dialect the document was read from; Write takes the dialect as an argument instead.
	Dialect Dialect
	// Lang is the xml:lang of the root element, the default language of the document's text.
	// Write uses "en" when it is empty, because TBX v3 requires it.
	Lang string
	// Type is the type attribute of the root ("TBX-Basic", "TBX-Core"...). Write ignores it and always
	// declares TBX-Basic, the dialect it produces.
	Type string
	// Title is the text of <titleStmt><title>.
	Title string
	// SourceDesc is the text of the <p> elements of <sourceDesc>, joined by "\n" when there are several.
	SourceDesc string
	// Entries are the concept entries (<conceptEntry> in v3, <termEntry> in v2), in document order.
	Entries []Entry
}

// Entry is one concept: <conceptEntry> in TBX v3, <termEntry> in v2.
// Single-valued fields take the first non-empty occurrence of their data category; any further occurrence is
// kept in Descrips, so nothing read is dropped silently.
type Entry struct {
	ID               string
	Subject          string // subjectField
	Definition       string // a definition at concept level (TBX-Basic puts it in LangSec)
	DefinitionSource string // the source admin of the definition's descripGrp
	Notes            []string
	Descrips         []Descrip // every other data category at concept level, in document order
	Langs            []LangSec
}

// LangSec is the part of an Entry in one language: <langSec> in v3, <langSet> in v2.
type LangSec struct {
	Lang             string // xml:lang, as written (a BCP 47 tag such as "ar" or "en-US")
	Definition       string
	DefinitionSource string
	Notes            []string
	Descrips         []Descrip
	Terms            []TermSec
}

// TermSec is one term and its term-level information: <termSec> in v3, <tig> or <ntig> in v2.
type TermSec struct {
	ID   string
	Term string // never empty: a document with an empty <term> is rejected
	// PartOfSpeech is the raw value, e.g. "noun".
	PartOfSpeech string
	// AdministrativeStatus is the raw value, e.g. "preferredTerm-admn-sts"; StatusValue interprets it.
	AdministrativeStatus string
	TermType             string // e.g. "fullForm", "acronym"
	Context              string // an example sentence
	ContextSource        string // the source admin of the context's descripGrp
	Source               string // a source admin at term level
	Customer             string // customerSubset
	Project              string // projectSubset
	Notes                []string
	Descrips             []Descrip
}

// Descrip is a data category this package does not model by a field (xGraphic, geographicalUsage,
// grammaticalGender, transactions...), kept so that it survives a round trip.
type Descrip struct {
	// Type is the data category name: the type attribute in DCA style and v2, the element's local name
	// in DCT style; "note" and "date" for those core elements.
	Type   string
	Value  string
	Target string // the target attribute (xref, ref, transacNote, DCT cross references), if any
	// Element is the DCA element the category was read from ("descrip", "admin", "termNote", "xref", "ref",
	// "transac", "transacNote", "date", "note"...); empty when read from DCT style or built in code, in which
	// case Write picks TBX-Basic's element for the category.
	Element string
	// Info holds the other members of the group (<descripGrp>, <adminGrp>, <transacGrp>, <termNoteGrp>)
	// whose head this Descrip is: its sources, dates, notes, responsibilities.
	Info []Descrip
}

// Sentinel errors, wrapped in a *ParseError when they come from input.
var (
	ErrNotTBX      = errors.New("tbx: not a TBX document")
	ErrEmptyTerm   = errors.New("tbx: empty term")
	ErrMissingLang = errors.New("tbx: language section without xml:lang")
	ErrDuplicateID = errors.New("tbx: duplicate id")
	ErrTooDeep     = errors.New("tbx: groups nested too deeply")
	ErrEncoding    = errors.New("tbx: unsupported encoding")
)

// ParseError is a problem in the input, with the position where it was found: line and byte column, both
// 1-based, in the UTF-8 text (after decoding UTF-16 or a legacy charset).
type ParseError struct {
	Line, Column int
	Err          error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("tbx: line %d, column %d: %s", e.Line, e.Column, trimPrefix(e.Err))
}

// Unwrap returns the underlying error: one of the sentinels above, an *xml.SyntaxError or another error
// of encoding/xml about the input.
func (e *ParseError) Unwrap() error { return e.Err }
