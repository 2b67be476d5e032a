package token_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tarjuman/tarjuman/internal/sample"
	"github.com/tarjuman/tarjuman/internal/token"
	"github.com/tarjuman/tarjuman/normalize"
)

// norm folds a word the way every consumer does before analysis.
func norm(w string) string { return normalize.Search.String(w) }

func stems(w string) []string {
	var out []string
	for _, a := range token.Analyze(norm(w)) {
		out = append(out, a.Stem)
	}
	return out
}

func TestKey(t *testing.T) {
	tests := []struct {
		name, word, want string
	}{
		{"article_sound_feminine_plural", "الضمانات", "ضمان"},
		{"preposition_article_plural", "بالضمانات", "ضمان"},
		{"lil_contraction", "للضمانات", "ضمان"},
		{"conj_preposition_article", "وبالضمانات", "ضمان"},
		{"negotiations_plural", "المفاوضات", "مفاوض"},
		{"article_noun", "الأمن", "امن"},
		{"nisba_feminine_definite", "الأمنية", "امني"},
		{"nisba_feminine_bare", "أمنية", "امني"},
		{"nisba_feminine_vocalized", "الأمنيّة", "امني"},
		{"nisba_masculine_kept", "الاستراتيجي", "استراتيجي"},
		{"conj_article_nisba", "والأمريكي", "امريكي"},
		{"nisba_plural", "الروسيين", "روسي"},
		{"nisba_plural_nominative", "الأمريكيون", "امريكي"},
		{"nisba_dual", "الروسيان", "روسي"},
		{"nisba_feminine_plural", "الاستراتيجيات", "استراتيجي"},
		{"participle_plural_definite", "المسؤولين", "مسوول"},
		{"participle_plural_bare", "مسؤولين", "مسوول"},
		{"participle_plural_nominative", "المعلمون", "معلم"},
		{"name_ending_yn_bare", "بوتين", "بوتين"},
		{"name_ending_yn_berlin", "برلين", "برلين"},
		{"name_ending_yn_beijing", "بكين", "بكين"},
		{"name_ending_yn_lenin", "لينين", "لينين"},
		{"name_ending_yn_definite", "الكرملين", "كرملين"},
		{"short_word_ending_yn", "حين", "حين"},
		{"short_word_ending_yn_din", "دين", "دين"},
		{"masdar_tafil_ending_yn", "التأمين", "تامين"},
		{"broken_plural_mafail", "الميادين", "ميادين"},
		{"noun_ending_an_bare", "ضمان", "ضمان"},
		{"noun_ending_an_definite", "المكان", "مكان"},
		{"dual_kept_first", "الرئيسان", "رييسان"},
		{"conj_before_waw_initial", "وواشنطن", "واشنطن"},
		{"preposition_before_known_name", "للبنان", "لبنان"},
		{"conj_before_known_name", "وبوتين", "بوتين"},
		{"known_name_with_article", "اليونان", "يونان"},
		{"waw_initial_name_kept", "واشنطن", "واشنطن"},
		{"conj_before_ba_initial", "وبايدن", "بايدن"},
		{"conj_before_participle", "ومنظمة", "منظمه"},
		{"conj_before_imperfect_verb", "ويقول", "يقول"},
		{"conj_before_ta_initial", "وتابع", "تابع"},
		{"waw_root_word_kept", "وزير", "وزير"},
		{"waw_root_plural_kept", "وكالات", "وكال"},
		{"preposition_before_form_x_masdar", "باستخدام", "استخدام"},
		{"function_word_relative", "التي", "التي"},
		{"function_word_ila", "إلى", "الي"},
		{"conj_function_word", "وفي", "في"},
		{"preposition_function_word", "لهذا", "هذا"},
		{"enclitic_after_plural", "ضماناتنا", "ضمان"},
		{"teh_marbuta_before_enclitic", "حكومتها", "حكومه"},
		{"nisba_teh_before_enclitic", "اتفاقيتها", "اتفاقي"},
		{"two_letter_enclitic", "رئيسنا", "رييس"},
		{"dual_enclitic", "اتصالهما", "اتصال"},
		{"broken_plural_with_enclitic", "مصالحها", "مصالح"},
		{"verb_ending_like_enclitic", "تتفهم", "تتفهم"},
		{"name_ending_like_kunna", "بلينكن", "بلينكن"},
		{"name_ending_like_kunna_unknown", "هاكن", "هاكن"},
		{"lil_contraction_short_noun", "للحرب", "حرب"},
		{"nisba_plural_after_contraction", "للصحفيين", "صحفي"},
		{"english_plural", "Guarantees", "guarantee"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, token.Key(norm(tt.word)))
		})
	}
}

