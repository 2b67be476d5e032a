package bench

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRivals: tmWords.rivals classifies a query against its origin as the recall analysis in
// BENCHMARKS.md describes: beaten when the query is another stored text's words, tied when another text
// (a second translation of the origin's source, or one as near on words and characters) is as close,
// decidable otherwise; identical pairs count as the origin.
func TestRivals(t *testing.T) {
	texts := [][2]string{
		{"Show all files", "اعرض كل الملفات"},                     // 0
		{"Show files", "اعرض الملفات"},                            // 1
		{"Delete the selected folder", "احذف المجلد المحدد"},      // 2
		{"Delete the selected folder", "امسح المجلد المحدد"},      // 3: another translation of 2
		{"Rename the open document", "أعد تسمية المستند المفتوح"}, // 4
		{"Rename the open document", "أعد تسمية المستند المفتوح"}, // 5: the same pair as 4
		{"Grid Settings", "إعدادات الشبكة"},                       // 6
		{"Kexi settings", "إعدادات Kexi"},                         // 7
	}
	w := newTMWords(texts, 0)
	for _, tc := range []struct {
		query        string
		origin       int
		beaten, tied bool
	}{
		{"Show files", 0, true, false},                 // the query is text 1
		{"Delete selected folder", 2, false, true},     // 3 has the same words
		{"Rename the open documents", 4, false, false}, // 5 is the origin itself
		{"Show all the files", 0, false, false},        // 0 is strictly nearest
		{"Red settings", 7, false, true},               // as near "Grid Settings" (BENCHMARKS.md)
		{"Unrelated words here", 4, true, false},       // the origin shares no word
	} {
		b, tied := w.rivals(tc.query, tc.origin)
		assert.Equal(t, tc.beaten, b, "%q beaten", tc.query)
		assert.Equal(t, tc.tied, tied, "%q tied", tc.query)
	}
}
