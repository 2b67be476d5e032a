package glossary

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheck(t *testing.T) {
	g := testGlossary(t)
	type issue struct {
		Kind IssueKind
		Text string
	}
	tests := []struct {
		name           string
		src, tgt       string
		source, transl string
		want           []issue
	}{
		{"term_rendered", "ar", "en", "بحث الضمانات الأمنية", "They discussed security guarantees.", nil},
		{"term_rendered_singular_case", "ar", "en", "بالضمانات الأمنية", "A Security Guarantee", nil},
		{"term_missing", "ar", "en", "بحث الضمانات الأمنية", "They discussed safety pledges.",
			[]issue{{MissingTarget, "الضمانات الأمنية"}}},
		{"deprecated_used", "ar", "en", "بحث الضمانات الأمنية", "They discussed security assurances.",
			[]issue{{MissingTarget, "الضمانات الأمنية"}, {UnwantedTarget, "security assurances"}}},
		{"deprecated_used_with_preferred", "ar", "en", "الضمانات الأمنية", "security guarantees, not security assurances",
			[]issue{{UnwantedTarget, "security assurances"}}},
		{"arabic_target_with_clitics", "en", "ar", "Talks on security guarantees", "محادثات وبالضمانات الأمنية",
			nil},
		{"arabic_target_missing", "en", "ar", "Putin spoke", "تحدث الرئيس", []issue{{MissingTarget, "Putin"}}},
		{"one_rendering_serves_all_occurrences", "ar", "en", "بوتين ثم بوتين", "Putin spoke", nil},
		{"several_terms", "ar", "en", "بوتين والعقوبات", "Putin and penalties", []issue{{MissingTarget, "والعقوبات"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []issue
			for _, is := range g.Check(tagOf(tt.src), tagOf(tt.tgt), tt.source, tt.transl) {
				got = append(got, issue{is.Kind, is.Match.Text})
				assert.NotEmpty(t, is.Message)
				if is.Kind == MissingTarget {
					assert.NotEmpty(t, is.Expected)
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestCheckIssueDetails(t *testing.T) {
	g := testGlossary(t)
	issues := g.Check(ar, en, "الضمانات الأمنية", "security assurances")
	if assert.Len(t, issues, 2) {
		assert.Equal(t, "security guarantees", issues[0].Expected[0].Text)
		assert.Equal(t, `"الضمانات الأمنية" is not rendered as "security guarantees"`, issues[0].Message)
		assert.Equal(t, Deprecated, issues[1].Match.Source.Status)
		assert.Equal(t, 0, issues[1].Match.Start)
		assert.Equal(t, len("security assurances"), issues[1].Match.End)
		assert.Equal(t, "security guarantees", issues[1].Expected[0].Text)
	}
}

func TestCheckForbiddenWithoutAlternative(t *testing.T) {
	var g Glossary
	require.NoError(t, g.Add(Entry{Terms: []Term{{Text: "بوت", Lang: ar}, {Text: "bot", Lang: en, Status: Forbidden}}}))
	issues := g.Check(ar, en, "بوت", "a bot")
	require.Len(t, issues, 1)
	assert.Equal(t, UnwantedTarget, issues[0].Kind)
	assert.Equal(t, `"bot" is a forbidden term`, issues[0].Message)
	assert.Empty(t, issues[0].Expected)
}

func tagOf(s string) language.Tag { return language.MustParse(s) }

// The seed glossary checked against our own faithful English rendering of the seed article, sentence by
// sentence, must raise no false alarm: every Arabic term it finds has its English equivalent there.
func TestCheckSeedParallelHasNoFalseAlarms(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "testdata", "glossary_seed.tsv"))
	require.NoError(t, err)
	defer f.Close()
	g, err := ReadCSV(f, HeadedTSV)
	require.NoError(t, err)
	b, err := os.ReadFile(filepath.Join("..", "testdata", "seed_parallel.tsv"))
	require.NoError(t, err)
	found := 0
	for line := range strings.Lines(string(b)) {
		cols := strings.Split(strings.TrimRight(line, "\r\n"), "\t")
		if len(cols) < 3 {
			continue
		}
		found += len(g.Matcher(ar, en).FindAll(cols[1]))
		for _, is := range g.Check(ar, en, cols[1], cols[2]) {
			t.Errorf("line %s: %s", cols[0], is.Message)
		}
	}
	assert.Greater(t, found, 60, "the article's terms are found")
}

func FuzzCheck(f *testing.F) {
	f.Add("بحث الضمانات الأمنية", "They discussed security assurances.")
	f.Add("بوتين ثم بوتين", "Putin, then PUTIN's")
	f.Add("\xffالأمن", "security\x00")
	g := testGlossary(f)
	f.Fuzz(func(t *testing.T, source, translation string) {
		for _, is := range g.Check(ar, en, source, translation) {
			text := source
			if is.Kind == UnwantedTarget {
				text = translation
			}
			require.True(t, 0 <= is.Match.Start && is.Match.Start < is.Match.End && is.Match.End <= len(text))
			require.Equal(t, text[is.Match.Start:is.Match.End], is.Match.Text)
			require.NotEmpty(t, is.Message)
		}
	})
}
