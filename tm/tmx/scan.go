package tmx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// scanner is a streaming XML 1.0 tokenizer. It accepts what encoding/xml's
// RawToken accepts in Strict mode (a fuzz test compares the two token by
// token; for non-ASCII names it uses the character classes of XML 1.0 fifth
// edition, which allow more than encoding/xml) but reads from its own
// buffer, returns one reused token instead of boxing each into an interface,
// and interns the names TMX uses: it needs less than half the CPU time and a
// quarter of the allocations. It never expands entities other than the five
// predefined ones and character references, and never fetches anything.
type scanner struct {
	r         io.Reader
	buf       []byte
	pos, end  int
	base      int64 // input offset of buf[0]
	line      int
	lineStart int64 // input offset of the current line's first byte
	// prevLineStart is the line start before getc last read a newline, for unget.
	prevLineStart int64
	limit         int64 // input offset past which reading fails with ErrTooLarge; 0: none
	rerr          error // read error (io.EOF at the end)
	err           error // sticky *scanError
	needClose     bool
	tok           token
	data          []byte // text and attribute values
	name          []byte
	// charset is called for an XML declaration naming an encoding other than
	// UTF-8; a nil Encoding means the input needs no transcoding.
	charset func(label string) (encoding.Encoding, error)
}

type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
	tokOther // comment, processing instruction, directive
)

// token is the scanner's current token; its slices are valid until the next call.
type token struct {
	kind tokKind
	name xml.Name
	attr []xml.Attr
	data []byte
}

// scanError is a tokenizer error with the position where it was found.
type scanError struct {
	err       error
	line, col int
}

func (e *scanError) Error() string { return e.err.Error() }

func newScanner(r io.Reader) *scanner {
	return &scanner{r: r, buf: make([]byte, 64<<10), line: 1}
}

// inputPos returns the line and 1-based byte column of the next unread byte.
func (s *scanner) inputPos() (int, int) {
	return s.line, int(s.base+int64(s.pos)-s.lineStart) + 1
}

func (s *scanner) offset() int64 { return s.base + int64(s.pos) }

func (s *scanner) fail(kind error, format string, args ...any) error {
	line, col := s.inputPos()
	s.err = &scanError{err: fmt.Errorf("%w: "+format, append([]any{kind}, args...)...), line: line, col: col}
	return s.err
}

// fill reads more input, keeping unread bytes; it reports whether any arrived.
func (s *scanner) fill() bool {
	if s.rerr != nil {
		return false
	}
	if s.limit > 0 && s.offset() > s.limit {
		s.rerr = ErrTooLarge
		return false
	}
	if s.pos > 0 {
		n := copy(s.buf, s.buf[s.pos:s.end])
		s.base += int64(s.pos)
		s.end, s.pos = n, 0
	}
	for range 100 {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.rerr = err
		}
		if n > 0 {
			return true
		}
		if err != nil {
			return false
		}
	}
	s.rerr = io.ErrNoProgress
	return false
}

// readFailed turns a read error into the scanner error.
func (s *scanner) readFailed() error {
	switch {
	case s.rerr == io.EOF:
		return s.fail(ErrSyntax, "unexpected EOF")
	case errors.Is(s.rerr, ErrTooLarge):
		return s.fail(ErrTooLarge, "more than the limit of bytes")
	}
	line, col := s.inputPos()
	s.err = &scanError{err: s.rerr, line: line, col: col}
	return s.err
}

func (s *scanner) getc() (byte, bool) {
	if s.pos >= s.end && !s.fill() {
		return 0, false
	}
	b := s.buf[s.pos]
	s.pos++
	if b == '\n' {
		s.line++
		s.prevLineStart, s.lineStart = s.lineStart, s.base+int64(s.pos)
	}
	return b, true
}

// mustgetc is getc where the end of input is an error.
func (s *scanner) mustgetc() (byte, error) {
	b, ok := s.getc()
	if !ok {
		return 0, s.readFailed()
	}
	return b, nil
}

