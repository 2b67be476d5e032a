package tmx_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/tm/tmx"
)

func encodeAll(t *testing.T, w io.Writer, h *tmx.Header, tus []*tmx.TU) {
	t.Helper()
	e := tmx.NewEncoder(w)
	require.NoError(t, e.WriteHeader(h))
	for _, tu := range tus {
		require.NoError(t, e.Encode(tu))
	}
	require.NoError(t, e.Close())
}

// assertSameHeader compares headers except for what the Encoder fills in:
// the version and required attributes left empty.
func assertSameHeader(t *testing.T, want, got *tmx.Header) {
	t.Helper()
	w, g := *want, *got
	w.Version, g.Version = "", ""
	for _, f := range []struct{ w, g *string }{
		{&w.CreationTool, &g.CreationTool}, {&w.CreationToolVersion, &g.CreationToolVersion},
		{&w.SegType, &g.SegType}, {&w.OTMF, &g.OTMF}, {&w.AdminLang, &g.AdminLang},
		{&w.SrcLang, &g.SrcLang}, {&w.DataType, &g.DataType},
	} {
		if *f.w == "" {
			*f.g = ""
		}
	}
	assert.Equal(t, w, g)
}

const head = `<?xml version="1.0"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>
`

func TestDecodeLevel2Fixture(t *testing.T) {
	h, tus := readAll(t, "testdata/level2_ar_en.tmx")
	assert.Equal(t, "*all*", h.SrcLang)
	assert.Equal(t, "1.4", h.Version)
	assert.Equal(t, time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC), h.CreationDate)
	assert.Equal(t, `x-vendor="kept"`, h.Ext)
	assert.Equal(t, []tmx.Prop{{Type: "x-domain", Value: "news"}}, h.Props)
	assert.Equal(t, []tmx.Note{{Lang: "en", Text: "Written by hand for the tm/tmx tests."}}, h.Notes)
	require.Len(t, h.UDEs, 1)
	assert.Equal(t, tmx.Map{Unicode: "#xF8FF", Code: "#xF0", Ent: "AppleLogo", Subst: "[Apple]"}, h.UDEs[0].Maps[0])
	require.Len(t, tus, 3)

	t.Run("metadata", func(t *testing.T) {
		tu := tus[0]
		assert.Equal(t, "call-1", tu.TUID)
		assert.Equal(t, "ar", tu.SrcLang)
		assert.Equal(t, 7, tu.UsageCount)
		assert.Equal(t, time.Date(2021, 12, 30, 18, 15, 0, 0, time.UTC), tu.CreationDate)
		assert.Equal(t, time.Date(2022, 1, 2, 9, 0, 0, 0, time.UTC), tu.ChangeDate)
		assert.Equal(t, time.Date(2022, 1, 10, 12, 0, 0, 0, time.UTC), tu.LastUsageDate)
		assert.Equal(t, "mona", tu.CreationID)
		assert.Equal(t, "sami", tu.ChangeID)
		assert.Equal(t, []tmx.Note{{Text: "The title of the article."}}, tu.Notes)
		assert.Equal(t, []tmx.Prop{{Type: "x-context", Value: "headline"}}, tu.Props)
		assert.Equal(t, 13, tu.Line)
		ar := tu.Variant(language.Arabic)
		require.NotNil(t, ar)
		assert.Equal(t, []tmx.Prop{{Type: "x-origin", Value: "seed"}}, ar.Props)
		assert.Equal(t, "بوتين يحذّر بايدن ", ar.Seg.String())
		assert.Equal(t, tmx.Seg{
			{Kind: tmx.BPT, I: "1", X: "1", Type: "bold", Content: tmx.Seg{{Kind: tmx.Text, Text: "<b>"}}},
			{Kind: tmx.Text, Text: "بوتين"},
			{Kind: tmx.EPT, I: "1", Content: tmx.Seg{{Kind: tmx.Text, Text: "</b>"}}},
			{Kind: tmx.Text, Text: " يحذّر بايدن "},
			{Kind: tmx.PH, X: "2", Type: "link", Assoc: "p", Content: tmx.Seg{{Kind: tmx.Text, Text: `<a href="#1"/>`}}},
		}, ar.Seg)
	})
	t.Run("sub_hi_it_ut", func(t *testing.T) {
		en := tus[1].Variant(language.English)
		require.NotNil(t, en)
		assert.Equal(t, "Click  to start now.", en.Seg.String())
		require.Len(t, en.Seg, 6)
		ph := en.Seg[1]
		assert.Equal(t, tmx.SUB, ph.Content[1].Kind)
		assert.Equal(t, "html", ph.Content[1].DataType)
		assert.Equal(t, "alt", ph.Content[1].Type)
		hi := en.Seg[3]
		assert.Equal(t, tmx.HI, hi.Kind)
		assert.Equal(t, tmx.IT, hi.Content[1].Kind)
		assert.Equal(t, "begin", hi.Content[1].Pos)
		assert.Equal(t, tmx.UT, en.Seg[5].Kind)
	})
	t.Run("white_space_comment_cdata", func(t *testing.T) {
		assert.Equal(t, `x-trados-id="42"`, tus[2].Ext)
		ar := tus[2].Variant(language.Arabic)
		require.NotNil(t, ar)
		assert.Equal(t, tmx.Seg{{Kind: tmx.Text, Text: "  مسافات\n\tوسطر جديد\rو\u200fعلامة  "}}, ar.Seg)
		en := tus[2].Variant(language.English)
		assert.Equal(t, "a <CDATA> & more & text", en.Seg.String())
	})
}

