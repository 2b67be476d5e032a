package score

import "math"

// Percent returns the CAT fuzzy-match fraction of two segments of lenA and lenB tokens at edit distance dist:
// (max(lenA, lenB) − dist) / max(lenA, lenB), clamped to [0, 1]. Two empty segments match fully (1).
// Multiply by 100 for the percentage translators see.
func Percent(lenA, lenB, dist int) float64 {
	m := max(lenA, lenB)
	if m <= 0 {
		return 1
	}
	if dist <= 0 {
		return 1
	}
	if dist >= m {
		return 0
	}
	return float64(m-dist) / float64(m)
}

// Dice returns Dice's coefficient 2·both/(a+b): the share of the a and b occurrences that occur together.
// It is 0 when a+b is not positive.
func Dice(both, a, b int) float64 {
	if a+b <= 0 || both <= 0 {
		return 0
	}
	return 2 * float64(both) / float64(a+b)
}

// LLR returns Dunning's log-likelihood ratio G² for the 2×2 contingency table
//
//	        B     ¬B
//	 A    k11    k12
//	¬A    k21    k22
//
// that is 2·Σ kᵢⱼ·ln(kᵢⱼ·N / (rowᵢ·colⱼ)). It is 0 for independent events and grows with the evidence of
// association (in either direction: compare k11·k22 with k12·k21 to tell attraction from repulsion).
// Negative counts are treated as 0; the result is never negative.
func LLR(k11, k12, k21, k22 int) float64 {
	a, b, c, d := float64(max(k11, 0)), float64(max(k12, 0)), float64(max(k21, 0)), float64(max(k22, 0))
	n := a + b + c + d
	if n == 0 {
		return 0
	}
	// Entropy form (as in Apache Mahout): robust against zero cells without special cases.
	matrix := xlogx(a) + xlogx(b) + xlogx(c) + xlogx(d)
	rows := xlogx(a+b) + xlogx(c+d)
	cols := xlogx(a+c) + xlogx(b+d)
	g := 2 * (matrix - rows - cols + xlogx(n))
	if g < 0 || math.IsNaN(g) {
		return 0 // rounding on independent tables
	}
	return g
}

func xlogx(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return x * math.Log(x)
}
