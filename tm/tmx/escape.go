package tmx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"unicode/utf8"
)

// isXMLChar reports whether r may appear in an XML 1.0 document.
func isXMLChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// appendEscaped appends s escaped for element content (attr false) or for a
// double-quoted attribute value (attr true). Carriage returns, and in
// attributes tabs and newlines, become character references so that a
// parser's line-end and attribute-value normalization gives back s exactly.
func appendEscaped(dst []byte, s string, attr bool) ([]byte, error) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		size := 1
		switch {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '\r':
			esc = "&#13;"
		case c == '"' && attr:
			esc = "&quot;"
		case c == '\t' && attr:
			esc = "&#9;"
		case c == '\n' && attr:
			esc = "&#10;"
		case c == '\t' || c == '\n' || c >= 0x20 && c < utf8.RuneSelf:
		case c < 0x20:
			return dst, fmt.Errorf("tmx: character %U is not allowed in XML 1.0", rune(c))
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return dst, fmt.Errorf("tmx: invalid UTF-8 at byte %d of %q", i, s)
			}
			if !isXMLChar(r) {
				return dst, fmt.Errorf("tmx: character %U is not allowed in XML 1.0", r)
			}
		}
		if esc != "" {
			dst = append(dst, s[last:i]...)
			dst = append(dst, esc...)
			last = i + 1
		}
		i += size
	}
	return append(dst, s[last:]...), nil
}

// appendExt adds attribute a to an Ext string (see Inline.Ext).
func appendExt(ext string, a xml.Attr) string {
	b := make([]byte, 0, len(ext)+len(a.Name.Local)+len(a.Value)+8)
	b = append(b, ext...)
	if len(b) > 0 {
		b = append(b, ' ')
	}
	b = append(b, name(a.Name)...)
	b = append(b, '=', '"')
	// The parser only hands out valid XML text, so this cannot fail.
	b, _ = appendEscaped(b, a.Value, true)
	b = append(b, '"')
	return string(b)
}

var errExt = errors.New("tmx: malformed Ext attributes")

// checkExt verifies that ext is a sequence of name="value" pairs separated by
// single spaces, with well-formed escaped values, and that no name repeats or
// is one of the element's TMX attributes (known).
func checkExt(ext string, known ...string) error {
	names := map[string]bool{}
	for i := 0; i < len(ext); {
		if i > 0 {
			if ext[i] != ' ' {
				return fmt.Errorf("%w: %q", errExt, ext)
			}
			i++
		}
		start := i
		for i < len(ext) && isNameByte(ext[i], i == start) {
			i++
		}
		n := ext[start:i]
		if n == "" || !utf8.ValidString(n) || i+1 >= len(ext) || ext[i] != '=' || ext[i+1] != '"' {
			return fmt.Errorf("%w: %q", errExt, ext)
		}
		for _, k := range known {
			if k == n {
				return fmt.Errorf("%w: attribute %s repeated", errExt, n)
			}
		}
		if names[n] {
			return fmt.Errorf("%w: attribute %s repeated", errExt, n)
		}
		names[n] = true
		i += 2
		for i < len(ext) && ext[i] != '"' {
			switch c := ext[i]; {
			case c == '&':
				j := i + 1
				for j < len(ext) && j-i < 12 && ext[j] != ';' {
					j++
				}
				if j >= len(ext) || ext[j] != ';' || !validRef(ext[i+1:j]) {
					return fmt.Errorf("%w: bad reference in %q", errExt, ext)
				}
				i = j + 1
			case c == '<' || c == '\t' || c == '\n' || c == '\r':
				return fmt.Errorf("%w: %q", errExt, ext)
			default:
				r, size := utf8.DecodeRuneInString(ext[i:])
				if r == utf8.RuneError && size == 1 || !isXMLChar(r) {
					return fmt.Errorf("%w: %q", errExt, ext)
				}
				i += size
			}
		}
		if i >= len(ext) {
			return fmt.Errorf("%w: %q", errExt, ext)
		}
		i++ // closing quote
	}
	return nil
}

func isNameByte(c byte, first bool) bool {
	if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= 0x80 {
		return true
	}
	return !first && (c >= '0' && c <= '9' || c == '-' || c == '.')
}

func validRef(r string) bool {
	switch r {
	case "amp", "lt", "gt", "quot", "apos":
		return true
	}
	if len(r) < 2 || r[0] != '#' {
		return false
	}
	digits, base := r[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if digits == "" {
		return false
	}
	n := 0
	for _, c := range []byte(digits) {
		var v int
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case base == 16 && c >= 'a' && c <= 'f':
			v = int(c-'a') + 10
		case base == 16 && c >= 'A' && c <= 'F':
			v = int(c-'A') + 10
		default:
			return false
		}
		n = n*base + v
		if n > 0x10FFFF {
			return false
		}
	}
	return isXMLChar(rune(n))
}