func TestDecodeAstralTMX11(t *testing.T) {
	h, tus := readAll(t, "testdata/smp_astral.tmx")
	assert.Equal(t, "1.1", h.Version)
	require.Len(t, tus, 1)
	en := tus[0].Variant(language.English)
	ar := tus[0].Variant(language.Arabic)
	require.NotNil(t, en)
	require.NotNil(t, ar)
	assert.Equal(t, "𝐀𝐁𝐂 😀 𞸀", en.Seg.String())
	assert.Equal(t, "𝐃𝐄𝐅 😀 𞸀", ar.Seg.String())
}

func TestVariantByLanguage(t *testing.T) {
	_, tus := readAll(t, "testdata/variants_languages.tmx")
	require.Len(t, tus, 1)
	tu := tus[0]
	tests := []struct {
		name, lang, want string
	}{
		{"exact_region", "en-US", "Hello (US)"},
		{"exact_case_insensitive", "en-GB", "Hello (GB)"},
		{"first_of_duplicates", "fr-CA", "Bonjour (CA 1)"},
		{"base_prefers_bare_language", "ar-MA", "مرحبا"},
		{"bare_query_exact", "ar", "مرحبا"},
		{"exact_beats_bare", "ar-SA", "مرحبا (السعودية)"},
		{"base_falls_back_to_first", "en-AU", "Hello (GB)"},
		{"base_of_region_only_variants", "fr", "Bonjour (CA 1)"},
		{"underscore_tag", "zh-Hant-TW", "你好"},
		{"missing_language", "de", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := tu.Variant(language.MustParse(tc.lang))
			if tc.want == "" {
				assert.Nil(t, v)
				return
			}
			require.NotNil(t, v)
			assert.Equal(t, tc.want, v.Seg.String())
		})
	}
}

