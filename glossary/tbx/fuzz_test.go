package tbx

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzRoundTrip checks, for any input: Read either fails with a *ParseError and no document, or gives a
// document that every dialect writes without error and reads back unchanged, directly and through a chain
// of the other dialects.
func FuzzRoundTrip(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.tbx"))
	require.NoError(f, err)
	for _, name := range files {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(b)
	}
	for _, s := range []string{
		`<martif><text><body><termEntry><langSet xml:lang="ar"><ntig><termGrp><term>أمن</term></termGrp><note/></ntig></langSet></termEntry></body></text></martif>`,
		`<tbx style="dct" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:x="y"><text><body><conceptEntry><x:definition>d</x:definition><langSec xml:lang="en"><termSec><term>t</term><x:note>n</x:note></termSec></langSec></conceptEntry></body></text></tbx>`,
		`<martif><text><body><termEntry><descripGrp><descrip type="a b">v</descrip><descripGrp><admin type="source">s</admin></descripGrp></descripGrp></termEntry></body></text></martif>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(bytes.NewReader(data))
		if err != nil {
			var pe *ParseError
			require.True(t, errors.As(err, &pe), "%v", err)
			require.Nil(t, doc)
			require.Positive(t, pe.Line)
			return
		}
		want := sansDialect(termNotesFirst(doc))
		if want.Lang == "" {
			want.Lang = "en" // Write supplies the root language TBX v3 requires
		}
		cur := doc
		for _, d := range []Dialect{BasicV3, BasicV3DCT, V2, BasicV3DCT, BasicV3} {
			var buf bytes.Buffer
			require.NoError(t, Write(&buf, cur, d))
			back, err := Read(bytes.NewReader(buf.Bytes()))
			require.NoError(t, err, "%v output:\n%s", d, buf.String())
			assert.Equal(t, d, back.Dialect)
			require.Equal(t, want, sansDialect(back), "after %v:\n%s", d, buf.String())
			cur = back
		}
	})
}

// termNotesFirst returns doc with each term's termNote Descrips moved before its others, keeping their
// relative order, as Write orders them because TBX requires it.
func termNotesFirst(doc *Document) *Document {
	c := *doc
	c.Entries = append([]Entry(nil), doc.Entries...)
	for i := range c.Entries {
		e := &c.Entries[i]
		e.Langs = append([]LangSec(nil), e.Langs...)
		for j := range e.Langs {
			l := &e.Langs[j]
			l.Terms = append([]TermSec(nil), l.Terms...)
			for k := range l.Terms {
				t := &l.Terms[k]
				var notes, rest []Descrip
				for _, d := range t.Descrips {
					if dcaElement(d) == "termNote" {
						notes = append(notes, d)
					} else {
						rest = append(rest, d)
					}
				}
				if t.Descrips != nil {
					t.Descrips = append(notes, rest...)
				}
			}
		}
	}
	return &c
}

// FuzzWrite checks that Write either rejects a document and writes nothing, or writes one that reads back
// with every string intact, whatever characters the strings hold.
func FuzzWrite(f *testing.F) {
	f.Add("الضمانات الأمنية", "security guarantees", "note & <b>", "geographicalUsage", "EG", "x?a=1&b=\"2\"")
	f.Add(" lead", "trail\r\n", "]]>", "a b", "\t", "")
	f.Add("", "x", "\x00", "t", "v", "")
	f.Fuzz(func(t *testing.T, ar, en, note, typ, value, target string) {
		doc := &Document{Lang: "ar", Entries: []Entry{{
			ID:       "e1",
			Descrips: []Descrip{{Type: "x-" + typ, Value: value, Target: target}},
			Langs: []LangSec{
				{Lang: "ar", Terms: []TermSec{{Term: ar, Notes: []string{note}}}},
				{Lang: "en", Terms: []TermSec{{Term: en, Context: value, ContextSource: target}}},
			},
		}}}
		for _, d := range dialects {
			var buf bytes.Buffer
			if err := Write(&buf, doc, d); err != nil {
				require.Zero(t, buf.Len(), "nothing written on error")
				return
			}
			back, err := Read(&buf)
			require.NoError(t, err)
			want := sansDialect(doc)
			if value == "" {
				want.Entries[0].Langs[1].Terms[0].ContextSource = "" // a source is written only with its context
			}
			require.Equal(t, want, sansDialect(back), "%v", d)
		}
	})
}
