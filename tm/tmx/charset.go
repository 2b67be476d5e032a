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
func detect(r io.Reader) (_ io.Reader, bom bool) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4)
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		_, _ = br.Discard(3)
		return br, true
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(head, []byte{'<', 0}):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case bytes.HasPrefix(head, []byte{0, '<'}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	default:
		return br, false
	}
	return transform.NewReader(&evenBytes{r: br}, enc.NewDecoder()), head[0] != '<' && head[0] != 0
}

// evenBytes fails at the end of a UTF-16 input with an odd number of bytes: a truncated file, which the
// UTF-16 decoder alone would end with a silent U+FFFD.
type evenBytes struct {
	r io.Reader
	n int64
}

func (e *evenBytes) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	e.n += int64(n)
	if err == io.EOF && e.n%2 == 1 {
		return n, fmt.Errorf("%w: UTF-16 input ends in the middle of a code unit (odd number of bytes)", ErrEncoding)
	}
	return n, err
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

// charset answers the scanner when an XML declaration names an encoding other
// than UTF-8: nil for labels that describe text detect already made UTF-8
// (UTF-16 variants) or that are subsets of UTF-8 (us-ascii), the decoder of a
// legacy encoding, or ErrEncoding.
func (d *Decoder) charset(label string) (encoding.Encoding, error) {
	if d.bom {
		return nil, nil // a byte order mark outranks the declaration
	}
	l := strings.ToLower(strings.TrimSpace(label))
	switch l {
	case "utf-8", "utf8", "us-ascii", "ascii", "utf-16", "utf-16le", "utf-16be", "utf16",
		"ucs-2", "iso-10646-ucs-2", "unicode":
		return nil, nil
	}
	if enc, ok := legacy[l]; ok {
		// Each switch stacks a reader: allow only the one of the XML declaration.
		if d.decls++; d.decls > 1 {
			return nil, fmt.Errorf("%w: second XML declaration naming %q", ErrEncoding, label)
		}
		return enc, nil
	}
	return nil, fmt.Errorf("%w: %q", ErrEncoding, label)
}
