package tmx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rec is a token in a form both tokenizers can be compared in: text merged,
// comments, processing instructions and directives dropped.
type rec struct {
	kind  tokKind
	name  xml.Name
	attrs string
	text  string
}

func attrString(as []xml.Attr) string {
	var b strings.Builder
	for _, a := range as {
		b.WriteString(a.Name.Space + "|" + a.Name.Local + "=" + a.Value + "\x00")
	}
	return b.String()
}

func appendRec(rs []rec, r rec) []rec {
	if r.kind == tokText && len(rs) > 0 && rs[len(rs)-1].kind == tokText {
		rs[len(rs)-1].text += r.text
		return rs
	}
	return append(rs, r)
}

func scanAll(b []byte) ([]rec, error) { return scanReader(bytes.NewReader(b)) }

func scanReader(r io.Reader) ([]rec, error) {
	s := newScanner(r)
	var rs []rec
	for {
		t, err := s.next()
		if err == io.EOF {
			return rs, nil
		}
		if err != nil {
			return rs, err
		}
		switch t.kind {
		case tokStart:
			rs = appendRec(rs, rec{kind: tokStart, name: t.name, attrs: attrString(t.attr)})
		case tokEnd:
			rs = appendRec(rs, rec{kind: tokEnd, name: t.name})
		case tokText:
			rs = appendRec(rs, rec{kind: tokText, text: string(t.data)})
		}
	}
}

func stdAll(b []byte) ([]rec, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	var rs []rec
	for {
		t, err := d.RawToken()
		if err == io.EOF {
			return rs, nil
		}
		if err != nil {
			return rs, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			rs = appendRec(rs, rec{kind: tokStart, name: t.Name, attrs: attrString(t.Attr)})
		case xml.EndElement:
			rs = appendRec(rs, rec{kind: tokEnd, name: t.Name})
		case xml.CharData:
			rs = appendRec(rs, rec{kind: tokText, text: string(t)})
		}
	}
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func TestScannerMatchesEncodingXML(t *testing.T) {
	tests := []struct{ name, in string }{
		{"elements_attrs", `<a x="1" y='2'><b/>text</a>`},
		{"references", `<a t="&lt;&#x41;&#66;&quot;">&amp;&apos;&#x1F600;</a>`},
		{"line_ends", "<a v=\"1\r\n2\">x\r\ny\rz</a>"},
		{"cdata", `<a><![CDATA[<b>&amp;]]]]></a>`},
		{"comment_pi_doctype", `<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "x"> <!-- c -->]><a><!-- x --><?p d?></a>`},
		{"prefixes", `<x:a xml:lang="ar" y:b:c="1"/>`},
		{"undefined_entity", `<a>&e;</a>`},
		{"entity_no_semicolon", `<a>&amp</a>`},
		{"cdata_end_in_text", `<a>]]></a>`},
		{"lt_in_attr", `<a b="<"/>`},
		{"unquoted_attr", `<a b=1/>`},
		{"attr_without_value", `<a b/>`},
		{"double_dash_comment", `<!-- a -- b -->`},
		{"bad_char_ref", `<a>&#1;</a>`},
		{"invalid_utf8", "<a>\xff</a>"},
		{"truncated_tag", `<a b="1"`},
		{"truncated_cdata", `<a><![CDATA[x`},
		{"bad_version", `<?xml version="1.1"?><a/>`},
		{"end_tag_garbage", `<a></a x>`},
		{"name_with_two_colons", `<a:b:c/>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want, werr := stdAll([]byte(tc.in))
			got, gerr := scanAll([]byte(tc.in))
			require.Equal(t, werr != nil, gerr != nil, "encoding/xml: %v; scanner: %v", werr, gerr)
			if werr == nil {
				assert.Equal(t, want, got)
			}
			// Refilling the buffer at every byte changes nothing.
			slow, serr := scanReader(iotest.OneByteReader(strings.NewReader(tc.in)))
			assert.Equal(t, got, slow)
			assert.Equal(t, gerr, serr)
		})
	}
}

// FuzzScannerMatchesEncodingXML checks that the scanner accepts what
// encoding/xml's RawToken accepts in Strict mode, rejects what it rejects
// (for ASCII input: the two differ on which non-ASCII characters names may
// hold), and yields the same tokens.
func FuzzScannerMatchesEncodingXML(f *testing.F) {
	files, err := filepath.Glob("testdata/*.tmx")
	require.NoError(f, err)
	for _, p := range files {
		b, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(`<a x="1&amp;" y='&#x41;'>t<![CDATA[c]]><!--c--><b/></a>`))
	f.Add([]byte("<a v=\"1\r\n2\">x\r\ny\rz]]</a>"))
	f.Add([]byte(`<!DOCTYPE a [<!ENTITY e "x"> <!-- c -->]><a>&e;&#65&lt</a>`))
	f.Add([]byte(`<?xml version="1.0"?><x:a xml:lang="ar" b:c:d="1"/><?p?>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if bytes.Contains(b, []byte("encoding")) {
			return // charset switching is the Decoder's business, not compared here
		}
		want, werr := stdAll(b)
		got, gerr := scanAll(b)
		slow, serr := scanReader(iotest.OneByteReader(bytes.NewReader(b)))
		require.Equal(t, got, slow, "same tokens when the buffer refills at every byte")
		require.Equal(t, gerr, serr)
		if werr == nil && gerr == nil {
			require.Equal(t, want, got)
			return
		}
		if isASCII(b) {
			require.Equal(t, werr != nil, gerr != nil, "encoding/xml: %v; scanner: %v", werr, gerr)
		}
		if gerr != nil {
			var se *scanError
			require.True(t, errors.As(gerr, &se) && se.line >= 1 && se.col >= 1, "%v", gerr)
		}
	})
}
