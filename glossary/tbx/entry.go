package tbx

import (
	"encoding/xml"
	"errors"
	"strings"
)

// entry reads a <conceptEntry> or <termEntry> whose start tag began at p.
func (d *Decoder) entry(se xml.StartElement, p position) (*Entry, error) {
	e := &Entry{ID: attr(se, "id")}
	if err := d.checkID(e.ID, p); err != nil {
		return nil, err
	}
	for {
		t, err := d.inner()
		if err != nil {
			return nil, err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return e, nil
		case xml.StartElement:
			if d.isCore(t.Name) && (t.Name.Local == "langSec" || t.Name.Local == "langSet") {
				ls, err := d.langSec(t, d.pos)
				if err != nil {
					return nil, err
				}
				e.Langs = append(e.Langs, *ls)
				continue
			}
			ds, ok, err := d.datum(t, 0)
			if err != nil {
				return nil, err
			}
			if ok {
				e.add(ds)
			}
		}
	}
}

// langSec reads a <langSec> or <langSet> whose start tag began at p.
func (d *Decoder) langSec(se xml.StartElement, p position) (*LangSec, error) {
	ls := &LangSec{Lang: langAttr(se)}
	if strings.TrimSpace(ls.Lang) == "" {
		return nil, errAt(p, ErrMissingLang)
	}
	for {
		t, err := d.inner()
		if err != nil {
			return nil, err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return ls, nil
		case xml.StartElement:
			if d.isCore(t.Name) && (t.Name.Local == "termSec" || t.Name.Local == "tig" || t.Name.Local == "ntig") {
				ts, err := d.termSec(t, d.pos)
				if err != nil {
					return nil, err
				}
				ls.Terms = append(ls.Terms, *ts)
				continue
			}
			ds, ok, err := d.datum(t, 0)
			if err != nil {
				return nil, err
			}
			if ok {
				ls.add(ds)
			}
		}
	}
}

// termSec reads a <termSec>, <tig> or <ntig> whose start tag began at p. The children of an <ntig>'s
// <termGrp> are read as if they were the ntig's own.
func (d *Decoder) termSec(se xml.StartElement, p position) (*TermSec, error) {
	ts := &TermSec{ID: attr(se, "id")}
	hasTerm := false
	termPos := p
	for depth := 1; depth > 0; {
		t, err := d.inner()
		if err != nil {
			return nil, err
		}
		switch t := t.(type) {
		case xml.EndElement:
			depth--
		case xml.StartElement:
			switch {
			case d.isCore(t.Name) && t.Name.Local == "termGrp" && depth == 1:
				depth++
			case d.isCore(t.Name) && t.Name.Local == "term":
				if hasTerm {
					return nil, errAt(d.pos, errors.New("tbx: more than one term in a term section"))
				}
				hasTerm, termPos = true, d.pos
				if ts.ID == "" {
					ts.ID = attr(t, "id")
				}
				if ts.Term, err = d.text(); err != nil {
					return nil, err
				}
			default:
				ds, ok, err := d.datum(t, 0)
				if err != nil {
					return nil, err
				}
				if ok {
					ts.add(ds)
				}
			}
		}
	}
	if strings.TrimSpace(ts.Term) == "" {
		return nil, errAt(termPos, ErrEmptyTerm)
	}
	if err := d.checkID(ts.ID, p); err != nil {
		return nil, err
	}
	return ts, nil
}

// datum reads one data category element (DCA or v2 typed element, DCT namespaced element, note, date) or
// group; ok is false for elements that carry none (unknown core elements, empty groups), which are skipped.
func (d *Decoder) datum(se xml.StartElement, depth int) (ds Descrip, ok bool, err error) {
	name := se.Name.Local
	switch {
	case !d.isCore(se.Name):
		ds = Descrip{Type: name, Target: attr(se, "target")}
	case typedElements[name]:
		ds = Descrip{Type: attr(se, "type"), Target: attr(se, "target"), Element: name}
	case untypedElements[name]:
		ds = Descrip{Type: name, Target: attr(se, "target"), Element: name}
	case groupElements[name]:
		return d.group(depth)
	default:
		return Descrip{}, false, d.skip()
	}
	ds.Value, err = d.text()
	return ds, err == nil, err
}

// group reads the members of a grouping element: the first is the head, the others its Info.
func (d *Decoder) group(depth int) (head Descrip, ok bool, err error) {
	if depth >= maxGroupDepth {
		return Descrip{}, false, errAt(d.pos, ErrTooDeep)
	}
	for {
		t, err := d.inner()
		if err != nil {
			return Descrip{}, false, err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return head, ok, nil
		case xml.StartElement:
			ds, member, err := d.datum(t, depth+1)
			if err != nil {
				return Descrip{}, false, err
			}
			switch {
			case !member:
			case !ok:
				head, ok = ds, true
			default:
				head.Info = append(head.Info, ds)
			}
		}
	}
}

// fill stores the value of ds in *field when it is the first non-empty occurrence of its category.
func fill(field *string, ds Descrip) bool {
	if *field != "" || ds.Value == "" {
		return false
	}
	*field = ds.Value
	return true
}

// spread hands the Info of a modeled category to add, as if its members stood alone, except the first
// source, which goes to *source when that is not nil.
func spread(info []Descrip, source *string, add func(Descrip)) {
	for _, in := range info {
		if source != nil && in.Type == "source" && len(in.Info) == 0 && fill(source, in) {
			source = nil
			continue
		}
		add(in)
	}
}

func (e *Entry) add(ds Descrip) {
	switch {
	case ds.Type == "note":
		e.Notes = append(e.Notes, ds.Value)
		spread(ds.Info, nil, e.add)
	case ds.Type == "subjectField" && fill(&e.Subject, ds):
		spread(ds.Info, nil, e.add)
	case ds.Type == "definition" && fill(&e.Definition, ds):
		spread(ds.Info, &e.DefinitionSource, e.add)
	default:
		e.Descrips = append(e.Descrips, ds)
	}
}

func (ls *LangSec) add(ds Descrip) {
	switch {
	case ds.Type == "note":
		ls.Notes = append(ls.Notes, ds.Value)
		spread(ds.Info, nil, ls.add)
	case ds.Type == "definition" && fill(&ls.Definition, ds):
		spread(ds.Info, &ls.DefinitionSource, ls.add)
	default:
		ls.Descrips = append(ls.Descrips, ds)
	}
}

func (ts *TermSec) add(ds Descrip) {
	var field *string
	switch ds.Type {
	case "note":
		ts.Notes = append(ts.Notes, ds.Value)
		spread(ds.Info, nil, ts.add)
		return
	case "context":
		if fill(&ts.Context, ds) {
			spread(ds.Info, &ts.ContextSource, ts.add)
			return
		}
	case "partOfSpeech":
		field = &ts.PartOfSpeech
	case "administrativeStatus":
		field = &ts.AdministrativeStatus
	case "termType":
		field = &ts.TermType
	case "source":
		field = &ts.Source
	case "customerSubset":
		field = &ts.Customer
	case "projectSubset":
		field = &ts.Project
	}
	if field != nil && fill(field, ds) {
		spread(ds.Info, nil, ts.add)
		return
	}
	ts.Descrips = append(ts.Descrips, ds)
}
