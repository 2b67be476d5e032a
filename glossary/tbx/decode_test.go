package tbx

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/unicode"
)

func readFile(t testing.TB, name string) *Document {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	require.NoError(t, err)
	defer f.Close()
	doc, err := Read(f)
	require.NoError(t, err, name)
	return doc
}

// sansDialect returns a deep copy of doc without what a change of dialect legitimately changes: the
// dialect, the root type and the DCA element of Descrips.
func sansDialect(doc *Document) *Document {
	c := *doc
	c.Dialect, c.Type = 0, ""
	var strip func([]Descrip) []Descrip
	strip = func(ds []Descrip) []Descrip {
		if ds == nil {
			return nil
		}
		out := make([]Descrip, len(ds))
		for i, d := range ds {
			d.Element = ""
			d.Info = strip(d.Info)
			out[i] = d
		}
		return out
	}
	c.Entries = make([]Entry, len(doc.Entries))
	for i, e := range doc.Entries {
		e.Descrips = strip(e.Descrips)
		langs := make([]LangSec, len(e.Langs))
		for j, l := range e.Langs {
			l.Descrips = strip(l.Descrips)
			terms := make([]TermSec, len(l.Terms))
			for k, t := range l.Terms {
				t.Descrips = strip(t.Descrips)
				terms[k] = t
			}
			l.Terms = terms
			langs[j] = l
		}
		e.Langs = langs
		c.Entries[i] = e
	}
	return &c
}

func TestReadSeedFixture(t *testing.T) {
	doc := readFile(t, "basic_dca.tbx")
	assert.Equal(t, BasicV3, doc.Dialect)
	assert.Equal(t, "en", doc.Lang)
	assert.Equal(t, "TBX-Basic", doc.Type)
	assert.Equal(t, "Seed article terms (Arabic–English)", doc.Title)
	assert.Equal(t, "Written by the tarjuman developers from the seed article.", doc.SourceDesc)
	require.Len(t, doc.Entries, 4)

	sg := doc.Entries[0]
	assert.Equal(t, "security-guarantees", sg.ID)
	assert.Equal(t, "international relations", sg.Subject)
	assert.Equal(t, []string{"Recurring term of the seed article."}, sg.Notes)
	require.Len(t, sg.Descrips, 1, "the transaction group is kept")
	assert.Equal(t, Descrip{Type: "transactionType", Value: "origination", Element: "transac", Info: []Descrip{
		{Type: "date", Value: "2021-12-31", Element: "date"},
		{Type: "responsibility", Value: "tarjuman", Target: "tarjuman", Element: "transacNote"},
	}}, sg.Descrips[0])
	require.Len(t, sg.Langs, 2)

	ar := sg.Langs[0]
	assert.Equal(t, "ar", ar.Lang)
	assert.Equal(t, "التزامات تقدمها دولة لأخرى بعدم تهديد أمنها.", ar.Definition)
	assert.Equal(t, "tarjuman", ar.DefinitionSource)
	require.Len(t, ar.Terms, 2)
	assert.Equal(t, TermSec{
		ID: "sg-ar-1", Term: "الضمانات الأمنية", PartOfSpeech: "noun",
		AdministrativeStatus: "preferredTerm-admn-sts", TermType: "fullForm",
		Context:       "الكرملين: بوتين أكد لبايدن أن روسيا تريد النتيجة من مفاوضات الضمانات الأمنية",
		ContextSource: "seed article, title of the second part",
	}, ar.Terms[0])
	assert.Equal(t, TermSec{ID: "sg-ar-2", Term: "ضمانات أمنية", PartOfSpeech: "noun",
		AdministrativeStatus: "admittedTerm-admn-sts", Notes: []string{"Indefinite form."}}, ar.Terms[1])

	en := sg.Langs[1]
	assert.Equal(t, "Commitments by one state not to threaten the security of another.", en.Definition)
	assert.Empty(t, en.DefinitionSource)
	assert.Equal(t, "deprecatedTerm-admn-sts", en.Terms[1].AdministrativeStatus)

	assert.Equal(t, "seed article", doc.Entries[1].Langs[0].Terms[0].Source)
	osce := doc.Entries[2]
	assert.Equal(t, []Descrip{{Type: "externalCrossReference", Value: "OSCE", Target: "https://www.osce.org/", Element: "xref"}}, osce.Descrips)
	assert.Equal(t, "acronym", osce.Langs[1].Terms[1].TermType)
	ow := doc.Entries[3]
	assert.Equal(t, []Descrip{{Type: "grammaticalGender", Value: "feminine", Element: "termNote"}}, ow.Langs[0].Terms[0].Descrips)
	assert.Equal(t, "news desk", ow.Langs[1].Terms[1].Customer)
	assert.Equal(t, "supersededTerm-admn-sts", ow.Langs[1].Terms[1].AdministrativeStatus)
}

