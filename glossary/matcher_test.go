package glossary

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tarjuman/tarjuman/internal/sample"
	"golang.org/x/text/language"
)

var (
	ar = language.Arabic
	en = language.English
)

// testGlossary holds the terms the matching tables look for.
func testGlossary(t testing.TB) *Glossary {
	t.Helper()
	var g Glossary
	for _, e := range []Entry{
		{ID: "guarantees", Terms: []Term{
			{Text: "الضمانات الأمنية", Lang: ar, Status: Preferred},
			{Text: "security guarantees", Lang: en, Status: Preferred},
			{Text: "security assurances", Lang: en, Status: Deprecated},
		}},
		{ID: "putin", Terms: []Term{{Text: "بوتين", Lang: ar}, {Text: "Putin", Lang: en}}},
		{ID: "bot", Terms: []Term{{Text: "بوت", Lang: ar}, {Text: "bot", Lang: en}}},
		{ID: "strategic", Terms: []Term{{Text: "الأمن الاستراتيجي", Lang: ar}, {Text: "strategic security", Lang: en}}},
		{ID: "security", Terms: []Term{{Text: "الأمن", Lang: ar}, {Text: "security", Lang: en}}},
		{ID: "osce", Terms: []Term{
			{Text: "منظمة الأمن والتعاون في أوروبا", Lang: ar},
			{Text: "Organization for Security and Co-operation in Europe", Lang: en},
		}},
		{ID: "president", Terms: []Term{{Text: "الرئيس الروسي", Lang: ar}, {Text: "Russian President", Lang: en}}},
		{ID: "peace", Terms: []Term{{Text: "سلام", Lang: ar}, {Text: "peace", Lang: en}}},
		{ID: "sanctions", Terms: []Term{{Text: "العقوبات", Lang: ar}, {Text: "sanctions", Lang: en}}},
		{ID: "nato", Terms: []Term{{Text: "الناتو", Lang: ar}, {Text: "NATO", Lang: en}}},
		{ID: "us", Terms: []Term{{Text: "الولايات المتحدة", Lang: ar}, {Text: "U.S.", Lang: en}}},
		{ID: "covid", Terms: []Term{{Text: "كوفيد-19", Lang: ar}, {Text: "COVID-19", Lang: en}}},
		{ID: "allies", Terms: []Term{{Text: "الحلفاء", Lang: ar}, {Text: "allies", Lang: en}}},
		{ID: "agencies", Terms: []Term{{Text: "وكالات", Lang: ar}, {Text: "agencies", Lang: en}}},
		{ID: "interests", Terms: []Term{{Text: "المصالح الأمنية", Lang: ar}, {Text: "security interests", Lang: en}}},
		{ID: "school", Terms: []Term{{Text: "مدرسة", Lang: ar}, {Text: "school", Lang: en}}},
		{ID: "reconciliation", Terms: []Term{{Text: "المصالحة", Lang: ar}, {Text: "reconciliation", Lang: en}}},
		{ID: "russian", Terms: []Term{{Text: "روسي", Lang: ar}, {Text: "Russian", Lang: en}}},
		{ID: "nuclear_war", Terms: []Term{{Text: "الحرب النووية", Lang: ar}, {Text: "nuclear war", Lang: en}}},
		{ID: "nuclear_weapon", Terms: []Term{{Text: "سلاح نووي", Lang: ar}, {Text: "nuclear weapon", Lang: en}}},
		{ID: "foreign_minister", Terms: []Term{{Text: "وزير الخارجية", Lang: ar}, {Text: "foreign minister", Lang: en}}},
	} {
		require.NoError(t, g.Add(e))
	}
	return &g
}

type hit struct{ Text, ID string }

func hitsOf(ms []Match) []hit {
	var out []hit
	for _, m := range ms {
		out = append(out, hit{m.Text, m.Entry.ID})
	}
	return out
}

