package tbx

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// maxGroupDepth bounds the nesting of grouping elements (descripGrp inside adminGrp...), which TBX keeps to
// one or two levels; deeper input is rejected rather than followed by recursion.
const maxGroupDepth = 8

// Decoder reads a TBX document one concept entry at a time, in bounded memory apart from the set of ids it
// has seen (used to reject duplicates).
//
// A Decoder is not safe for concurrent use.
type Decoder struct {
	// AllowDuplicateIDs keeps an entry or term whose id repeats an earlier one (both are returned) instead of
	// failing with ErrDuplicateID. Set it before the first call.
	AllowDuplicateIDs bool

	x       *xml.Decoder
	src     *sourceReader
	doc     Document
	core    string // namespace of the core elements: the root's
	state   int
	err     error
	ids     map[string]struct{}
	pos     position // where the last token read began
	entryAt position // where the last entry returned by Next began
}

type position struct{ line, col int }

const (
	stateStart = iota // nothing read yet
	stateBody         // inside <body>, between entries
	stateDone         // the document has been read to its end
)

// NewDecoder returns a Decoder reading from r; it reads nothing before the first call. Input is UTF-8 or
// UTF-16 (with a byte order mark, or starting with an XML declaration); an XML declaration may also name
// ISO-8859-1, Windows-1252 or US-ASCII. A UTF-8 byte order mark is skipped.
func NewDecoder(r io.Reader) *Decoder {
	src := &sourceReader{r: r}
	x := xml.NewDecoder(&sniffer{r: src})
	x.CharsetReader = charsetReader
	// Strict mode, no custom entities: only the five predefined entities and character references are
	// expanded, so a DOCTYPE is skipped as a directive and nothing external is ever fetched.
	return &Decoder{x: x, src: src}
}

// sourceReader remembers the error of the underlying reader, to tell a failing stream from bad input.
type sourceReader struct {
	r   io.Reader
	err error
}

func (s *sourceReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF {
		s.err = err
	}
	return n, err
}

// sniffer skips a UTF-8 byte order mark and transcodes UTF-16 to UTF-8, deciding on its first Read so that
// NewDecoder does no I/O. UTF-16 is recognized by its byte order mark or, without one, by "<?" encoded in
// UTF-16 as XML 1.0 (appendix F) suggests.
type sniffer struct {
	r     io.Reader
	inner io.Reader
}

func (s *sniffer) Read(p []byte) (int, error) {
	if s.inner == nil {
		s.inner = sniff(s.r)
	}
	return s.inner.Read(p)
}

func sniff(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	b, _ := br.Peek(4)
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		_, _ = br.Discard(3)
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Reader(br)
	case bytes.Equal(b, []byte{'<', 0, '?', 0}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder().Reader(br)
	case bytes.Equal(b, []byte{0, '<', 0, '?'}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder().Reader(br)
	}
	return br
}

// charsetReader handles the encodings an XML declaration may name. UTF-16 input has already been
// transcoded by sniff, so its declaration needs no further conversion.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-16", "utf-16le", "utf-16be", "ucs-2", "us-ascii", "ascii":
		return r, nil
	case "iso-8859-1", "latin1", "latin-1", "iso_8859-1":
		return charmap.ISO8859_1.NewDecoder().Reader(r), nil
	case "windows-1252", "cp1252":
		return charmap.Windows1252.NewDecoder().Reader(r), nil
	}
	return nil, encodingError(label)
}

// encodingError is an encoding an XML declaration names and this package cannot read.
type encodingError string

func (e encodingError) Error() string { return fmt.Sprintf("tbx: unsupported encoding %q", string(e)) }
func (e encodingError) Unwrap() error { return ErrEncoding }

// Header reads the document up to its first entry and returns the root and header information, with no
// Entries. Calling it again returns the same information.
func (d *Decoder) Header() (*Document, error) {
	if err := d.started(); err != nil {
		return nil, err
	}
	doc := d.doc
	return &doc, nil
}

// started reads the header on first use and reports the sticky error.
func (d *Decoder) started() error {
	if d.state == stateStart && d.err == nil {
		d.fail(d.start())
	}
	return d.err
}

// Next returns the next concept entry, or io.EOF after the last one once the rest of the document has been
// checked to be well-formed. After an error, Next keeps returning it.
func (d *Decoder) Next() (*Entry, error) {
	if err := d.started(); err != nil {
		return nil, err
	}
	if d.state == stateDone {
		return nil, io.EOF
	}
	e, err := d.nextEntry()
	if err != nil {
		if err == io.EOF {
			d.state = stateDone
			return nil, io.EOF
		}
		return nil, d.fail(err)
	}
	return e, nil
}

