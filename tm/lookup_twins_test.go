package tm

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLookupTwinAtFetchBoundary: the multiple-translations penalty of a candidate depends on whether its
// twin (same source key, other target) was fetched too. When the index's n-th result has its twin at n+1,
// the fetched one comes back unpenalized, outranks correctly penalized matches, and differs from the
// exhaustive scan that Query.Exhaustive and the lookupDir comment promise.
func TestLookupTwinAtFetchBoundary(t *testing.T) {
	// B's target: another translation (A and B are penalized, the deltb-deltf units rank first), or A's
	// words with other punctuation (one translation: A and B keep 75 and outrank the penalized 74s).
	for _, twin := range []struct{ target, wantSource string }{
		{"ترجمة ب", "alpha beta gamma deltb"},
		{"ترجمة أ!", "alpha beta gamma zzzzzzzz"},
	} {
		ctx := context.Background()
		m := NewMemory(nil)
		var us []Unit
		// 11 units at 75% with a small character distance, each source held with 2 or 3 targets.
		groups := []struct {
			word string
			n    int
		}{{"deltb", 3}, {"deltc", 2}, {"deltd", 2}, {"delte", 2}, {"deltf", 2}}
		for _, g := range groups {
			for i := range g.n {
				us = append(us, Unit{Source: "alpha beta gamma " + g.word, Target: fmt.Sprintf("ترجمة %s %d", g.word, i), Pair: enAr})
			}
		}
		// A and its twin B: also 75%, farther in characters, so the index ranks them 12th and 13th.
		us = append(us,
			Unit{Source: "alpha beta gamma zzzzzzzz", Target: "ترجمة أ", Pair: enAr},
			Unit{Source: "alpha beta gamma zzzzzzzz", Target: twin.target, Pair: enAr})
		require.NoError(t, m.Add(ctx, us...))

		q := Query{Text: "alpha beta gamma delta", Pair: enAr, Limit: 1}
		got, err := m.Lookup(ctx, q)
		require.NoError(t, err)
		q.Exhaustive = true
		want, err := m.Lookup(ctx, q)
		require.NoError(t, err)
		require.Len(t, want, 1)
		require.Len(t, got, 1)
		t.Logf("index: %q %d %v; exhaustive: %q %d %v", got[0].Unit.Source, got[0].Percent, got[0].Penalties,
			want[0].Unit.Source, want[0].Percent, want[0].Penalties)
		require.Equal(t, want[0].Percent, got[0].Percent, "percent as in the exhaustive scan")
		require.Equal(t, want[0].Unit.Source, got[0].Unit.Source, "same best match as the exhaustive scan")
		require.Equal(t, twin.wantSource, got[0].Unit.Source)
	}
}

// TestLookupSameTranslationIsNotMultiple: two units whose sources and targets differ only in what the
// keys leave out (punctuation, diacritics) are one translation: no multiple-translations penalty. A
// target with other words is another translation, and every unit with that source is penalized. The
// index agrees with the exhaustive scan, also when the twin is past the fetch boundary.
func TestLookupSameTranslationIsNotMultiple(t *testing.T) {
	ctx := context.Background()
	same := []Unit{
		{ID: "a", Source: "Encodings", Target: "الترميزات", Pair: enAr},
		{ID: "b", Source: "Encodings…", Target: "الترميزات…", Pair: enAr},
		{ID: "c", Source: "encodings:", Target: "التَّرميزات:", Pair: enAr},
	}
	other := Unit{ID: "d", Source: "Encodings", Target: "ترميزات", Pair: enAr}
	for _, tc := range []struct {
		name    string
		units   []Unit
		percent int
		penalty []Penalty
	}{
		{"same words", same, 50, nil},
		{"other words", append(slices.Clone(same), other), 49, []Penalty{{PenaltyMultiple, 1}}},
	} {
		memories(t, tc.units, func(t *testing.T, m *Memory) {
			for _, exhaustive := range []bool{false, true} {
				for _, limit := range []int{1, 10} {
					ms, err := m.Lookup(ctx, Query{Text: "Rainbow encodings", Pair: enAr, MinScore: 0.4, Limit: limit, Exhaustive: exhaustive})
					require.NoError(t, err)
					require.Len(t, ms, min(limit, len(tc.units)), "%s, exhaustive %v", tc.name, exhaustive)
					for _, mt := range ms {
						assert.Equal(t, tc.percent, mt.Percent, "%s %q, exhaustive %v", tc.name, mt.Unit.Target, exhaustive)
						assert.Equal(t, tc.penalty, mt.Penalties, "%s %q, exhaustive %v", tc.name, mt.Unit.Target, exhaustive)
					}
				}
			}
		})
	}
}