// The glossary finds a term word in text when the term's Key is among the text word's readings.
func TestReadingsContain(t *testing.T) {
	tests := []struct {
		name, word, stem string
	}{
		{"conj_plural", "وضمانات", "ضمان"},
		{"preposition_plural", "بضمانات", "ضمان"},
		{"preposition_hamza_initial", "لأمن", "امن"},
		{"preposition_name", "لبايدن", "بايدن"},
		{"conj_name", "وواشنطن", "واشنطن"},
		{"definite_dual_genitive", "الرئيسين", "رييس"},
		{"definite_dual_nominative", "الرئيسان", "رييس"},
		{"feminine_dual", "جولتين", "جوله"},
		{"feminine_dual_nominative", "الحكومتان", "حكومه"},
		{"masculine_plural_definite_unknown_stem", "الكثيرون", "كثير"},
		{"teh_marbuta_single_enclitic", "ضمانته", "ضمانه"},
		{"single_enclitic", "ترحيبه", "ترحيب"},
		{"preposition_plural_enclitic", "باستنتاجاته", "استنتاج"},
		{"plural_restores_teh_marbuta", "المفاوضات", "مفاوضه"},
		{"plural_broken_an", "البلدان", "بلد"},
		{"construct_plural", "مسؤولو", "مسوول"},
		{"lil_contraction_over_lam_initial_stem", "للجنة", "لجنه"},
		{"lil_contraction_plain", "للجنة", "جنه"},
		{"construct_plural_enclitic", "موظفيها", "موظف"},
		{"construct_plural_enclitic_nominative", "ممثلوها", "ممثل"},
		{"accusative_tanwin_alef", "حرباً", "حرب"},
		{"accusative_tanwin_alef_unvocalized", "حربا", "حرب"},
		{"accusative_tanwin_after_conjunction", "وسلاحا", "سلاح"},
		{"construct_dual_lost_nun", "وزيرا", "وزير"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Contains(t, stems(tt.word), tt.stem)
		})
	}
}

func TestGlossaryTermKeyFoundInSurfaceForms(t *testing.T) {
	for _, term := range []string{"الضمانات", "ضمانات"} {
		key := token.Key(norm(term))
		require.Equal(t, "ضمان", key)
		for _, w := range []string{"بالضمانات", "للضمانات", "وضمانات", "بضمانات", "ضماناتنا", "الضمانات", "وبالضمانات"} {
			assert.Contains(t, stems(w), key, "%s in %s", term, w)
		}
	}
	assert.Equal(t, token.Key(norm("الأمنية")), token.Key(norm("أمنية")))
	assert.Equal(t, []string{"لامن", "امن"}, stems("لأمن"), "the whole word first, then ل + أمن")
}

func TestNeverOverStrips(t *testing.T) {
	tests := []struct {
		name, word string
		forbidden  []string
	}{
		{"putin_is_not_but", "بوتين", []string{"بوت", "وتين", "وت"}},
		{"kremlin_is_not_carmel", "الكرملين", []string{"كرمل"}},
		{"berlin", "برلين", []string{"برل", "رلين"}},
		{"beijing", "بكين", []string{"بك", "كين"}},
		{"lenin", "لينين", []string{"لين", "ينين"}},
		{"hin", "حين", []string{"ح"}},
		{"guarantee_singular", "ضمان", []string{"ضم"}},
		{"place", "مكان", []string{"مك"}},
		{"definite_nisba_has_no_possessive", "الأمني", []string{"امن"}},
		{"bare_nisba_is_not_my", "أمني", []string{"امن"}},
		{"important_is_not_pronoun", "مهم", []string{"م"}},
		{"two_letter_rest_keeps_proclitic", "بلد", []string{"لد"}},
		{"allah_is_not_article_plus_lahu", "الله", []string{"له"}},
		{"proclitic_before_digits", "ف-16", []string{"-16"}},
		{"single_proclitic_needs_three_letters", "وقت", []string{"قت"}},
		{"article_chain_needs_three_letters", "وكالات", []string{"ات"}},
		{"country_is_not_nisba", "روسيا", []string{"روسي"}},
		{"ukraine_is_not_ukrainian", "أوكرانيا", []string{"اوكراني"}},
		{"pronoun_ha_is_not_tanwin", "مصالحها", []string{"مصالحه"}},
		{"verb_plural_is_not_tanwin", "كتبوا", []string{"كتبو"}},
		{"dual_pronoun_is_not_tanwin", "وأنهما", []string{"انهم"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := stems(tt.word)
			require.NotEmpty(t, got)
			for _, f := range tt.forbidden {
				assert.NotContains(t, got, f)
			}
		})
	}
	assert.NotEqual(t, token.Key(norm("الأمن")), token.Key(norm("الأمنية")), "security vs security (adj.)")
	assert.NotEqual(t, token.Key(norm("الأمن")), token.Key(norm("الأمني")))
}

func TestAnalyzeFields(t *testing.T) {
	tests := []struct {
		name, word string
		want       token.Analysis
	}{
		{"lil_contraction", "للضمانات", token.Analysis{Prefix: "لل", Stem: "ضمان", Suffix: "ات", Definite: true}},
		{"conj_preposition_article", "وبالضمانات", token.Analysis{Prefix: "وبال", Stem: "ضمان", Suffix: "ات", Definite: true}},
		{"plural_and_enclitic", "ضماناتها", token.Analysis{Stem: "ضمان", Suffix: "اتها"}},
		{"teh_restored", "حكومتها", token.Analysis{Stem: "حكومه", Suffix: "ها"}},
		{"nisba_suffix", "الأمنية", token.Analysis{Prefix: "ال", Stem: "امني", Suffix: "ه", Definite: true}},
		{"conj_name", "وبايدن", token.Analysis{Prefix: "و", Stem: "بايدن"}},
		{"english", "Sanctions", token.Analysis{Stem: "sanction", Suffix: "s"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as := token.Analyze(norm(tt.word))
			require.NotEmpty(t, as)
			assert.Equal(t, tt.want, as[0])
		})
	}
}

