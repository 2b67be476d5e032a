package tmx_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tarjuman/tarjuman/tm/tmx"
)

func TestEncodeRoundTripFixtures(t *testing.T) {
	for _, f := range []string{"level2_ar_en.tmx", "smp_astral.tmx", "variants_languages.tmx"} {
		t.Run(f, func(t *testing.T) {
			h, tus := readAll(t, "testdata/"+f)
			var buf bytes.Buffer
			encodeAll(t, &buf, h, tus)
			h2, tus2 := decodeAll(t, bytes.NewReader(buf.Bytes()))
			assertSameHeader(t, h, h2)
			assert.Equal(t, "1.4", h2.Version)
			assert.Equal(t, stripLines(tus), stripLines(tus2))
			// Writing what was read again gives the same bytes.
			var again bytes.Buffer
			encodeAll(t, &again, h2, tus2)
			assert.Equal(t, buf.String(), again.String())
		})
	}
}

func TestEncodeOutput(t *testing.T) {
	var buf bytes.Buffer
	e := tmx.NewEncoder(&buf)
	require.NoError(t, e.WriteHeader(&tmx.Header{SrcLang: "ar", CreationTool: "demo"}))
	require.NoError(t, e.Encode(&tmx.TU{
		TUID:         "1",
		CreationDate: time.Date(2021, 12, 30, 21, 15, 0, 0, time.FixedZone("MSK", 3*3600)),
		UsageCount:   2,
		Props:        []tmx.Prop{{Type: "x-note", Value: "a\"b"}},
		Variants: []tmx.TUV{
			{Lang: "ar", Seg: tmx.Seg{txt("بوتين "), code(tmx.PH, "<br/>"), txt("\r\n")}},
			{Lang: "en", Seg: tmx.Seg{txt("Putin & <Biden>")}, Ext: `x-a="1 &amp; 2"`},
		},
	}))
	require.NoError(t, e.Close())
	require.NoError(t, e.Close(), "a second Close is a no-op")
	want := `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="demo" creationtoolversion="1" segtype="sentence" o-tmf="tarjuman" adminlang="en" srclang="ar" datatype="plaintext"/>
  <body>
    <tu tuid="1" creationdate="20211230T181500Z" usagecount="2">
      <prop type="x-note">a"b</prop>
      <tuv xml:lang="ar">
        <seg>بوتين <ph>&lt;br/&gt;</ph>&#13;
</seg>
      </tuv>
      <tuv xml:lang="en" x-a="1 &amp; 2">
        <seg>Putin &amp; &lt;Biden&gt;</seg>
      </tuv>
    </tu>
  </body>
</tmx>
`
	assert.Equal(t, want, buf.String())
}

func TestEncodeEmptyDocument(t *testing.T) {
	var buf bytes.Buffer
	e := tmx.NewEncoder(&buf)
	require.NoError(t, e.Close())
	h, tus := decodeAll(t, &buf)
	assert.Empty(t, tus)
	assert.Equal(t, "*all*", h.SrcLang)
}

func TestEncodeRejects(t *testing.T) {
	ok := tmx.TUV{Lang: "en", Seg: tmx.Seg{txt("x")}}
	tests := []struct {
		name string
		tu   tmx.TU
		msg  string
	}{
		{"no_variant", tmx.TU{TUID: "a"}, "no variant"},
		{"variant_without_lang", tmx.TU{Variants: []tmx.TUV{{Seg: tmx.Seg{txt("x")}}}}, "without language"},
		{"bad_lang", tmx.TU{Variants: []tmx.TUV{{Lang: "en us", Seg: tmx.Seg{txt("x")}}}}, "not a language tag"},
		{"control_char", tmx.TU{Variants: []tmx.TUV{{Lang: "en", Seg: tmx.Seg{txt("a\x01")}}}}, "not allowed in XML"},
		{"invalid_utf8", tmx.TU{Variants: []tmx.TUV{{Lang: "en", Seg: tmx.Seg{txt("a\xff")}}}}, "invalid UTF-8"},
		{"sub_in_seg", tmx.TU{Variants: []tmx.TUV{{Lang: "en", Seg: tmx.Seg{{Kind: tmx.SUB}}}}}, "sub not allowed"},
		{"code_with_text", tmx.TU{Variants: []tmx.TUV{{Lang: "en", Seg: tmx.Seg{{Kind: tmx.PH, Text: "<br>"}}}}}, "put its content in Content"},
		{"text_with_content", tmx.TU{Variants: []tmx.TUV{{Lang: "en", Seg: tmx.Seg{{Kind: tmx.Text, Content: tmx.Seg{txt("x")}}}}}}, "text run with Content"},
		{"malformed_ext", tmx.TU{Ext: `a="<"`, Variants: []tmx.TUV{ok}}, "malformed Ext"},
		{"ext_duplicates_tmx_attr", tmx.TU{Ext: `tuid="2"`, Variants: []tmx.TUV{ok}}, "repeated"},
		{"ext_bad_reference", tmx.TU{Ext: `a="&foo;"`, Variants: []tmx.TUV{ok}}, "bad reference"},
		{"negative_usage", tmx.TU{UsageCount: -1, Variants: []tmx.TUV{ok}}, "negative"},
		{"year_out_of_range", tmx.TU{ChangeDate: time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC), Variants: []tmx.TUV{ok}}, "out of range"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			e := tmx.NewEncoder(&buf)
			require.NoError(t, e.WriteHeader(nil))
			err := e.Encode(&tc.tu)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.msg)
			assert.True(t, strings.HasPrefix(err.Error(), "tmx: "), err.Error())
			// Nothing of the rejected TU is written and the encoder goes on.
			require.NoError(t, e.Encode(&tmx.TU{TUID: "next", Variants: []tmx.TUV{ok}}))
			require.NoError(t, e.Close())
			_, tus := decodeAll(t, &buf)
			require.Len(t, tus, 1)
			assert.Equal(t, "next", tus[0].TUID)
		})
	}
}

type failWriter struct{}

func (w *failWriter) Write(p []byte) (int, error) {
	return 0, errors.New("disk full")
}

func TestEncodeWriteErrorIsReported(t *testing.T) {
	e := tmx.NewEncoder(&failWriter{})
	require.NoError(t, e.WriteHeader(nil)) // buffered
	err := e.Close()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "disk full")
	assert.Error(t, e.Encode(&tmx.TU{Variants: []tmx.TUV{{Lang: "en"}}}))
}

func TestWriteHeaderTwice(t *testing.T) {
	e := tmx.NewEncoder(&bytes.Buffer{})
	require.NoError(t, e.WriteHeader(nil))
	assert.Error(t, e.WriteHeader(nil))
}

func TestZeroValuesFailCleanly(t *testing.T) {
	var e tmx.Encoder
	assert.Error(t, e.WriteHeader(nil))
	assert.Error(t, e.Encode(&tmx.TU{}))
	assert.Error(t, e.Close())
	var d tmx.Decoder
	_, err := d.Next()
	assert.Error(t, err)
}