func TestFindAllArabic(t *testing.T) {
	m := testGlossary(t).Matcher(ar, en)
	tests := []struct {
		name string
		text string
		want []hit
	}{
		{"bare_definite", "ناقشا الضمانات الأمنية أمس", []hit{{"الضمانات الأمنية", "guarantees"}}},
		{"bi_article", "وتمسك بالضمانات الأمنية", []hit{{"بالضمانات الأمنية", "guarantees"}}},
		{"lil_contraction", "دعا للضمانات الأمنية", []hit{{"للضمانات الأمنية", "guarantees"}}},
		{"wa_indefinite", "تفاهمات وضمانات أمنية", []hit{{"وضمانات أمنية", "guarantees"}}},
		{"bi_indefinite", "طالب بضمانات أمنية ملزمة", []hit{{"بضمانات أمنية", "guarantees"}}},
		{"wa_bi_article", "وبالضمانات الأمنية", []hit{{"وبالضمانات الأمنية", "guarantees"}}},
		{"vocalized", "الضَّمَانَاتُ الأَمْنِيَّةُ مهمة", []hit{{"الضَّمَانَاتُ الأَمْنِيَّةُ", "guarantees"}}},
		{"tatweel", "الضمـــانات الأمنيـــة", []hit{{"الضمـــانات الأمنيـــة", "guarantees"}}},
		{"nbsp_between_words", "الضمانات\u00a0الأمنية", []hit{{"الضمانات\u00a0الأمنية", "guarantees"}}},
		{"several_spaces", "الضمانات   الأمنية", []hit{{"الضمانات   الأمنية", "guarantees"}}},
		{"line_break", "الضمانات\nالأمنية", []hit{{"الضمانات\nالأمنية", "guarantees"}}},
		{"persian_yeh", "الضمانات الأمنیة", []hit{{"الضمانات الأمنیة", "guarantees"}}},
		{"persian_yeh_name", "قال بوتین", []hit{{"بوتین", "putin"}}},
		{"hamza_dropped_on_alef", "الضمانات الامنية", []hit{{"الضمانات الامنية", "guarantees"}}},
		{"teh_marbuta_as_heh", "الضمانات الامنيه", []hit{{"الضمانات الامنيه", "guarantees"}}},
		{"possessive_enclitic", "ضماناتنا الأمنية", []hit{{"ضماناتنا الأمنية", "guarantees"}}},
		{"possessive_hum", "ضماناتهم الأمنية", []hit{{"ضماناتهم الأمنية", "guarantees"}}},
		{"singular_noun", "ضمانة أمنية", []hit{{"ضمانة أمنية", "guarantees"}}},
		{"dual_feminine", "الضمانتين الأمنيتين", []hit{{"الضمانتين الأمنيتين", "guarantees"}}},
		{"dual_feminine_nominative", "ضمانتان أمنيتان", []hit{{"ضمانتان أمنيتان", "guarantees"}}},
		{"feminine_before_enclitic", "ضمانتها الأمنية", []hit{{"ضمانتها الأمنية", "guarantees"}}},
		{"dual_noun", "الرئيسان الروسيان", []hit{{"الرئيسان الروسيان", "president"}}},
		{"dual_oblique", "بين الرئيسين الروسيين", []hit{{"الرئيسين الروسيين", "president"}}},
		{"two_occurrences", "الضمانات الأمنية ثم بالضمانات الأمنية", []hit{
			{"الضمانات الأمنية", "guarantees"}, {"بالضمانات الأمنية", "guarantees"}}},
		{"longest_match_wins", "مشاورات الأمن الاستراتيجي", []hit{{"الأمن الاستراتيجي", "strategic"}}},
		{"shorter_term_alone", "مجلس الأمن", []hit{{"الأمن", "security"}}},
		{"lil_shorter_term", "للأمن القومي", []hit{{"للأمن", "security"}}},
		{"later_words_with_own_conjunction", "ومنظمة الأمن والتعاون في أوروبا", []hit{
			{"ومنظمة الأمن والتعاون في أوروبا", "osce"}}},
		{"name_with_clitic", "أكد لبوتين", []hit{{"لبوتين", "putin"}}},
		{"putin_not_cut_to_bot", "بوتين وبايدن", []hit{{"بوتين", "putin"}}},
		{"plural_definite_word", "فرض العقوبات على موسكو", []hit{{"العقوبات", "sanctions"}}},
		{"kaf_proclitic", "وكالعقوبات", []hit{{"وكالعقوبات", "sanctions"}}},
		{"waw_is_a_root_letter", "المصدر: وكالات", []hit{{"وكالات", "agencies"}}},
		{"waw_root_letter_with_article", "نقلت الوكالات", []hit{{"الوكالات", "agencies"}}},
		{"hyphenated_arabic_term", "مكافحة كوفيد-19 وبكوفيد-19", []hit{{"كوفيد-19", "covid"}, {"وبكوفيد-19", "covid"}}},
		{"hamza_seat_before_enclitic", "مشاركة حلفائها", []hit{{"حلفائها", "allies"}}},
		{"hamza_seat_before_enclitic_waw", "وحلفاؤه", []hit{{"وحلفاؤه", "allies"}}},
		{"hamza_on_line_with_article", "الحلفاء", []hit{{"الحلفاء", "allies"}}},
		{"trailing_mark_included", "بِالضَّمَانَاتِ الأَمْنِيَّةِ.", []hit{{"بِالضَّمَانَاتِ الأَمْنِيَّةِ", "guarantees"}}},
		{"controls_inside_words", "الضما\u200fنات الأمنية", []hit{{"الضما\u200fنات الأمنية", "guarantees"}}},
		{"singular_term_finds_plural", "افتتاح مدارس ومدرستين والمدرسات", []hit{{"ومدرستين", "school"}, {"والمدرسات", "school"}}},
		{"accusative_tanwin", "رفض حرباً نوويةً", []hit{{"حرباً نوويةً", "nuclear_war"}}},
		{"accusative_tanwin_unvocalized", "لن نخوض حربا نووية", []hit{{"حربا نووية", "nuclear_war"}}},
		{"accusative_tanwin_masculine", "يمتلك سلاحا نوويا", []hit{{"سلاحا نوويا", "nuclear_weapon"}}},
		{"construct_dual", "التقى وزيرا الخارجية", []hit{{"وزيرا الخارجية", "foreign_minister"}}},
		{"idafa_genitive_in_construct", "قال وزير خارجية روسيا", []hit{{"وزير خارجية", "foreign_minister"}}},

		{"not_adjacent", "الضمانات والترتيبات الأمنية", nil},
		{"dual_noun_with_coordinated_adjectives", "بين الرئيسين الروسي والأمريكي", []hit{{"الروسي", "russian"}}},
		{"same_stems_other_phrase", "في حال ضرورة ضمان مصالحها الأمنية", []hit{{"مصالحها الأمنية", "interests"}}},
		{"not_inside_word", "الاستسلام والإسلامية", nil},
		{"bot_not_inside_putin", "بوتينيون", nil},
		{"comma_between_words", "الضمانات، الأمنية", nil},
		{"period_between_words", "الضمانات. الأمنية", nil},
		{"blank_line_between_words", "الضمانات\n\nالأمنية", nil},
		{"later_word_with_preposition", "الضمانات بالأمنية", nil},
		{"later_word_with_conjunction", "الضمانات والأمنية", nil},
		{"empty_text", "", nil},
		{"school_is_not_teacher", "قال المدرس", nil},
		{"reconciliation_is_not_interests", "حماية مصالحها", nil},
		{"reconciliation_is_not_interest", "لمصالح البلدين", nil},
		{"country_is_not_nisba", "زار روسيا", nil},
		{"country_is_not_nisba_accusative", "إن روسيا", nil},
		{"definite_head_keeps_definite_genitive", "الوزير خارجية", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, hitsOf(m.FindAll(tt.text)))
		})
	}
}

