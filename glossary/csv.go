package glossary

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/language"
)

// Field is what a CSV column holds.
type Field uint8

const (
	// Ignore drops the column's content.
	Ignore Field = iota
	// TermText holds terms of Column.Lang, separated by the layout's Separator.
	TermText
	// EntryID holds Entry.ID.
	EntryID
	// Subject holds Entry.Subject.
	Subject
	// Definition holds Entry.Definition.
	Definition
	// Note holds Entry.Note.
	Note
	// StatusField holds a status name (see ParseStatus) for the terms of the row's plain term columns
	// (those without a status of their own) in Column.Lang, or in every language if Lang is Und.
	StatusField
	// PartOfSpeech holds Term.PartOfSpeech for the plain terms of Column.Lang (every language if Und).
	PartOfSpeech
	// TermNote holds Term.Note for the plain terms of Column.Lang (every language if Und).
	TermNote
)

// Column describes one CSV column. It is a plain value.
type Column struct {
	Field Field
	// Lang is the language of a TermText column, or the language a StatusField, PartOfSpeech or TermNote
	// column applies to (Und: all).
	Lang language.Tag
	// Status is given to the terms of a TermText column. When writing, a column with a status receives
	// the terms of that status; a column with Unspecified receives the terms no other column claims.
	Status Status
}

// ParseColumn parses a header cell: a language code ("ar", "en-US") for terms, "<lang>:variant" or
// "<lang>:<status>" ("ar:preferred", "en:forbidden") for terms with that status, "<lang>:status",
// "<lang>:pos" and "<lang>:note" for properties of that language's plain terms, and "id", "subject"
// (or "domain"), "definition", "note" (or "comment", "notes"), "status", "pos" for the entry. Names are
// case-insensitive; "-" and an empty name ignore the column.
func ParseColumn(name string) (Column, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	switch n {
	case "", "-":
		return Column{Field: Ignore}, nil
	case "id":
		return Column{Field: EntryID}, nil
	case "subject", "domain", "subjectfield":
		return Column{Field: Subject}, nil
	case "definition", "def", "description":
		return Column{Field: Definition}, nil
	case "note", "notes", "comment", "comments":
		return Column{Field: Note}, nil
	case "status":
		return Column{Field: StatusField}, nil
	case "pos", "partofspeech":
		return Column{Field: PartOfSpeech}, nil
	}
	code, prop, _ := strings.Cut(n, ":")
	lang, err := language.Parse(code)
	if err != nil || lang == language.Und {
		return Column{}, fmt.Errorf("glossary: unknown column %q", name)
	}
	c := Column{Field: TermText, Lang: lang}
	switch prop {
	case "", "term":
	case "variant", "synonym":
		c.Status = Admitted
	case "status":
		c.Field = StatusField
	case "pos", "partofspeech":
		c.Field = PartOfSpeech
	case "note", "notes", "comment":
		c.Field = TermNote
	default:
		st, ok := ParseStatus(prop)
		if !ok || st == Unspecified {
			return Column{}, fmt.Errorf("glossary: unknown column %q", name)
		}
		c.Status = st
	}
	return c, nil
}

// String returns the header name ParseColumn reads back as c.
func (c Column) String() string {
	lang := ""
	if c.Lang != language.Und {
		lang = c.Lang.String()
	}
	qualified := func(prop, bare string) string {
		if lang == "" {
			return bare
		}
		return lang + ":" + prop
	}
	switch c.Field {
	case TermText:
		if c.Status == Unspecified {
			return lang
		}
		return lang + ":" + c.Status.String()
	case EntryID:
		return "id"
	case Subject:
		return "subject"
	case Definition:
		return "definition"
	case Note:
		return "note"
	case StatusField:
		return qualified("status", "status")
	case PartOfSpeech:
		return qualified("pos", "pos")
	case TermNote:
		return qualified("note", "note")
	}
	return "-"
}

// CSVLayout describes a delimited glossary file. Its zero value is comma-separated CSV with a header
// row naming the columns. A CSVLayout is a plain value, safe to share once set up.
type CSVLayout struct {
	// Comma separates fields; 0 means ','.
	Comma rune
	// Comment, if not 0, starts comment lines, which are skipped.
	Comment rune
	// NoQuotes reads and writes fields without CSV quoting (OmegaT's tab-separated files): a quote is
	// an ordinary character, and a field can contain neither Comma nor a line break.
	NoQuotes bool
	// Columns gives the meaning of each column by position. If it is nil, the first record is a header
	// row parsed with ParseColumn (and written from the glossary's content). Fields beyond the last
	// column must be empty.
	Columns []Column
	// Separator separates synonyms within one term cell; "" means "|".
	Separator string
}