func (s *scanner) peekc() (byte, bool) {
	if s.pos >= s.end && !s.fill() {
		return 0, false
	}
	return s.buf[s.pos], true
}

func (s *scanner) space() {
	for {
		b, ok := s.peekc()
		if !ok || b != ' ' && b != '\r' && b != '\n' && b != '\t' {
			return
		}
		s.getc()
	}
}

// next returns the next token, or io.EOF at the end of input outside any markup.
func (s *scanner) next() (*token, error) {
	if s.err != nil {
		return nil, s.err
	}
	t := &s.tok
	if s.needClose {
		s.needClose = false
		t.kind, t.attr, t.data = tokEnd, t.attr[:0], nil
		return t, nil
	}
	b, ok := s.peekc()
	if !ok {
		if s.rerr == io.EOF {
			return nil, io.EOF
		}
		return nil, s.readFailed()
	}
	if b != '<' {
		data, err := s.text(-1, false)
		if err != nil {
			return nil, err
		}
		t.kind, t.data = tokText, data
		return t, nil
	}
	s.pos++
	b, err := s.mustgetc()
	if err != nil {
		return nil, err
	}
	switch b {
	case '/':
		return s.endElement()
	case '?':
		return s.procInst()
	case '!':
		return s.bang()
	}
	if b < utf8.RuneSelf && !isNameByte(b, false) {
		return nil, s.fail(ErrSyntax, "expected element name after <")
	}
	s.pos-- // b is a name byte, never a newline
	return s.startElement()
}

func (s *scanner) endElement() (*token, error) {
	t := &s.tok
	name, ok := s.nsname()
	if !ok {
		if s.err != nil {
			return nil, s.err
		}
		return nil, s.fail(ErrSyntax, "expected element name after </")
	}
	s.space()
	b, err := s.mustgetc()
	if err != nil {
		return nil, err
	}
	if b != '>' {
		return nil, s.fail(ErrSyntax, "invalid characters between </%s and >", name.Local)
	}
	t.kind, t.name, t.attr, t.data = tokEnd, name, t.attr[:0], nil
	return t, nil
}

func (s *scanner) startElement() (*token, error) {
	t := &s.tok
	name, ok := s.nsname()
	if !ok {
		if s.err != nil {
			return nil, s.err
		}
		return nil, s.fail(ErrSyntax, "expected element name after <")
	}
	attrs := t.attr[:0]
	for {
		s.space()
		b, err := s.mustgetc()
		if err != nil {
			return nil, err
		}
		if b == '/' {
			if b, err = s.mustgetc(); err != nil {
				return nil, err
			}
			if b != '>' {
				return nil, s.fail(ErrSyntax, "expected /> in element")
			}
			s.needClose = true
			break
		}
		if b == '>' {
			break
		}
		s.pos-- // not a space, so not a newline
		var a xml.Attr
		if a.Name, ok = s.nsname(); !ok {
			if s.err != nil {
				return nil, s.err
			}
			return nil, s.fail(ErrSyntax, "expected attribute name in element")
		}
		s.space()
		if b, err = s.mustgetc(); err != nil {
			return nil, err
		}
		if b != '=' {
			return nil, s.fail(ErrSyntax, "attribute name without = in element")
		}
		s.space()
		if b, err = s.mustgetc(); err != nil {
			return nil, err
		}
		if b != '"' && b != '\'' {
			return nil, s.fail(ErrSyntax, "unquoted or missing attribute value in element")
		}
		v, err := s.text(int(b), false)
		if err != nil {
			return nil, err
		}
		a.Value = string(v)
		attrs = append(attrs, a)
	}
	t.kind, t.name, t.attr, t.data = tokStart, name, attrs, nil
	return t, nil
}

