package score

// stackRow is the largest row Levenshtein keeps on the stack; longer inputs allocate one row.
const stackRow = 64

// Levenshtein returns the edit distance between the token sequences a and b: the least number of token
// insertions, deletions and substitutions that turn a into b.
//
// It runs in O(len(a)·len(b)) time and O(min(len(a), len(b))) memory after stripping the common prefix and
// suffix, and does not allocate when the shorter remainder has fewer than 64 tokens.
func Levenshtein[T comparable](a, b []T) int {
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) < len(b) {
		a, b = b, a // b is the shorter: it indexes the row
	}
	if len(b) == 0 {
		return len(a)
	}
	var buf [stackRow]int
	var row []int
	if len(b) < stackRow {
		row = buf[:len(b)+1]
	} else {
		row = make([]int, len(b)+1)
	}
	for j := range row {
		row[j] = j
	}
	for i := range a {
		diag := row[0] // D[i][0]
		row[0] = i + 1
		ai := a[i]
		for j := range b {
			cost := diag
			if ai != b[j] {
				cost++
			}
			diag = row[j+1]
			if v := diag + 1; v < cost { // deletion from a
				cost = v
			}
			if v := row[j] + 1; v < cost { // insertion into a
				cost = v
			}
			row[j+1] = cost
		}
	}
	return row[len(b)]
}
