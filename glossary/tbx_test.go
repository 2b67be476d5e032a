package glossary

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tarjuman/tarjuman/glossary/tbx"
	"golang.org/x/text/language"
)

func readTBXFile(t *testing.T, name string) (*Glossary, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	require.NoError(t, err)
	defer f.Close()
	return ReadTBX(f)
}

func TestReadTBX(t *testing.T) {
	tests := []struct {
		name string
		file string
		want []Entry
	}{
		{"v3_language_level_definition_and_notes", "tbx_langlevel.tbx", []Entry{{
			ID: "kremlin", Subject: "institutions", Definition: "مقر الرئاسة الروسية في موسكو.",
			Note: "يستعمل مجازاً للرئاسة الروسية.",
			Terms: []Term{
				{Text: "الكرملين", Lang: ar, Status: Preferred, PartOfSpeech: "properNoun"},
				{Text: "Kremlin", Lang: language.BritishEnglish, Status: Admitted, Note: "Capitalized."},
				{Text: "the Kremlin", Lang: language.BritishEnglish},
			},
		}}},
		{"v2_martif_tig_and_ntig", "tbx_v2_martif.tbx", []Entry{{
			ID: "sanctions", Subject: "economy", Note: "Plural in both languages.",
			Terms: []Term{
				{Text: "العقوبات", Lang: ar, Status: Preferred, PartOfSpeech: "noun"},
				{Text: "sanctions", Lang: en, Status: Preferred, PartOfSpeech: "noun"},
				{Text: "penalties", Lang: en, Status: Deprecated},
			},
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := readTBXFile(t, tt.file)
			require.NoError(t, err)
			assert.Equal(t, tt.want, g.All())
		})
	}
}

func TestReadTBXInvalid(t *testing.T) {
	g, err := readTBXFile(t, "invalid_unclosed.tbx")
	require.Error(t, err)
	assert.Nil(t, g)
	var pe *tbx.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Positive(t, pe.Line)

	g, err = ReadTBX(strings.NewReader("not xml at all"))
	assert.Error(t, err)
	assert.Nil(t, g)
}

func TestReadSeedTBXMatchesTSV(t *testing.T) {
	fromTBX, err := readTBXFile(t, filepath.Join("..", "..", "testdata", "glossary_seed.tbx"))
	require.NoError(t, err)
	f, err := os.Open(filepath.Join("..", "testdata", "glossary_seed.tsv"))
	require.NoError(t, err)
	defer f.Close()
	fromTSV, err := ReadCSV(f, HeadedTSV)
	require.NoError(t, err)
	require.GreaterOrEqual(t, fromTBX.Len(), 30)
	assert.Equal(t, sortedTerms(fromTSV.All()), sortedTerms(fromTBX.All()))
}

// sortedTerms groups each entry's terms by language the way TBX stores them.
func sortedTerms(es []Entry) []Entry {
	for i := range es {
		var out []Term
		for _, lang := range []language.Tag{ar, en} {
			for _, t := range es[i].Terms {
				if t.Lang == lang {
					out = append(out, t)
				}
			}
		}
		es[i].Terms = out
	}
	return es
}

func TestWriteTBXRoundTrip(t *testing.T) {
	g, err := readTBXFile(t, "tbx_langlevel.tbx")
	require.NoError(t, err)
	g2, err := readTBXFile(t, "tbx_v2_martif.tbx")
	require.NoError(t, err)
	for _, e := range g2.All() {
		require.NoError(t, g.Add(e))
	}
	require.NoError(t, g.Add(Entry{Terms: []Term{{Text: "جنيف", Lang: ar, Status: Forbidden}, {Text: "Geneva", Lang: en, Status: Superseded}}}))
	for _, d := range []tbx.Dialect{tbx.BasicV3, tbx.BasicV3DCT, tbx.V2} {
		t.Run(d.String(), func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, g.WriteTBX(&buf, d))
			back, err := ReadTBX(&buf)
			require.NoError(t, err, buf.String())
			want := g.All()
			want[2].ID = "c1" // generated for the entry without an ID
			assert.Equal(t, want, back.All())
		})
	}
}

func TestWriteTBXUniqueIDs(t *testing.T) {
	var g Glossary
	for _, id := range []string{"c1", "", "c1", ""} {
		require.NoError(t, g.Add(Entry{ID: id, Terms: []Term{{Text: "روسيا", Lang: ar}}}))
	}
	var buf bytes.Buffer
	require.NoError(t, g.WriteTBX(&buf, tbx.BasicV3))
	back, err := ReadTBX(&buf)
	require.NoError(t, err)
	var ids []string
	for _, e := range back.All() {
		ids = append(ids, e.ID)
	}
	assert.Equal(t, []string{"c1", "c2", "c3", "c4"}, ids)
}

func FuzzTBXRoundTrip(f *testing.F) {
	f.Add("الضمانات الأمنية", "security guarantees", "note", uint8(1), "noun")
	f.Add("بوتين", "Putin & <Vladimir>", "", uint8(5), "")
	f.Fuzz(func(t *testing.T, arText, enText, note string, status uint8, pos string) {
		var g Glossary
		e := Entry{ID: "e1", Note: note, Terms: []Term{
			{Text: arText, Lang: ar, Status: Status(status % 6), PartOfSpeech: pos},
			{Text: enText, Lang: en, Note: note},
		}}
		if g.Add(e) != nil {
			return
		}
		var buf bytes.Buffer
		if err := g.WriteTBX(&buf, tbx.Dialect(status%3)); err != nil {
			return // text XML cannot carry (control characters, invalid UTF-8)
		}
		back, err := ReadTBX(&buf)
		require.NoError(t, err, buf.String())
		assert.Equal(t, g.All(), back.All())
	})
}
