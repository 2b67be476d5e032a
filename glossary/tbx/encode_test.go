package tbx

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var dialects = []Dialect{BasicV3, BasicV3DCT, V2}

func TestWriteGolden(t *testing.T) {
	doc := readFile(t, "basic_dca.tbx")
	for _, tc := range []struct {
		dialect Dialect
		golden  string
	}{
		{BasicV3, "write_dca.tbx"},
		{BasicV3DCT, "write_dct.tbx"},
		{V2, "write_v2.tbx"},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, Write(&buf, doc, tc.dialect))
			path := filepath.Join("testdata", tc.golden)
			if *update {
				require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, string(want), buf.String())
		})
	}
}

// Every fixture, written in every dialect, reads back as the same document.
func TestRoundTrip(t *testing.T) {
	for _, file := range []string{"basic_dca.tbx", "basic_dct.tbx", "v2_martif.tbx", "doctype_external.tbx"} {
		doc := readFile(t, file)
		for _, d := range dialects {
			t.Run(strings.TrimSuffix(file, ".tbx")+"_to_"+strings.ReplaceAll(d.String(), " ", "_"), func(t *testing.T) {
				var buf bytes.Buffer
				require.NoError(t, Write(&buf, doc, d))
				back, err := Read(&buf)
				require.NoError(t, err)
				assert.Equal(t, d, back.Dialect)
				assert.Equal(t, sansDialect(doc), sansDialect(back))
			})
		}
	}
}

// A document built in code, with the fields the glossary maps, survives every dialect and a chain of them.
func TestRoundTripAcrossDialects(t *testing.T) {
	doc := &Document{Lang: "ar", Title: "عنوان", Entries: []Entry{{
		ID: "e1", Subject: "أمن", Definition: "def\nline 2", DefinitionSource: "src", Notes: []string{"n1", "n2"},
		Langs: []LangSec{{
			Lang: "ar", Definition: "تعريف", Notes: []string{"ملاحظة"},
			Terms: []TermSec{{
				ID: "t1", Term: "الضمانات الأمنية", PartOfSpeech: "noun", AdministrativeStatus: BasicStatus(StatusForbidden),
				TermType: "fullForm", Context: "سياق", ContextSource: "s", Source: "المصدر", Customer: "c", Project: "p",
				Notes:    []string{"a < b & c > d", "\r\n"},
				Descrips: []Descrip{{Type: "geographicalUsage", Value: "EG"}, {Type: "my category", Value: "v"}},
			}},
		}},
		Descrips: []Descrip{{Type: "xGraphic", Value: "x.png", Target: `a"b`, Info: []Descrip{{Type: "note", Value: "n"}}}},
	}}}
	want := sansDialect(doc)
	cur := doc
	for _, d := range []Dialect{BasicV3DCT, V2, BasicV3, V2, BasicV3DCT, BasicV3} {
		var buf bytes.Buffer
		require.NoError(t, Write(&buf, cur, d))
		back, err := Read(&buf)
		require.NoError(t, err, "%v:\n%s", d, buf.String())
		assert.Equal(t, want, sansDialect(back), "after %v", d)
		cur = back
	}
}

