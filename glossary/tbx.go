package glossary

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tarjuman/tarjuman/glossary/tbx"
	"golang.org/x/text/language"
)

// ReadTBX reads a TBX termbase (v2 <martif> or v3 <tbx>, TBX-Basic in DCA or DCT style) into a Glossary.
// Each concept entry becomes an Entry: its subject field, definition (at concept level, else the first
// one at language level) and notes (concept and language level, joined by newlines); each term becomes
// a Term with its language, administrative status, part of speech and notes. Errors in the document are
// *tbx.ParseError; on error no glossary is returned.
func ReadTBX(r io.Reader) (*Glossary, error) {
	doc, err := tbx.Read(r)
	if err != nil {
		return nil, err
	}
	g := new(Glossary)
	for i := range doc.Entries {
		e, err := entryFromTBX(&doc.Entries[i])
		if err != nil {
			return nil, err
		}
		if e, err = validEntry(e); err != nil {
			return nil, fmt.Errorf("glossary: tbx entry %d (%q): %w", i+1, doc.Entries[i].ID, err)
		}
		g.entries = append(g.entries, e)
	}
	return g, nil
}

func entryFromTBX(te *tbx.Entry) (Entry, error) {
	e := Entry{ID: te.ID, Subject: te.Subject, Definition: te.Definition}
	notes := append([]string(nil), te.Notes...)
	for _, ls := range te.Langs {
		lang, err := language.Parse(ls.Lang)
		if err != nil {
			return e, fmt.Errorf("glossary: tbx entry %q: language %q: %w", te.ID, ls.Lang, err)
		}
		if e.Definition == "" {
			e.Definition = ls.Definition
		}
		notes = append(notes, ls.Notes...)
		for _, ts := range ls.Terms {
			st, _ := ParseStatus(tbx.StatusValue(ts.AdministrativeStatus))
			e.Terms = append(e.Terms, Term{
				Text:         ts.Term,
				Lang:         lang,
				Status:       st,
				PartOfSpeech: ts.PartOfSpeech,
				Note:         strings.Join(ts.Notes, "\n"),
			})
		}
	}
	e.Note = strings.Join(notes, "\n")
	return e, nil
}

// WriteTBX writes the glossary as TBX in dialect d (tbx.BasicV3 is TBX-Basic v3, the usual choice;
// tbx.V2 is for older tools). An entry without an ID, or repeating an earlier one, gets the first free
// "c1", "c2"... since TBX ids are unique; terms are grouped by
// language in order of first appearance.
func (g *Glossary) WriteTBX(w io.Writer, d tbx.Dialect) error {
	entries := g.snapshot()
	doc := &tbx.Document{Entries: make([]tbx.Entry, 0, len(entries))}
	used := make(map[string]bool, len(entries))
	for _, e := range entries {
		used[e.ID] = true
	}
	emitted := make(map[string]bool, len(entries))
	n := 0
	for _, e := range entries {
		id := e.ID
		if id == "" || emitted[id] { // TBX ids are unique within a document
			for id == "" || used[id] || emitted[id] {
				n++
				id = "c" + strconv.Itoa(n)
			}
		}
		emitted[id] = true
		te := tbx.Entry{ID: id, Subject: e.Subject, Definition: e.Definition}
		if e.Note != "" {
			te.Notes = []string{e.Note}
		}
		for _, t := range e.Terms {
			ls := langSec(&te, t.Lang.String())
			ts := tbx.TermSec{Term: t.Text, PartOfSpeech: t.PartOfSpeech}
			if t.Status != Unspecified {
				ts.AdministrativeStatus = tbx.BasicStatus(t.Status.String())
			}
			if t.Note != "" {
				ts.Notes = []string{t.Note}
			}
			ls.Terms = append(ls.Terms, ts)
		}
		doc.Entries = append(doc.Entries, te)
	}
	return tbx.Write(w, doc, d)
}

func langSec(te *tbx.Entry, lang string) *tbx.LangSec {
	for i := range te.Langs {
		if te.Langs[i].Lang == lang {
			return &te.Langs[i]
		}
	}
	te.Langs = append(te.Langs, tbx.LangSec{Lang: lang})
	return &te.Langs[len(te.Langs)-1]
}