func TestDecodeEncodings(t *testing.T) {
	doc := head + `<tu><tuv xml:lang="ar"><seg>سلام &#x2019; é</seg></tuv></tu></body></tmx>`
	utf16 := func(e unicode.Endianness, b unicode.BOMPolicy) []byte {
		out, err := unicode.UTF16(e, b).NewEncoder().Bytes([]byte(doc))
		require.NoError(t, err)
		return out
	}
	win := strings.Replace(doc, `<?xml version="1.0"?>`, `<?xml version="1.0" encoding="windows-1256"?>`, 1)
	winBytes, err := charmap.Windows1256.NewEncoder().Bytes([]byte(win))
	require.NoError(t, err)
	tests := []struct {
		name string
		in   []byte
	}{
		{"utf8", []byte(doc)},
		{"utf8_bom", append([]byte("\xEF\xBB\xBF"), doc...)},
		{"utf16le_bom", utf16(unicode.LittleEndian, unicode.UseBOM)},
		{"utf16be_bom", utf16(unicode.BigEndian, unicode.UseBOM)},
		{"utf16le_no_bom", utf16(unicode.LittleEndian, unicode.IgnoreBOM)},
		{"utf16be_no_bom", utf16(unicode.BigEndian, unicode.IgnoreBOM)},
		{"windows1256_declared", winBytes},
		{"bom_outranks_declaration", append([]byte("\xEF\xBB\xBF"), strings.Replace(doc, `<?xml version="1.0"?>`, `<?xml version="1.0" encoding="iso-8859-1"?>`, 1)...)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, tus := decodeAll(t, bytes.NewReader(tc.in))
			require.Len(t, tus, 1)
			assert.Equal(t, "سلام ’ é", tus[0].Variants[0].Seg.String())
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		kind      error
		line, col int
		tu        string
	}{
		{"bad_date", head + `<tu tuid="x" changedate="20210230T000000Z"><tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>`, tmx.ErrDate, 3, 1, "x"},
		{"date_without_z", head + `<tu creationdate="20210101T000000"><tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>`, tmx.ErrDate, 3, 1, ""},
		{"bad_usagecount", head + `<tu><tuv xml:lang="en" usagecount="many"><seg>a</seg></tuv></tu></body></tmx>`, tmx.ErrNumber, 3, 5, ""},
		{"bad_lang", head + `<tu><tuv xml:lang="en us"><seg>a</seg></tuv></tu></body></tmx>`, tmx.ErrLang, 3, 5, ""},
		{"missing_lang", head + `<tu><tuv><seg>a</seg></tuv></tu></body></tmx>`, tmx.ErrMissing, 3, 5, ""},
		{"missing_seg", head + `<tu><tuv xml:lang="en"></tuv></tu></body></tmx>`, tmx.ErrMissing, 3, 5, ""},
		{"tu_without_tuv", head + `<tu tuid="e"></tu></body></tmx>`, tmx.ErrMissing, 3, 14, "e"},
		{"two_segs", head + `<tu><tuv xml:lang="en"><seg>a</seg><seg>b</seg></tuv></tu></body></tmx>`, tmx.ErrStructure, 3, 36, ""},
		{"sub_in_seg", head + `<tu><tuv xml:lang="en"><seg><sub>a</sub></seg></tuv></tu></body></tmx>`, tmx.ErrStructure, 3, 29, ""},
		{"hi_in_ph", head + `<tu><tuv xml:lang="en"><seg><ph><hi>a</hi></ph></seg></tuv></tu></body></tmx>`, tmx.ErrStructure, 3, 33, ""},
		{"unknown_inline", head + `<tu><tuv xml:lang="en"><seg><g id="1">a</g></seg></tuv></tu></body></tmx>`, tmx.ErrStructure, 3, 29, ""},
		{"element_in_note", head + `<tu><note><b>x</b></note><tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>`, tmx.ErrStructure, 3, 11, ""},
		{"text_in_tu", head + `<tu>stray<tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>`, tmx.ErrStructure, 3, 5, ""},
		{"mismatched_end", head + `<tu><tuv xml:lang="en"><seg>a</tuv></tu></body></tmx>`, tmx.ErrSyntax, 3, 30, ""},
		{"truncated", head + `<tu><tuv xml:lang="en"><seg>a`, tmx.ErrSyntax, 3, 30, ""},
		{"undefined_entity", head + `<tu><tuv xml:lang="en"><seg>&nbsp;</seg></tuv></tu></body></tmx>`, tmx.ErrEntity, 3, 35, ""},
		{"not_tmx", `<xliff version="1.2"/>`, tmx.ErrNotTMX, 1, 1, ""},
		{"empty", ``, tmx.ErrNotTMX, 1, 1, ""},
		{"no_header", `<tmx version="1.4"><body></body></tmx>`, tmx.ErrMissing, 1, 20, ""},
		{"bad_header_date", `<tmx><header creationdate="yesterday"/><body></body></tmx>`, tmx.ErrDate, 1, 6, ""},
		{"unsupported_encoding", `<?xml version="1.0" encoding="shift_jis"?><tmx/>`, tmx.ErrEncoding, 1, 43, ""},
		{"repeated_attribute", head + `<tu tuid="1" tuid="2"><tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>`, tmx.ErrSyntax, 3, 1, ""},
		{"repeated_attribute_many", head + `<tu ` + manyAttrs(20) + ` a3="x"><tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>`, tmx.ErrSyntax, 3, 1, ""},
		{"second_encoding_switch", `<?xml version="1.0" encoding="iso-8859-1"?>` + head[21:] + `<?xml version="1.0" encoding="latin1"?></body></tmx>`, tmx.ErrEncoding, 3, 40, ""},
		{"invalid_char_ref", head + `<tu><tuv xml:lang="en"><seg>&#0;</seg></tuv></tu></body></tmx>`, tmx.ErrSyntax, 3, 33, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := tmx.NewDecoder(strings.NewReader(tc.in))
			var err error
			for err == nil {
				_, err = d.Next()
			}
			require.NotErrorIs(t, err, io.EOF)
			var pe *tmx.ParseError
			require.ErrorAs(t, err, &pe)
			assert.ErrorIs(t, err, tc.kind)
			assert.Equal(t, tc.line, pe.Line, "line")
			assert.Equal(t, tc.col, pe.Column, "column")
			assert.Equal(t, tc.tu, pe.TU)
			assert.True(t, strings.HasPrefix(err.Error(), "tmx: line "), err.Error())
		})
	}
}