// EntryPos returns the line and byte column (1-based) where the start tag of the entry last returned by Next
// began, so that a caller finding a problem in the entry's content can report a *ParseError of its own.
func (d *Decoder) EntryPos() (line, column int) { return d.entryAt.line, d.entryAt.col }

// Read reads a whole document. On error it returns no document at all.
func Read(r io.Reader) (*Document, error) {
	d := NewDecoder(r)
	doc, err := d.Header()
	if err != nil {
		return nil, err
	}
	for {
		e, err := d.Next()
		if err == io.EOF {
			return doc, nil
		}
		if err != nil {
			return nil, err
		}
		doc.Entries = append(doc.Entries, *e)
	}
}

// fail records the first error; it is returned by every later call.
func (d *Decoder) fail(err error) error {
	if err != nil && d.err == nil {
		d.err = err
	}
	return d.err
}

// errAt makes a ParseError at p.
func errAt(p position, err error) error { return &ParseError{Line: p.line, Column: p.col, Err: err} }

// token returns the next token, noting where it began. Its CharData is only valid until the next call:
// every caller uses it at once. The end of input is io.EOF only
// at top level; inside an element encoding/xml reports it as a syntax error.
func (d *Decoder) token() (xml.Token, error) {
	d.pos.line, d.pos.col = d.x.InputPos()
	t, err := d.x.Token()
	if err != nil {
		if err == io.EOF {
			return nil, io.EOF
		}
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			l, c := d.x.InputPos()
			return nil, &ParseError{Line: l, Column: c, Err: se}
		}
		var ee encodingError
		if errors.As(err, &ee) {
			return nil, errAt(d.pos, ee)
		}
		if d.src.err != nil && errors.Is(err, d.src.err) {
			return nil, fmt.Errorf("tbx: %w", err)
		}
		// Other encoding/xml errors (an unsupported XML version...) are about the input too.
		l, c := d.x.InputPos()
		return nil, &ParseError{Line: l, Column: c, Err: err}
	}
	return t, nil
}

// inner returns the next token inside an element, where the end of input is a syntax error.
func (d *Decoder) inner() (xml.Token, error) {
	t, err := d.token()
	if err == io.EOF {
		return nil, errAt(d.pos, &xml.SyntaxError{Msg: "unexpected EOF", Line: d.pos.line})
	}
	return t, err
}

