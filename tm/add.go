package tm

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/tm/tmx"
)

// Add stores units in one transaction: all of them or, on error, none. A unit whose source and
// target (in the same two languages, in either direction) are already stored is not added again:
// its metadata is merged into the stored unit (the most recently changed unit wins for the
// changed-by, context and property values, the earliest creation date and the largest usage count
// are kept, notes are united). A different target for a stored source is a new unit.
//
// Units need a Pair with both languages and a non-empty Source and Target of at most MaxSegmentBytes
// each. An empty ID is set to the unit's number in the store.
func (m *Memory) Add(ctx context.Context, units ...Unit) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.wmu.Lock()
	defer m.wmu.Unlock()
	_, _, err := m.addLocked(units)
	return err
}

// addLocked is Add for a caller that holds m.wmu; it returns how many units were new and how
// many were merged into a duplicate.
func (m *Memory) addLocked(units []Unit) (added, merged int, err error) {
	if m.closed {
		return 0, 0, ErrClosed
	}
	if m.readOnly {
		return 0, 0, ErrReadOnly
	}
	for i := range units {
		if err := validate(&units[i]); err != nil {
			return 0, 0, fmt.Errorf("tm: unit %d (%q): %w", i, units[i].ID, err)
		}
	}
	var (
		recs    []*record                // updated records first, then new ones
		fresh   []*record                // new records, in recs order
		hashes  []uint64                 // duplicate hash of each fresh record
		pending = map[uint64][]*record{} // records of this batch by hash
	)
	for i := range units {
		u := cloneUnit(units[i])
		h := dupHash(&u)
		r, err := m.findDuplicate(h, pending[h], &u)
		if err != nil {
			return 0, 0, err
		}
		if r != nil {
			merged++
			mergeUnit(&r.unit, &u)
			if !slices.Contains(recs, r) {
				recs = append(recs, r)
			}
			continue
		}
		r = &record{unit: u}
		r.srcKey, r.tgtKey = keys(&r.unit)
		fresh = append(fresh, r)
		hashes = append(hashes, h)
		pending[h] = append(pending[h], r)
	}
	// New records go last so that commit pairs them with hashes in order.
	recs = append(recs, fresh...)
	if err := m.st.commit(recs, hashes); err != nil {
		return 0, 0, err
	}
	for i, r := range fresh {
		m.addDup(hashes[i], r.id)
	}
	m.publish(fresh)
	return len(fresh), merged, nil
}

func validate(u *Unit) error {
	if u.Pair.Source == language.Und || u.Pair.Target == language.Und {
		return ErrNoPair
	}
	if sameBase(u.Pair.Source, u.Pair.Target) {
		return ErrSameLanguage
	}
	if u.Source == "" || u.Target == "" {
		return ErrEmpty
	}
	if len(u.Source) > MaxSegmentBytes || len(u.Target) > MaxSegmentBytes {
		return ErrTooLong
	}
	return nil
}

// findDuplicate returns the record (of this batch or stored) holding the same translation as u.
// A stored record is returned as a fresh copy that the caller may change and commit.
func (m *Memory) findDuplicate(h uint64, batch []*record, u *Unit) (*record, error) {
	for _, r := range batch {
		if sameTranslation(&r.unit, u) {
			return r, nil
		}
	}
	ids := m.dupIDs(h)
	if len(ids) == 0 {
		return nil, nil
	}
	var found *record
	err := m.st.get(ids, func(r *record) {
		if found == nil && sameTranslation(&r.unit, u) {
			c := *r
			c.unit = cloneUnit(r.unit)
			found = &c
		}
	})
	return found, err
}

func sameBase(a, b language.Tag) bool {
	ab, _ := a.Base()
	bb, _ := b.Base()
	return ab == bb
}

// sameTranslation reports whether a and b pair the same two texts, inline codes included, in the
// same two languages, in either direction. The duplicate hash covers only the texts: units that
// differ only in their codes (two icon glyphs, each a code of its own) share it and are told apart
// here.
func sameTranslation(a, b *Unit) bool {
	if a.Source == b.Source && a.Target == b.Target && sameBase(a.Pair.Source, b.Pair.Source) && sameBase(a.Pair.Target, b.Pair.Target) {
		return sameCodes(a.SourceCodes, b.SourceCodes) && sameCodes(a.TargetCodes, b.TargetCodes)
	}
	return a.Source == b.Target && a.Target == b.Source && sameBase(a.Pair.Source, b.Pair.Target) && sameBase(a.Pair.Target, b.Pair.Source) &&
		sameCodes(a.SourceCodes, b.TargetCodes) && sameCodes(a.TargetCodes, b.SourceCodes)
}

