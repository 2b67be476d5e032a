package tmx

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"
)

// An Encoder writes TMX 1.4b in UTF-8, one TU at a time. Call WriteHeader
// first (or Encode writes a default header), then Encode for each TU, then
// Close. An Encoder is not safe for concurrent use.
type Encoder struct {
	w           *bufio.Writer
	buf         []byte
	wroteHeader bool
	closed      bool
	err         error
}

// NewEncoder returns an Encoder writing to w through its own buffer; Close flushes it.
func NewEncoder(w io.Writer) *Encoder { return &Encoder{w: bufio.NewWriterSize(w, 64<<10)} }

// Header attributes TMX requires, written when the Header leaves them empty.
const (
	defaultCreationTool = "tarjuman"
	defaultToolVersion  = "1"
	defaultSegType      = "sentence"
	defaultOTMF         = "tarjuman"
	defaultAdminLang    = "en"
	defaultSrcLang      = "*all*"
	defaultDataType     = "plaintext"
)

var (
	errClosed   = errors.New("tmx: encoder is closed")
	errNoWriter = errors.New("tmx: Encoder has no writer; use NewEncoder")
)

// WriteHeader writes the XML declaration, <tmx version="1.4"> and h. The
// attributes TMX requires get a default when empty (creationtool
// "tarjuman", segtype "sentence", adminlang "en", srclang "*all*",
// datatype "plaintext"); h.Version is not written.
func (e *Encoder) WriteHeader(h *Header) error {
	if e.w == nil {
		return errNoWriter
	}
	if e.err != nil {
		return e.err
	}
	if e.wroteHeader {
		return errors.New("tmx: header already written")
	}
	if h == nil {
		h = &Header{}
	}
	b := append(e.buf[:0], "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header"...)
	a := attrWriter{b: b}
	a.attr("creationtool", or(h.CreationTool, defaultCreationTool))
	a.attr("creationtoolversion", or(h.CreationToolVersion, defaultToolVersion))
	a.attr("segtype", or(h.SegType, defaultSegType))
	a.attr("o-tmf", or(h.OTMF, defaultOTMF))
	a.attr("adminlang", or(h.AdminLang, defaultAdminLang))
	a.lang("srclang", or(h.SrcLang, defaultSrcLang), true)
	a.attr("datatype", or(h.DataType, defaultDataType))
	a.attr("o-encoding", h.OEncoding)
	a.date("creationdate", h.CreationDate)
	a.attr("creationid", h.CreationID)
	a.date("changedate", h.ChangeDate)
	a.attr("changeid", h.ChangeID)
	a.ext(h.Ext, "creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang",
		"datatype", "o-encoding", "creationdate", "creationid", "changedate", "changeid")
	if len(h.Notes)+len(h.Props)+len(h.UDEs) == 0 {
		a.b = append(a.b, "/>\n"...)
	} else {
		a.b = append(a.b, ">\n"...)
		a.notes(h.Notes, "    ")
		a.props(h.Props, "    ")
		for _, u := range h.UDEs {
			a.b = append(a.b, "    <ude"...)
			a.attr("name", u.Name)
			a.attr("base", u.Base)
			a.b = append(a.b, ">\n"...)
			for _, m := range u.Maps {
				a.b = append(a.b, "      <map"...)
				a.attr("unicode", m.Unicode)
				a.attr("code", m.Code)
				a.attr("ent", m.Ent)
				a.attr("subst", m.Subst)
				a.b = append(a.b, "/>\n"...)
			}
			a.b = append(a.b, "    </ude>\n"...)
		}
		a.b = append(a.b, "  </header>\n"...)
	}
	a.b = append(a.b, "  <body>\n"...)
	e.buf = a.b
	if a.err != nil {
		return a.err
	}
	e.wroteHeader = true
	return e.write()
}