func (s *scanner) procInst() (*token, error) {
	t := &s.tok
	target, ok := s.readName()
	if !ok {
		if s.err != nil {
			return nil, s.err
		}
		return nil, s.fail(ErrSyntax, "expected target name after <?")
	}
	isXML := string(target) == "xml"
	s.space()
	s.data = s.data[:0]
	var b0 byte
	for {
		b, err := s.mustgetc()
		if err != nil {
			return nil, err
		}
		s.data = append(s.data, b)
		if b0 == '?' && b == '>' {
			break
		}
		b0 = b
	}
	data := s.data[:len(s.data)-2]
	if isXML {
		content := string(data)
		if ver := procInstParam("version", content); ver != "" && ver != "1.0" {
			return nil, s.fail(ErrSyntax, "unsupported XML version %q", ver)
		}
		if enc := procInstParam("encoding", content); enc != "" && !strings.EqualFold(enc, "utf-8") && s.charset != nil {
			e, err := s.charset(enc)
			if err != nil {
				line, col := s.inputPos()
				s.err = &scanError{err: err, line: line, col: col}
				return nil, s.err
			}
			if e != nil {
				rest := io.MultiReader(bytes.NewReader(bytes.Clone(s.buf[s.pos:s.end])), s.r)
				s.r = transform.NewReader(rest, e.NewDecoder())
				s.base += int64(s.pos)
				s.pos, s.end = 0, 0
			}
		}
	}
	t.kind, t.data = tokOther, data
	return t, nil
}

