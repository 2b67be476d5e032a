package tm

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/tm/tmx"
)

// Property types that carry Unit fields TMX has no attribute for. Export writes them; Import also
// reads OmegaT's "prev", "next" and "id".
const (
	propPrev   = "x-context-prev"
	propNext   = "x-context-next"
	propKey    = "x-context-key"
	propOrigin = "x-origin"
)

// tmx streams TUs from a TMX document and turns each into units.
func (im *importer) tmx(r io.Reader) error {
	dec := tmx.NewDecoder(r)
	dec.Lenient = im.o.Lenient
	h, err := dec.Header()
	if err != nil {
		return err
	}
	for {
		if err := im.ctx.Err(); err != nil {
			return err
		}
		tu, err := dec.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		srclang := tu.SrcLang
		if srclang == "" {
			srclang = h.SrcLang
		}
		units, err := unitsFromTU(tu, srclang, im.o.Pair)
		if err != nil {
			return err
		}
		if len(units) == 0 {
			im.st.Read++
			im.st.Skipped++
			continue
		}
		for _, u := range units {
			if err := im.add(u); err != nil {
				return err
			}
		}
	}
	im.st.Skipped += dec.Skipped()
	im.st.Read += dec.Skipped()
	return nil
}

// unitsFromTU converts a TU: with a pair, the unit between the pair's two variants; otherwise
// one unit from the source variant (srclang, or the first variant for "*all*") to each other
// language.
func unitsFromTU(tu *tmx.TU, srclang string, pair LangPair) ([]Unit, error) {
	if pair.Source != language.Und && pair.Target != language.Und {
		s, t := tu.Variant(pair.Source), tu.Variant(pair.Target)
		if s == nil || t == nil {
			return nil, nil
		}
		u, err := unitFromTUVs(tu, s, t)
		if err != nil {
			return nil, err
		}
		return []Unit{u}, nil
	}
	var src *tmx.TUV
	if srclang != "" && !strings.EqualFold(srclang, "*all*") {
		tag, err := language.Parse(srclang)
		if err != nil {
			return nil, tuError(tu, fmt.Errorf("bad srclang %q: %w", srclang, err))
		}
		src = tu.Variant(tag)
	} else if len(tu.Variants) > 0 {
		src = &tu.Variants[0]
	}
	if src == nil {
		return nil, nil
	}
	var units []Unit
	for i := range tu.Variants {
		v := &tu.Variants[i]
		if v == src || strings.EqualFold(v.Lang, src.Lang) {
			continue
		}
		u, err := unitFromTUVs(tu, src, v)
		if err != nil {
			return nil, err
		}
		units = append(units, u)
	}
	return units, nil
}

func tuError(tu *tmx.TU, err error) error {
	return &tmx.ParseError{Line: tu.Line, Column: 1, TU: tu.TUID, Err: err}
}

func unitFromTUVs(tu *tmx.TU, s, t *tmx.TUV) (Unit, error) {
	u := Unit{
		ID:         tu.TUID,
		Created:    tu.CreationDate,
		Changed:    tu.ChangeDate,
		CreatedBy:  tu.CreationID,
		ChangedBy:  tu.ChangeID,
		UsageCount: tu.UsageCount,
	}
	var err error
	if u.Pair.Source, err = language.Parse(s.Lang); err != nil {
		return u, tuError(tu, fmt.Errorf("bad language %q: %w", s.Lang, err))
	}
	if u.Pair.Target, err = language.Parse(t.Lang); err != nil {
		return u, tuError(tu, fmt.Errorf("bad language %q: %w", t.Lang, err))
	}
	if u.Source, u.SourceCodes, err = s.Seg.Encode(); err != nil {
		return u, tuError(tu, err)
	}
	if u.Target, u.TargetCodes, err = t.Seg.Encode(); err != nil {
		return u, tuError(tu, err)
	}
	// Dates and ids of the variants stand in for missing TU-level ones.
	for _, v := range []*tmx.TUV{t, s} {
		if u.Created.IsZero() || (!v.CreationDate.IsZero() && v.CreationDate.Before(u.Created)) {
			u.Created = v.CreationDate
		}
		if v.ChangeDate.After(u.Changed) {
			u.Changed = v.ChangeDate
		}
		if u.CreatedBy == "" {
			u.CreatedBy = v.CreationID
		}
		if u.ChangedBy == "" {
			u.ChangedBy = v.ChangeID
		}
		u.UsageCount = max(u.UsageCount, v.UsageCount)
	}
	for _, p := range tu.Props {
		switch p.Type {
		case propPrev, "prev":
			u.Context.Prev = p.Value
		case propNext, "next":
			u.Context.Next = p.Value
		case propKey, "id":
			u.Context.Key = p.Value
		case propOrigin:
			u.Origin = p.Value
		default:
			setProp(&u, p.Type, p.Value)
		}
	}
	for _, v := range []*tmx.TUV{s, t} {
		for _, p := range v.Props {
			setProp(&u, v.Lang+":"+p.Type, p.Value)
		}
	}
	for _, n := range tu.Notes {
		u.Notes = append(u.Notes, n.Text)
	}
	for _, v := range []*tmx.TUV{s, t} {
		for _, n := range v.Notes {
			u.Notes = append(u.Notes, n.Text)
		}
	}
	if !tu.LastUsageDate.IsZero() {
		setProp(&u, propLastUsage, tu.LastUsageDate.UTC().Format(tmxDate))
	}
	return u, nil
}

const (
	propLastUsage = "x-lastusagedate"
	tmxDate       = "20060102T150405Z"
)

// setProp adds a property; repeated types (allowed in TMX) are numbered "type#2", "type#3"…
func setProp(u *Unit, typ, value string) {
	if u.Props == nil {
		u.Props = make(map[string]string)
	}
	key := typ
	for n := 2; ; n++ {
		if _, dup := u.Props[key]; !dup {
			break
		}
		key = typ + "#" + strconv.Itoa(n)
	}
	u.Props[key] = value
}

func parseTMXDate(s string) (time.Time, error) { return time.Parse(tmxDate, s) }