func manyAttrs(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, ` a%d="v"`, i)
	}
	return b.String()
}

func TestDecodeInvalidFixtures(t *testing.T) {
	tests := []struct {
		file string
		kind error
		line int
	}{
		{"invalid_billion_laughs.tmx", tmx.ErrEntity, 17},
		{"invalid_external_entity.tmx", tmx.ErrEntity, 8},
		{"invalid_truncated.tmx", tmx.ErrSyntax, 7},
		{"invalid_nesting.tmx", tmx.ErrSyntax, 5},
		{"invalid_utf8.tmx", tmx.ErrSyntax, 5},
		{"invalid_lang.tmx", tmx.ErrLang, 5},
		{"invalid_date.tmx", tmx.ErrDate, 6},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			f, err := os.Open("testdata/" + tc.file)
			require.NoError(t, err)
			defer f.Close()
			d := tmx.NewDecoder(f)
			for err == nil {
				_, err = d.Next()
			}
			var pe *tmx.ParseError
			require.ErrorAs(t, err, &pe)
			assert.ErrorIs(t, err, tc.kind)
			assert.Equal(t, tc.line, pe.Line)
		})
	}
}

func TestDecodeLenientSkipsBadTUs(t *testing.T) {
	in := head + `<tu tuid="1"><tuv xml:lang="en"><seg>one</seg></tuv></tu>
<tu tuid="2" usagecount="-1"><tuv xml:lang="en"><seg>two</seg></tuv></tu>
<tu tuid="3"><tuv xml:lang="en"><seg>a<bpt><hi>deep</hi></bpt></seg></tuv><note>n</note></tu>
<unknown><tu/></unknown>
<tu tuid="4"><tuv xml:lang="en"><seg>four</seg></tuv></tu>
<tu tuid="5" creationdate="0"><tuv xml:lang="en"><seg>five</seg></tuv></tu>
</body></tmx>`
	d := tmx.NewDecoder(strings.NewReader(in))
	d.Lenient = true
	var ids []string
	for {
		tu, err := d.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		ids = append(ids, tu.TUID)
	}
	assert.Equal(t, []string{"1", "4"}, ids)
	assert.Equal(t, 3, d.Skipped())
}

func TestDecodeStrictContinuesAfterContentError(t *testing.T) {
	f, err := os.Open("testdata/invalid_date.tmx")
	require.NoError(t, err)
	defer f.Close()
	d := tmx.NewDecoder(f)
	var ids []string
	var errs int
	for {
		tu, err := d.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs++
			require.ErrorIs(t, err, tmx.ErrDate)
			require.Less(t, errs, 2)
			continue
		}
		ids = append(ids, tu.TUID)
	}
	assert.Equal(t, []string{"good-1", "good-2"}, ids)
	assert.Equal(t, 0, d.Skipped())
}

func TestDecodeFatalErrorIsSticky(t *testing.T) {
	d := tmx.NewDecoder(strings.NewReader(head + `<tu><tuv xml:lang="en"><seg>a</tuv>`))
	d.Lenient = true
	_, err1 := d.Next()
	_, err2 := d.Next()
	require.ErrorIs(t, err1, tmx.ErrSyntax)
	assert.Equal(t, err1, err2)
}

