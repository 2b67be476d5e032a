package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// foldCase is one input, the options under test and the expected output.
type foldCase struct {
	name string
	opts Options
	in   string
	want string
}

func runFoldCases(t *testing.T, cases []foldCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n := New(tc.opts)
			assert.Equal(t, tc.want, n.String(tc.in), "String")
			assert.Equal(t, tc.want, string(n.Bytes([]byte(tc.in))), "Bytes")
			assert.Equal(t, "<"+tc.want, string(n.Append([]byte("<"), []byte(tc.in))), "Append")
			got, _ := n.StringWithOffsets(tc.in)
			assert.Equal(t, tc.want, got, "StringWithOffsets")
		})
	}
}

func TestZeroOptionsChangeNothing(t *testing.T) {
	n := New(Options{})
	for _, s := range []string{
		"", "abc XYZ", "أَكَّدَ الْمُتَحَدِّثُ", "ﻻ ﷲ ﹰ", "٣٠/١٢/٢٠٢١", "a\u200cb\u200fc\ufeff", "Σ ς K",
		"\U0001EE00\u0654", "ا\u0654", "تـــم",
	} {
		assert.Equal(t, s, n.String(s), "%q", s)
	}
}

func TestZeroNormalizerChangesNothing(t *testing.T) {
	var n Normalizer
	assert.Equal(t, "أَ\u200f ABC", n.String("أَ\u200f ABC"))
	got, m := n.StringWithOffsets("ﻻ")
	assert.Equal(t, "ﻻ", got)
	assert.Equal(t, 3, m.Orig(3))
}

func TestComposeHamza(t *testing.T) {
	o := Options{ComposeHamza: true}
	runFoldCases(t, []foldCase{
		{"alef_hamza_above", o, "ا\u0654", "أ"},
		{"alef_hamza_below", o, "ا\u0655", "إ"},
		{"alef_madda", o, "ا\u0653", "آ"},
		{"waw_hamza", o, "و\u0654", "ؤ"},
		{"yeh_hamza", o, "ي\u0654", "ئ"},
		{"ae_hamza", o, "ە\u0654", "ۀ"},
		{"heh_goal_hamza", o, "ہ\u0654", "ۂ"},
		{"yeh_barree_hamza", o, "ے\u0654", "ۓ"},
		{"in_word", o, "مسو\u0654ول", "مسؤول"},
		{"no_pair_kept", o, "ل\u0654", "ل\u0654"},
		{"mark_after_mark_kept", o, "ا\u0654\u0654", "أ\u0654"},
		{"not_across_kept_mark", o, "ا\u064E\u0654", "ا\u064E\u0654"},
		{"mark_at_start", o, "\u0654ا", "\u0654ا"},
		{"across_deleted_tatweel", Options{ComposeHamza: true, Tatweel: true}, "اـ\u0654", "أ"},
		{"across_deleted_control", Options{ComposeHamza: true, Controls: true}, "ا\u200f\u0654", "أ"},
		{"before_tashkeel", Options{ComposeHamza: true, Tashkeel: true}, "ا\u0654", "أ"},
		{"then_alef_fold", Options{ComposeHamza: true, Alef: true}, "ا\u0654", "ا"},
		{"then_carriers", Options{ComposeHamza: true, Hamza: HamzaCarriers}, "و\u0654", "و"},
		{"then_uniform", Options{ComposeHamza: true, Hamza: HamzaUniform}, "ي\u0654", "ء"},
		{"on_folded_output", Options{ComposeHamza: true, PersianLetters: true}, "ی\u0654", "ئ"},
		{"on_folded_output_again", Options{ComposeHamza: true, Alef: true}, "ا\u0654\u0654", "ا"},
		{"on_ligature_alef", Options{ComposeHamza: true, PresentationForms: true}, "ﻻ\u0654", "لأ"},
		{"on_dagger_to_alef", Options{ComposeHamza: true, DaggerAlef: DaggerToAlef}, "\u0670\u0654", "أ"},
		{"off_tashkeel_deletes", Options{Tashkeel: true}, "ا\u0654", "ا"},
	})
}

