package glossary

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestFindAllArabicHashtag: Arabic news joins hashtag words with "_" ("#الأمن_الغذائي"); a
// hashtag has no accelerator, so the term "الأمن" is found in it.
func TestFindAllArabicHashtag(t *testing.T) {
	m := testGlossary(t).Matcher(ar, en)
	var got []string
	for _, mt := range m.FindAll("تقرير عن #الأمن_الغذائي") {
		got = append(got, mt.Text)
	}
	assert.Equal(t, []string{"الأمن"}, got)
}