func TestFindAllEnglish(t *testing.T) {
	m := testGlossary(t).Matcher(en, ar)
	tests := []struct {
		name string
		text string
		want []hit
	}{
		{"exact", "They discussed security guarantees.", []hit{{"security guarantees", "guarantees"}}},
		{"case_insensitive_singular", "A Security Guarantee was given", []hit{{"Security Guarantee", "guarantees"}}},
		{"upper_case", "SECURITY GUARANTEES", []hit{{"SECURITY GUARANTEES", "guarantees"}}},
		{"two_occurrences", "security guarantees and more Security Guarantees",
			[]hit{{"security guarantees", "guarantees"}, {"Security Guarantees", "guarantees"}}},
		{"longest_match_wins", "strategic security talks", []hit{{"strategic security", "strategic"}}},
		{"hyphenated_word", "Organization for Security and Co-operation in Europe",
			[]hit{{"Organization for Security and Co-operation in Europe", "osce"}}},
		{"comma_between_words", "security, guarantees", []hit{{"security", "security"}}},
		{"hyphenated_compound", "the Russia-NATO Council", []hit{{"NATO", "nato"}}},
		{"hyphenated_term_needs_hyphen", "Co operation in Europe", nil},
		{"internal_punctuation", "Sanctions by the U.S. Treasury", []hit{{"Sanctions", "sanctions"}, {"U.S", "us"}}},
		{"internal_punctuation_required", "the U S Treasury", nil},
		{"not_inside_word", "insecurity", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, hitsOf(m.FindAll(tt.text)))
		})
	}
}