func TestAnalyzeFoldsUnnormalizedArabic(t *testing.T) {
	assert.Equal(t, token.Analyze("الامنيه"), token.Analyze("الأمنيّة"))
	assert.Equal(t, token.Analyze("المسوولين"), token.Analyze("المسؤولين"))
	assert.Equal(t, token.Analyze("الي"), token.Analyze("إلى"))
	assert.Equal(t, "ضمان", token.Key("الضمـــانات"))
}

func TestAnalyzeEmpty(t *testing.T) {
	assert.Nil(t, token.Analyze(""))
	assert.Empty(t, token.AppendAnalyses(nil, ""))
}

func TestAppendAnalyses(t *testing.T) {
	t.Run("same_readings_as_analyze", func(t *testing.T) {
		for _, w := range []string{"بالضمانات", "بوتين", "guarantees", "الامنيه"} {
			prev := []token.Analysis{{Stem: "x"}}
			got := token.AppendAnalyses(prev, w)
			assert.Equal(t, append([]token.Analysis{{Stem: "x"}}, token.Analyze(w)...), got, w)
		}
	})
	t.Run("no_allocation_when_stems_are_slices", func(t *testing.T) {
		buf := make([]token.Analysis, 0, 32)
		allocs := testing.AllocsPerRun(20, func() { buf = token.AppendAnalyses(buf[:0], "والامن") })
		require.NotEmpty(t, buf)
		assert.Zero(t, allocs)
	})
}

// checkReadings asserts the contract of Analyze on one word.
func checkReadings(t *testing.T, w string) {
	t.Helper()
	as := token.Analyze(w)
	if w == "" {
		assert.Empty(t, as)
		return
	}
	require.NotEmpty(t, as, "%q", w)
	assert.Equal(t, as[0].Stem, token.Key(w))
	unstripped := false
	for _, a := range as {
		assert.NotEmpty(t, a.Stem, "%q", w)
		if a.Suffix == "" {
			unstripped = true
		}
		if !token.IsArabic(w) {
			continue
		}
		if a.Prefix != "" || a.Suffix != "" {
			assert.GreaterOrEqual(t, utf8.RuneCountInString(a.Stem), 2, "%q: %+v", w, a)
		}
		if len(a.Prefix) == len("و") && !token.IsStopWord(a.Stem) {
			assert.GreaterOrEqual(t, utf8.RuneCountInString(a.Stem)+utf8.RuneCountInString(a.Suffix), 3, "%q: %+v", w, a)
		}
		assert.Equal(t, strings.Contains(a.Prefix, "ال") || strings.HasSuffix(a.Prefix, "لل"), a.Definite, "%q: %+v", w, a)
	}
	assert.True(t, unstripped, "%q has no reading without a suffix", w)
}

func TestAnalyzeSeedWords(t *testing.T) {
	seed := sample.SeedArabic()
	toks := token.Tokenize(seed)
	require.Greater(t, len(toks), 400)
	for _, tk := range toks {
		if tk.Kind == token.Word {
			checkReadings(t, norm(seed[tk.Start:tk.End]))
		}
	}
}

func TestIsArabic(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"arabic", "بوتين", true},
		{"latin", "Putin", false},
		{"arabic_with_digits", "كوفيد-19", true},
		{"digits_then_arabic", "2021م", true},
		{"persian", "پوتین", true},
		{"tatweel_then_latin", "ـx", false},
		{"digits_only", "2021", false},
		{"empty", "", false},
		{"cyrillic", "Москва", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, token.IsArabic(tt.in))
		})
	}
}

func TestIsStopWord(t *testing.T) {
	tests := []struct {
		name string
		key  string
		want bool
	}{
		{"preposition_fi", "في", true},
		{"preposition_ila_normalized", "الي", true},
		{"preposition_ala_normalized", "علي", true},
		{"particle_an", "ان", true},
		{"relative_allati", "التي", true},
		{"demonstrative_hadha", "هذا", true},
		{"conj_plus_function_word", "وفي", true},
		{"fa_plus_function_word", "فان", true},
		{"key_of_function_word", token.Key(norm("والتي")), true},
		{"content_noun", "امن", false},
		{"content_plural_key", "ضمان", false},
		{"name", "بوتين", false},
		{"english_article", "the", true},
		{"english_auxiliary", "was", true},
		{"english_us_is_also_the_country", token.Key("US"), false},
		{"english_pronoun_them", "them", true},
		{"english_content", "guarantee", false},
		{"english_key_of_content", token.Key("Sanctions"), false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, token.IsStopWord(tt.key))
		})
	}
}
