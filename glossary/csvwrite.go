package glossary

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/language"
)

// ErrNotRepresentable means a value cannot be written in the requested layout without changing it
// (a term containing the synonym separator, a tab in a NoQuotes field, a header-less empty layout).
var ErrNotRepresentable = errors.New("glossary: value not representable in layout")

// WriteCSV writes the glossary in layout l, one record per entry, synonyms joined by the separator.
// If l.Columns is nil, a header row is written first, with columns derived from the content: per
// language (in order of first use) one column for terms without status and one per status in use, then
// id, subject, definition and note if any entry has them. Term notes and parts of speech are written only
// where the layout has columns for them. A value the layout cannot hold is an error wrapping
// ErrNotRepresentable; nothing is written after it.
func (g *Glossary) WriteCSV(w io.Writer, l CSVLayout) error {
	entries := g.snapshot()
	cols := l.Columns
	bw := bufio.NewWriter(w)
	if cols == nil {
		cols = deriveColumns(entries)
		header := make([]string, len(cols))
		for i, c := range cols {
			header[i] = c.String()
		}
		if err := writeRecord(bw, &l, header); err != nil {
			return err
		}
	}
	claimed := claimedStatuses(cols)
	fields := make([]string, len(cols))
	for _, e := range entries {
		for i, c := range cols {
			v, err := cellOf(&e, c, claimed, &l)
			if err != nil {
				return fmt.Errorf("%w (entry %q, column %q)", err, e.ID, c.String())
			}
			fields[i] = v
		}
		if err := writeRecord(bw, &l, fields); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// deriveColumns chooses header columns that hold everything the CSV model can hold.
func deriveColumns(entries []Entry) []Column {
	var cols []Column
	seen := make(map[Column]bool)
	var id, subj, def, note bool
	for _, e := range entries {
		for _, t := range e.Terms {
			c := Column{Field: TermText, Lang: t.Lang, Status: t.Status}
			if !seen[c] {
				seen[c] = true
				cols = append(cols, c)
			}
		}
		id = id || e.ID != ""
		subj = subj || e.Subject != ""
		def = def || e.Definition != ""
		note = note || e.Note != ""
	}
	// Group each language's columns together, plain column first, keeping first-use order of languages.
	var langs []language.Tag
	for _, c := range cols {
		found := false
		for _, l := range langs {
			found = found || l == c.Lang
		}
		if !found {
			langs = append(langs, c.Lang)
		}
	}
	var out []Column
	for _, l := range langs {
		for st := Unspecified; st <= Forbidden; st++ {
			c := Column{Field: TermText, Lang: l, Status: st}
			if seen[c] {
				out = append(out, c)
			}
		}
	}
	for _, extra := range []struct {
		used bool
		f    Field
	}{{id, EntryID}, {subj, Subject}, {def, Definition}, {note, Note}} {
		if extra.used {
			out = append(out, Column{Field: extra.f})
		}
	}
	return out
}

type langStatus struct {
	lang   language.Tag
	status Status
}

// claimedStatuses records which (language, status) pairs have a column of their own.
func claimedStatuses(cols []Column) map[langStatus]bool {
	m := make(map[langStatus]bool)
	for _, c := range cols {
		if c.Field == TermText && c.Status != Unspecified {
			m[langStatus{c.Lang, c.Status}] = true
		}
	}
	return m
}

func cellOf(e *Entry, c Column, claimed map[langStatus]bool, l *CSVLayout) (string, error) {
	switch c.Field {
	case EntryID:
		return e.ID, nil
	case Subject:
		return e.Subject, nil
	case Definition:
		return e.Definition, nil
	case Note:
		return e.Note, nil
	case TermText:
		var parts []string
		for _, t := range e.Terms {
			if t.Lang != c.Lang {
				continue
			}
			if t.Status != c.Status && (c.Status != Unspecified || claimed[langStatus{t.Lang, t.Status}]) {
				continue
			}
			if strings.Contains(t.Text, l.sep()) {
				return "", fmt.Errorf("%w: term %q contains %q", ErrNotRepresentable, t.Text, l.sep())
			}
			parts = append(parts, t.Text)
		}
		return strings.Join(parts, l.sep()), nil
	case StatusField, PartOfSpeech, TermNote:
		// One value for all plain terms: written only when they agree.
		v, set := "", false
		for _, t := range e.Terms {
			if c.Lang != language.Und && t.Lang != c.Lang || claimed[langStatus{t.Lang, t.Status}] {
				continue
			}
			tv := t.Note
			switch c.Field {
			case StatusField:
				tv = t.Status.String()
			case PartOfSpeech:
				tv = t.PartOfSpeech
			}
			if set && tv != v {
				return "", fmt.Errorf("%w: terms differ in %s", ErrNotRepresentable, c.String())
			}
			v, set = tv, true
		}
		return v, nil
	}
	return "", nil
}

func writeRecord(w *bufio.Writer, l *CSVLayout, fields []string) error {
	comma := string(l.comma())
	for i, f := range fields {
		if i > 0 {
			w.WriteString(comma)
		}
		if l.NoQuotes {
			if strings.Contains(f, comma) || strings.ContainsAny(f, "\r\n") ||
				(i == 0 && l.Comment != 0 && strings.HasPrefix(f, string(l.Comment))) {
				return fmt.Errorf("%w: field %q", ErrNotRepresentable, f)
			}
			w.WriteString(f)
			continue
		}
		if strings.Contains(f, "\r") {
			return fmt.Errorf("%w: carriage return in field %q", ErrNotRepresentable, f)
		}
		if needsQuotes(f, comma, i == 0 && l.Comment != 0 && strings.HasPrefix(f, string(l.Comment))) {
			w.WriteByte('"')
			w.WriteString(strings.ReplaceAll(f, `"`, `""`))
			w.WriteByte('"')
		} else {
			w.WriteString(f)
		}
	}
	_, err := w.WriteString("\n")
	return err
}

func needsQuotes(f, comma string, commentLike bool) bool {
	return commentLike || strings.Contains(f, comma) || strings.ContainsAny(f, "\"\r\n") ||
		(f != "" && (f[0] == ' ' || f[0] == '\t'))
}
