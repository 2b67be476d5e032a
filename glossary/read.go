package glossary

import (
	"bufio"
	"bytes"
	"io"
)

// Read reads a glossary in whichever of the formats this package reads it finds: TBX (any version,
// UTF-8 or UTF-16), or a header-named table — tab-separated (HeadedTSV) when its header line has a
// tab, comma-separated (Headed) otherwise. It is what tools that take "a glossary file" want; callers
// that know the format should call ReadTBX or ReadCSV.
func Read(r io.Reader) (*Glossary, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(64 << 10) // an error here surfaces again on the real read
	if looksLikeXML(head) {
		return ReadTBX(br)
	}
	if headerHasTab(head) {
		return ReadCSV(br, HeadedTSV)
	}
	return ReadCSV(br, Headed)
}

func looksLikeXML(b []byte) bool {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || bytes.HasPrefix(b, []byte{0, '<'}) {
		return true
	}
	b = bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(b) > 0 && b[0] == '<'
}

// headerHasTab reports whether the first line that is neither blank nor a '#' comment holds a tab.
func headerHasTab(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	for len(b) > 0 {
		line, rest, _ := bytes.Cut(b, []byte("\n"))
		b = rest
		if t := bytes.TrimSpace(line); len(t) == 0 || t[0] == '#' {
			continue
		}
		return bytes.IndexByte(line, '\t') >= 0
	}
	return false
}