// Encode writes tu. A TU that TMX cannot represent (no variant, a variant
// without a language, characters XML 1.0 forbids, invalid UTF-8, a misplaced
// inline element) is an error and nothing of it is written.
func (e *Encoder) Encode(tu *TU) error {
	if e.w == nil {
		return errNoWriter
	}
	if e.err != nil {
		return e.err
	}
	if !e.wroteHeader {
		if err := e.WriteHeader(nil); err != nil {
			return err
		}
	}
	if len(tu.Variants) == 0 {
		return fmt.Errorf("tmx: tu %q has no variant", tu.TUID)
	}
	a := attrWriter{b: append(e.buf[:0], "    <tu"...)}
	a.attr("tuid", tu.TUID)
	a.lang("srclang", tu.SrcLang, true)
	a.attr("datatype", tu.DataType)
	a.attr("segtype", tu.SegType)
	a.attr("o-tmf", tu.OTMF)
	a.attr("o-encoding", tu.OEncoding)
	a.attr("creationtool", tu.CreationTool)
	a.attr("creationtoolversion", tu.CreationToolVersion)
	a.date("creationdate", tu.CreationDate)
	a.attr("creationid", tu.CreationID)
	a.date("changedate", tu.ChangeDate)
	a.attr("changeid", tu.ChangeID)
	a.date("lastusagedate", tu.LastUsageDate)
	a.count("usagecount", tu.UsageCount)
	a.ext(tu.Ext, "tuid", "srclang", "datatype", "segtype", "o-tmf", "o-encoding", "creationtool",
		"creationtoolversion", "creationdate", "creationid", "changedate", "changeid", "lastusagedate", "usagecount")
	a.b = append(a.b, ">\n"...)
	a.notes(tu.Notes, "      ")
	a.props(tu.Props, "      ")
	for i := range tu.Variants {
		a.tuv(&tu.Variants[i])
	}
	a.b = append(a.b, "    </tu>\n"...)
	e.buf = a.b
	if a.err != nil {
		return fmt.Errorf("tmx: tu %q: %w", tu.TUID, a.err)
	}
	return e.write()
}

// Close writes the end of the document and flushes. It does not close the
// underlying writer.
func (e *Encoder) Close() error {
	if e.w == nil {
		return errNoWriter
	}
	if e.closed {
		if e.err == errClosed {
			return nil
		}
		return e.err
	}
	if e.err == nil && !e.wroteHeader {
		_ = e.WriteHeader(nil)
	}
	if e.err == nil {
		e.buf = append(e.buf[:0], "  </body>\n</tmx>\n"...)
		_ = e.write()
	}
	if e.err == nil {
		e.err = e.w.Flush()
	}
	e.closed = true
	if e.err == nil {
		e.err = errClosed
		return nil
	}
	return e.err
}

func (e *Encoder) write() error {
	if _, err := e.w.Write(e.buf); err != nil {
		e.err = err
	}
	return e.err
}

// attrWriter appends markup to b and remembers the first error.
type attrWriter struct {
	b   []byte
	err error
}

func (a *attrWriter) attr(name, v string) {
	if v == "" || a.err != nil {
		return
	}
	a.b = append(a.b, ' ')
	a.b = append(a.b, name...)
	a.b = append(a.b, '=', '"')
	a.b, a.err = appendEscaped(a.b, v, true)
	a.b = append(a.b, '"')
}

func (a *attrWriter) lang(name, v string, srclang bool) {
	if v != "" && !(srclang && v == "*all*") && !isLangTag(v) {
		a.fail(fmt.Errorf("tmx: %s %q is not a language tag", name, v))
	}
	a.attr(name, v)
}

func (a *attrWriter) date(name string, t time.Time) {
	if t.IsZero() {
		return
	}
	t = t.UTC()
	if t.Year() < 0 || t.Year() > 9999 {
		a.fail(fmt.Errorf("tmx: %s %v out of range", name, t))
		return
	}
	if a.err == nil {
		a.b = append(append(append(a.b, ' '), name...), '=', '"')
		a.b = append(t.AppendFormat(a.b, "20060102T150405Z"), '"')
	}
}

func (a *attrWriter) count(name string, n int) {
	if n < 0 {
		a.fail(fmt.Errorf("tmx: negative %s %d", name, n))
	}
	if n > 0 && a.err == nil {
		a.b = append(append(append(a.b, ' '), name...), '=', '"')
		a.b = append(strconv.AppendInt(a.b, int64(n), 10), '"')
	}
}

