package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOffsetsBeyond1GiB drives the recorder with offsets past 30 bits, which a test cannot reach with a
// real string, and checks that the map switches to wide segments without losing the earlier ones.
func TestOffsetsBeyond1GiB(t *testing.T) {
	var r recorder
	big := normMask - 2
	r.add(0, 0, 10, 10, segLinear)
	r.unit(10, 12, 4, 3, false) // a ligature after two deleted marks
	r.add(14, 15, big-14, big-15, segLinear)
	r.add(big, big+1, 0, 3, segDelOther)
	r.add(big, big+4, 6, 6, segLinear)
	m := r.finish(big+6, big+10)
	require.NotNil(t, m.wide, "wide segments once offsets pass 30 bits")
	assert.Equal(t, 5, m.Orig(5))
	assert.Equal(t, 12, m.Orig(11), "inside the ligature")
	assert.Equal(t, big-1+1, m.Orig(big-1))
	assert.Equal(t, big+4, m.Orig(big), "after the deleted control")
	assert.Equal(t, big+10, m.Orig(big+6))
	a, b := m.OrigSpan(0, 10)
	assert.Equal(t, 0, a)
	assert.Equal(t, 12, b, "widened over the deleted marks")
	a, b = m.OrigSpan(big-3, big)
	assert.Equal(t, big-2, a)
	assert.Equal(t, big+1, b, "not widened over the control")
}
