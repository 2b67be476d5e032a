package tm

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestLookupTwinAtFetchBoundary: the multiple-translations penalty of a candidate depends on whether its
// twin (same source key, other target) was fetched too. When the index's n-th result has its twin at n+1,
// the fetched one comes back unpenalized, outranks correctly penalized matches, and differs from the
// exhaustive scan that Query.Exhaustive and the lookupDir comment promise.
func TestLookupTwinAtFetchBoundary(t *testing.T) {
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
		Unit{Source: "alpha beta gamma zzzzzzzz", Target: "ترجمة ب", Pair: enAr})
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
}
