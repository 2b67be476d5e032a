package tm

import (
	"encoding/binary"
	"errors"
	"math"
	"sort"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/tm/tmx"
)

// recordVersion is the first byte of every stored unit; a different value means another layout.
const recordVersion = 1

// record is a unit as the Memory keeps it: the unit and its matching keys (normalize.Search of
// both sides, cached so that opening a store does not normalize again).
type record struct {
	id     uint32
	srcKey string
	tgtKey string
	unit   Unit
}

var errRecord = errors.New("tm: corrupt unit record")

// encodeRecord appends the binary form of r to dst. The layout is a version byte, a header with the
// languages and the two keys (so that Open can rebuild the index without decoding the rest), then
// the unit's fields as uvarint-length-prefixed strings and varints.
func encodeRecord(dst []byte, r *record) []byte {
	u := &r.unit
	dst = encodeHeader(dst, r)
	dst = appendString(dst, u.ID)
	dst = appendString(dst, u.Source)
	dst = appendString(dst, u.Target)
	dst = appendString(dst, u.Context.Prev)
	dst = appendString(dst, u.Context.Next)
	dst = appendString(dst, u.Context.Key)
	keys := make([]string, 0, len(u.Props))
	for k := range u.Props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	dst = binary.AppendUvarint(dst, uint64(len(keys)))
	for _, k := range keys {
		dst = appendString(dst, k)
		dst = appendString(dst, u.Props[k])
	}
	dst = appendStrings(dst, u.Notes)
	dst = appendTime(dst, u.Created)
	dst = appendTime(dst, u.Changed)
	dst = appendString(dst, u.CreatedBy)
	dst = appendString(dst, u.ChangedBy)
	dst = binary.AppendVarint(dst, int64(u.UsageCount))
	dst = appendString(dst, u.Origin)
	dst = appendCodes(dst, u.SourceCodes)
	dst = appendCodes(dst, u.TargetCodes)
	return dst
}

func tagString(t language.Tag) string {
	if t == language.Und {
		return ""
	}
	return t.String()
}

// encodeHeader appends the header of r: the version byte, the languages and the two keys. It is
// the first part of an encoded record and, alone, the value of the keys bucket.
func encodeHeader(dst []byte, r *record) []byte {
	dst = append(dst, recordVersion)
	dst = appendString(dst, tagString(r.unit.Pair.Source))
	dst = appendString(dst, tagString(r.unit.Pair.Target))
	dst = appendString(dst, r.srcKey)
	return appendString(dst, r.tgtKey)
}

func appendString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

func appendStrings(dst []byte, ss []string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(ss)))
	for _, s := range ss {
		dst = appendString(dst, s)
	}
	return dst
}

// appendTime stores the zero time as 0 and any other time as 1 + Unix nanoseconds in UTC, so that
// the zero time survives the round trip.
func appendTime(dst []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(dst, 0)
	}
	dst = append(dst, 1)
	return binary.AppendVarint(dst, t.UnixNano())
}

// decoder reads the fields written by encodeRecord; the first error sticks.
type decoder struct {
	b    []byte
	err  error
	tags *sync.Map // optional cache of parsed language tags: string → language.Tag
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errRecord
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errRecord
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) string() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.b)) {
		d.err = errRecord
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

// bytes is string without the copy: the result is a slice of the decoder's input.
func (d *decoder) bytes() []byte {
	n := d.uvarint()
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.err = errRecord
		return nil
	}
	b := d.b[:n:n]
	d.b = d.b[n:]
	return b
}

func (d *decoder) strings() []string {
	n := d.uvarint()
	if d.err != nil || n == 0 {
		return nil
	}
	if n > uint64(len(d.b)) { // every string takes at least one byte
		d.err = errRecord
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.string()
	}
	return ss
}

func (d *decoder) time() time.Time {
	if d.err != nil {
		return time.Time{}
	}
	if len(d.b) == 0 {
		d.err = errRecord
		return time.Time{}
	}
	flag := d.b[0]
	d.b = d.b[1:]
	switch flag {
	case 0:
		return time.Time{}
	case 1:
		return time.Unix(0, d.varint()).UTC()
	}
	d.err = errRecord
	return time.Time{}
}

func (d *decoder) tag() language.Tag {
	s := d.string()
	if s == "" || d.err != nil {
		return language.Und
	}
	if d.tags != nil {
		if t, ok := d.tags.Load(s); ok {
			return t.(language.Tag)
		}
	}
	t, err := language.Parse(s)
	if err != nil {
		d.err = errRecord
		return t
	}
	if d.tags != nil {
		d.tags.Store(s, t)
	}
	return t
}

