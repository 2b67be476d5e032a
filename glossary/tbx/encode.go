package tbx

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// The processing instructions the official TBX-Basic v3 examples start with: the schemas that validate
// each style.
const (
	modelDCA = `<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>`
	modelDCT = `<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCT/TBX-Basic.nvdl" type="application/xml" schematypens="http://purl.oclc.org/dsdl/nvdl/ns/structure/1.0"?>
<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCT/TBX-Basic_DCT.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>`
	doctypeV2 = `<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">`
)

// Write writes doc as TBX-Basic in dialect d: v3 DCA (BasicV3, the usual choice), v3 DCT or v2 (<martif>
// with <tig>). doc.Dialect is ignored. Modeled fields are written with TBX-Basic's elements, Descrips in the
// form they were read (or TBX-Basic's for their category), so Read gives back the same Document apart from
// Descrip.Element, which DCT style does not record, and the order of a term's Descrips: those written as
// <termNote> come first, as TBX requires.
//
// The document is checked before anything is written: an empty term, a language section without a
// language, text that XML 1.0 cannot carry (invalid UTF-8, control characters) or Descrip groups nested
// deeper than Read accepts is an error, and then nothing is written. Output is UTF-8, indented with tabs; text keeps its line breaks (a carriage return
// is written as &#xD; so that it survives).
func Write(w io.Writer, doc *Document, d Dialect) error {
	if d > V2 {
		return fmt.Errorf("tbx: unknown dialect %d", d)
	}
	if doc == nil {
		return errors.New("tbx: nil document")
	}
	if err := check(doc); err != nil {
		return err
	}
	e := &encoder{w: bufio.NewWriterSize(w, 32<<10), d: d}
	e.document(doc)
	if e.err != nil {
		return e.err
	}
	return e.w.Flush()
}

// check validates what Write would otherwise write as invalid TBX or invalid XML. Descriptions of where a
// problem lies are built only when there is one.
func check(doc *Document) error {
	c := checker{}
	c.text(func() string { return "the header" }, doc.Lang, doc.Title, doc.SourceDesc)
	for i := range doc.Entries {
		e := &doc.Entries[i]
		inEntry := func() string { return fmt.Sprintf("entry %q", e.ID) }
		c.text(inEntry, e.ID, e.Subject, e.Definition, e.DefinitionSource)
		c.text(inEntry, e.Notes...)
		c.descrips(inEntry, e.Descrips)
		for j := range e.Langs {
			ls := &e.Langs[j]
			if strings.TrimSpace(ls.Lang) == "" && c.err == nil {
				c.err = fmt.Errorf("%w (entry %q)", ErrMissingLang, e.ID)
			}
			c.text(inEntry, ls.Lang, ls.Definition, ls.DefinitionSource)
			c.text(inEntry, ls.Notes...)
			c.descrips(inEntry, ls.Descrips)
			for k := range ls.Terms {
				t := &ls.Terms[k]
				if strings.TrimSpace(t.Term) == "" && c.err == nil {
					c.err = fmt.Errorf("%w (entry %q, language %q)", ErrEmptyTerm, e.ID, ls.Lang)
				}
				inTerm := func() string { return fmt.Sprintf("entry %q, term %q", e.ID, t.Term) }
				c.text(inTerm, t.ID, t.Term, t.PartOfSpeech, t.AdministrativeStatus, t.TermType,
					t.Context, t.ContextSource, t.Source, t.Customer, t.Project)
				c.text(inTerm, t.Notes...)
				c.descrips(inTerm, t.Descrips)
			}
		}
	}
	return c.err
}

type checker struct{ err error }

func (c *checker) descrips(where func() string, ds []Descrip) { c.nested(where, ds, 0) }

// nested checks Descrips whose groups are depth deep, refusing nesting the reader would refuse.
func (c *checker) nested(where func() string, ds []Descrip, depth int) {
	for i := range ds {
		d := &ds[i]
		c.text(where, d.Type, d.Value, d.Target, d.Element)
		if len(d.Info) == 0 {
			continue
		}
		if depth >= maxGroupDepth {
			if c.err == nil {
				c.err = fmt.Errorf("%w (in %s)", ErrTooDeep, where())
			}
			return
		}
		c.nested(where, d.Info, depth+1)
	}
}

