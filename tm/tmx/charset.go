package tmx

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// detect returns a reader of the UTF-8 text of r: a UTF-16 input (recognized by
// its byte order mark or, without one, by a leading "<\x00" or "\x00<") is
// transcoded and a UTF-8 byte order mark is dropped. Anything else is passed
// through unchanged; its XML declaration may name a legacy encoding, which
// charsetReader then handles.
func detect(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4)
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		_, _ = br.Discard(3)
		return br
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(head, []byte{'<', 0}):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case bytes.HasPrefix(head, []byte{0, '<'}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	default:
		return br
	}
	return transform.NewReader(br, enc.NewDecoder())
}

// legacy maps the encoding labels we transcode to their decoders. Arabic
// Windows and ISO code pages are here because old Arabic TMs use them.
var legacy = map[string]encoding.Encoding{
	"iso-8859-1":   charmap.ISO8859_1,
	"iso8859-1":    charmap.ISO8859_1,
	"latin1":       charmap.ISO8859_1,
	"l1":           charmap.ISO8859_1,
	"iso-8859-6":   charmap.ISO8859_6,
	"iso-8859-15":  charmap.ISO8859_15,
	"windows-1252": charmap.Windows1252,
	"cp1252":       charmap.Windows1252,
	"windows-1256": charmap.Windows1256,
	"cp1256":       charmap.Windows1256,
}

// charsetReader is the xml.Decoder CharsetReader. Labels that describe text
// detect already made UTF-8 (UTF-16 variants) or that are subsets of UTF-8
// (us-ascii) pass the input through.
func (d *Decoder) charsetReader(label string, input io.Reader) (io.Reader, error) {
	l := strings.ToLower(strings.TrimSpace(label))
	switch l {
	case "utf-8", "utf8", "us-ascii", "ascii", "utf-16", "utf-16le", "utf-16be", "utf16",
		"ucs-2", "iso-10646-ucs-2", "unicode":
		return input, nil
	}
	if enc, ok := legacy[l]; ok {
		// Each switch stacks a reader: allow only the one of the XML declaration.
		if d.decls++; d.decls > 1 {
			d.encErr = fmt.Errorf("%w: second XML declaration naming %q", ErrEncoding, label)
			return nil, d.encErr
		}
		// The old reader now feeds the new one through the parser's read-ahead
		// buffer: only the new one can count what the parser consumed.
		old := d.in
		d.in = &countReader{r: transform.NewReader(input, enc.NewDecoder()), limit: old.limit - old.n}
		old.limit = 0
		return d.in, nil
	}
	d.encErr = fmt.Errorf("%w: %q", ErrEncoding, label)
	return nil, d.encErr
}

// countReader counts the bytes handed to the XML parser (which reads them
// through its own buffer) and refuses to hand out more than limit: the bound
// on the memory one translation unit can take, exact to a buffer's length.
type countReader struct {
	r     io.Reader
	n     int64
	limit int64 // 0 or less: no limit
}

func (c *countReader) Read(p []byte) (int, error) {
	if c.limit > 0 {
		if c.n >= c.limit {
			return 0, ErrTooLarge
		}
		if rest := c.limit - c.n; int64(len(p)) > rest {
			p = p[:rest]
		}
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
