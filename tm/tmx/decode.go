package tmx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"time"
)

// Default limits of a Decoder.
const (
	DefaultMaxDepth  = 64       // element nesting, counted from the document root
	DefaultMaxTUSize = 64 << 20 // bytes of UTF-8 input per translation unit
)

// A Decoder reads TMX 1.1–1.4b from an input stream, one TU per call to Next,
// in memory bounded by the largest TU (see MaxTUSize), whatever the file size.
// Set the exported fields before the first call. A Decoder is not safe for
// concurrent use.
type Decoder struct {
	// Lenient makes Next skip a TU with bad content (a bad date, number or
	// language tag, a misplaced element, a missing seg) and count it in
	// Skipped instead of returning an error. Malformed XML and exceeded
	// limits still stop decoding.
	Lenient bool
	// MaxDepth bounds element nesting; 0 means DefaultMaxDepth.
	MaxDepth int
	// MaxTUSize bounds the bytes of one TU, of the prolog with the header,
	// and of any other element in the body; 0 means DefaultMaxTUSize.
	MaxTUSize int64

	src     io.Reader
	sc      *scanner
	stack   []xml.Name
	line    int // position of the token last read
	col     int
	header  *Header
	err     error // sticky: decoding cannot continue
	decls   int   // XML declarations that switched the encoding
	bom     bool  // the input began with a byte order mark
	done    bool  // </body> seen
	skipped int
	tuid    string
	text    []byte   // scratch: text of the element being read
	inl     []Inline // scratch: items of the segments being read
	tuvs    []TUV    // scratch: variants of the TU being read
}

// NewDecoder returns a Decoder reading from r. The character encoding is
// detected from a byte order mark (UTF-8, UTF-16 LE or BE), from a leading
// "<" in UTF-16 without one, or from the XML declaration (UTF-8, us-ascii,
// ISO-8859-1/6/15, windows-1252/1256); nothing is read before the first call.
func NewDecoder(r io.Reader) *Decoder { return &Decoder{src: r} }

// InputOffset returns how many bytes of input the Decoder has consumed, for
// progress reports. After transcoding (UTF-16, legacy encodings) it counts
// bytes of the UTF-8 text, so it can differ from the file size.
func (d *Decoder) InputOffset() int64 {
	if d.sc == nil {
		return 0
	}
	return d.sc.offset()
}

// Skipped returns how many TUs Lenient mode has skipped so far.
func (d *Decoder) Skipped() int { return d.skipped }

// Header reads the document up to and including the <header> element (and
// the <body> start tag) and returns it. Next calls it implicitly; later calls
// return the same header.
func (d *Decoder) Header() (*Header, error) {
	if d.header != nil {
		return d.header, nil
	}
	if d.err != nil {
		return nil, d.err
	}
	if d.src == nil {
		return nil, d.fail(errors.New("tmx: Decoder has no input; use NewDecoder"))
	}
	if d.sc == nil {
		var r io.Reader
		r, d.bom = detect(d.src)
		d.sc = newScanner(r)
		d.sc.charset = d.charset
	}
	d.sc.limit = d.sc.offset() + d.maxTUSize()
	h, err := d.readProlog()
	if err != nil {
		return nil, d.fail(err)
	}
	d.header = h
	return h, nil
}

// Next returns the next TU, or io.EOF after the last one. After an error
// about one TU's content Next may be called again and continues with the
// following TU; after malformed XML or an exceeded limit it returns the same
// error again.
func (d *Decoder) Next() (*TU, error) {
	if _, err := d.Header(); err != nil {
		return nil, err
	}
	for {
		if d.err != nil {
			return nil, d.err
		}
		if d.done {
			return nil, io.EOF
		}
		d.sc.limit = d.sc.offset() + d.maxTUSize()
		t, err := d.token()
		if err != nil {
			return nil, d.fail(err)
		}
		switch t.kind {
		case tokStart:
			depth := len(d.stack)
			isTU := name(t.name) == "tu"
			if isTU {
				var tu *TU
				tu, err = d.readTU(t.attr)
				d.tuid = ""
				if err == nil {
					return tu, nil
				}
			} else {
				err = d.errorf(ErrStructure, "<%s> in body", name(t.name))
			}
			if d.err != nil {
				return nil, d.err
			}
			if serr := d.skipTo(depth); serr != nil {
				return nil, serr
			}
			if !d.Lenient {
				return nil, err
			}
			if isTU {
				d.skipped++
			}
		case tokEnd: // </body>
			d.done = true
			if err := d.readEpilog(); err != nil {
				return nil, d.fail(err)
			}
			return nil, io.EOF
		case tokText:
			if !isBlank(t.data) && !d.Lenient {
				return nil, d.errorf(ErrStructure, "text in body")
			}
		}
	}
}