func TestDecodeLimits(t *testing.T) {
	t.Run("deep_nesting", func(t *testing.T) {
		in := head + `<tu><tuv xml:lang="en"><seg>` + strings.Repeat("<hi>", 100000) + "x"
		d := tmx.NewDecoder(strings.NewReader(in))
		_, err := d.Next()
		require.ErrorIs(t, err, tmx.ErrDepth)
	})
	t.Run("deep_nesting_custom", func(t *testing.T) {
		in := head + `<tu><tuv xml:lang="en"><seg>` + strings.Repeat("<hi>", 5) + strings.Repeat("</hi>", 5) + `</seg></tuv></tu></body></tmx>`
		d := tmx.NewDecoder(strings.NewReader(in))
		d.MaxDepth = 8
		_, err := d.Next()
		require.ErrorIs(t, err, tmx.ErrDepth)
		d = tmx.NewDecoder(strings.NewReader(in))
		d.MaxDepth = 10
		_, err = d.Next()
		require.NoError(t, err)
	})
	t.Run("huge_tu", func(t *testing.T) {
		in := head + `<tu><tuv xml:lang="en"><seg>` + strings.Repeat("a", 1<<20) + `</seg></tuv></tu></body></tmx>`
		d := tmx.NewDecoder(strings.NewReader(in))
		d.MaxTUSize = 64 << 10
		_, err := d.Next()
		require.ErrorIs(t, err, tmx.ErrTooLarge)
	})
	t.Run("huge_header", func(t *testing.T) {
		in := `<tmx><header><note>` + strings.Repeat("n", 1<<20) + `</note></header><body></body></tmx>`
		d := tmx.NewDecoder(strings.NewReader(in))
		d.MaxTUSize = 64 << 10
		_, err := d.Header()
		require.ErrorIs(t, err, tmx.ErrTooLarge)
	})
	t.Run("many_small_tus_within_limit", func(t *testing.T) {
		in := head + strings.Repeat(`<tu><tuv xml:lang="en"><seg>abc</seg></tuv></tu>`, 5000) + `</body></tmx>`
		d := tmx.NewDecoder(strings.NewReader(in))
		d.MaxTUSize = 1024
		n := 0
		for {
			_, err := d.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			require.NoError(t, err)
			n++
		}
		assert.Equal(t, 5000, n)
	})
}

func TestHeaderIsIdempotent(t *testing.T) {
	d := tmx.NewDecoder(strings.NewReader(head + `</body></tmx>`))
	h1, err := d.Header()
	require.NoError(t, err)
	h2, err := d.Header()
	require.NoError(t, err)
	assert.Same(t, h1, h2)
	_, err = d.Next()
	assert.ErrorIs(t, err, io.EOF)
	_, err = d.Next()
	assert.ErrorIs(t, err, io.EOF)
}

func TestDecoderAll(t *testing.T) {
	t.Run("all_tus", func(t *testing.T) {
		d := tmx.NewDecoder(strings.NewReader(head + strings.Repeat(`<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>`, 3) + `</body></tmx>`))
		n := 0
		for tu, err := range d.All() {
			require.NoError(t, err)
			assert.Equal(t, "a", tu.Variants[0].Seg.String())
			n++
		}
		assert.Equal(t, 3, n)
	})
	t.Run("stops_at_error", func(t *testing.T) {
		f, err := os.Open("testdata/invalid_date.tmx")
		require.NoError(t, err)
		defer f.Close()
		var ids []string
		var last error
		for tu, err := range tmx.NewDecoder(f).All() {
			if err != nil {
				last = err
				continue
			}
			ids = append(ids, tu.TUID)
		}
		assert.Equal(t, []string{"good-1"}, ids)
		assert.ErrorIs(t, last, tmx.ErrDate)
	})
}

func TestParseErrorMessage(t *testing.T) {
	tests := []struct {
		name string
		err  *tmx.ParseError
		want string
	}{
		{"with_tu", &tmx.ParseError{Line: 3, Column: 7, TU: "a1", Err: tmx.ErrDate}, `tmx: line 3, column 7 (tu "a1"): bad date`},
		{"without_tu", &tmx.ParseError{Line: 1, Column: 1, Err: errors.New("boom")}, "tmx: line 1, column 1: boom"},
		{"nil_err", &tmx.ParseError{Line: 2, Column: 5}, "tmx: line 2, column 5: error"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.err.Error())
		})
	}
}

func TestInputOffsetGrows(t *testing.T) {
	in := head + strings.Repeat(`<tu><tuv xml:lang="en"><seg>abc</seg></tuv></tu>`, 3) + `</body></tmx>`
	d := tmx.NewDecoder(strings.NewReader(in))
	assert.Equal(t, int64(0), d.InputOffset())
	var offs []int64
	for _, err := range d.All() {
		require.NoError(t, err)
		offs = append(offs, d.InputOffset())
	}
	require.Len(t, offs, 3)
	assert.Less(t, offs[0], offs[1])
	assert.Less(t, offs[1], offs[2])
	assert.Equal(t, int64(strings.LastIndex(in, "</tu>")+len("</tu>")), offs[2])
}