// OmegaT returns the layout of OmegaT glossary files: tab-separated source term, target term and
// comment, no quoting, '#' comment lines.
func OmegaT(src, tgt language.Tag) CSVLayout {
	return CSVLayout{Comma: '\t', Comment: '#', NoQuotes: true, Columns: []Column{
		{Field: TermText, Lang: src}, {Field: TermText, Lang: tgt}, {Field: Note},
	}}
}

// Google returns the layout of a two-column CSV glossary as Google Cloud Translation and spreadsheet
// exports use it: source term, target term, comma-separated, no header.
func Google(src, tgt language.Tag) CSVLayout {
	return CSVLayout{Columns: []Column{{Field: TermText, Lang: src}, {Field: TermText, Lang: tgt}}}
}

// Headed is the header-named layout: comma-separated with a header row ("ar,en,ar:variant,note,status").
// Set Comma to '\t' for the tab-separated variant.
var Headed = CSVLayout{}

// HeadedTSV is the tab-separated header-named layout, unquoted, with '#' comment lines.
var HeadedTSV = CSVLayout{Comma: '\t', Comment: '#', NoQuotes: true}

func (l *CSVLayout) comma() rune {
	if l.Comma == 0 {
		return ','
	}
	return l.Comma
}

func (l *CSVLayout) sep() string {
	if l.Separator == "" {
		return "|"
	}
	return l.Separator
}