// All returns an iterator over the remaining TUs. It stops after the last TU
// or after yielding the first error (Lenient skips do not stop it).
func (d *Decoder) All() iter.Seq2[*TU, error] {
	return func(yield func(*TU, error) bool) {
		for {
			tu, err := d.Next()
			if err == io.EOF {
				return
			}
			if !yield(tu, err) || err != nil {
				return
			}
		}
	}
}

func (d *Decoder) maxTUSize() int64 {
	if d.MaxTUSize > 0 {
		return d.MaxTUSize
	}
	return DefaultMaxTUSize
}

func (d *Decoder) maxDepth() int {
	if d.MaxDepth > 0 {
		return d.MaxDepth
	}
	return DefaultMaxDepth
}

// fail makes err sticky.
func (d *Decoder) fail(err error) error {
	if d.err == nil {
		d.err = err
	}
	return d.err
}

// errorf returns a *ParseError at the start of the token last read.
func (d *Decoder) errorf(kind error, format string, args ...any) error {
	return &ParseError{Line: d.line, Column: d.col, TU: d.tuid, Err: fmt.Errorf("%w: "+format, append([]any{kind}, args...)...)}
}

// token returns the next XML token and keeps the element stack, checking
// that end tags match and that nesting stays within MaxDepth. Every error it
// returns is fatal (and sticky); io.EOF is returned only outside any element.
// The token is valid until the next call.
func (d *Decoder) token() (*token, error) {
	d.line, d.col = d.sc.inputPos()
	t, err := d.sc.next()
	if err != nil {
		return nil, d.scanError(err)
	}
	switch t.kind {
	case tokStart:
		if len(d.stack) >= d.maxDepth() {
			return nil, d.fail(d.errorf(ErrDepth, "more than %d levels", d.maxDepth()))
		}
		if a, ok := repeatedAttr(t.attr); ok {
			return nil, d.fail(d.errorf(ErrSyntax, "attribute %s repeated", name(a)))
		}
		d.stack = append(d.stack, t.name)
	case tokEnd:
		n := len(d.stack)
		if n == 0 || d.stack[n-1] != t.name {
			want := "no open element"
			if n > 0 {
				want = "</" + name(d.stack[n-1]) + "> expected"
			}
			return nil, d.fail(d.errorf(ErrSyntax, "unexpected </%s>, %s", name(t.name), want))
		}
		d.stack = d.stack[:n-1]
	}
	return t, nil
}

// scanError turns a scanner error into a sticky *ParseError; io.EOF outside
// any element stays io.EOF.
func (d *Decoder) scanError(err error) error {
	line, col := d.sc.inputPos()
	pe := &ParseError{Line: line, Column: col, TU: d.tuid}
	var se *scanError
	switch {
	case err == io.EOF && len(d.stack) == 0:
		return io.EOF
	case err == io.EOF:
		pe.Err = fmt.Errorf("%w: unexpected end of input inside <%s>", ErrSyntax, name(d.stack[len(d.stack)-1]))
	case errors.As(err, &se):
		pe.Line, pe.Column, pe.Err = se.line, se.col, se.err
		if errors.Is(se.err, ErrTooLarge) {
			pe.Err = fmt.Errorf("%w: more than %d bytes", ErrTooLarge, d.maxTUSize())
		}
	default:
		pe.Err = err
	}
	return d.fail(pe)
}

// skipTo reads tokens until fewer than depth elements are open.
func (d *Decoder) skipTo(depth int) error {
	for len(d.stack) >= depth {
		if _, err := d.token(); err != nil {
			if err == io.EOF {
				return d.fail(d.errorf(ErrSyntax, "unexpected end of input"))
			}
			return err
		}
	}
	return nil
}

