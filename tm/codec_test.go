package tm

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tarjuman/tarjuman/tm/tmx"
)

func TestRecordRoundTrip(t *testing.T) {
	cases := []struct {
		name string
		r    record
	}{
		{"minimal", record{unit: Unit{Source: "a", Target: "ب", Pair: enAr}}},
		{"everything", record{srcKey: "k1", tgtKey: "k2", unit: Unit{
			ID: "x", Source: "Click \uE000Save\uE001", Target: "انقر \uE000حفظ\uE001", Pair: arEn,
			Context: Context{Prev: "p", Next: "n", Key: "k"}, Props: map[string]string{"a": "1", "b": ""},
			Notes: []string{"n1", ""}, Created: time.Date(2020, 1, 2, 3, 4, 5, 6, time.UTC),
			Changed: time.Date(2021, 1, 2, 3, 4, 5, 0, time.UTC), CreatedBy: "c", ChangedBy: "d", UsageCount: -3,
			Origin:      "o",
			SourceCodes: []tmx.Code{{Inline: tmx.Inline{Kind: tmx.BPT, I: "1", Content: tmx.Seg{{Kind: tmx.Text, Text: "<b>"}}}}, {Close: true}},
		}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := encodeRecord(nil, &c.r)
			var got record
			require.NoError(t, decodeRecord(b, &got))
			assert.Equal(t, c.r, got)
			h, err := decodeHeader(b)
			require.NoError(t, err)
			assert.Equal(t, []string{tagString(c.r.unit.Pair.Source), tagString(c.r.unit.Pair.Target), c.r.srcKey, c.r.tgtKey},
				[]string{string(h.srcLang), string(h.tgtLang), string(h.srcKey), string(h.tgtKey)})
		})
	}
}

// FuzzDecodeRecord checks that corrupt records are rejected without panicking and that whatever
// decodes re-encodes to a record that decodes to the same value.
func FuzzDecodeRecord(f *testing.F) {
	f.Add(encodeRecord(nil, &record{unit: Unit{Source: "a", Target: "ب", Pair: enAr, Notes: []string{"n"}}}))
	f.Add([]byte{recordVersion, 2, 'a', 'r'})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		var r record
		if decodeRecord(b, &r) != nil {
			return
		}
		var again record
		require.NoError(t, decodeRecord(encodeRecord(nil, &r), &again))
		assert.Equal(t, r, again)
	})
}