// ParseError is an error in a CSV or TSV glossary, with its position. Errors in TBX input are
// *tbx.ParseError instead.
type ParseError struct {
	Line   int // 1-based line
	Column int // 1-based byte column of the field in the line
	Record int // 1-based record number (header included, comments and blank lines not)
	Err    error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("glossary: record %d (line %d, column %d): %v", e.Record, e.Line, e.Column, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ErrFieldCount means a record has a non-empty field beyond the layout's columns.
var ErrFieldCount = errors.New("glossary: unexpected extra field")

// ReadCSV reads a delimited glossary in layout l. A UTF-8 byte order mark is skipped; blank records are
// skipped. Each record becomes one Entry; a record with content but no term is an error. Errors in the
// file are *ParseError; on error no glossary is returned.
func ReadCSV(r io.Reader, l CSVLayout) (*Glossary, error) {
	rd := newRecordReader(r, &l)
	cols := l.Columns
	g := new(Glossary)
	for n := 1; ; n++ {
		rec, err := rd.read()
		if err == io.EOF {
			return g, nil
		}
		if pe, ok := err.(*ParseError); ok {
			pe.Record = n
		}
		if err != nil {
			return nil, err
		}
		if cols == nil {
			if cols, err = parseHeader(rec, n); err != nil {
				return nil, err
			}
			continue
		}
		e, ok, err := entryOf(rec, cols, &l, n)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		if e, err = validEntry(e); err != nil { // a layout column without a language
			return nil, rec.errAt(0, n, err)
		}
		g.entries = append(g.entries, e)
	}
}

// record is one row with the position of each field.
type record struct {
	fields []string
	line   []int
	col    []int
}

func (rec *record) errAt(i, n int, err error) *ParseError {
	if i >= len(rec.fields) {
		i = len(rec.fields) - 1
	}
	return &ParseError{Line: rec.line[i], Column: rec.col[i], Record: n, Err: err}
}

func parseHeader(rec record, n int) ([]Column, error) {
	cols := make([]Column, len(rec.fields))
	for i, f := range rec.fields {
		c, err := ParseColumn(f)
		if err != nil {
			return nil, rec.errAt(i, n, err)
		}
		cols[i] = c
	}
	return cols, nil
}

// entryOf builds the entry of one record; ok is false for a blank record.
func entryOf(rec record, cols []Column, l *CSVLayout, n int) (e Entry, ok bool, err error) {
	blank := true
	for i, f := range rec.fields {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		blank = false
		if i >= len(cols) {
			return e, false, rec.errAt(i, n, ErrFieldCount)
		}
	}
	if blank {
		return e, false, nil
	}
	// Terms first, then the properties that apply to them.
	plain := make([]bool, 0, 4) // per term: from a column without its own status
	for i, c := range cols {
		if c.Field != TermText || i >= len(rec.fields) {
			continue
		}
		cell := strings.TrimSpace(rec.fields[i])
		if cell == "" {
			continue
		}
		for part := range strings.SplitSeq(cell, l.sep()) {
			part = strings.TrimSpace(part)
			if part == "" {
				return e, false, rec.errAt(i, n, ErrEmptyTerm)
			}
			e.Terms = append(e.Terms, Term{Text: part, Lang: c.Lang, Status: c.Status})
			plain = append(plain, c.Status == Unspecified)
		}
	}
	if len(e.Terms) == 0 {
		return e, false, rec.errAt(0, n, ErrEmptyTerm)
	}
	for i, c := range cols {
		if i >= len(rec.fields) {
			break
		}
		v := strings.TrimSpace(rec.fields[i])
		if v == "" {
			continue
		}
		switch c.Field {
		case EntryID:
			e.ID = v
		case Subject:
			e.Subject = v
		case Definition:
			e.Definition = v
		case Note:
			e.Note = v
		case StatusField, PartOfSpeech, TermNote:
			st, ok := ParseStatus(v)
			if c.Field != StatusField {
				st, ok = Unspecified, true
			}
			if !ok {
				return e, false, rec.errAt(i, n, fmt.Errorf("glossary: unknown status %q", v))
			}
			for ti := range e.Terms {
				t := &e.Terms[ti]
				if !plain[ti] || (c.Lang != language.Und && !sameLang(t.Lang, baseOf(c.Lang))) {
					continue
				}
				switch c.Field {
				case StatusField:
					t.Status = st
				case PartOfSpeech:
					t.PartOfSpeech = v
				case TermNote:
					t.Note = v
				}
			}
		}
	}
	return e, true, nil
}

// recordReader yields records with field positions, quoted (encoding/csv) or not.
type recordReader struct {
	l    *CSVLayout
	csv  *csv.Reader
	br   *bufio.Reader
	line int
}

// MaxLineBytes bounds one line of a CSV or TSV glossary, so that a file with no line breaks (a binary
// file, a truncated download) fails fast instead of being read whole into memory.
const MaxLineBytes = 1 << 20

// ErrLineTooLong is the Err of the *ParseError for a line longer than MaxLineBytes.
var ErrLineTooLong = errors.New("glossary: line too long")

// lineLimiter fails a read once a line grows past MaxLineBytes.
type lineLimiter struct {
	r    io.Reader
	line int // completed lines
	run  int // bytes of the current line
}

func (l *lineLimiter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for b := p[:n]; len(b) > 0; {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			l.run += len(b)
			break
		}
		if l.run+i > MaxLineBytes {
			l.run += i
			break
		}
		l.line++
		l.run = 0
		b = b[i+1:]
	}
	if l.run > MaxLineBytes {
		return 0, &ParseError{Line: l.line + 1, Column: MaxLineBytes + 1, Err: ErrLineTooLong}
	}
	return n, err
}

func newRecordReader(r io.Reader, l *CSVLayout) *recordReader {
	br := bufio.NewReader(&lineLimiter{r: r})
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	rr := &recordReader{l: l, br: br}
	if !l.NoQuotes {
		rr.csv = csv.NewReader(br)
		rr.csv.Comma = l.comma()
		rr.csv.Comment = l.Comment
		rr.csv.FieldsPerRecord = -1
		rr.csv.ReuseRecord = true
	}
	return rr
}

func (rr *recordReader) read() (record, error) {
	if rr.csv != nil {
		return rr.readQuoted()
	}
	for {
		s, err := rr.br.ReadString('\n')
		if err != nil && err != io.EOF {
			return record{}, wrapReadErr(err)
		}
		if s == "" && err == io.EOF {
			return record{}, io.EOF
		}
		rr.line++
		s = strings.TrimSuffix(strings.TrimSuffix(s, "\n"), "\r")
		if strings.TrimSpace(s) == "" || (rr.l.Comment != 0 && strings.HasPrefix(s, string(rr.l.Comment))) {
			continue
		}
		var rec record
		col := 1
		for f := range strings.SplitSeq(s, string(rr.l.comma())) {
			rec.fields = append(rec.fields, f)
			rec.line = append(rec.line, rr.line)
			rec.col = append(rec.col, col)
			col += len(f) + len(string(rr.l.comma()))
		}
		return rec, nil
	}
}

// wrapReadErr passes our own positioned errors through and prefixes the reader's others.
func wrapReadErr(err error) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		return pe
	}
	return fmt.Errorf("glossary: %w", err)
}

func (rr *recordReader) readQuoted() (record, error) {
	fields, err := rr.csv.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return record{}, &ParseError{Line: pe.Line, Column: pe.Column, Record: 0, Err: pe.Err}
		}
		if err == io.EOF {
			return record{}, io.EOF
		}
		return record{}, wrapReadErr(err)
	}
	rec := record{fields: append([]string(nil), fields...)}
	for i := range fields {
		line, col := rr.csv.FieldPos(i)
		rec.line = append(rec.line, line)
		rec.col = append(rec.col, col)
	}
	return rec, nil
}
