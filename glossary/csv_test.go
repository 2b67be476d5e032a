package glossary

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

func TestReadCSVLayouts(t *testing.T) {
	tests := []struct {
		name   string
		layout CSVLayout
		input  string
		want   []Entry
	}{
		{"omegat_tsv", OmegaT(ar, en),
			"# OmegaT glossary\nالضمانات الأمنية\tsecurity guarantees\tcore term\nبوتين\tPutin\n",
			[]Entry{
				{Note: "core term", Terms: []Term{{Text: "الضمانات الأمنية", Lang: ar}, {Text: "security guarantees", Lang: en}}},
				{Terms: []Term{{Text: "بوتين", Lang: ar}, {Text: "Putin", Lang: en}}},
			}},
		{"omegat_quotes_are_literal", OmegaT(ar, en), "\"قمة\"\t\"summit\n",
			[]Entry{{Terms: []Term{{Text: `"قمة"`, Lang: ar}, {Text: `"summit`, Lang: en}}}}},
		{"omegat_crlf_and_blank_lines", OmegaT(ar, en), "موسكو\tMoscow\r\n\r\n\t\t\r\nجنيف\tGeneva\r\n",
			[]Entry{
				{Terms: []Term{{Text: "موسكو", Lang: ar}, {Text: "Moscow", Lang: en}}},
				{Terms: []Term{{Text: "جنيف", Lang: ar}, {Text: "Geneva", Lang: en}}},
			}},
		{"google_two_columns_quoted", Google(ar, en), "\"الكرملين\",\"Kremlin, the\"\nموسكو,Moscow\n",
			[]Entry{
				{Terms: []Term{{Text: "الكرملين", Lang: ar}, {Text: "Kremlin, the", Lang: en}}},
				{Terms: []Term{{Text: "موسكو", Lang: ar}, {Text: "Moscow", Lang: en}}},
			}},
		{"bom_stripped", Google(ar, en), "\ufeffموسكو,Moscow\n",
			[]Entry{{Terms: []Term{{Text: "موسكو", Lang: ar}, {Text: "Moscow", Lang: en}}}}},
		{"header_named_with_synonyms_and_status", Headed,
			"ar,en,ar:variant,en:deprecated,note,status,id\n" +
				"الضمانات الأمنية,security guarantees|security guarantee,ضمانات أمنية,security assurances,talks,preferred,c1\n",
			[]Entry{{ID: "c1", Note: "talks", Terms: []Term{
				{Text: "الضمانات الأمنية", Lang: ar, Status: Preferred},
				{Text: "security guarantees", Lang: en, Status: Preferred},
				{Text: "security guarantee", Lang: en, Status: Preferred},
				{Text: "ضمانات أمنية", Lang: ar, Status: Admitted},
				{Text: "security assurances", Lang: en, Status: Deprecated},
			}}}},
		{"header_language_properties", Headed,
			"en,ar,en:pos,ar:note,subject,definition\nsanctions,العقوبات,noun,جمع,economy,Penalties\n",
			[]Entry{{Subject: "economy", Definition: "Penalties", Terms: []Term{
				{Text: "sanctions", Lang: en, PartOfSpeech: "noun"},
				{Text: "العقوبات", Lang: ar, Note: "جمع"},
			}}}},
		{"header_tsv_with_comments", HeadedTSV, "# comment\nar\ten\n# another\nروسيا\tRussia\n",
			[]Entry{{Terms: []Term{{Text: "روسيا", Lang: ar}, {Text: "Russia", Lang: en}}}}},
		{"source_only_row", OmegaT(ar, en), "أوكرانيا\n",
			[]Entry{{Terms: []Term{{Text: "أوكرانيا", Lang: ar}}}}},
		{"empty_file", OmegaT(ar, en), "", nil},
		{"header_only", Headed, "ar,en\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := ReadCSV(strings.NewReader(tt.input), tt.layout)
			require.NoError(t, err)
			assert.Equal(t, tt.want, nilIfEmpty(g.All()))
		})
	}
}

func nilIfEmpty(es []Entry) []Entry {
	if len(es) == 0 {
		return nil
	}
	return es
}

func TestReadCSVErrors(t *testing.T) {
	tests := []struct {
		name                 string
		layout               CSVLayout
		input                string
		line, column, record int
		is                   error
	}{
		{"empty_synonym", Headed, "ar,en\nموسكو||مسكو,Moscow\n", 2, 1, 2, ErrEmptyTerm},
		{"row_without_term", Headed, "ar,en,note\n,,a note\n", 2, 1, 2, ErrEmptyTerm},
		{"extra_field", OmegaT(ar, en), "روسيا\tRussia\tnote\textra\n", 1, 24, 1, ErrFieldCount},
		{"unknown_status", Headed, "ar,status\nروسيا,approvedish\n", 2, 12, 2, nil},
		{"unknown_column", Headed, "ar,colour\n", 1, 4, 1, nil},
		{"bare_quote", Google(ar, en), "روسيا,Rus\"sia\n", 1, 15, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := ReadCSV(strings.NewReader(tt.input), tt.layout)
			require.Error(t, err)
			assert.Nil(t, g, "nothing half-built on error")
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.line, pe.Line, "line")
			assert.Equal(t, tt.column, pe.Column, "column")
			assert.Equal(t, tt.record, pe.Record, "record")
			if tt.is != nil {
				assert.ErrorIs(t, err, tt.is)
			}
			assert.True(t, strings.HasPrefix(err.Error(), "glossary: "), err.Error())
		})
	}
}