// header is the part of a record that Open needs to rebuild the index: the languages as stored
// (BCP 47 strings) and the two matching keys.
type header struct {
	srcLang, tgtLang []byte
	srcKey, tgtKey   []byte
}

// decodeHeader reads only the header of an encoded record. Its fields are slices of b, valid as
// long as b is (Open copies what it keeps from the store's memory map).
func decodeHeader(b []byte) (h header, err error) {
	if len(b) == 0 || b[0] != recordVersion {
		return h, errRecord
	}
	d := decoder{b: b[1:]}
	h.srcLang = d.bytes()
	h.tgtLang = d.bytes()
	h.srcKey = d.bytes()
	h.tgtKey = d.bytes()
	return h, d.err
}

// decodeRecord reads a whole record written by encodeRecord.
func decodeRecord(b []byte, r *record) error { return decodeRecordTags(b, r, nil) }

// decodeRecordTags is decodeRecord with a cache of parsed language tags (parsing a tag costs more
// than decoding the rest of a record).
func decodeRecordTags(b []byte, r *record, tags *sync.Map) error {
	if len(b) == 0 || b[0] != recordVersion {
		return errRecord
	}
	d := decoder{b: b[1:], tags: tags}
	u := &r.unit
	u.Pair.Source = d.tag()
	u.Pair.Target = d.tag()
	r.srcKey = d.string()
	r.tgtKey = d.string()
	u.ID = d.string()
	u.Source = d.string()
	u.Target = d.string()
	u.Context.Prev = d.string()
	u.Context.Next = d.string()
	u.Context.Key = d.string()
	if n := d.uvarint(); n > 0 && d.err == nil {
		if n > uint64(len(d.b)) {
			return errRecord
		}
		u.Props = make(map[string]string, n)
		for range n {
			k := d.string()
			u.Props[k] = d.string()
		}
	}
	u.Notes = d.strings()
	u.Created = d.time()
	u.Changed = d.time()
	u.CreatedBy = d.string()
	u.ChangedBy = d.string()
	usage := d.varint()
	if usage > math.MaxInt32 || usage < math.MinInt32 {
		return errRecord
	}
	u.UsageCount = int(usage)
	u.Origin = d.string()
	u.SourceCodes = d.codes()
	u.TargetCodes = d.codes()
	if d.err == nil && len(d.b) != 0 {
		return errRecord
	}
	return d.err
}

// appendCodes writes inline codes: count, then per code its Close flag and its Inline.
func appendCodes(dst []byte, cs []tmx.Code) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(cs)))
	for i := range cs {
		if cs[i].Close {
			dst = append(dst, 1)
		} else {
			dst = append(dst, 0)
		}
		dst = appendInline(dst, &cs[i].Inline)
	}
	return dst
}

func appendInline(dst []byte, in *tmx.Inline) []byte {
	dst = append(dst, byte(in.Kind))
	for _, s := range [...]string{in.Text, in.I, in.X, in.Type, in.Pos, in.Assoc, in.DataType, in.Ext} {
		dst = appendString(dst, s)
	}
	dst = binary.AppendUvarint(dst, uint64(len(in.Content)))
	for i := range in.Content {
		dst = appendInline(dst, &in.Content[i])
	}
	return dst
}

func (d *decoder) byte() byte {
	if d.err != nil {
		return 0
	}
	if len(d.b) == 0 {
		d.err = errRecord
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) codes() []tmx.Code {
	n := d.uvarint()
	if d.err != nil || n == 0 {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.err = errRecord
		return nil
	}
	cs := make([]tmx.Code, n)
	for i := range cs {
		cs[i].Close = d.byte() == 1
		d.inline(&cs[i].Inline, 0)
	}
	return cs
}

// maxInlineDepth bounds the nesting of decoded inline elements, so a corrupt record cannot
// exhaust the stack.
const maxInlineDepth = 64

func (d *decoder) inline(in *tmx.Inline, depth int) {
	if depth > maxInlineDepth {
		d.err = errRecord
		return
	}
	in.Kind = tmx.InlineKind(d.byte())
	for _, p := range [...]*string{&in.Text, &in.I, &in.X, &in.Type, &in.Pos, &in.Assoc, &in.DataType, &in.Ext} {
		*p = d.string()
	}
	n := d.uvarint()
	if d.err != nil || n == 0 {
		return
	}
	if n > uint64(len(d.b)) {
		d.err = errRecord
		return
	}
	in.Content = make(tmx.Seg, n)
	for i := range in.Content {
		d.inline(&in.Content[i], depth+1)
	}
}
