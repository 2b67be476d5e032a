package tmx_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"
	"golang.org/x/text/transform"

	"github.com/tarjuman/tarjuman/tm/tmx"
)

// readAll decodes every TU of a file.
func readAll(t *testing.T, path string) (*tmx.Header, []*tmx.TU) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	return decodeAll(t, f)
}

func decodeAll(t *testing.T, r io.Reader) (*tmx.Header, []*tmx.TU) {
	t.Helper()
	d := tmx.NewDecoder(r)
	h, err := d.Header()
	require.NoError(t, err)
	var tus []*tmx.TU
	for {
		tu, err := d.Next()
		if errors.Is(err, io.EOF) {
			return h, tus
		}
		require.NoError(t, err)
		tus = append(tus, tu)
	}
}

// kitLines reads a compliance-kit .txt file: UTF-8 (maybe with a byte order
// mark) or UTF-16 with one, one segment per line, each line ending in "\n".
func kitLines(t *testing.T, path string) []string {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	text, _, err := transform.Bytes(unicode.BOMOverride(unicode.UTF8.NewDecoder()), raw)
	require.NoError(t, err)
	s := strings.TrimSuffix(string(text), "\n")
	return strings.Split(s, "\n")
}

// TestLISAImportKitText checks that each kit file with .txt files yields
// exactly their text: ImportTestN.txt holds the header srclang's segments,
// ImportTestN_LANG.txt those of LANG, one line per TU in order.
func TestLISAImportKitText(t *testing.T) {
	txts, err := filepath.Glob("testdata/lisa/ImportTest*.txt")
	require.NoError(t, err)
	require.Len(t, txts, 18)
	for _, txt := range txts {
		base := strings.TrimSuffix(filepath.Base(txt), ".txt")
		t.Run(base, func(t *testing.T) {
			file, lang, hasLang := strings.Cut(base, "_")
			h, tus := readAll(t, filepath.Join("testdata/lisa", file+".tmx"))
			if !hasLang {
				lang = h.SrcLang
			}
			want := kitLines(t, txt)
			require.Len(t, tus, len(want))
			for i, tu := range tus {
				v := tu.Variant(language.MustParse(lang))
				require.NotNil(t, v, "tu %d has no %s", i+1, lang)
				assert.Equal(t, want[i], v.Seg.String(), "tu %d, %s", i+1, lang)
			}
		})
	}
}

// TestLISAImportKitOthers covers the kit files that come without .txt files;
// the expected text is what a conforming importer extracts (codes dropped).
func TestLISAImportKitOthers(t *testing.T) {
	level2 := map[string][]string{
		"en-US": {
			"The big black cat sleeps.",
			`Test for special characters = <=lt, >=gt, &=amp, "=quot.`,
			"Nested formatting = Bold+Italic+Underlined, Bold+Italic, Bold.",
			"First sentence.", "Second sentence.", "Picture: ", "Some text with a part highlighted.",
		},
		"fr-CA": {
			"Le gros chat noir dors.",
			`Test pour caractères spéciaux = <=lt, >=gt, &=amp, "=quot.`,
			"Format en gigogne = gras+italique+souligné, gras+italique, gras.",
			"Première phrase.", "Seconde phrase.", "Image: ", "Du texte avec une portion délimitée.",
		},
	}
	level2rtf := map[string][]string{"en-US": level2["en-US"], "fr-CA": append([]string(nil), level2["fr-CA"]...)}
	level2rtf["fr-CA"][6] = "Du text avec une portion délimitée."
	tests := []struct {
		file string
		want map[string][]string // language → text per TU; "" for a TU without that language
	}{
		{"ImportTest1J.tmx", map[string][]string{
			"en-US": {"First entry in US English", "Second entry in US English"},
			"en-GB": {"First entry in UK English", "Second entry in UK English"},
		}},
		{"ImportTest1J_many.tmx", map[string][]string{
			"es-ES": {"", "", "[not to import] Third entry in Spanish"},
		}},
		{"ImportTest1K.tmx", map[string][]string{
			"de-DE": {"First Entry - German", ""},
			"fr-CA": {"", "Second Entry - French Canadian"},
			"en-GB": {"First Entry - UK English", "Second Entry - UK English"},
		}},
		{"ImportTest1L.tmx", map[string][]string{
			"en-US": {"Text of the segment."}, "fr": {"Texte du segment."}, "en-GB": {"Text of the segment."},
		}},
		{"ImportTest2A.tmx", level2},
		{"ImportTest2A-0index.tmx", level2},
		{"ImportTest2B.tmx", level2rtf},
		{"ImportTest2C.tmx", map[string][]string{
			"en-US": {"Click  to start."}, "fr": {"Cliquez  pour commencer."},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			_, tus := readAll(t, filepath.Join("testdata/lisa", tc.file))
			for lang, want := range tc.want {
				require.Len(t, tus, len(want))
				for i, tu := range tus {
					v := tu.Variant(language.MustParse(lang))
					if want[i] == "" {
						assert.Nil(t, v, "tu %d, %s", i+1, lang)
						continue
					}
					require.NotNil(t, v, "tu %d, %s", i+1, lang)
					assert.Equal(t, want[i], v.Seg.String(), "tu %d, %s", i+1, lang)
				}
			}
		})
	}
}