func TestMatchCarriesTermsAndTargets(t *testing.T) {
	m := testGlossary(t).Matcher(ar, en)
	text := "أكد بوتين أهمية الضمانات الأمنية"
	got := m.FindAll(text)
	require.Len(t, got, 2)
	g := got[1]
	assert.Equal(t, text[g.Start:g.End], g.Text)
	assert.Equal(t, "الضمانات الأمنية", g.Source.Text)
	require.Len(t, g.Targets, 2)
	assert.Equal(t, "security guarantees", g.Targets[0].Text, "preferred target first")
	assert.Equal(t, Deprecated, g.Targets[1].Status)
	assert.Less(t, got[0].Start, got[1].Start)

	// Results are copies: changing them does not change the matcher.
	g.Targets[0].Text = "changed"
	g.Entry.Terms[0].Text = "changed"
	again := m.FindAll(text)
	assert.Equal(t, "security guarantees", again[1].Targets[0].Text)
	assert.Equal(t, "الضمانات الأمنية", again[1].Entry.Terms[0].Text)
}

func TestMatchesIterator(t *testing.T) {
	m := testGlossary(t).Matcher(ar, en)
	text := "بوتين والضمانات الأمنية ثم العقوبات"
	var all []Match
	for mt := range m.Matches(text) {
		all = append(all, mt)
	}
	assert.Equal(t, m.FindAll(text), all)
	var first []string
	for mt := range m.Matches(text) {
		first = append(first, mt.Text)
		break
	}
	assert.Equal(t, []string{"بوتين"}, first)
}

func TestMatcherIsSnapshot(t *testing.T) {
	g := testGlossary(t)
	m := g.Matcher(ar, en)
	require.NoError(t, g.Add(Entry{ID: "moscow", Terms: []Term{{Text: "موسكو", Lang: ar}}}))
	assert.Empty(t, m.FindAll("في موسكو"), "old snapshot does not see the new term")
	assert.Equal(t, []hit{{"موسكو", "moscow"}}, hitsOf(g.Matcher(ar, en).FindAll("في موسكو")))
}

func TestHomonymsReportEachEntry(t *testing.T) {
	var g Glossary
	require.NoError(t, g.Add(Entry{ID: "a", Terms: []Term{{Text: "الأمن", Lang: ar}, {Text: "security", Lang: en}}}))
	require.NoError(t, g.Add(Entry{ID: "b", Terms: []Term{{Text: "أمن", Lang: ar}, {Text: "safety", Lang: en}}}))
	got := hitsOf(g.Matcher(ar, en).FindAll("للأمن"))
	assert.Equal(t, []hit{{"للأمن", "a"}, {"للأمن", "b"}}, got)
}