// The three fixtures hold the same termbase in the three dialects.
func TestReadDialectsAgree(t *testing.T) {
	dca := readFile(t, "basic_dca.tbx")
	for _, tc := range []struct {
		name    string
		file    string
		dialect Dialect
	}{
		{"dct_namespaced_elements", "basic_dct.tbx", BasicV3DCT},
		{"v2_martif_tig_ntig", "v2_martif.tbx", V2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := readFile(t, tc.file)
			assert.Equal(t, tc.dialect, doc.Dialect)
			assert.Equal(t, sansDialect(dca), sansDialect(doc))
		})
	}
}

func TestReadInvalid(t *testing.T) {
	for _, tc := range []struct {
		name      string
		file      string
		input     string
		sentinel  error
		line, col int
	}{
		{name: "empty_term", file: "invalid_empty_term.tbx", sentinel: ErrEmptyTerm, line: 14, col: 7},
		{name: "duplicate_entry_id", file: "invalid_duplicate_id.tbx", sentinel: ErrDuplicateID, line: 10, col: 4},
		{name: "unclosed_tag", file: "invalid_unclosed_tag.tbx", line: 10, col: 16},
		{name: "internal_entity_not_expanded", file: "invalid_internal_entity.tbx", line: 12, col: 42},
		{name: "root_is_not_tbx", file: "invalid_root.tbx", sentinel: ErrNotTBX, line: 2, col: 1},
		{name: "missing_term", sentinel: ErrEmptyTerm, line: 1, col: 55,
			input: `<martif><text><body><termEntry><langSet xml:lang="en"><tig><note>x</note></tig></langSet></termEntry></body></text></martif>`},
		{name: "missing_lang", sentinel: ErrMissingLang, line: 1, col: 32,
			input: `<martif><text><body><termEntry><langSet><tig><term>x</term></tig></langSet></termEntry></body></text></martif>`},
		{name: "duplicate_term_id", sentinel: ErrDuplicateID, line: 1, col: 87,
			input: `<martif><text><body><termEntry><langSet xml:lang="en"><tig id="t"><term>a</term></tig><tig id="t"><term>b</term></tig></langSet></termEntry></body></text></martif>`},
		{name: "two_terms_in_tig", line: 1, col: 74,
			input: `<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>a</term><term>b</term></tig></langSet></termEntry></body></text></martif>`},
		{name: "groups_too_deep", sentinel: ErrTooDeep, line: 1, col: 128,
			input: `<martif><text><body><termEntry>` + strings.Repeat("<descripGrp>", 9) + strings.Repeat("</descripGrp>", 9) + `</termEntry></body></text></martif>`},
		{name: "tbx_foreign_namespace", sentinel: ErrNotTBX, line: 1, col: 1, input: `<tbx xmlns="urn:example"/>`},
		{name: "empty_input", sentinel: ErrNotTBX, line: 1, col: 1, input: ``},
		{name: "text_before_root", sentinel: ErrNotTBX, line: 1, col: 1, input: `hello <tbx/>`},
		{name: "element_after_root", line: 1, col: 10, input: `<martif/><martif/>`},
		{name: "unsupported_encoding", sentinel: ErrEncoding, line: 1, col: 1, input: `<?xml version="1.0" encoding="EBCDIC"?><martif/>`},
		{name: "truncated_entry", line: 1, col: 45, input: `<martif><text><body><termEntry id="a"><note>`},
		{name: "undefined_entity", line: 1, col: 44, input: `<martif><text><body><termEntry><note>&nbsp;</note></termEntry></body></text></martif>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r io.Reader = strings.NewReader(tc.input)
			if tc.file != "" {
				b, err := os.ReadFile(filepath.Join("testdata", tc.file))
				require.NoError(t, err)
				r = bytes.NewReader(b)
			}
			doc, err := Read(r)
			require.Error(t, err)
			assert.Nil(t, doc, "nothing half-built")
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			if tc.sentinel != nil {
				assert.ErrorIs(t, err, tc.sentinel)
			}
			assert.Equal(t, [2]int{tc.line, tc.col}, [2]int{pe.Line, pe.Column}, "%v", err)
			assert.True(t, strings.HasPrefix(err.Error(), "tbx: line "), err.Error())
		})
	}
}

func TestReadTolerates(t *testing.T) {
	for _, tc := range []struct {
		name  string
		input string
		check func(t *testing.T, doc *Document)
	}{
		{"doctype_external_never_fetched", "", func(t *testing.T, doc *Document) {
			assert.Equal(t, V2, doc.Dialect)
			assert.Equal(t, "security guarantees & assurances", doc.Entries[0].Langs[1].Terms[0].Term)
		}},
		{"namespace_ed1", `<tbx xmlns="urn:iso:std:iso:30042:ed-1" xml:lang="ar"><text><body><conceptEntry id="a"><langSec xml:lang="ar"><termSec><term>أمن</term></termSec></langSec></conceptEntry></body></text></tbx>`,
			func(t *testing.T, doc *Document) {
				assert.Equal(t, "ar", doc.Lang)
				assert.Equal(t, "أمن", doc.Entries[0].Langs[0].Terms[0].Term)
			}},
		{"dct_any_prefix", `<tbx style="dct" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:b="http://www.tbxinfo.net/ns/basic" xmlns:m="http://example.com/min"><text><body><conceptEntry id="a"><m:subjectField>defence</m:subjectField><langSec xml:lang="en"><termSec><term>arms</term><b:partOfSpeech>noun</b:partOfSpeech><m:administrativeStatus>admitted</m:administrativeStatus><b:geographicalUsage>en-GB</b:geographicalUsage></termSec></langSec></conceptEntry></body></text></tbx>`,
			func(t *testing.T, doc *Document) {
				assert.Equal(t, BasicV3DCT, doc.Dialect)
				e := doc.Entries[0]
				assert.Equal(t, "defence", e.Subject)
				ts := e.Langs[0].Terms[0]
				assert.Equal(t, "noun", ts.PartOfSpeech)
				assert.Equal(t, "admitted", ts.AdministrativeStatus)
				assert.Equal(t, []Descrip{{Type: "geographicalUsage", Value: "en-GB"}}, ts.Descrips)
			}},
		{"unknown_elements_skipped", `<martif><martifHeader><fileDesc><sourceDesc><p>one</p><p>two</p></sourceDesc></fileDesc><unknown/></martifHeader><text><front>x</front><body><termEntry><foo><termEntry/></foo><langSet xml:lang="en"><bar/><tig><term>t</term><termCompList type="x"><termComp>t</termComp></termCompList></tig></langSet></termEntry><baz/></body><back><refObjectSec/></back></text></martif>`,
			func(t *testing.T, doc *Document) {
				assert.Equal(t, "one\ntwo", doc.SourceDesc)
				require.Len(t, doc.Entries, 1)
				assert.Equal(t, TermSec{Term: "t"}, doc.Entries[0].Langs[0].Terms[0])
			}},
		{"inline_markup_keeps_text", `<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>H<hi type="subscript">2</hi>O</term></tig></langSet></termEntry></body></text></martif>`,
			func(t *testing.T, doc *Document) {
				assert.Equal(t, "H2O", doc.Entries[0].Langs[0].Terms[0].Term)
			}},
		{"text_kept_verbatim", "<martif><text><body><termEntry><langSet lang=\"ar\"><tig><term> الضمانات\u00a0الأمنيّة </term><note><![CDATA[a <b> & c]]></note></tig></langSet></termEntry></body></text></martif>",
			func(t *testing.T, doc *Document) {
				ts := doc.Entries[0].Langs[0].Terms[0]
				assert.Equal(t, "ar", doc.Entries[0].Langs[0].Lang, "legacy lang attribute")
				assert.Equal(t, " الضمانات\u00a0الأمنيّة ", ts.Term, "no trimming, no normalization")
				assert.Equal(t, []string{"a <b> & c"}, ts.Notes)
			}},
		{"second_occurrence_kept_as_descrip", `<martif><text><body><termEntry><descrip type="subjectField"></descrip><descrip type="subjectField">law</descrip><descrip type="subjectField">trade</descrip><langSet xml:lang="en"><tig><term>t</term><termNote type="partOfSpeech">noun</termNote><termNote type="partOfSpeech">verb</termNote></tig></langSet></termEntry></body></text></martif>`,
			func(t *testing.T, doc *Document) {
				e := doc.Entries[0]
				assert.Equal(t, "law", e.Subject)
				assert.Equal(t, []Descrip{
					{Type: "subjectField", Element: "descrip"},
					{Type: "subjectField", Value: "trade", Element: "descrip"},
				}, e.Descrips)
				assert.Equal(t, []Descrip{{Type: "partOfSpeech", Value: "verb", Element: "termNote"}}, e.Langs[0].Terms[0].Descrips)
			}},
		{"group_members_spread", `<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>t</term><descripGrp><descrip type="context">c</descrip><admin type="source">s1</admin><admin type="source">s2</admin><note>n</note></descripGrp></tig></langSet></termEntry></body></text></martif>`,
			func(t *testing.T, doc *Document) {
				ts := doc.Entries[0].Langs[0].Terms[0]
				assert.Equal(t, "c", ts.Context)
				assert.Equal(t, "s1", ts.ContextSource)
				assert.Equal(t, "s2", ts.Source)
				assert.Equal(t, []string{"n"}, ts.Notes)
			}},
		{"no_body", `<tbx xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader/></tbx>`,
			func(t *testing.T, doc *Document) { assert.Empty(t, doc.Entries) }},
		{"xml_lang_wins_over_other_prefixes", `<martif xmlns:f="urn:f"><text><body><termEntry><langSet f:lang="fr" xml:lang="ar"><tig><term>t</term></tig></langSet></termEntry></body></text></martif>`,
			func(t *testing.T, doc *Document) { assert.Equal(t, "ar", doc.Entries[0].Langs[0].Lang) }},
		{"utf8_bom", "\uFEFF<martif><text><body><termEntry><langSet xml:lang=\"en\"><tig><term>t</term></tig></langSet></termEntry></body></text></martif>",
			func(t *testing.T, doc *Document) { assert.Len(t, doc.Entries, 1) }},
		{"latin1_declared", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><martif><text><body><termEntry><langSet xml:lang=\"fr\"><tig><term>s\xe9curit\xe9</term></tig></langSet></termEntry></body></text></martif>",
			func(t *testing.T, doc *Document) {
				assert.Equal(t, "sécurité", doc.Entries[0].Langs[0].Terms[0].Term)
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var doc *Document
			if tc.input == "" {
				doc = readFile(t, "doctype_external.tbx")
			} else {
				var err error
				doc, err = Read(strings.NewReader(tc.input))
				require.NoError(t, err)
			}
			tc.check(t, doc)
		})
	}
}

func TestReadUTF16(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "basic_dca.tbx"))
	require.NoError(t, err)
	want := readFile(t, "basic_dca.tbx")
	declared := bytes.Replace(src, []byte(`encoding="UTF-8"`), []byte(`encoding="UTF-16"`), 1)
	for _, tc := range []struct {
		name  string
		order unicode.Endianness
		bom   unicode.BOMPolicy
	}{
		{"little_endian_bom", unicode.LittleEndian, unicode.UseBOM},
		{"big_endian_bom", unicode.BigEndian, unicode.UseBOM},
		{"little_endian_no_bom", unicode.LittleEndian, unicode.IgnoreBOM},
		{"big_endian_no_bom", unicode.BigEndian, unicode.IgnoreBOM},
	} {
		t.Run(tc.name, func(t *testing.T) {
			enc, err := unicode.UTF16(tc.order, tc.bom).NewEncoder().Bytes(declared)
			require.NoError(t, err)
			doc, err := Read(bytes.NewReader(enc))
			require.NoError(t, err)
			assert.Equal(t, want, doc)
		})
	}
}

func TestDecoderStreams(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "v2_martif.tbx"))
	require.NoError(t, err)
	defer f.Close()
	d := NewDecoder(f)
	h, err := d.Header()
	require.NoError(t, err)
	assert.Equal(t, V2, h.Dialect)
	assert.Empty(t, h.Entries)
	var ids []string
	for {
		e, err := d.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		ids = append(ids, e.ID)
	}
	assert.Equal(t, []string{"security-guarantees", "strategic-security", "osce", "offensive-weapons"}, ids)
	_, err = d.Next()
	assert.ErrorIs(t, err, io.EOF, "EOF again after the end")
	h2, err := d.Header()
	require.NoError(t, err)
	assert.Equal(t, h, h2)
}

func TestDecoderErrorIsSticky(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "invalid_duplicate_id.tbx"))
	require.NoError(t, err)
	d := NewDecoder(bytes.NewReader(b))
	e, err := d.Next()
	require.NoError(t, err, "the first entry is fine")
	assert.Equal(t, "c1", e.ID)
	e, err = d.Next()
	assert.Nil(t, e)
	require.ErrorIs(t, err, ErrDuplicateID)
	_, err2 := d.Next()
	assert.Equal(t, err, err2)
}

func TestDecoderAllowDuplicateIDs(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "invalid_duplicate_id.tbx"))
	require.NoError(t, err)
	d := NewDecoder(bytes.NewReader(b))
	d.AllowDuplicateIDs = true
	var terms []string
	for {
		e, err := d.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		terms = append(terms, e.Langs[1].Terms[0].Term)
	}
	assert.Equal(t, []string{"security guarantees", "strategic security"}, terms, "both entries kept")
}

// errReader fails after its content, as a broken network stream would.
type errReader struct{ r io.Reader }

var errBroken = errors.New("broken stream")

func (e errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err == io.EOF {
		return n, errBroken
	}
	return n, err
}

func TestReadIOErrorIsNotParseError(t *testing.T) {
	doc, err := Read(errReader{strings.NewReader(`<martif><text><body>`)})
	assert.Nil(t, doc)
	require.ErrorIs(t, err, errBroken)
	var pe *ParseError
	assert.False(t, errors.As(err, &pe))
	assert.True(t, strings.HasPrefix(err.Error(), "tbx: "), err.Error())
}

// countingReader counts the calls to Read.
type countingReader struct {
	r     io.Reader
	calls int
}

func (c *countingReader) Read(p []byte) (int, error) {
	c.calls++
	return c.r.Read(p)
}

func TestNewDecoderReadsLazily(t *testing.T) {
	cr := &countingReader{r: strings.NewReader(`<martif/>`)}
	d := NewDecoder(cr)
	assert.Zero(t, cr.calls, "NewDecoder does no I/O")
	_, err := d.Next()
	assert.ErrorIs(t, err, io.EOF)
	assert.Positive(t, cr.calls)
}

func TestDecoderEntryPos(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "basic_dca.tbx"))
	require.NoError(t, err)
	defer f.Close()
	d := NewDecoder(f)
	var lines []int
	for {
		_, err := d.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		line, col := d.EntryPos()
		assert.Equal(t, 4, col, "after three tabs")
		lines = append(lines, line)
	}
	assert.Equal(t, []int{17, 62, 80, 106}, lines)
}