func TestWriteRejects(t *testing.T) {
	valid := func() *Document {
		return &Document{Entries: []Entry{{ID: "e", Langs: []LangSec{{Lang: "en", Terms: []TermSec{{Term: "t"}}}}}}}
	}
	for _, tc := range []struct {
		name   string
		mutate func(*Document)
		want   error
		msg    string
	}{
		{name: "empty_term", mutate: func(d *Document) { d.Entries[0].Langs[0].Terms[0].Term = " " }, want: ErrEmptyTerm},
		{name: "missing_lang", mutate: func(d *Document) { d.Entries[0].Langs[0].Lang = "" }, want: ErrMissingLang},
		{name: "control_character", mutate: func(d *Document) { d.Entries[0].Langs[0].Terms[0].Notes = []string{"a\x00b"} },
			msg: "tbx: character U+0000 cannot be written in XML"},
		{name: "invalid_utf8", mutate: func(d *Document) { d.Title = "\xff" }, msg: "tbx: invalid UTF-8 in the header"},
		{name: "nested_descrip_control", mutate: func(d *Document) {
			d.Entries[0].Descrips = []Descrip{{Type: "x", Info: []Descrip{{Value: "\x1b"}}}}
		}, msg: "tbx: character U+001B"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := valid()
			tc.mutate(doc)
			var buf bytes.Buffer
			err := Write(&buf, doc, BasicV3)
			require.Error(t, err)
			if tc.want != nil {
				assert.ErrorIs(t, err, tc.want)
			}
			assert.Contains(t, err.Error(), tc.msg)
			assert.Zero(t, buf.Len(), "nothing written")
		})
	}
	t.Run("unknown_dialect", func(t *testing.T) {
		assert.EqualError(t, Write(&bytes.Buffer{}, valid(), Dialect(9)), "tbx: unknown dialect 9")
	})
	t.Run("nil_document", func(t *testing.T) {
		assert.EqualError(t, Write(&bytes.Buffer{}, nil, BasicV3), "tbx: nil document")
	})
}

func TestWriteEscapes(t *testing.T) {
	doc := &Document{Entries: []Entry{{ID: `a"&<`, Langs: []LangSec{{Lang: "en", Terms: []TermSec{{
		Term: "R&D <b> ]]>", Notes: []string{"line 1\nline 2\r\n"},
		Descrips: []Descrip{{Type: "xGraphic", Target: "x?a=1&b=\"2\"\n"}},
	}}}}}}}
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, doc, BasicV3))
	out := buf.String()
	assert.Contains(t, out, `<conceptEntry id="a&quot;&amp;&lt;">`)
	assert.Contains(t, out, `<term>R&amp;D &lt;b&gt; ]]&gt;</term>`)
	assert.Contains(t, out, "<note>line 1\nline 2&#xD;\n</note>", "line breaks kept, carriage return escaped")
	assert.Contains(t, out, `<xref type="xGraphic" target="x?a=1&amp;b=&quot;2&quot;&#xA;"></xref>`)
}

func TestWriteDefaultsRootLanguage(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, &Document{}, BasicV3))
	back, err := Read(&buf)
	require.NoError(t, err)
	assert.Equal(t, "en", back.Lang, "TBX v3 requires xml:lang on the root")
	assert.Empty(t, back.Entries)
}

func TestDialectString(t *testing.T) {
	assert.Equal(t, "TBX-Basic v3 DCA", BasicV3.String())
	assert.Equal(t, "TBX-Basic v3 DCT", BasicV3DCT.String())
	assert.Equal(t, "TBX v2", V2.String())
	assert.Equal(t, "tbx.Dialect(7)", Dialect(7).String())
}

func TestStatusValue(t *testing.T) {
	for _, tc := range []struct {
		name, raw, want string
	}{
		{"basic_preferred", "preferredTerm-admn-sts", StatusPreferred},
		{"bare_preferred", "preferred", StatusPreferred},
		{"case_and_space_ignored", "  PreferredTerm-Admn-Sts\n", StatusPreferred},
		{"standardized_is_preferred", "standardizedTerm-admn-sts", StatusPreferred},
		{"basic_admitted", "admittedTerm-admn-sts", StatusAdmitted},
		{"legal_is_admitted", "legalTerm-admn-sts", StatusAdmitted},
		{"basic_deprecated", "deprecatedTerm-admn-sts", StatusDeprecated},
		{"min_not_recommended", "notRecommended", StatusDeprecated},
		{"basic_superseded", "supersededTerm-admn-sts", StatusSuperseded},
		{"superseded_misspelt", "supersededTerm-admn-st", StatusSuperseded},
		{"min_obsolete", "obsolete", StatusSuperseded},
		{"forbidden", "forbidden", StatusForbidden},
		{"forbidden_extension", "forbiddenTerm-admn-sts", StatusForbidden},
		{"do_not_use", "doNotUse", StatusForbidden},
		{"empty", "", ""},
		{"unknown", "approved-ish", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, StatusValue(tc.raw))
		})
	}
}