// TestLISAEncodingsAgree decodes the kit's four encodings of one document
// (UTF-8 with and without byte order mark, UTF-16 LE and BE, us-ascii with
// character references) to the same TUs.
// TestLISAImportPairOnlyExact follows the comment of ImportTest1J_many: an
// import of the pair en-US → en-GB takes only the first two TUs.
func TestLISAImportPairOnlyExact(t *testing.T) {
	_, tus := readAll(t, "testdata/lisa/ImportTest1J_many.tmx")
	var got []string
	for _, tu := range tus {
		src, tgt := tu.ExactVariant(language.AmericanEnglish), tu.ExactVariant(language.BritishEnglish)
		if src != nil && tgt != nil {
			got = append(got, src.Seg.String()+" → "+tgt.Seg.String())
		}
	}
	assert.Equal(t, []string{
		"First entry in US English → First entry in UK English",
		"Second entry in US English → Second entry in UK English",
	}, got)
}

func TestLISAEncodingsAgree(t *testing.T) {
	_, want := readAll(t, "testdata/lisa/ImportTest1D.tmx")
	for _, f := range []string{"ImportTest1E", "ImportTest1F", "ImportTest1G", "ImportTest1H"} {
		t.Run(f, func(t *testing.T) {
			_, got := readAll(t, "testdata/lisa/"+f+".tmx")
			assert.Equal(t, stripLines(want), stripLines(got))
		})
	}
}

func stripLines(tus []*tmx.TU) []*tmx.TU {
	out := make([]*tmx.TU, len(tus))
	for i, tu := range tus {
		c := *tu
		c.Line = 0
		out[i] = &c
	}
	return out
}

// TestLISALevel2Structure checks that codes are kept, not flattened.
func TestLISALevel2Structure(t *testing.T) {
	_, tus := readAll(t, "testdata/lisa/ImportTest2C.tmx")
	require.Len(t, tus, 1)
	en := tus[0].Variant(language.AmericanEnglish)
	require.NotNil(t, en)
	want := tmx.Seg{
		{Kind: tmx.IT, X: "1", Pos: "begin", Type: "italic", Content: tmx.Seg{{Kind: tmx.Text, Text: "<I>"}}},
		{Kind: tmx.BPT, X: "2", I: "1", Type: "bold", Content: tmx.Seg{{Kind: tmx.Text, Text: "<B>"}}},
		{Kind: tmx.Text, Text: "Click "},
		{Kind: tmx.PH, X: "3", Type: "image", Assoc: "b", Content: tmx.Seg{
			{Kind: tmx.Text, Text: `<IMG SRC="here.png" ALT="`},
			{Kind: tmx.SUB, Content: tmx.Seg{{Kind: tmx.Text, Text: "Start Here!"}}},
			{Kind: tmx.Text, Text: `">`},
		}},
		{Kind: tmx.Text, Text: " to "},
		{Kind: tmx.HI, Type: "verb", X: "4", Content: tmx.Seg{{Kind: tmx.Text, Text: "start"}}},
		{Kind: tmx.Text, Text: "."},
		{Kind: tmx.EPT, I: "1", Content: tmx.Seg{{Kind: tmx.Text, Text: "</B>"}}},
	}
	assert.Equal(t, want, en.Seg)
	assert.Equal(t, "tu001", tus[0].TUID)
	assert.Equal(t, 100, tus[0].UsageCount)
	assert.Len(t, tus[0].Notes, 2)
	assert.Len(t, tus[0].Variants, 3)
}

func TestLISAFilesRoundTrip(t *testing.T) {
	files, err := filepath.Glob("testdata/lisa/ImportTest*.tmx")
	require.NoError(t, err)
	require.Len(t, files, 17)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			h, tus := readAll(t, f)
			var buf bytes.Buffer
			encodeAll(t, &buf, h, tus)
			h2, tus2 := decodeAll(t, &buf)
			assertSameHeader(t, h, h2)
			assert.Equal(t, stripLines(tus), stripLines(tus2))
		})
	}
}

// TestDecodeOneByteReads decodes every fixture from a reader that returns one
// byte per call, so that the scanner refills its buffer inside every token.
func TestDecodeOneByteReads(t *testing.T) {
	files, err := filepath.Glob("testdata/lisa/ImportTest*.tmx")
	require.NoError(t, err)
	for _, f := range append(files, "testdata/level2_ar_en.tmx", "testdata/smp_astral.tmx", "testdata/variants_languages.tmx") {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			require.NoError(t, err)
			h, want := decodeAll(t, bytes.NewReader(raw))
			h2, got := decodeAll(t, iotest.OneByteReader(bytes.NewReader(raw)))
			assert.Equal(t, h, h2)
			assert.Equal(t, want, got)
		})
	}
}
