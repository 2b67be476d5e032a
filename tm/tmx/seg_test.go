package tmx_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tarjuman/tarjuman/tm/tmx"
)

func txt(s string) tmx.Inline { return tmx.Inline{Kind: tmx.Text, Text: s} }

func code(k tmx.InlineKind, native string) tmx.Inline {
	return tmx.Inline{Kind: k, Content: tmx.Seg{txt(native)}}
}

func TestSegString(t *testing.T) {
	tests := []struct {
		name string
		seg  tmx.Seg
		want string
	}{
		{"empty", nil, ""},
		{"text_only", tmx.Seg{txt("مرحبا")}, "مرحبا"},
		{"ph_content_dropped", tmx.Seg{txt("a "), code(tmx.PH, "<br/>"), txt("b")}, "a b"},
		{"paired_codes_dropped", tmx.Seg{code(tmx.BPT, "<b>"), txt("bold"), code(tmx.EPT, "</b>")}, "bold"},
		{"hi_content_kept", tmx.Seg{txt("x "), {Kind: tmx.HI, Content: tmx.Seg{txt("y"), code(tmx.IT, "<i>")}}}, "x y"},
		{"sub_in_code_dropped", tmx.Seg{{Kind: tmx.PH, Content: tmx.Seg{txt(`<img alt="`), {Kind: tmx.SUB, Content: tmx.Seg{txt("alt")}}, txt(`">`)}}}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.seg.String())
		})
	}
}

func TestSegEncodeDecode(t *testing.T) {
	hi := tmx.Inline{Kind: tmx.HI, Type: "verb", X: "4", Content: tmx.Seg{txt("start "), code(tmx.PH, "<br>"), txt("now")}}
	tests := []struct {
		name      string
		seg       tmx.Seg
		wantText  string
		wantCodes int
	}{
		{"text_only", tmx.Seg{txt("بوتين يحذر")}, "بوتين يحذر", 0},
		{"one_ph", tmx.Seg{txt("a "), code(tmx.PH, "<br/>"), txt(" b")}, "a \ue000 b", 1},
		{"paired", tmx.Seg{code(tmx.BPT, "<b>"), txt("x"), code(tmx.EPT, "</b>")}, "\ue000x\ue001", 2},
		{"hi_open_content_close", tmx.Seg{txt("to "), hi, txt(".")}, "to \ue000start \ue001now\ue002.", 3},
		{"private_use_in_text", tmx.Seg{txt("apple \uf8ff "), code(tmx.PH, "{x}")}, "apple \ue000 \ue001", 2},
		{"empty", nil, "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, codes, err := tc.seg.Encode()
			require.NoError(t, err)
			assert.Equal(t, tc.wantText, text)
			assert.Len(t, codes, tc.wantCodes)
			back, err := tmx.DecodeSeg(text, codes)
			require.NoError(t, err)
			assert.Equal(t, tc.seg, back)
		})
	}
}

func TestDecodeSegReorderedTarget(t *testing.T) {
	src := tmx.Seg{txt("The "), code(tmx.BPT, "<b>"), txt("big"), code(tmx.EPT, "</b>"), txt(" cat")}
	_, codes, err := src.Encode()
	require.NoError(t, err)
	// A translation puts the bold words last: the placeholders move, the codes follow.
	got, err := tmx.DecodeSeg("القطة \ue000الكبيرة\ue001", codes)
	require.NoError(t, err)
	assert.Equal(t, tmx.Seg{txt("القطة "), code(tmx.BPT, "<b>"), txt("الكبيرة"), code(tmx.EPT, "</b>")}, got)
}

func TestDecodeSegPrivateUseWithoutCode(t *testing.T) {
	// U+F015 is Font Awesome's "home" glyph: plain text in a unit added by hand, not a code.
	got, err := tmx.DecodeSeg("\uf015 Home \ue000", []tmx.Code{{Inline: tmx.Inline{Kind: tmx.PH, X: "1"}}})
	require.NoError(t, err)
	assert.Equal(t, tmx.Seg{txt("\uf015 Home "), {Kind: tmx.PH, X: "1"}}, got)
	text, codes, err := got.Encode()
	require.NoError(t, err)
	assert.Equal(t, "\ue000 Home \ue001", text, "Encode makes the glyph a code of its own")
	back, err := tmx.DecodeSeg(text, codes)
	require.NoError(t, err)
	assert.Equal(t, got, back)
}

func TestDecodeSegErrors(t *testing.T) {
	hi := tmx.Seg{txt("a"), {Kind: tmx.HI, Content: tmx.Seg{txt("b")}}}
	_, hiCodes, err := hi.Encode()
	require.NoError(t, err)
	tests := []struct {
		name  string
		text  string
		codes []tmx.Code
	}{
		{"unclosed_hi", "a\ue000b", hiCodes},
		{"close_without_open", "a\ue001", hiCodes},
		{"invalid_utf8", "a\xffb", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tmx.DecodeSeg(tc.text, tc.codes)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "tmx: ")
		})
	}
}

func TestPlaceholder(t *testing.T) {
	tests := []struct {
		n    int
		want rune
	}{
		{0, 0xE000}, {6399, 0xF8FF}, {6400, 0xF0000}, {6400 + 65533, 0xFFFFD},
		{6400 + 65534, 0x100000}, {tmx.MaxCodes - 1, 0x10FFFD}, {tmx.MaxCodes, 0xFFFD}, {-1, 0xFFFD},
	}
	for _, tc := range tests {
		r := tmx.Placeholder(tc.n)
		assert.Equal(t, tc.want, r, "n=%d", tc.n)
		if r != 0xFFFD {
			assert.Equal(t, tc.n, tmx.PlaceholderIndex(r))
		}
	}
	assert.Equal(t, -1, tmx.PlaceholderIndex('a'))
}

func TestInlineKindString(t *testing.T) {
	assert.Equal(t, "ph", tmx.PH.String())
	assert.Equal(t, "text", tmx.Text.String())
	assert.Equal(t, "InlineKind(99)", tmx.InlineKind(99).String())
}