func TestPresentationForms(t *testing.T) {
	o := Options{PresentationForms: true}
	runFoldCases(t, []foldCase{
		{"isolated_alef", o, "ﺍ", "ا"},
		{"final_beh", o, "ﺐ", "ب"},
		{"contextual_word", o, "ﻣﺮﺣﺒﺎ", "مرحبا"},
		{"lam_alef", o, "ﻻ", "لا"},
		{"lam_alef_final", o, "ﻼ", "لا"},
		{"lam_alef_hamza", o, "ﻷ", "لأ"},
		{"lam_alef_madda", o, "ﻵ", "لآ"},
		{"lam_alef_hamza_below", o, "ﻹ", "لإ"},
		{"allah_ligature", o, "ﷲ", "الله"},
		{"salla_ligature", o, "ﷺ", "صلى الله عليه وسلم"},
		{"rial_sign", o, "﷼", "ریال"},
		{"fathatan_isolated_not_space", o, "ﹰ", "\u064B"},
		{"fatha_medial_not_tatweel", o, "ﹷ", "\u064E"},
		{"shadda_dammatan_not_space", o, "ﱞ", "\u064C\u0651"},
		{"math_alef", o, "\U0001EE00", "ا"},
		{"math_looped_beh", o, "\U0001EE81", "ب"},
		{"bismillah_kept", o, "﷽", "﷽"},
		{"ornate_paren_kept", o, "﴾", "﴾"},
		{"then_folded", Options{PresentationForms: true, Alef: true, TehMarbuta: true}, "ﺃﺓ", "اه"},
		{"then_marks_deleted", Options{PresentationForms: true, Tashkeel: true}, "ﹰﱞ", ""},
		{"bom_is_not_a_form", o, "\ufeff", "\ufeff"},
	})
}

func TestMarks(t *testing.T) {
	runFoldCases(t, []foldCase{
		{"harakat", Options{Tashkeel: true}, "كَتَبَ", "كتب"},
		{"tanwin_shadda_sukun", Options{Tashkeel: true}, "مُحَمَّدٌ سْ", "محمد س"},
		{"extended_marks", Options{Tashkeel: true}, "ب\u0656\u065F", "ب"},
		{"dagger_kept", Options{Tashkeel: true}, "هٰذا", "هٰذا"},
		{"dagger_strip", Options{DaggerAlef: DaggerStrip}, "هٰذا", "هذا"},
		{"dagger_to_alef", Options{DaggerAlef: DaggerToAlef}, "هٰذا", "هاذا"},
		{"quranic_small_high", Options{QuranicMarks: true}, "ع\u0610\u06D6\u06DA\u06ED\u08F0", "ع"},
		{"end_of_ayah", Options{QuranicMarks: true}, "الرحيم \u06DD١ ۞ ۩", "الرحيم ١  "},
		{"quranic_small_waw_kept", Options{QuranicMarks: true}, "\u06E5", "\u06E5"},
		{"quranic_not_tashkeel", Options{Tashkeel: true}, "ع\u06D6", "ع\u06D6"},
		{"tatweel", Options{Tatweel: true}, "تـــم", "تم"},
	})
}

