package tm

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLookupIgnoresAccelerators: software strings carry keyboard-accelerator markers inside words
// (GTK "O_rientation", Qt "Re&move", LibreOffice "Ta~ble", and in the Arabic targets "ا_فصل"). A query
// without the marker, or with it on another letter, is a Normalized match (99), not a miss. The diff
// has no differing word, and concordance finds the word too.
func TestLookupIgnoresAccelerators(t *testing.T) {
	units := []Unit{
		{ID: "o", Source: "O_rientation", Target: "الا_تجاه", Pair: enAr},
		{ID: "r", Source: "Re&move the selected file", Target: "ا&حذف الملف المحدد", Pair: enAr},
		{ID: "t", Source: "Insert Ta~ble", Target: "إدراج ج~دول", Pair: enAr},
		{ID: "s", Source: "Set snake_case_name", Target: "اضبط snake_case_name", Pair: enAr},
	}
	ctx := context.Background()
	memories(t, units, func(t *testing.T, m *Memory) {
		for _, tc := range []struct {
			query, wantID string
			pair          LangPair
		}{
			{"Orientation", "o", enAr},
			{"_Orientation", "o", enAr},
			{"Remove the selected file", "r", enAr},
			{"Remove the selected fil_e", "r", enAr},
			{"_Remove the selected file", "r", enAr},
			{"Insert Table", "t", enAr},
			{"الاتجاه", "o", arEn},
			{"احذف الملف المحدد", "r", arEn},
		} {
			for _, exhaustive := range []bool{false, true} {
				ms, err := m.Lookup(ctx, Query{Text: tc.query, Pair: tc.pair, Exhaustive: exhaustive})
				require.NoError(t, err)
				require.NotEmpty(t, ms, "%q exhaustive %v", tc.query, exhaustive)
				assert.Equal(t, tc.wantID, ms[0].Unit.ID, "%q", tc.query)
				assert.Equal(t, 99, ms[0].Percent, "%q: same words", tc.query)
				assert.Equal(t, Normalized, ms[0].Kind, "%q", tc.query)
				assert.Empty(t, ms[0].Penalties, "%q", tc.query)
				assert.Empty(t, ms[0].Diff, "%q: no word differs", tc.query)
			}
		}
		// Two markers between letters: an identifier, whose parts stay words.
		ms, err := m.Lookup(ctx, Query{Text: "Set snake case name", Pair: enAr})
		require.NoError(t, err)
		require.NotEmpty(t, ms)
		assert.Equal(t, 98, ms[0].Percent)

		hits, err := m.Concordance(ctx, "orientation", ConcordanceOptions{})
		require.NoError(t, err)
		require.Len(t, hits, 1)
		assert.Equal(t, "O_rientation", hits[0].Match)
		hits, err = m.Concordance(ctx, "جدول", ConcordanceOptions{})
		require.NoError(t, err)
		require.Len(t, hits, 1)
		assert.Equal(t, "ج~دول", hits[0].Match)
	})
}