// readProlog reads up to the <body> start tag.
func (d *Decoder) readProlog() (*Header, error) {
	var h *Header
	sawHeader := false
	for {
		t, err := d.token()
		if err == io.EOF {
			return nil, d.errorf(ErrNotTMX, "no <tmx> element")
		}
		if err != nil {
			return nil, err
		}
		switch t.kind {
		case tokStart:
			switch {
			case len(d.stack) == 1 && name(t.name) == "tmx":
				h = &Header{}
				for _, a := range t.attr {
					if name(a.Name) == "version" {
						h.Version = a.Value
					}
				}
			case len(d.stack) == 1:
				return nil, d.errorf(ErrNotTMX, "root element is <%s>, not <tmx>", name(t.name))
			case name(t.name) == "header" && !sawHeader:
				if err := d.readHeader(h, t.attr); err != nil {
					return nil, err
				}
				sawHeader = true
			case name(t.name) == "body":
				if !sawHeader {
					return nil, d.errorf(ErrMissing, "<body> before <header>")
				}
				return h, nil
			default:
				return nil, d.errorf(ErrStructure, "<%s> in <tmx>", name(t.name))
			}
		case tokEnd:
			return nil, d.errorf(ErrMissing, "no <body>")
		case tokText:
			if !isBlank(t.data) {
				return nil, d.errorf(ErrStructure, "text outside elements")
			}
		}
	}
}