// text records the first string of ss that XML 1.0 cannot carry.
func (c *checker) text(where func() string, ss ...string) {
	for _, s := range ss {
		if c.err != nil {
			return
		}
		for i, r := range s {
			if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
				c.err = fmt.Errorf("tbx: invalid UTF-8 in %s", strings.ToValidUTF8(where(), "\uFFFD"))
				return
			}
			if !isXMLChar(r) {
				c.err = fmt.Errorf("tbx: character %U cannot be written in XML (in %s)", r, strings.ToValidUTF8(where(), "\uFFFD"))
				return
			}
		}
	}
}

// isXMLChar reports whether r is allowed in XML 1.0 documents (the Char production).
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// encoder writes a checked document; its first write error is kept and ends the output.
type encoder struct {
	w   *bufio.Writer
	d   Dialect
	err error
}

func (e *encoder) raw(ss ...string) {
	for _, s := range ss {
		if e.err != nil {
			return
		}
		_, e.err = e.w.WriteString(s)
	}
}

// escape writes s as character data (attr false) or as an attribute value in double quotes.
func (e *encoder) escape(s string, attr bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\r':
			esc = "&#xD;"
		case '"':
			if attr {
				esc = "&quot;"
			}
		case '\n':
			if attr {
				esc = "&#xA;"
			}
		case '\t':
			if attr {
				esc = "&#x9;"
			}
		}
		if esc != "" {
			e.raw(s[last:i], esc)
			last = i + 1
		}
	}
	e.raw(s[last:])
}

// tabs serves indentation without allocating; deeper levels (nested groups) are rare.
const tabs = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t"

func (e *encoder) indent(depth int) {
	e.raw("\n")
	for depth > len(tabs) {
		e.raw(tabs)
		depth -= len(tabs)
	}
	e.raw(tabs[:depth])
}

// open writes an indented start tag with attributes given as name, value pairs; empty values are omitted.
func (e *encoder) open(depth int, name string, attrs ...string) {
	e.indent(depth)
	e.raw("<", name)
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] == "" {
			continue
		}
		e.raw(" ", attrs[i], `="`)
		e.escape(attrs[i+1], true)
		e.raw(`"`)
	}
	e.raw(">")
}

func (e *encoder) close(depth int, name string) {
	e.indent(depth)
	e.raw("</", name, ">")
}

// leaf writes an element with text content on one line.
func (e *encoder) leaf(depth int, name, text string, attrs ...string) {
	e.open(depth, name, attrs...)
	e.escape(text, false)
	e.raw("</", name, ">")
}

func (e *encoder) document(doc *Document) {
	lang := doc.Lang
	if lang == "" {
		lang = "en"
	}
	e.raw(`<?xml version="1.0" encoding="UTF-8"?>`)
	switch e.d {
	case BasicV3:
		e.raw("\n", modelDCA)
		e.open(0, "tbx", "type", "TBX-Basic", "style", "dca", "xml:lang", lang, "xmlns", nsCore)
	case BasicV3DCT:
		e.raw("\n", modelDCT)
		e.open(0, "tbx", "type", "TBX-Basic", "style", "dct", "xml:lang", lang, "xmlns", nsCore,
			"xmlns:min", nsMin, "xmlns:basic", nsBasic)
	case V2:
		e.raw("\n", doctypeV2)
		e.open(0, "martif", "type", "TBX-Basic", "xml:lang", lang)
	}
	e.header(doc)
	e.open(1, "text")
	e.open(2, "body")
	for i := range doc.Entries {
		e.entry(&doc.Entries[i])
	}
	e.close(2, "body")
	e.close(1, "text")
	if e.d == V2 {
		e.close(0, "martif")
	} else {
		e.close(0, "tbx")
	}
	e.raw("\n")
}

func (e *encoder) header(doc *Document) {
	name := "tbxHeader"
	if e.d == V2 {
		name = "martifHeader"
	}
	e.open(1, name)
	e.open(2, "fileDesc")
	if doc.Title != "" {
		e.open(3, "titleStmt")
		e.leaf(4, "title", doc.Title)
		e.close(3, "titleStmt")
	}
	e.open(3, "sourceDesc")
	e.leaf(4, "p", doc.SourceDesc)
	e.close(3, "sourceDesc")
	e.close(2, "fileDesc")
	if e.d == V2 {
		e.open(2, "encodingDesc")
		e.leaf(3, "p", "TBXBasicXCSV02.xcs", "type", "XCSURI")
		e.close(2, "encodingDesc")
	}
	e.close(1, name)
}