func sameCodes(a, b []tmx.Code) bool {
	return slices.EqualFunc(a, b, func(x, y tmx.Code) bool { return x.Close == y.Close && sameInline(&x.Inline, &y.Inline) })
}

func sameInline(x, y *tmx.Inline) bool {
	return x.Kind == y.Kind && x.Text == y.Text && x.I == y.I && x.X == y.X && x.Type == y.Type && x.Pos == y.Pos &&
		x.Assoc == y.Assoc && x.DataType == y.DataType && x.Ext == y.Ext &&
		slices.EqualFunc(x.Content, y.Content, func(c, d tmx.Inline) bool { return sameInline(&c, &d) })
}

// mergeUnit merges the metadata of the duplicate src into dst, which keeps its texts, direction,
// ID and inline codes.
func mergeUnit(dst, src *Unit) {
	newer := !src.changedOrCreated().Before(dst.changedOrCreated())
	if !src.Created.IsZero() && (dst.Created.IsZero() || src.Created.Before(dst.Created)) {
		dst.Created = src.Created
		if src.CreatedBy != "" {
			dst.CreatedBy = src.CreatedBy
		}
	}
	if dst.CreatedBy == "" {
		dst.CreatedBy = src.CreatedBy
	}
	dst.UsageCount = max(dst.UsageCount, src.UsageCount)
	for _, n := range src.Notes {
		if !slices.Contains(dst.Notes, n) {
			dst.Notes = append(dst.Notes, n)
		}
	}
	for k, v := range src.Props {
		if _, ok := dst.Props[k]; !ok || newer {
			if dst.Props == nil {
				dst.Props = make(map[string]string)
			}
			dst.Props[k] = v
		}
	}
	if !newer {
		return
	}
	if src.Changed.After(dst.Changed) {
		dst.Changed = src.Changed
	}
	if src.ChangedBy != "" {
		dst.ChangedBy = src.ChangedBy
	}
	if src.Origin != "" {
		dst.Origin = src.Origin
	}
	// Context belongs to the source side: take it only from a unit in the same direction.
	if !src.Context.IsZero() && src.Source == dst.Source && sameBase(src.Pair.Source, dst.Pair.Source) {
		dst.Context = src.Context
	}
}

// cloneUnit copies u deeply enough that changing the copy's maps and slices leaves u unchanged.
func cloneUnit(u Unit) Unit {
	u.Props = maps.Clone(u.Props)
	u.Notes = slices.Clone(u.Notes)
	u.SourceCodes = cloneCodes(u.SourceCodes)
	u.TargetCodes = cloneCodes(u.TargetCodes)
	return u
}

func cloneCodes(cs []tmx.Code) []tmx.Code {
	if cs == nil {
		return nil
	}
	out := make([]tmx.Code, len(cs))
	for i := range cs {
		out[i] = cs[i]
		out[i].Content = cloneSeg(cs[i].Content)
	}
	return out
}

func cloneSeg(s tmx.Seg) tmx.Seg {
	if s == nil {
		return nil
	}
	out := make(tmx.Seg, len(s))
	for i := range s {
		out[i] = s[i]
		out[i].Content = cloneSeg(s[i].Content)
	}
	return out
}

// publish adds committed new records to the direction indexes, each direction on its own
// goroutine for large batches (the indexes are independent), under the write lock so that
// lookups see all of the batch or none of it.
func (m *Memory) publish(fresh []*record) {
	byDir := make(map[string][]entry)
	for _, r := range fresh {
		fwd, rev := dirKey(r.unit.Pair.Source, r.unit.Pair.Target), dirKey(r.unit.Pair.Target, r.unit.Pair.Source)
		byDir[fwd] = append(byDir[fwd], entry{r.id, r.srcKey})
		byDir[rev] = append(byDir[rev], entry{r.id, r.tgtKey})
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.fill(byDir, len(fresh) >= 512)
	m.n += len(fresh)
	m.indexChanged = m.indexChanged || len(fresh) > 0
}

// addDup records that id has duplicate hash h. Most hashes have one id; the rare others (a hash
// collision) go to dupMore, which keeps the common map at 12 bytes an entry.
func (m *Memory) addDup(h uint64, id uint32) {
	if _, ok := m.dup[h]; !ok {
		m.dup[h] = id
		return
	}
	m.dupMore[h] = append(m.dupMore[h], id)
}

func (m *Memory) dupIDs(h uint64) []uint32 {
	id, ok := m.dup[h]
	if !ok {
		return nil
	}
	return append([]uint32{id}, m.dupMore[h]...)
}