// skip consumes the rest of the current element.
func (d *Decoder) skip() error {
	for depth := 1; depth > 0; {
		t, err := d.inner()
		if err != nil {
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// text returns the character data of the current element and its descendants (inline markup such as <hi>
// is dropped, its text kept), consuming the element.
func (d *Decoder) text() (string, error) {
	var b strings.Builder
	for depth := 1; depth > 0; {
		t, err := d.inner()
		if err != nil {
			return "", err
		}
		switch t := t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			b.Write(t)
		}
	}
	return b.String(), nil
}

func (d *Decoder) isCore(n xml.Name) bool { return n.Space == d.core }

// xmlNS is the namespace encoding/xml gives the xml prefix (xml:lang).
const xmlNS = "http://www.w3.org/XML/1998/namespace"

// attr returns the value of the unprefixed attribute local.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// langAttr returns xml:lang, or the unprefixed lang attribute some old TBX v2 files use.
func langAttr(se xml.StartElement) string {
	for _, a := range se.Attr {
		if a.Name.Local == "lang" && a.Name.Space == xmlNS {
			return a.Value
		}
	}
	return attr(se, "lang")
}

func isSpace(b []byte) bool { return len(bytes.TrimLeft(b, " \t\r\n")) == 0 }

// start reads the prolog, the root element and the header, stopping inside <body>.
func (d *Decoder) start() error {
	root, err := d.root()
	if err != nil {
		return err
	}
	if err := d.rootAttrs(root); err != nil {
		return err
	}
	for {
		t, err := d.inner()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement: // the root ends without a body
			d.state = stateDone
			return d.epilogue()
		case xml.StartElement:
			switch {
			case d.isCore(t.Name) && (t.Name.Local == "tbxHeader" || t.Name.Local == "martifHeader"):
				err = d.header()
			case d.isCore(t.Name) && t.Name.Local == "text":
				found, err := d.findBody()
				if err != nil {
					return err
				}
				if found {
					d.state = stateBody
					return nil
				}
			default:
				err = d.skip()
			}
			if err != nil {
				return err
			}
		}
	}
}

// root reads up to the root element.
func (d *Decoder) root() (xml.StartElement, error) {
	for {
		t, err := d.token()
		if err == io.EOF {
			return xml.StartElement{}, errAt(d.pos, fmt.Errorf("%w: no root element", ErrNotTBX))
		}
		if err != nil {
			return xml.StartElement{}, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			return t, nil
		case xml.CharData:
			if !isSpace(t) {
				return xml.StartElement{}, errAt(d.pos, fmt.Errorf("%w: text before the root element", ErrNotTBX))
			}
		}
	}
}

// rootAttrs identifies the dialect from the root element.
func (d *Decoder) rootAttrs(root xml.StartElement) error {
	switch {
	case root.Name.Local == "martif":
		d.doc.Dialect = V2
	case root.Name.Local == "tbx" && (root.Name.Space == "" || strings.HasPrefix(root.Name.Space, "urn:iso:std:iso:30042")):
		d.doc.Dialect = BasicV3
		if strings.EqualFold(attr(root, "style"), "dct") {
			d.doc.Dialect = BasicV3DCT
		}
	default:
		return errAt(d.pos, fmt.Errorf("%w: root element is <%s> in namespace %q", ErrNotTBX, root.Name.Local, root.Name.Space))
	}
	d.core = root.Name.Space
	d.doc.Lang = langAttr(root)
	d.doc.Type = attr(root, "type")
	return nil
}

// header reads <tbxHeader>/<martifHeader>: the title and the paragraphs of the source description.
// It counts open elements by name rather than searching the stack, so deep nesting costs linear time.
func (d *Decoder) header() error {
	var stack []string
	open := map[string]int{}
	var title, p strings.Builder
	var paras []string
	for {
		t, err := d.inner()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			open[t.Name.Local]++
		case xml.EndElement:
			if len(stack) == 0 {
				d.doc.Title = title.String()
				d.doc.SourceDesc = strings.Join(paras, "\n")
				return nil
			}
			name := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			open[name]--
			if name == "p" && open["p"] == 0 && open["sourceDesc"] > 0 {
				paras = append(paras, p.String())
				p.Reset()
			}
		case xml.CharData:
			switch {
			case open["titleStmt"] > 0 && open["title"] > 0:
				title.Write(t)
			case open["sourceDesc"] > 0 && open["p"] > 0:
				p.Write(t)
			}
		}
	}
}

// findBody reads <text> up to <body>; found is false when <text> has no body.
func (d *Decoder) findBody() (found bool, err error) {
	for {
		t, err := d.inner()
		if err != nil {
			return false, err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return false, nil
		case xml.StartElement:
			if d.isCore(t.Name) && t.Name.Local == "body" {
				return true, nil
			}
			if err := d.skip(); err != nil {
				return false, err
			}
		}
	}
}

// nextEntry reads body content up to the next entry; at the end of the body it checks the rest of the
// document and returns io.EOF.
func (d *Decoder) nextEntry() (*Entry, error) {
	for {
		t, err := d.inner()
		if err != nil {
			return nil, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if d.isCore(t.Name) && (t.Name.Local == "conceptEntry" || t.Name.Local == "termEntry") {
				d.entryAt = d.pos
				return d.entry(t, d.pos)
			}
			if err := d.skip(); err != nil {
				return nil, err
			}
		case xml.EndElement: // </body>
			if err := d.rest(); err != nil {
				return nil, err
			}
			return nil, io.EOF
		}
	}
}

// rest reads the remainder of <text> (<back>...) and of the root, then the epilogue.
func (d *Decoder) rest() error {
	for depth := 2; depth > 0; {
		t, err := d.inner()
		if err != nil {
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			if err := d.skip(); err != nil {
				return err
			}
		case xml.EndElement:
			depth--
		}
	}
	return d.epilogue()
}

// epilogue checks that only comments, processing instructions and space follow the root.
func (d *Decoder) epilogue() error {
	for {
		t, err := d.token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			return errAt(d.pos, errors.New("tbx: element after the root element"))
		case xml.CharData:
			if !isSpace(t) {
				return errAt(d.pos, errors.New("tbx: text after the root element"))
			}
		}
	}
}

func (d *Decoder) checkID(id string, p position) error {
	if id == "" || d.AllowDuplicateIDs {
		return nil
	}
	if d.ids == nil {
		d.ids = make(map[string]struct{})
	}
	if _, dup := d.ids[id]; dup {
		return errAt(p, fmt.Errorf("%w %q", ErrDuplicateID, id))
	}
	d.ids[id] = struct{}{}
	return nil
}