// readEpilog reads after </body>: </tmx>, then only comments and blanks.
func (d *Decoder) readEpilog() error {
	for {
		t, err := d.token()
		if err == io.EOF {
			if len(d.stack) > 0 {
				return d.errorf(ErrSyntax, "unexpected end of input")
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch t.kind {
		case tokStart:
			return d.errorf(ErrStructure, "<%s> after <body>", name(t.name))
		case tokText:
			if !isBlank(t.data) {
				return d.errorf(ErrStructure, "text after <body>")
			}
		}
	}
}

func (d *Decoder) readHeader(h *Header, attrs []xml.Attr) error {
	for _, a := range attrs {
		v := a.Value
		var err error
		switch name(a.Name) {
		case "creationtool":
			h.CreationTool = v
		case "creationtoolversion":
			h.CreationToolVersion = v
		case "segtype":
			h.SegType = v
		case "o-tmf":
			h.OTMF = v
		case "adminlang":
			h.AdminLang = v
		case "srclang":
			h.SrcLang = v
			err = d.checkLang(v, true)
		case "datatype":
			h.DataType = v
		case "o-encoding":
			h.OEncoding = v
		case "creationid":
			h.CreationID = v
		case "changeid":
			h.ChangeID = v
		case "creationdate":
			h.CreationDate, err = d.date(a)
		case "changedate":
			h.ChangeDate, err = d.date(a)
		default:
			h.Ext = appendExt(h.Ext, a)
		}
		if err != nil {
			return err
		}
	}
	for {
		t, err := d.token()
		if err != nil {
			return err
		}
		switch t.kind {
		case tokStart:
			switch name(t.name) {
			case "note":
				n, err := d.readNote(t.attr)
				if err != nil {
					return err
				}
				h.Notes = append(h.Notes, n)
			case "prop":
				p, err := d.readProp(t.attr)
				if err != nil {
					return err
				}
				h.Props = append(h.Props, p)
			case "ude":
				u, err := d.readUDE(t.attr)
				if err != nil {
					return err
				}
				h.UDEs = append(h.UDEs, u)
			default:
				return d.errorf(ErrStructure, "<%s> in <header>", name(t.name))
			}
		case tokEnd:
			return nil
		case tokText:
			if !isBlank(t.data) {
				return d.errorf(ErrStructure, "text in <header>")
			}
		}
	}
}

func (d *Decoder) readUDE(attrs []xml.Attr) (UDE, error) {
	var u UDE
	for _, a := range attrs {
		switch name(a.Name) {
		case "name":
			u.Name = a.Value
		case "base":
			u.Base = a.Value
		}
	}
	for {
		t, err := d.token()
		if err != nil {
			return u, err
		}
		switch t.kind {
		case tokStart:
			if name(t.name) != "map" {
				return u, d.errorf(ErrStructure, "<%s> in <ude>", name(t.name))
			}
			var m Map
			for _, a := range t.attr {
				switch name(a.Name) {
				case "unicode":
					m.Unicode = a.Value
				case "code":
					m.Code = a.Value
				case "ent":
					m.Ent = a.Value
				case "subst":
					m.Subst = a.Value
				}
			}
			if _, err := d.readText(); err != nil {
				return u, err
			}
			u.Maps = append(u.Maps, m)
		case tokEnd:
			return u, nil
		case tokText:
			if !isBlank(t.data) {
				return u, d.errorf(ErrStructure, "text in <ude>")
			}
		}
	}
}

func (d *Decoder) readTU(attrs []xml.Attr) (*TU, error) {
	tu := &TU{Line: d.line}
	clear(d.tuvs)
	d.tuvs = d.tuvs[:0]
	for _, a := range attrs {
		if name(a.Name) == "tuid" {
			tu.TUID = a.Value
			d.tuid = a.Value
		}
	}
	for _, a := range attrs {
		v := a.Value
		var err error
		switch name(a.Name) {
		case "tuid":
		case "srclang":
			tu.SrcLang = v
			err = d.checkLang(v, true)
		case "segtype":
			tu.SegType = v
		default:
			var ok bool
			if ok, err = d.sharedAttr(a, tu.shared()); !ok {
				tu.Ext = appendExt(tu.Ext, a)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	for {
		t, err := d.token()
		if err != nil {
			return nil, err
		}
		switch t.kind {
		case tokStart:
			switch name(t.name) {
			case "tuv":
				v, err := d.readTUV(t.attr)
				if err != nil {
					return nil, err
				}
				d.tuvs = append(d.tuvs, v)
			case "note":
				n, err := d.readNote(t.attr)
				if err != nil {
					return nil, err
				}
				tu.Notes = append(tu.Notes, n)
			case "prop":
				p, err := d.readProp(t.attr)
				if err != nil {
					return nil, err
				}
				tu.Props = append(tu.Props, p)
			default:
				return nil, d.errorf(ErrStructure, "<%s> in <tu>", name(t.name))
			}
		case tokEnd:
			if len(d.tuvs) == 0 {
				return nil, d.errorf(ErrMissing, "<tu> without <tuv>")
			}
			tu.Variants = append([]TUV(nil), d.tuvs...)
			return tu, nil
		case tokText:
			if !isBlank(t.data) {
				return nil, d.errorf(ErrStructure, "text in <tu>")
			}
		}
	}
}

// sharedFields points at the attributes TMX gives both <tu> and <tuv>.
type sharedFields struct {
	dataType, otmf, oEncoding, tool, toolVersion, creationID, changeID *string
	creationDate, changeDate, lastUsageDate                            *time.Time
	usageCount                                                         *int
}

func (tu *TU) shared() sharedFields {
	return sharedFields{&tu.DataType, &tu.OTMF, &tu.OEncoding, &tu.CreationTool, &tu.CreationToolVersion,
		&tu.CreationID, &tu.ChangeID, &tu.CreationDate, &tu.ChangeDate, &tu.LastUsageDate, &tu.UsageCount}
}

func (v *TUV) shared() sharedFields {
	return sharedFields{&v.DataType, &v.OTMF, &v.OEncoding, &v.CreationTool, &v.CreationToolVersion,
		&v.CreationID, &v.ChangeID, &v.CreationDate, &v.ChangeDate, &v.LastUsageDate, &v.UsageCount}
}

// sharedAttr stores a into f if it is one of the attributes <tu> and <tuv> share; ok reports whether it
// was.
func (d *Decoder) sharedAttr(a xml.Attr, f sharedFields) (ok bool, err error) {
	switch name(a.Name) {
	case "datatype":
		*f.dataType = a.Value
	case "o-tmf":
		*f.otmf = a.Value
	case "o-encoding":
		*f.oEncoding = a.Value
	case "creationtool":
		*f.tool = a.Value
	case "creationtoolversion":
		*f.toolVersion = a.Value
	case "creationid":
		*f.creationID = a.Value
	case "changeid":
		*f.changeID = a.Value
	case "creationdate":
		*f.creationDate, err = d.date(a)
	case "changedate":
		*f.changeDate, err = d.date(a)
	case "lastusagedate":
		*f.lastUsageDate, err = d.date(a)
	case "usagecount":
		*f.usageCount, err = d.count(a)
	default:
		return false, nil
	}
	return true, err
}

func (d *Decoder) readTUV(attrs []xml.Attr) (TUV, error) {
	var v TUV
	line, col := d.line, d.col
	for _, a := range attrs {
		val := a.Value
		var err error
		switch name(a.Name) {
		case "xml:lang", "lang":
			v.Lang = val
			err = d.checkLang(val, false)
		default:
			var ok bool
			if ok, err = d.sharedAttr(a, v.shared()); !ok {
				v.Ext = appendExt(v.Ext, a)
			}
		}
		if err != nil {
			return v, err
		}
	}
	if v.Lang == "" {
		return v, d.errorf(ErrMissing, "<tuv> without xml:lang")
	}
	seen := false
	for {
		t, err := d.token()
		if err != nil {
			return v, err
		}
		switch t.kind {
		case tokStart:
			switch name(t.name) {
			case "seg":
				if seen {
					return v, d.errorf(ErrStructure, "second <seg> in <tuv>")
				}
				seen = true
				if v.Seg, err = d.readInlines(Text); err != nil {
					return v, err
				}
			case "note":
				n, err := d.readNote(t.attr)
				if err != nil {
					return v, err
				}
				v.Notes = append(v.Notes, n)
			case "prop":
				p, err := d.readProp(t.attr)
				if err != nil {
					return v, err
				}
				v.Props = append(v.Props, p)
			default:
				return v, d.errorf(ErrStructure, "<%s> in <tuv>", name(t.name))
			}
		case tokEnd:
			if !seen {
				d.line, d.col = line, col
				return v, d.errorf(ErrMissing, "<tuv> without <seg>")
			}
			return v, nil
		case tokText:
			if !isBlank(t.data) {
				return v, d.errorf(ErrStructure, "text in <tuv>")
			}
		}
	}
}

var inlineKinds = map[string]InlineKind{
	"bpt": BPT, "ept": EPT, "it": IT, "ph": PH, "hi": HI, "sub": SUB, "ut": UT,
}

// readInlines reads the content of a seg (in == Text) or of an inline
// element of kind in, up to its end tag. Codes hold text and sub; seg, hi
// and sub hold text, codes and hi.
func (d *Decoder) readInlines(in InlineKind) (Seg, error) {
	// Items collect on the shared d.inl stack and are copied out once at the
	// end: one exactly sized allocation per level instead of append growth.
	mark, textMark := len(d.inl), len(d.text)
	defer func() { d.inl, d.text = d.inl[:mark], d.text[:textMark] }()
	flush := func() {
		if len(d.text) > textMark {
			d.inl = append(d.inl, Inline{Kind: Text, Text: string(d.text[textMark:])})
			d.text = d.text[:textMark]
		}
	}
	for {
		t, err := d.token()
		if err != nil {
			return nil, err
		}
		switch t.kind {
		case tokText:
			d.text = append(d.text, t.data...)
		case tokStart:
			kind, ok := inlineKinds[name(t.name)]
			if !ok || (kind == SUB) != in.isCode() {
				where := "seg"
				if in != Text {
					where = in.String()
				}
				return nil, d.errorf(ErrStructure, "<%s> in <%s>", name(t.name), where)
			}
			flush()
			el := Inline{Kind: kind}
			for _, a := range t.attr {
				switch name(a.Name) {
				case "i":
					el.I = a.Value
				case "x":
					el.X = a.Value
				case "type":
					el.Type = a.Value
				case "pos":
					el.Pos = a.Value
				case "assoc":
					el.Assoc = a.Value
				case "datatype":
					el.DataType = a.Value
				default:
					el.Ext = appendExt(el.Ext, a)
				}
			}
			if el.Content, err = d.readInlines(kind); err != nil {
				return nil, err
			}
			d.inl = append(d.inl, el)
		case tokEnd:
			flush()
			if len(d.inl) == mark {
				return nil, nil
			}
			return append(Seg(nil), d.inl[mark:]...), nil
		}
	}
}

// readText reads the text content of a note, prop or map up to its end tag.
func (d *Decoder) readText() (string, error) {
	mark := len(d.text)
	defer func() { d.text = d.text[:mark] }()
	for {
		t, err := d.token()
		if err != nil {
			return "", err
		}
		switch t.kind {
		case tokText:
			d.text = append(d.text, t.data...)
		case tokStart:
			return "", d.errorf(ErrStructure, "<%s> in <%s>", name(t.name), name(d.stack[len(d.stack)-2]))
		case tokEnd:
			return string(d.text[mark:]), nil
		}
	}
}

func (d *Decoder) readNote(attrs []xml.Attr) (Note, error) {
	var n Note
	for _, a := range attrs {
		switch name(a.Name) {
		case "xml:lang", "lang":
			n.Lang = a.Value
		case "o-encoding":
			n.Encoding = a.Value
		}
	}
	var err error
	n.Text, err = d.readText()
	return n, err
}

func (d *Decoder) readProp(attrs []xml.Attr) (Prop, error) {
	var p Prop
	for _, a := range attrs {
		switch name(a.Name) {
		case "type":
			p.Type = a.Value
		case "xml:lang", "lang":
			p.Lang = a.Value
		case "o-encoding":
			p.Encoding = a.Value
		}
	}
	var err error
	p.Value, err = d.readText()
	return p, err
}

func (d *Decoder) date(a xml.Attr) (time.Time, error) {
	t, ok := parseDate(a.Value)
	if !ok {
		return t, d.errorf(ErrDate, "%s=%q, want YYYYMMDDThhmmssZ", name(a.Name), a.Value)
	}
	return t, nil
}

func (d *Decoder) count(a xml.Attr) (int, error) {
	n, err := strconv.Atoi(a.Value)
	if err != nil || n < 0 {
		return 0, d.errorf(ErrNumber, "%s=%q", name(a.Name), a.Value)
	}
	return n, nil
}

// checkLang accepts the shape of a BCP 47 / RFC 3066 tag (letters and
// digits in subtags of 1–8, separated by - or _) and, for srclang, "*all*".
// Whether the language is known is left to the caller: TMs hold tags such as
// "ar-AR" that x/text rejects.
func (d *Decoder) checkLang(v string, srclang bool) error {
	if srclang && v == "*all*" || isLangTag(v) {
		return nil
	}
	return d.errorf(ErrLang, "%q is not a language tag", v)
}

func isLangTag(v string) bool {
	n := 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
			n++
			if n > 8 {
				return false
			}
		case (c == '-' || c == '_') && n > 0 && i < len(v)-1:
			n = 0
		default:
			return false
		}
	}
	return n > 0
}

// parseDate parses the TMX date format YYYYMMDDThhmmssZ (UTC), strictly.
func parseDate(s string) (time.Time, bool) {
	if len(s) != 16 || s[8] != 'T' || s[15] != 'Z' {
		return time.Time{}, false
	}
	num := func(i, j int) int {
		n := 0
		for ; i < j; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, mo, dd := num(0, 4), num(4, 6), num(6, 8)
	h, mi, sec := num(9, 11), num(11, 13), num(13, 15)
	if y < 0 || mo < 1 || mo > 12 || dd < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), dd, h, mi, sec, 0, time.UTC)
	if t.Day() != dd {
		return time.Time{}, false
	}
	return t, true
}

// name returns the qualified name as written ("xml:lang", "tu").
func name(n xml.Name) string {
	switch {
	case n.Space == "":
		return n.Local
	case n.Space == "xml" && n.Local == "lang":
		return "xml:lang"
	}
	return n.Space + ":" + n.Local
}

// repeatedAttr finds an attribute name given twice, which XML forbids and
// the parser lets through.
func repeatedAttr(attrs []xml.Attr) (xml.Name, bool) {
	if len(attrs) <= 16 {
		for i := 1; i < len(attrs); i++ {
			for j := range i {
				if attrs[i].Name == attrs[j].Name {
					return attrs[i].Name, true
				}
			}
		}
		return xml.Name{}, false
	}
	seen := make(map[xml.Name]bool, len(attrs))
	for _, a := range attrs {
		if seen[a.Name] {
			return a.Name, true
		}
		seen[a.Name] = true
	}
	return xml.Name{}, false
}

func isBlank(b []byte) bool { return len(bytes.TrimLeft(b, " \t\r\n")) == 0 }