func TestReadSeedTSV(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "testdata", "glossary_seed.tsv"))
	require.NoError(t, err)
	defer f.Close()
	g, err := ReadCSV(f, HeadedTSV)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, g.Len(), 30)
	got := g.Lookup("بالضمانات الأمنية", ar)
	require.Len(t, got, 1)
	assert.Equal(t, "c01", got[0].ID)
	var statuses = map[Status]int{}
	for _, e := range g.All() {
		for _, term := range e.Terms {
			statuses[term.Status]++
		}
	}
	assert.Positive(t, statuses[Preferred])
	assert.Positive(t, statuses[Admitted])
	assert.Positive(t, statuses[Deprecated])
}

func TestWriteCSVRoundTrip(t *testing.T) {
	g := testGlossary(t)
	require.NoError(t, g.Add(Entry{ID: "x", Subject: "s, with comma", Definition: "d \"quoted\"", Note: "n\nline",
		Terms: []Term{{Text: "#هاش", Lang: ar, Status: Forbidden}, {Text: "hash", Lang: en, Status: Superseded}}}))
	for _, l := range []CSVLayout{Headed, {Comma: ';', Comment: '#'}} {
		var buf bytes.Buffer
		require.NoError(t, g.WriteCSV(&buf, l))
		back, err := ReadCSV(&buf, l)
		require.NoError(t, err, buf.String())
		assert.Equal(t, g.All(), back.All())
	}
}

func TestWriteCSVPositional(t *testing.T) {
	var g Glossary
	require.NoError(t, g.Add(Entry{Note: "n", Terms: []Term{
		{Text: "روسيا", Lang: ar}, {Text: "Russia", Lang: en}, {Text: "Russian Federation", Lang: en, Status: Admitted}}}))
	var buf bytes.Buffer
	require.NoError(t, g.WriteCSV(&buf, OmegaT(ar, en)))
	assert.Equal(t, "روسيا\tRussia|Russian Federation\tn\n", buf.String())

	require.NoError(t, g.Add(Entry{Terms: []Term{{Text: "a\tb", Lang: ar}}}))
	assert.ErrorIs(t, g.WriteCSV(&bytes.Buffer{}, OmegaT(ar, en)), ErrNotRepresentable)
	var g2 Glossary
	require.NoError(t, g2.Add(Entry{Terms: []Term{{Text: "a|b", Lang: ar}}}))
	assert.ErrorIs(t, g2.WriteCSV(&bytes.Buffer{}, Headed), ErrNotRepresentable)
}

func TestParseColumnRoundTrip(t *testing.T) {
	for _, name := range []string{"ar", "en-US", "ar:preferred", "ar:admitted", "en:deprecated", "en:superseded",
		"ar:forbidden", "id", "subject", "definition", "note", "status", "ar:status", "pos", "en:pos", "ar:note"} {
		c, err := ParseColumn(name)
		require.NoError(t, err, name)
		assert.Equal(t, name, c.String())
	}
	c, err := ParseColumn("AR:Variant")
	require.NoError(t, err)
	assert.Equal(t, Column{Field: TermText, Lang: language.Arabic, Status: Admitted}, c)
}

func FuzzCSVRoundTrip(f *testing.F) {
	f.Add("الضمانات الأمنية", "security guarantees", "note", uint8(1))
	f.Add("بوتين", "Putin, Vladimir", "\"q\"", uint8(4))
	f.Add("#x", " lead", "a\nb", uint8(5))
	f.Fuzz(func(t *testing.T, arText, enText, note string, status uint8) {
		var g Glossary
		e := Entry{ID: "e1", Note: strings.TrimSpace(note), Terms: []Term{
			{Text: arText, Lang: ar, Status: Status(status % 6)},
			{Text: enText, Lang: en},
		}}
		if g.Add(e) != nil {
			return
		}
		var buf bytes.Buffer
		if err := g.WriteCSV(&buf, Headed); err != nil {
			require.ErrorIs(t, err, ErrNotRepresentable)
			return
		}
		back, err := ReadCSV(&buf, Headed)
		require.NoError(t, err, buf.String())
		assert.Equal(t, g.All(), back.All())
	})
}

func TestReadCSVLayoutWithoutLanguage(t *testing.T) {
	l := CSVLayout{Columns: []Column{{Field: TermText}}}
	g, err := ReadCSV(strings.NewReader("روسيا\n"), l)
	assert.Nil(t, g)
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.ErrorIs(t, err, ErrNoLanguage)
	assert.Equal(t, 1, pe.Line)
}

func TestReadCSVLineTooLong(t *testing.T) {
	for name, l := range map[string]CSVLayout{"tsv": HeadedTSV, "csv_quoted": Headed} {
		t.Run(name, func(t *testing.T) {
			sep := "\t"
			if name == "csv_quoted" {
				sep = ","
			}
			in := "ar" + sep + "en\nالعقوبات" + sep + "sanctions\n" + strings.Repeat("x", MaxLineBytes+10) + "\n"
			g, err := ReadCSV(strings.NewReader(in), l)
			require.ErrorIs(t, err, ErrLineTooLong)
			assert.Nil(t, g, "nothing half-built")
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, 3, pe.Line)
		})
	}
	// Long lines below the limit are fine.
	g, err := ReadCSV(strings.NewReader("ar\ten\nالعقوبات\t"+strings.Repeat("x", 1000)+"\n"), HeadedTSV)
	require.NoError(t, err)
	assert.Equal(t, 1, g.Len())
}