// procInstParam returns the value of param in the content of a processing
// instruction, as encoding/xml reads it.
func procInstParam(param, s string) string {
	param += "="
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || len(param)+k >= len(sub) {
			return ""
		}
		i += len(param) + k + 1
		if c := sub[len(param)+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// bang reads what follows "<!": a comment, a CDATA section or a directive.
func (s *scanner) bang() (*token, error) {
	t := &s.tok
	b, err := s.mustgetc()
	if err != nil {
		return nil, err
	}
	switch b {
	case '-':
		if b, err = s.mustgetc(); err != nil {
			return nil, err
		}
		if b != '-' {
			return nil, s.fail(ErrSyntax, "invalid sequence <!- not part of <!--")
		}
		var b0, b1 byte
		for {
			if b, err = s.mustgetc(); err != nil {
				return nil, err
			}
			if b0 == '-' && b1 == '-' {
				if b != '>' {
					return nil, s.fail(ErrSyntax, `invalid sequence "--" not allowed in comments`)
				}
				break
			}
			b0, b1 = b1, b
		}
		t.kind, t.data = tokOther, nil
		return t, nil
	case '[':
		for i := range 6 {
			if b, err = s.mustgetc(); err != nil {
				return nil, err
			}
			if b != "CDATA["[i] {
				return nil, s.fail(ErrSyntax, "invalid <![ sequence")
			}
		}
		data, err := s.text(-1, true)
		if err != nil {
			return nil, err
		}
		t.kind, t.data = tokText, data
		return t, nil
	}
	return s.directive()
}

// directive skips a directive such as <!DOCTYPE …>, with encoding/xml's rules:
// quoted '>' do not end it, nested '<' … '>' and comments are skipped.
func (s *scanner) directive() (*token, error) {
	var inquote, b byte
	depth := 0
	var err error
	for {
		if b, err = s.mustgetc(); err != nil {
			return nil, err
		}
		if inquote == 0 && b == '>' && depth == 0 {
			break
		}
	handle:
		switch {
		case b == inquote:
			inquote = 0
		case inquote != 0:
		case b == '\'' || b == '"':
			inquote = b
		case b == '>':
			depth--
		case b == '<':
			const open = "!--"
			for i := range len(open) {
				if b, err = s.mustgetc(); err != nil {
					return nil, err
				}
				if b != open[i] {
					depth++
					goto handle
				}
			}
			var b0, b1 byte
			for {
				if b, err = s.mustgetc(); err != nil {
					return nil, err
				}
				if b0 == '-' && b1 == '-' && b == '>' {
					break
				}
				b0, b1 = b1, b
			}
		}
	}
	s.tok.kind, s.tok.data = tokOther, nil
	return &s.tok, nil
}

// readName reads an XML name into s.name.
func (s *scanner) readName() ([]byte, bool) {
	s.name = s.name[:0]
	for {
		if s.pos >= s.end && !s.fill() {
			if len(s.name) == 0 || s.rerr != io.EOF {
				s.readFailed()
				return nil, false
			}
			break
		}
		run := s.buf[s.pos:s.end]
		i := 0
		for i < len(run) && (run[i] >= utf8.RuneSelf || isNameByte(run[i], false)) {
			i++
		}
		s.name = append(s.name, run[:i]...)
		s.pos += i
		if i < len(run) {
			break
		}
	}
	if len(s.name) == 0 {
		return nil, false
	}
	if !isXMLName(s.name) {
		s.fail(ErrSyntax, "invalid XML name: %s", s.name)
		return nil, false
	}
	return s.name, true
}

// nsname reads a name and splits a prefix off at its colon.
func (s *scanner) nsname() (xml.Name, bool) {
	b, ok := s.readName()
	if !ok {
		return xml.Name{}, false
	}
	switch bytes.Count(b, []byte{':'}) {
	case 0:
		return xml.Name{Local: intern(b)}, true
	case 1:
		i := bytes.IndexByte(b, ':')
		if i > 0 && i < len(b)-1 {
			return xml.Name{Space: intern(b[:i]), Local: intern(b[i+1:])}, true
		}
		return xml.Name{Local: intern(b)}, true
	}
	return xml.Name{}, false
}

// interned holds the names of TMX elements and attributes so that reading
// them allocates nothing.
var interned = func() map[string]string {
	m := map[string]string{}
	for _, n := range strings.Fields(`tmx header body tu tuv seg note prop ude map bpt ept it ph hi sub ut
		version creationtool creationtoolversion segtype o-tmf adminlang srclang datatype o-encoding
		creationid changeid creationdate changedate lastusagedate usagecount tuid xml lang type i x pos
		assoc name base unicode code ent subst`) {
		m[n] = n
	}
	return m
}()

func intern(b []byte) string {
	if s, ok := interned[string(b)]; ok {
		return s
	}
	return string(b)
}

// Bytes that end a fast run of text: markup, references, carriage returns,
// '>' (for "]]>") and, in attribute values, quotes.
var textStop = func() (t [256]bool) {
	for _, c := range "<&\r>\"'" {
		t[c] = true
	}
	return t
}()

// text reads character data up to '<' (quote < 0), up to the closing quote
// of an attribute value, or up to "]]>" in a CDATA section, expanding the
// predefined entities and character references and turning "\r\n" and "\r"
// into "\n". It fails on other entities, on "]]>" in text, on '<' in an
// attribute value, on invalid UTF-8 and on characters XML forbids.
func (s *scanner) text(quote int, cdata bool) ([]byte, error) {
	var b0, b1 byte
	trunc := 0
	s.data = s.data[:0]
	for {
		if !cdata && b1 != '\r' && s.pos < s.end {
			// Fast path: copy a run of ordinary bytes at once.
			run := s.buf[s.pos:s.end]
			i := 0
			for i < len(run) && !textStop[run[i]] {
				i++
			}
			if i > 0 {
				r := run[:i]
				s.data = append(s.data, r...)
				if n := bytes.Count(r, []byte{'\n'}); n > 0 {
					s.line += n
					s.lineStart = s.base + int64(s.pos) + int64(bytes.LastIndexByte(r, '\n')) + 1
				}
				s.pos += i
				if i >= 2 {
					b0, b1 = r[i-2], r[i-1]
				} else {
					b0, b1 = b1, r[0]
				}
				continue
			}
		}
		b, ok := s.getc()
		if !ok {
			if cdata {
				if s.rerr == io.EOF {
					return nil, s.fail(ErrSyntax, "unexpected EOF in CDATA section")
				}
				return nil, s.readFailed()
			}
			if s.rerr != io.EOF {
				return nil, s.readFailed()
			}
			if quote >= 0 {
				return nil, s.fail(ErrSyntax, "unexpected EOF")
			}
			break
		}
		if quote < 0 && b0 == ']' && b1 == ']' && b == '>' {
			if cdata {
				trunc = 2
				break
			}
			return nil, s.fail(ErrSyntax, "unescaped ]]> not in CDATA section")
		}
		if b == '<' && !cdata {
			if quote >= 0 {
				return nil, s.fail(ErrSyntax, "unescaped < inside quoted string")
			}
			s.pos--
			break
		}
		if quote >= 0 && b == byte(quote) {
			break
		}
		if b == '&' && !cdata {
			if err := s.reference(); err != nil {
				return nil, err
			}
			b0, b1 = 0, 0
			continue
		}
		switch {
		case b == '\r':
			s.data = append(s.data, '\n')
		case b1 == '\r' && b == '\n':
		default:
			s.data = append(s.data, b)
		}
		b0, b1 = b1, b
	}
	data := s.data[:len(s.data)-trunc]
	if err := s.checkChars(data); err != nil {
		return nil, err
	}
	return data, nil
}

// reference expands a reference after '&' into s.data.
func (s *scanner) reference() error {
	before := len(s.data)
	s.data = append(s.data, '&')
	b, err := s.mustgetc()
	if err != nil {
		return err
	}
	var text string
	have := false
	if b == '#' {
		s.data = append(s.data, b)
		if b, err = s.mustgetc(); err != nil {
			return err
		}
		base := 10
		if b == 'x' {
			base = 16
			s.data = append(s.data, b)
			if b, err = s.mustgetc(); err != nil {
				return err
			}
		}
		start := len(s.data)
		for '0' <= b && b <= '9' || base == 16 && ('a' <= b && b <= 'f' || 'A' <= b && b <= 'F') {
			s.data = append(s.data, b)
			if b, err = s.mustgetc(); err != nil {
				return err
			}
		}
		if b != ';' {
			s.unget(b)
		} else {
			n, err := strconv.ParseUint(string(s.data[start:]), base, 64)
			s.data = append(s.data, ';')
			if err == nil && n <= utf8.MaxRune {
				text, have = string(rune(n)), true
			}
		}
	} else {
		s.unget(b)
		name, _ := s.readName()
		if s.err != nil {
			return s.err
		}
		s.data = append(s.data, name...)
		if b, err = s.mustgetc(); err != nil {
			return err
		}
		if b != ';' {
			s.unget(b)
		} else {
			s.data = append(s.data, ';')
			switch string(name) {
			case "lt":
				text, have = "<", true
			case "gt":
				text, have = ">", true
			case "amp":
				text, have = "&", true
			case "apos":
				text, have = "'", true
			case "quot":
				text, have = `"`, true
			}
		}
	}
	if have {
		s.data = append(s.data[:before], text...)
		return nil
	}
	ent := string(s.data[before:])
	if !strings.HasSuffix(ent, ";") {
		ent += " (no semicolon)"
	}
	return s.fail(ErrEntity, "invalid character entity %s", ent)
}

// unget puts back the byte getc just returned.
func (s *scanner) unget(b byte) {
	s.pos--
	if b == '\n' {
		s.line--
		s.lineStart = s.prevLineStart
	}
}

// checkChars rejects invalid UTF-8 and characters outside XML's Char production.
func (s *scanner) checkChars(data []byte) error {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return s.fail(ErrSyntax, "illegal character code %U", rune(c))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return s.fail(ErrSyntax, "invalid UTF-8")
		}
		if !isXMLChar(r) {
			return s.fail(ErrSyntax, "illegal character code %U", r)
		}
		i += size
	}
	return nil
}

// isXMLName checks a name against XML 1.0's NameStartChar and NameChar.
func isXMLName(b []byte) bool {
	first := true
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			return false
		}
		if r < utf8.RuneSelf {
			if !isNameByte(byte(r), first) {
				return false
			}
		} else if !isNameRune(r, first) {
			return false
		}
		first = false
		b = b[size:]
	}
	return true
}

func isNameRune(r rune, first bool) bool {
	switch {
	case r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF, r >= 0x370 && r <= 0x37D,
		r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D, r >= 0x2070 && r <= 0x218F,
		r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF, r >= 0xF900 && r <= 0xFDCF,
		r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	}
	return !first && (r == 0xB7 || r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040)
}