func (a *attrWriter) ext(ext string, known ...string) {
	if ext == "" || a.err != nil {
		return
	}
	if err := checkExt(ext, known...); err != nil {
		a.fail(err)
		return
	}
	a.b = append(a.b, ' ')
	a.b = append(a.b, ext...)
}

func (a *attrWriter) fail(err error) {
	if a.err == nil {
		a.err = err
	}
}

func (a *attrWriter) text(s string) {
	if a.err == nil {
		a.b, a.err = appendEscaped(a.b, s, false)
	}
}

func (a *attrWriter) notes(ns []Note, indent string) {
	for _, n := range ns {
		a.b = append(a.b, indent...)
		a.b = append(a.b, "<note"...)
		a.attr("xml:lang", n.Lang)
		a.attr("o-encoding", n.Encoding)
		a.b = append(a.b, '>')
		a.text(n.Text)
		a.b = append(a.b, "</note>\n"...)
	}
}

func (a *attrWriter) props(ps []Prop, indent string) {
	for _, p := range ps {
		a.b = append(a.b, indent...)
		a.b = append(a.b, "<prop"...)
		a.attr("type", p.Type)
		a.attr("xml:lang", p.Lang)
		a.attr("o-encoding", p.Encoding)
		a.b = append(a.b, '>')
		a.text(p.Value)
		a.b = append(a.b, "</prop>\n"...)
	}
}

func (a *attrWriter) tuv(v *TUV) {
	if v.Lang == "" {
		a.fail(errors.New("tmx: variant without language"))
		return
	}
	a.b = append(a.b, "      <tuv"...)
	a.lang("xml:lang", v.Lang, false)
	a.attr("datatype", v.DataType)
	a.attr("o-tmf", v.OTMF)
	a.attr("o-encoding", v.OEncoding)
	a.attr("creationtool", v.CreationTool)
	a.attr("creationtoolversion", v.CreationToolVersion)
	a.date("creationdate", v.CreationDate)
	a.attr("creationid", v.CreationID)
	a.date("changedate", v.ChangeDate)
	a.attr("changeid", v.ChangeID)
	a.date("lastusagedate", v.LastUsageDate)
	a.count("usagecount", v.UsageCount)
	a.ext(v.Ext, "xml:lang", "lang", "datatype", "o-tmf", "o-encoding", "creationtool", "creationtoolversion",
		"creationdate", "creationid", "changedate", "changeid", "lastusagedate", "usagecount")
	a.b = append(a.b, ">\n"...)
	a.notes(v.Notes, "        ")
	a.props(v.Props, "        ")
	a.b = append(a.b, "        <seg>"...)
	a.seg(v.Seg, Text)
	a.b = append(a.b, "</seg>\n      </tuv>\n"...)
}

// seg writes the content of an element of kind in (Text for a seg) with the
// nesting rules the Decoder enforces.
func (a *attrWriter) seg(s Seg, in InlineKind) {
	for i := range s {
		el := &s[i]
		if a.err != nil {
			return
		}
		if el.Kind == Text {
			if el.Content != nil {
				a.fail(errors.New("tmx: text run with Content"))
			}
			a.text(el.Text)
			continue
		}
		if int(el.Kind) >= len(kindNames) || (el.Kind == SUB) != in.isCode() {
			a.fail(fmt.Errorf("tmx: %v not allowed in %v", el.Kind, in))
			return
		}
		if el.Text != "" {
			a.fail(fmt.Errorf("tmx: %v with Text: put its content in Content", el.Kind))
			return
		}
		tag := el.Kind.String()
		a.b = append(a.b, '<')
		a.b = append(a.b, tag...)
		a.attr("i", el.I)
		a.attr("x", el.X)
		a.attr("type", el.Type)
		a.attr("pos", el.Pos)
		a.attr("assoc", el.Assoc)
		a.attr("datatype", el.DataType)
		a.ext(el.Ext, "i", "x", "type", "pos", "assoc", "datatype")
		if len(el.Content) == 0 {
			a.b = append(a.b, "/>"...)
			continue
		}
		a.b = append(a.b, '>')
		a.seg(el.Content, el.Kind)
		a.b = append(a.b, "</"...)
		a.b = append(a.b, tag...)
		a.b = append(a.b, '>')
	}
}

func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