func TestLetters(t *testing.T) {
	runFoldCases(t, []foldCase{
		{"alef_variants", Options{Alef: true}, "أإآٱٲٳٵ", "ااااااا"},
		{"alef_hamza_word", Options{Alef: true}, "أكد إلى آخر", "اكد الى اخر"},
		{"carriers", Options{Hamza: HamzaCarriers}, "مسؤول سائل", "مسوول سايل"},
		{"carriers_yeh_before_waw", Options{Hamza: HamzaCarriers}, "مسئول شئون", "مسوول شوون"},
		{"carriers_yeh_before_vocalized_waw", Options{Hamza: HamzaCarriers, Tashkeel: true}, "مَسْئُولٌ", "مسوول"},
		{"carriers_yeh_before_waw_form", Options{Hamza: HamzaCarriers, PresentationForms: true}, "ئﻮ", "وو"},
		{"uniform", Options{Hamza: HamzaUniform}, "مسؤول مسئول", "مسءول مسءول"},
		{"uniform_leaves_alef", Options{Hamza: HamzaUniform}, "أ", "أ"},
		{"teh_marbuta", Options{TehMarbuta: true}, "مدرسة ۃ", "مدرسه ه"},
		{"alef_maksura_to_yeh", Options{AlefMaksura: true}, "على إلى", "علي إلي"},
		{"alef_maksura_never_alef", Options{AlefMaksura: true, Alef: true}, "على علا", "علي علا"},
		{"persian_yeh", Options{PersianLetters: true}, "ی ې ے", "ي ي ي"},
		{"persian_kaf", Options{PersianLetters: true}, "ک ڪ", "ك ك"},
		{"persian_heh", Options{PersianLetters: true}, "ۀ ہ ھ ۂ", "ه ه ه ه"},
		{"persian_kept", Options{PersianLetters: true}, "پ چ ژ گ ڤ ە", "پ چ ژ گ ڤ ە"},
	})
}

func TestDigitsPunctuation(t *testing.T) {
	runFoldCases(t, []foldCase{
		{"arabic_indic", Options{Digits: true}, "٠١٢٣٤٥٦٧٨٩", "0123456789"},
		{"extended_arabic_indic", Options{Digits: true}, "۰۱۲۳۴۵۶۷۸۹", "0123456789"},
		{"separators", Options{Digits: true}, "٣٫٥٪ ١٬٠٠٠", "3.5% 1,000"},
		{"date", Options{Digits: true}, "٣٠/١٢/٢٠٢١", "30/12/2021"},
		{"digits_leave_punctuation", Options{Digits: true}, "،؟", "،؟"},
		{"punctuation", Options{Punctuation: true}, "نعم، لا؛ متى؟ ۔", "نعم, لا; متى? ."},
	})
}

func TestControls(t *testing.T) {
	runFoldCases(t, []foldCase{
		{"marks_inside_word", Options{Controls: true}, "كت\u200fاب\u200e\u061C", "كتاب"},
		{"embeddings_isolates", Options{Controls: true}, "\u202Bنص\u202C \u2067نص\u2069", "نص نص"},
		{"zwsp_wj_shy_zwj", Options{Controls: true}, "a\u200Bb\u2060c\u00ADd\u200De", "abcde"},
		{"bom_anywhere", Options{Controls: true}, "\ufeffab\ufeffc", "abc"},
		{"zwnj_kept_by_controls", Options{Controls: true}, "می\u200cخواهم", "می\u200cخواهم"},
		{"zwnj_delete", Options{ZWNJ: ZWNJDelete}, "می\u200cخواهم", "میخواهم"},
		{"zwnj_space", Options{ZWNJ: ZWNJSpace}, "می\u200cخواهم", "می خواهم"},
	})
}

func TestFoldCase(t *testing.T) {
	o := Options{FoldCase: true}
	runFoldCases(t, []foldCase{
		{"ascii", o, "Hello WORLD", "hello world"},
		{"latin1", o, "ÉCOLE Ñ", "école ñ"},
		{"greek_final_sigma", o, "ΣΊΣΥΦΟΣ ς", "σίσυφοσ σ"},
		{"cyrillic", o, "МОСКВА", "москва"},
		{"kelvin_ohm", o, "\u212A\u2126", "kω"},
		{"long_s", o, "ſ", "s"},
		{"sharp_s_simple", o, "ß ẞ", "ß ß"},
		{"dotted_capital_i_simple", o, "İ", "İ"},
		{"fullwidth", o, "ＡＢＣ", "ａｂｃ"},
		{"cjk_emoji_untouched", o, "東京 😀 ①", "東京 😀 ①"},
		{"arabic_untouched", o, "أكد", "أكد"},
		{"off_keeps_case", Options{}, "ABC", "ABC"},
	})
}

