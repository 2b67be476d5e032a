package tm

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConcordanceWordWithInnerPunct: the concordance prefilter tests needles (normalized word
// stems) against the index key, whose words fuzzyWord stripped of non-word runes ("co-op" → "coop",
// "don't" → "dont"): a phrase word with inner punctuation can never pass the prefilter.
func TestConcordanceWordWithInnerPunct(t *testing.T) {
	units := []Unit{
		{ID: "coop", Source: "Join the co-op today", Target: "انضم إلى التعاونية اليوم", Pair: enAr},
		{ID: "dont", Source: "Please don't close the window", Target: "من فضلك لا تغلق النافذة", Pair: enAr},
		{ID: "date", Source: "Expires on 30/12/2021", Target: "تنتهي في 30/12/2021", Pair: enAr},
	}
	memories(t, units, func(t *testing.T, m *Memory) {
		for phrase, id := range map[string]string{"co-op": "coop", "don't": "dont", "30/12/2021": "date"} {
			hits, err := m.Concordance(context.Background(), phrase, ConcordanceOptions{})
			require.NoError(t, err)
			if assert.NotEmpty(t, hits, "%q", phrase) {
				assert.Equal(t, id, hits[0].Unit.ID)
			}
		}
	})
}
