package tm

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/tm/tmx"
)

// Export writes the units of direction p (units stored the other way round are written reversed)
// to w in format f, in the order they were added. A zero p exports every unit as stored, in TMX
// or Weblate JSON only. TMX keeps everything a Unit holds, inline codes included, so that
// Import(Export(m)) rebuilds the same units; TSV keeps only the texts (tabs and line breaks in
// them become spaces).
func (m *Memory) Export(ctx context.Context, w io.Writer, f Format, p LangPair) error {
	all := p.Source == language.Und && p.Target == language.Und
	if !all {
		if err := validatePair(p); err != nil {
			return err
		}
	} else if f == FormatTSV {
		return fmt.Errorf("tm: export: tsv needs a language pair")
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	if m.closed {
		return ErrClosed
	}
	dir := dirKey(p.Source, p.Target)
	var ex exporter
	switch f {
	case FormatTMX:
		ex = newTMXExporter(w, p, all)
	case FormatTSV:
		ex = newTSVExporter(w, p)
	case FormatWeblate:
		ex = newWeblateExporter(w)
	default:
		return fmt.Errorf("tm: export: unsupported format %v", f)
	}
	var werr error
	err := m.st.scan(ctx, func(r *record) bool {
		u := r.unit
		if !all {
			if !sideMatches(r, dir) {
				return true
			}
			u, _ = orient(u, dir)
		}
		werr = ex.unit(&u)
		return werr == nil
	})
	if err == nil {
		err = werr
	}
	if err == nil {
		err = ex.close()
	}
	if err != nil {
		return fmt.Errorf("tm: export: %w", err)
	}
	return nil
}

type exporter interface {
	unit(*Unit) error
	close() error
}

type tmxExporter struct {
	enc *tmx.Encoder
	err error
}

func newTMXExporter(w io.Writer, p LangPair, all bool) *tmxExporter {
	src := "*all*"
	if !all {
		src = p.Source.String()
	}
	e := &tmxExporter{enc: tmx.NewEncoder(w)}
	e.err = e.enc.WriteHeader(&tmx.Header{
		CreationTool:        "tarjuman",
		CreationToolVersion: "1",
		SegType:             "sentence",
		OTMF:                "tarjuman",
		AdminLang:           "en",
		SrcLang:             src,
		DataType:            "plaintext",
	})
	return e
}

func (e *tmxExporter) unit(u *Unit) error {
	if e.err != nil {
		return e.err
	}
	tu, err := tuFromUnit(u)
	if err != nil {
		return err
	}
	return e.enc.Encode(tu)
}

func (e *tmxExporter) close() error {
	if e.err != nil {
		return e.err
	}
	return e.enc.Close()
}

// tuFromUnit is the inverse of unitFromTUVs.
func tuFromUnit(u *Unit) (*tmx.TU, error) {
	tu := &tmx.TU{
		TUID:         u.ID,
		SrcLang:      u.Pair.Source.String(),
		CreationDate: u.Created,
		ChangeDate:   u.Changed,
		CreationID:   u.CreatedBy,
		ChangeID:     u.ChangedBy,
		UsageCount:   u.UsageCount,
	}
	src, err := tmx.DecodeSeg(u.Source, u.SourceCodes)
	if err != nil {
		return nil, fmt.Errorf("unit %q source: %w", u.ID, err)
	}
	tgt, err := tmx.DecodeSeg(u.Target, u.TargetCodes)
	if err != nil {
		return nil, fmt.Errorf("unit %q target: %w", u.ID, err)
	}
	sv := tmx.TUV{Lang: u.Pair.Source.String(), Seg: src}
	tv := tmx.TUV{Lang: u.Pair.Target.String(), Seg: tgt}
	for _, c := range []struct{ typ, v string }{
		{propPrev, u.Context.Prev}, {propNext, u.Context.Next}, {propKey, u.Context.Key}, {propOrigin, u.Origin},
	} {
		if c.v != "" {
			tu.Props = append(tu.Props, tmx.Prop{Type: c.typ, Value: c.v})
		}
	}
	for _, k := range slices.Sorted(maps.Keys(u.Props)) {
		typ, v := propType(k), u.Props[k]
		switch {
		case typ == propLastUsage:
			if t, err := parseTMXDate(v); err == nil {
				tu.LastUsageDate = t
				continue
			}
		case strings.HasPrefix(typ, sv.Lang+":"):
			sv.Props = append(sv.Props, tmx.Prop{Type: strings.TrimPrefix(typ, sv.Lang+":"), Value: v})
			continue
		case strings.HasPrefix(typ, tv.Lang+":"):
			tv.Props = append(tv.Props, tmx.Prop{Type: strings.TrimPrefix(typ, tv.Lang+":"), Value: v})
			continue
		}
		tu.Props = append(tu.Props, tmx.Prop{Type: typ, Value: v})
	}
	for _, n := range u.Notes {
		tu.Notes = append(tu.Notes, tmx.Note{Text: n})
	}
	tu.Variants = []tmx.TUV{sv, tv}
	return tu, nil
}

// propType undoes the "#n" numbering of repeated property types (see setProp).
func propType(key string) string {
	if i := strings.LastIndexByte(key, '#'); i > 0 {
		if _, err := strconv.Atoi(key[i+1:]); err == nil {
			return key[:i]
		}
	}
	return key
}

type tsvExporter struct {
	w *bufio.Writer
}

func newTSVExporter(w io.Writer, p LangPair) *tsvExporter {
	e := &tsvExporter{w: bufio.NewWriter(w)}
	fmt.Fprintf(e.w, "%s\t%s\n", p.Source, p.Target)
	return e
}

var tsvCleaner = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")

func (e *tsvExporter) unit(u *Unit) error {
	e.w.WriteString(tsvCleaner.Replace(plainText(u.Source, u.SourceCodes)))
	e.w.WriteByte('\t')
	e.w.WriteString(tsvCleaner.Replace(plainText(u.Target, u.TargetCodes)))
	return e.w.WriteByte('\n')
}

func (e *tsvExporter) close() error { return e.w.Flush() }

// plainText drops the placeholder runes of a text with inline codes (keeping highlighted text).
func plainText(text string, codes []tmx.Code) string {
	if len(codes) == 0 {
		return text
	}
	seg, err := tmx.DecodeSeg(text, codes)
	if err != nil {
		return text
	}
	return seg.String()
}

type weblateExporter struct {
	w *bufio.Writer
	n int
}

func newWeblateExporter(w io.Writer) *weblateExporter {
	e := &weblateExporter{w: bufio.NewWriter(w)}
	e.w.WriteByte('[')
	return e
}

func (e *weblateExporter) unit(u *Unit) error {
	w := weblateUnit{
		Source:         plainText(u.Source, u.SourceCodes),
		Target:         plainText(u.Target, u.TargetCodes),
		SourceLanguage: u.Pair.Source.String(),
		TargetLanguage: u.Pair.Target.String(),
		Origin:         u.Origin,
		Context:        u.Context.Key,
	}
	if c, err := strconv.Atoi(u.Props[propWeblateCategory]); err == nil {
		w.Category = &c
	}
	b, err := json.Marshal(w)
	if err != nil {
		return err
	}
	if e.n > 0 {
		e.w.WriteByte(',')
	}
	e.w.WriteString("\n")
	e.n++
	_, err = e.w.Write(b)
	return err
}

func (e *weblateExporter) close() error {
	e.w.WriteString("\n]\n")
	return e.w.Flush()
}