func TestIllFormedUTF8(t *testing.T) {
	for _, n := range []*Normalizer{Search, Light, Lucene, New(Options{})} {
		assert.Equal(t, "a\uFFFDb", n.String("a\xffb"))
		assert.Equal(t, "\uFFFD\uFFFD", n.String("\xd8\xd8"), "truncated two-byte leads")
		assert.Equal(t, "\uFFFD", n.String("\xd8"), "truncated at end")
		assert.Equal(t, "\uFFFD\uFFFD\uFFFD", n.String("\xed\xa0\x80"), "surrogate")
		assert.Equal(t, "\uFFFD", n.String("\uFFFD"), "valid replacement character")
	}
}

func TestPresets(t *testing.T) {
	runFoldCases(t, []foldCase{
		{"search_hamza_spellings_meet", Search.Options(), "مسؤول", "مسوول"},
		{"search_hamza_spellings_meet_2", Search.Options(), "مسئول", "مسوول"},
		{"search_decomposed_alef_hamza", Search.Options(), "ا\u0654كد", "اكد"},
		{"search_ala_not_alef", Search.Options(), "على", "علي"},
		{"search_vocalized", Search.Options(), "الْمَسْؤُولِيَّةُ", "المسووليه"},
		{"search_ligature_then_fold", Search.Options(), "ﻷﻥ", "لان"},
		{"search_controls_do_not_split", Search.Options(), "الأ\u200fمن و\u200cال\u061Cامن", "الامن والامن"},
		{"search_latin_folded", Search.Options(), "NATO الناتو", "nato الناتو"},
		{"search_digits", Search.Options(), "٢٠٢١", "2021"},
		{"search_punctuation_kept", Search.Options(), "،؟", "،؟"},
		{"search_cjk_emoji", Search.Options(), "東京😀", "東京😀"},
		{"light_keeps_spelling", Light.Options(), "أَكَّدَ مسؤول ة ى", "أَكَّدَ مسؤول ة ى"},
		{"light_cleans", Light.Options(), "ﻻ تـم\u200f ا\u0654", "لا تم أ"},
		{"lucene_alef", Lucene.Options(), "أإآ", "ااا"},
		{"lucene_wasla_kept", Lucene.Options(), "ٱ", "ٱ"},
		{"lucene_yeh_teh", Lucene.Options(), "على مدرسة", "علي مدرسه"},
		{"lucene_marks", Lucene.Options(), "كَتَبَـ\u0651\u0652", "كتب"},
		{"lucene_extended_marks_kept", Lucene.Options(), "ب\u0653\u0654\u0670", "ب\u0653\u0654\u0670"},
		{"lucene_nothing_else", Lucene.Options(), "ﻻ ؤ ٣ ک ۃ ABC \u200f", "ﻻ ؤ ٣ ک ۃ ABC \u200f"},
	})
}

func TestOptionsRoundTrip(t *testing.T) {
	o := Search.Options()
	assert.True(t, o.Tashkeel && o.Alef && o.FoldCase && o.ComposeHamza && o.PresentationForms)
	assert.Equal(t, HamzaCarriers, o.Hamza)
	assert.Equal(t, DaggerStrip, o.DaggerAlef)
	assert.Equal(t, ZWNJDelete, o.ZWNJ)
	assert.False(t, o.Punctuation)
	o.Hamza = HamzaKeep
	assert.Equal(t, "مسؤول", New(o).String("مسؤول"), "a derived variant keeps the hamza")
	assert.Equal(t, Lucene.String("أَحْمَدُ ٱ"), New(Lucene.Options()).String("أَحْمَدُ ٱ"))
}