func TestBasicStatusInvertsStatusValue(t *testing.T) {
	for _, s := range []string{StatusPreferred, StatusAdmitted, StatusDeprecated, StatusSuperseded, StatusForbidden} {
		raw := BasicStatus(s)
		assert.True(t, strings.HasSuffix(raw, "Term-admn-sts"), raw)
		assert.Equal(t, s, StatusValue(raw))
	}
	assert.Equal(t, "notRecommended", BasicStatus("notRecommended"), "other values unchanged")
}

// Groups other than descripGrp keep their kind through Write, and modeled categories inside a
// termNoteGrp still reach their fields.
func TestGroupsRoundTrip(t *testing.T) {
	in := `<tbx xmlns="urn:iso:std:iso:30042:ed-2" xml:lang="ar"><text><body><conceptEntry id="c">
<adminGrp><admin type="projectSubset">p1</admin><adminNote type="x">an admin note</adminNote></adminGrp>
<ref type="crossReference" target="c2">see also</ref>
<langSec xml:lang="ar"><termSec><term>ضمان</term>
<termNoteGrp><termNote type="partOfSpeech">noun</termNote><note>singular</note></termNoteGrp>
<termNoteGrp><termNote type="grammaticalGender">masculine</termNote><note>by form</note></termNoteGrp>
</termSec></langSec></conceptEntry></body></text></tbx>`
	doc, err := Read(strings.NewReader(in))
	require.NoError(t, err)
	e := doc.Entries[0]
	assert.Equal(t, []Descrip{
		{Type: "projectSubset", Value: "p1", Element: "admin", Info: []Descrip{{Type: "x", Value: "an admin note", Element: "adminNote"}}},
		{Type: "crossReference", Value: "see also", Target: "c2", Element: "ref"},
	}, e.Descrips)
	ts := e.Langs[0].Terms[0]
	assert.Equal(t, "noun", ts.PartOfSpeech)
	assert.Equal(t, []string{"singular"}, ts.Notes, "members of a modeled group spread")
	assert.Equal(t, []Descrip{{Type: "grammaticalGender", Value: "masculine", Element: "termNote",
		Info: []Descrip{{Type: "note", Value: "by form", Element: "note"}}}}, ts.Descrips)

	for _, d := range dialects {
		var buf bytes.Buffer
		require.NoError(t, Write(&buf, doc, d))
		out := buf.String()
		assert.Contains(t, out, "<adminGrp>", d)
		assert.Contains(t, out, "<termNoteGrp>", d)
		back, err := Read(&buf)
		require.NoError(t, err)
		assert.Equal(t, sansDialect(doc), sansDialect(back), d)
	}
}

// Write accepts exactly the group nesting Read accepts.
func TestWriteGroupDepth(t *testing.T) {
	nest := func(groups int) *Document {
		d := Descrip{Type: "x", Value: "leaf"}
		for range groups {
			d = Descrip{Type: "x", Value: "v", Info: []Descrip{d}}
		}
		return &Document{Lang: "en", Entries: []Entry{{Descrips: []Descrip{d}}}}
	}
	doc := nest(maxGroupDepth)
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, doc, V2))
	assert.Contains(t, buf.String(), "\n"+strings.Repeat("\t", 4+maxGroupDepth)+`<descrip type="x">leaf</descrip>`)
	back, err := Read(&buf)
	require.NoError(t, err)
	assert.Equal(t, sansDialect(doc), sansDialect(back))

	buf.Reset()
	err = Write(&buf, nest(maxGroupDepth+1), V2)
	require.ErrorIs(t, err, ErrTooDeep)
	assert.Zero(t, buf.Len())
}
