package tm

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestIndexAgreesWithExhaustive: on random small memories full of twins (same source words,
// targets that differ in words or only in punctuation/case/markers, in both stored orientations),
// the index path returns the same percentages and penalties as Query.Exhaustive.
func TestIndexAgreesWithExhaustive(t *testing.T) {
	srcWords := []string{"alpha", "beta", "gamma", "delta", "O_pen", "&Save", "file"}
	tgtWords := []string{"ملف", "حفظ", "ا_فتح", "جديد", "قديم"}
	punct := []string{"", "!", "…", "."}
	ctx := context.Background()
	r := rand.New(rand.NewSource(3))
	for round := 0; round < 60; round++ {
		m := NewMemory(nil)
		var us []Unit
		for i := 0; i < 60+r.Intn(400); i++ {
			var s, g []string
			for k := r.Intn(3) + 2; k > 0; k-- {
				s = append(s, srcWords[r.Intn(len(srcWords))])
			}
			for k := r.Intn(2) + 1; k > 0; k-- {
				g = append(g, tgtWords[r.Intn(len(tgtWords))])
			}
			u := Unit{Source: strings.Join(s, " ") + punct[r.Intn(len(punct))], Target: strings.Join(g, " ") + punct[r.Intn(len(punct))], Pair: enAr}
			if r.Intn(3) == 0 {
				u.Source, u.Target, u.Pair = u.Target, u.Source, arEn
			}
			us = append(us, u)
		}
		require.NoError(t, m.Add(ctx, us...))
		for qn := 0; qn < 30; qn++ {
			var q []string
			for k := r.Intn(3) + 2; k > 0; k-- {
				q = append(q, srcWords[r.Intn(len(srcWords))])
			}
			for _, limit := range []int{1, 3, 10} {
				qq := Query{Text: strings.Join(q, " "), Pair: enAr, Limit: limit, MinScore: 0.3}
				got, err := m.Lookup(ctx, qq)
				require.NoError(t, err)
				qq.Exhaustive = true
				want, err := m.Lookup(ctx, qq)
				require.NoError(t, err)
				require.Equal(t, summary(want), summary(got), "round %d query %q limit %d", round, qq.Text, limit)
			}
		}
	}
}

func summary(ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%d %v %v", m.Percent, m.Kind, m.Penalties))
	}
	return out
}
