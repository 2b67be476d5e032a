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

// TestCaseOnlyDifferenceAroundMarker: a text differing from a stored source only in case is a
// Normalized match (99), also around a marker: the accelerator decision ignores case, so "Enable
// Drag&Drop", "Enable drag&drop" and "ENABLE DRAG&DROP" have the same words.
func TestCaseOnlyDifferenceAroundMarker(t *testing.T) {
	units := []Unit{
		{ID: "dd", Source: "Enable Drag&Drop", Target: "تفعيل السحب والإفلات", Pair: enAr},
		{ID: "hk", Source: "Hong_Kong time", Target: "توقيت هونغ كونغ", Pair: enAr},
	}
	memories(t, units, func(t *testing.T, m *Memory) {
		for _, tc := range []struct{ q, id string }{
			{"Enable drag&drop", "dd"},
			{"ENABLE DRAG&DROP", "dd"},
			{"hong_kong time", "hk"},
		} {
			ms, err := m.Lookup(context.Background(), Query{Text: tc.q, Pair: enAr})
			require.NoError(t, err)
			if assert.NotEmpty(t, ms, "%q: only case differs", tc.q) {
				assert.Equal(t, tc.id, ms[0].Unit.ID)
				assert.Equal(t, Normalized, ms[0].Kind, "%q", tc.q)
				assert.Equal(t, 99, ms[0].Percent, "%q", tc.q)
			}
		}
	})
}

// TestNormalizedMatchHasNoDiff: a marker after a hyphen ("Auto-_hide") is stripped before
// tokenizing both for the key and for the diff ("auto-hide": one word), so a Normalized match reports
// no differing word.
func TestNormalizedMatchHasNoDiff(t *testing.T) {
	units := []Unit{{ID: "ah", Source: "Auto-_hide the panel", Target: "إخفاء اللوحة تلقائيا", Pair: enAr}}
	memories(t, units, func(t *testing.T, m *Memory) {
		ms, err := m.Lookup(context.Background(), Query{Text: "Auto-hide the panel", Pair: enAr})
		require.NoError(t, err)
		require.NotEmpty(t, ms)
		assert.Equal(t, Normalized, ms[0].Kind)
		assert.Empty(t, ms[0].Diff, "Normalized: no word differs")
	})
}

// TestConcordanceIdentifier: the accelerator decision is made per chunk between spaces, so a
// word ("user_id", "R&D") reads the same in a phrase and in every stored text, whatever the words
// around it.
func TestConcordanceIdentifier(t *testing.T) {
	units := []Unit{
		{ID: "one", Source: "Invalid user_id", Target: "user_id غير صالح", Pair: enAr},
		{ID: "two", Source: "Set user_id and group_id", Target: "اضبط user_id و group_id", Pair: enAr},
		{ID: "rd1", Source: "The R&D budget grew", Target: "نمت ميزانية البحث والتطوير", Pair: enAr},
		{ID: "rd2", Source: "R&D and M&A spending", Target: "الإنفاق على البحث والتطوير والاندماج", Pair: enAr},
	}
	memories(t, units, func(t *testing.T, m *Memory) {
		for _, tc := range []struct {
			phrase string
			want   []string
		}{
			{"user_id", []string{"one", "two"}},
			{"R&D", []string{"rd1", "rd2"}},
		} {
			hits, err := m.Concordance(context.Background(), tc.phrase, ConcordanceOptions{Lang: enAr.Source})
			require.NoError(t, err)
			var ids []string
			for _, h := range hits {
				ids = append(ids, h.Unit.ID)
			}
			assert.Equal(t, tc.want, ids, "%q", tc.phrase)
		}
	})
}

// TestArabicHashtag: Arabic news and social media join the words of a hashtag with "_"
// ("#الأمن_الغذائي"); a chunk starting with "#" has no accelerator, so its words stay apart:
// concordance finds "الغذائي" and the plain words match.
func TestArabicHashtag(t *testing.T) {
	units := []Unit{
		{ID: "h1", Source: "تقرير جديد عن #الأمن_الغذائي في المنطقة", Target: "A new report on #food_security in the region", Pair: arEn},
	}
	memories(t, units, func(t *testing.T, m *Memory) {
		hits, err := m.Concordance(context.Background(), "الغذائي", ConcordanceOptions{})
		require.NoError(t, err)
		assert.Len(t, hits, 1, "concordance finds the hashtag word")
		ms, err := m.Lookup(context.Background(), Query{Text: "تقرير جديد عن الأمن الغذائي في المنطقة", Pair: arEn})
		require.NoError(t, err)
		if assert.NotEmpty(t, ms) {
			assert.GreaterOrEqual(t, ms[0].Percent, 98, "same words, only '#'/'_' differ")
		}
	})
}

// TestAcceleratorPlusIdentifier: a UI label with an accelerator and a one-underscore identifier
// ("_Edit config_file") reads each word on its own: the same label without its accelerator is a
// Normalized match. (A word with two markers, "&R&D", is left as text: Qt writes a literal "&" as
// "&&", so "&R&&D" is the label that means R&D with the accelerator on R.)
func TestAcceleratorPlusIdentifier(t *testing.T) {
	units := []Unit{
		{ID: "cf", Source: "_Edit config_file now", Target: "_حرر config_file الآن", Pair: enAr},
	}
	memories(t, units, func(t *testing.T, m *Memory) {
		for q, id := range map[string]string{"Edit config_file now": "cf", "Edit configfile now": "cf"} {
			ms, err := m.Lookup(context.Background(), Query{Text: q, Pair: enAr})
			require.NoError(t, err)
			if assert.NotEmpty(t, ms, "%q", q) {
				assert.Equal(t, id, ms[0].Unit.ID)
				assert.Equal(t, 99, ms[0].Percent, "%q: only the accelerator differs", q)
			}
		}
	})
}

// TestCamelCaseAccelerator: LibreOffice's "Auto_Correct Options..." (Debian catalogs) has its
// accelerator on the capital of "AutoCorrect": the same label without the marker, or with it
// elsewhere, is a Normalized match.
func TestCamelCaseAccelerator(t *testing.T) {
	units := []Unit{{ID: "ac", Source: "Auto_Correct Options...", Target: "خيارات التصحيح التلقائي...", Pair: enAr}}
	memories(t, units, func(t *testing.T, m *Memory) {
		for _, q := range []string{"AutoCorrect Options...", "_AutoCorrect Options..."} {
			ms, err := m.Lookup(context.Background(), Query{Text: q, Pair: enAr})
			require.NoError(t, err)
			if assert.NotEmpty(t, ms, "%q", q) {
				assert.Equal(t, 99, ms[0].Percent, "%q: only the accelerator differs", q)
			}
		}
	})
}
