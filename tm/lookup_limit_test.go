package tm

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestLookupHugeLimit: limit*2+10 in lookupDir overflows for a Query.Limit near math.MaxInt: with no match
// the refetch test indexes res[-1] (panic); with n == 0 the loop doubles 0 forever under the read lock.
func TestLookupHugeLimit(t *testing.T) {
	m := NewMemory(nil)
	require.NoError(t, m.Add(context.Background(), Unit{Source: "Open the file", Target: "افتح الملف", Pair: enAr}))
	t.Run("no_match_panics", func(t *testing.T) {
		require.NotPanics(t, func() {
			_, _ = m.Lookup(context.Background(), Query{Text: "completely unrelated words here", Pair: enAr, Limit: math.MaxInt/2 + 1})
		})
	})
	t.Run("match_loops", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		ms, err := m.Lookup(ctx, Query{Text: "Open the file", Pair: enAr, Limit: math.MaxInt - 4})
		require.NoError(t, err, "returns instead of spinning until the deadline")
		require.Len(t, ms, 1)
	})
}