func TestFindAllOnSeedArticle(t *testing.T) {
	g := testGlossary(t)
	ms := g.Matcher(ar, en).FindAll(sample.SeedArabic())
	count := map[string]int{}
	for _, m := range ms {
		count[m.Entry.ID]++
	}
	// The article names the security guarantees six times (مفاوضات الضمانات الأمنية twice, المفاوضات
	// حول الضمانات الأمنية three times, مناقشة الضمانات الأمنية once).
	assert.Equal(t, 6, count["guarantees"])
	assert.Equal(t, 6, count["putin"])
	assert.Zero(t, count["bot"])
	assert.Equal(t, 4, count["strategic"])
	assert.Equal(t, 1, count["osce"])
}

func FuzzFindAll(f *testing.F) {
	for _, s := range []string{
		"بالضمانات الأمنية", "الضَّمَانَاتُ الأَمْنِيَّةُ", "Security Guarantees", "بوتين\u00a0وبايدن",
		"\xff\xfeالأمن", "ـــ", "الضمانات،الأمنية", "ومنظمة الأمن والتعاون في أوروبا",
	} {
		f.Add(s)
	}
	g := testGlossary(f)
	m := g.Matcher(ar, en)
	f.Fuzz(func(t *testing.T, text string) {
		boundary := map[int]bool{len(text): true} // rune boundaries as range decodes them (ill-formed bytes are runes of one byte)
		for i := range text {
			boundary[i] = true
		}
		prevStart, prevEnd := -1, 0
		for _, mt := range m.FindAll(text) {
			require.True(t, 0 <= mt.Start && mt.Start < mt.End && mt.End <= len(text), "span [%d,%d) of %d", mt.Start, mt.End, len(text))
			if mt.Start != prevStart { // homonyms share a span; anything else must follow the previous match
				require.GreaterOrEqual(t, mt.Start, prevEnd, "matches overlap or are unsorted")
			}
			require.True(t, boundary[mt.Start], "start not on a rune boundary")
			require.True(t, boundary[mt.End], "end not on a rune boundary")
			require.Equal(t, text[mt.Start:mt.End], mt.Text)
			prevStart, prevEnd = mt.Start, mt.End
		}
	})
}

func TestMatcherConcurrentFindAll(t *testing.T) {
	m := testGlossary(t).Matcher(ar, en)
	texts := []string{"بالضمانات الأمنية", "للأمن القومي", "Security Guarantees", "أكد لبوتين", "الضمانات الأمنية ثم بالضمانات الأمنية"}
	want := make([][]hit, len(texts))
	for i, text := range texts {
		want[i] = hitsOf(m.FindAll(text))
	}
	fresh := testGlossary(t).Matcher(ar, en) // its word cache starts empty: goroutines fill it together
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 50 {
				k := (i + g) % len(texts)
				assert.Equal(t, want[k], hitsOf(fresh.FindAll(texts[k])))
			}
		})
	}
	wg.Wait()
}

// TestFindAllThroughAccelerators: software strings carry one keyboard-accelerator marker (GTK "_",
// Qt "&", LibreOffice "~"), inside a word or before one; terms are found through it, and the match
// covers the marked word in the original text.
func TestFindAllThroughAccelerators(t *testing.T) {
	g := testGlossary(t)
	tests := []struct {
		text string
		lang language.Tag
		want []string // matched text
	}{
		{"Show _security guarantees", en, []string{"security guarantees"}},
		{"Show security gu_arantees", en, []string{"security gu_arantees"}},
		{"Se&curity guarantees", en, []string{"Se&curity guarantees"}},
		{"Nuclear ~war", en, []string{"Nuclear ~war"}},
		{"ا_لضمانات الأمنية", ar, []string{"ا_لضمانات الأمنية"}},
		{"بال_ضمانات الأمنية", ar, []string{"بال_ضمانات الأمنية"}},
		// Two markers: not an accelerator; an identifier's parts stay apart.
		{"security_guarantees_list", en, []string{"security"}},
	}
	for _, tt := range tests {
		m := g.Matcher(tt.lang, map[bool]language.Tag{true: en, false: ar}[tt.lang == ar])
		var got []string
		for _, mt := range m.FindAll(tt.text) {
			got = append(got, mt.Text)
			assert.Equal(t, tt.text[mt.Start:mt.End], mt.Text)
		}
		assert.Equal(t, tt.want, got, "%q", tt.text)
	}
}