func (e *encoder) entry(en *Entry) {
	names := [3]string{"conceptEntry", "langSec", "termSec"}
	if e.d == V2 {
		names = [3]string{"termEntry", "langSet", "tig"}
	}
	e.open(3, names[0], "id", en.ID)
	e.category(4, "subjectField", en.Subject)
	e.sourced(4, "definition", en.Definition, en.DefinitionSource)
	e.descrips(4, en.Descrips)
	e.notes(4, en.Notes)
	for i := range en.Langs {
		ls := &en.Langs[i]
		e.open(4, names[1], "xml:lang", ls.Lang)
		e.sourced(5, "definition", ls.Definition, ls.DefinitionSource)
		e.descrips(5, ls.Descrips)
		e.notes(5, ls.Notes)
		for j := range ls.Terms {
			e.term(5, names[2], &ls.Terms[j])
		}
		e.close(4, names[1])
	}
	e.close(3, names[0])
}

// term writes a term section: the term, then its termNotes (which TBX requires before other information),
// then the rest.
func (e *encoder) term(depth int, name string, t *TermSec) {
	e.open(depth, name, "id", t.ID)
	e.leaf(depth+1, "term", t.Term)
	e.category(depth+1, "partOfSpeech", t.PartOfSpeech)
	e.category(depth+1, "administrativeStatus", t.AdministrativeStatus)
	e.category(depth+1, "termType", t.TermType)
	var rest []Descrip
	for _, d := range t.Descrips {
		if dcaElement(d) == "termNote" {
			e.descrip(depth+1, d)
		} else {
			rest = append(rest, d)
		}
	}
	e.sourced(depth+1, "context", t.Context, t.ContextSource)
	e.category(depth+1, "source", t.Source)
	e.category(depth+1, "customerSubset", t.Customer)
	e.category(depth+1, "projectSubset", t.Project)
	e.descrips(depth+1, rest)
	e.notes(depth+1, t.Notes)
	e.close(depth, name)
}

func (e *encoder) notes(depth int, notes []string) {
	for _, n := range notes {
		e.leaf(depth, "note", n)
	}
}

// category writes a modeled field, when it is set, in TBX-Basic's element for its data category.
func (e *encoder) category(depth int, typ, value string) {
	if value != "" {
		e.descrip(depth, Descrip{Type: typ, Value: value})
	}
}

// sourced writes a modeled field with its source, grouped in a descripGrp when there is one.
func (e *encoder) sourced(depth int, typ, value, source string) {
	if value == "" {
		return
	}
	d := Descrip{Type: typ, Value: value}
	if source != "" {
		d.Info = []Descrip{{Type: "source", Value: source}}
	}
	e.descrip(depth, d)
}

func (e *encoder) descrips(depth int, ds []Descrip) {
	for _, d := range ds {
		e.descrip(depth, d)
	}
}

// descrip writes one data category, wrapped with its Info in the grouping element its head calls for.
func (e *encoder) descrip(depth int, d Descrip) {
	if len(d.Info) > 0 {
		grp := groupFor(dcaElement(d))
		e.open(depth, grp)
		e.single(depth+1, d)
		for _, in := range d.Info {
			e.descrip(depth+1, in)
		}
		e.close(depth, grp)
		return
	}
	e.single(depth, d)
}

// single writes a data category without its Info: an element named after it in DCT style (when dctName
// gives one), else the DCA element with a type attribute.
func (e *encoder) single(depth int, d Descrip) {
	if e.d == BasicV3DCT {
		if name := dctName(d); name != "" {
			e.leaf(depth, name, d.Value, "target", d.Target)
			return
		}
	}
	el := dcaElement(d)
	if untypedElements[el] {
		e.leaf(depth, el, d.Value, "target", d.Target)
		return
	}
	e.open(depth, el, "type", d.Type, "target", d.Target)
	e.escape(d.Value, false)
	e.raw("</", el, ">")
}
