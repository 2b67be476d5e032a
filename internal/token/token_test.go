package token_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tarjuman/tarjuman/internal/token"
)

// show renders tokens as "Kind:text" so that table cases read like the text they describe.
func show(s string, toks []token.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Kind.String() + ":" + s[t.Start:t.End]
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", []string{}},
		{"only_spaces", " \t\n\u00a0", []string{}},
		{"latin_words_and_punct", "Hello, world!", []string{"Word:Hello", "Punct:,", "Word:world", "Punct:!"}},
		{"arabic_words", "بوتين وبايدن", []string{"Word:بوتين", "Word:وبايدن"}},
		{"arabic_punctuation", "قال: «نعم»، ثم؟", []string{"Word:قال", "Punct::", "Punct:«", "Word:نعم", "Punct:»،", "Word:ثم", "Punct:؟"}},
		{"harakat_inside_word", "شَخْصِيًّا جدًا", []string{"Word:شَخْصِيًّا", "Word:جدًا"}},
		{"tatweel_inside_word", "الأمـــن القومي", []string{"Word:الأمـــن", "Word:القومي"}},
		{"tatweel_or_marks_alone_are_punct", "ـــ َ x", []string{"Punct:ـــ", "Punct:َ", "Word:x"}},
		{"zwnj_inside_word", "می\u200cخواهم", []string{"Word:می\u200cخواهم"}},
		{"zwj_inside_word", "لا\u200dم", []string{"Word:لا\u200dم"}},
		{"lrm_rlm_alm_inside_word", "بو\u200eتين با\u200fيدن روس\u061cيا", []string{"Word:بو\u200eتين", "Word:با\u200fيدن", "Word:روس\u061cيا"}},
		{"soft_hyphen_inside_word", "nego\u00adtiation", []string{"Word:nego\u00adtiation"}},
		{"controls_at_word_edges_excluded", "\u200fبايدن\u200e \u202bموسكو\u202c", []string{"Word:بايدن", "Word:موسكو"}},
		{"nbsp_between_words", "الأمن\u00a0الاستراتيجي", []string{"Word:الأمن", "Word:الاستراتيجي"}},
		{"narrow_and_ideographic_spaces", "a\u202fb\u2009c\u3000d", []string{"Word:a", "Word:b", "Word:c", "Word:d"}},
		{"zwsp_separates_words", "foo\u200bbar", []string{"Word:foo", "Word:bar"}},
		{"line_breaks", "a\r\nb\u2028c", []string{"Word:a", "Word:b", "Word:c"}},
		{"hyphenated_arabic_latin_digits", "كوفيد-19 COVID-19 e-mail", []string{"Word:كوفيد-19", "Word:COVID-19", "Word:e-mail"}},
		{"non_breaking_hyphen", "well\u2011known", []string{"Word:well\u2011known"}},
		{"double_or_edge_hyphen_splits", "a--b -x y-", []string{"Word:a", "Punct:--", "Word:b", "Punct:-", "Word:x", "Word:y", "Punct:-"}},
		{"apostrophe_inside_word", "don't O’Brien 80's", []string{"Word:don't", "Word:O’Brien", "Word:80's"}},
		{"quotes_are_not_apostrophes", "'word' ‘x’", []string{"Punct:'", "Word:word", "Punct:'", "Punct:‘", "Word:x", "Punct:’"}},
		{"latin_abbreviation_and_domain", "U.S. sanctions, e.g. example.com", []string{"Word:U.S", "Punct:.", "Word:sanctions", "Punct:,", "Word:e.g", "Punct:.", "Word:example.com"}},
		{"arabic_period_splits", "روسيا.الناتو", []string{"Word:روسيا", "Punct:.", "Word:الناتو"}},
		{"date", "30/12/2021", []string{"Number:30/12/2021"}},
		{"time", "الساعة 23:35 بتوقيت", []string{"Word:الساعة", "Number:23:35", "Word:بتوقيت"}},
		{"thousands_and_decimal", "1,000.5", []string{"Number:1,000.5"}},
		{"arabic_indic_digits", "٣٠ ۱۴۰۰", []string{"Number:٣٠", "Number:۱۴۰۰"}},
		{"arabic_decimal_separator", "٣٫٥ ١٬٠٠٠", []string{"Number:٣٫٥", "Number:١٬٠٠٠"}},
		{"sentence_final_period_after_number", "in 2021.", []string{"Word:in", "Number:2021", "Punct:."}},
		{"number_range_splits", "2020-2021", []string{"Number:2020", "Punct:-", "Number:2021"}},
		{"digits_with_letters_are_words", "2021م 5G", []string{"Word:2021م", "Word:5G"}},
		{"percent_sign_is_punct", "50% of", []string{"Number:50", "Punct:%", "Word:of"}},
		{"arabic_percent", "٥٠٪", []string{"Number:٥٠", "Punct:٪"}},
		{"printf_simple", "%s and %d", []string{"Placeholder:%s", "Word:and", "Placeholder:%d"}},
		{"printf_positional", "%1$d of %2$s", []string{"Placeholder:%1$d", "Word:of", "Placeholder:%2$s"}},
		{"printf_width_precision", "%5.2f %-10s %lld %.*f", []string{"Placeholder:%5.2f", "Placeholder:%-10s", "Placeholder:%lld", "Placeholder:%.*f"}},
		{"printf_python_named", "%(name)s بيان", []string{"Placeholder:%(name)s", "Word:بيان"}},
		{"printf_objc_object", "%@ %1$@", []string{"Placeholder:%@", "Placeholder:%1$@"}},
		{"printf_percent_escape", "100%%", []string{"Number:100", "Placeholder:%%"}},
		{"qt_placeholders", "%1 / %L2", []string{"Placeholder:%1", "Punct:/", "Placeholder:%L2"}},
		{"placeholder_glued_to_word", "file%s", []string{"Word:file", "Placeholder:%s"}},
		{"brace_index_and_name", "{0} {name} {الاسم}", []string{"Placeholder:{0}", "Placeholder:{name}", "Placeholder:{الاسم}"}},
		{"brace_with_format", "{0,number,integer}", []string{"Placeholder:{0,number,integer}"}},
		{"double_braces", "{{ user }} {{count}}", []string{"Placeholder:{{ user }}", "Placeholder:{{count}}"}},
		{"dollar_brace", "${x} $5", []string{"Placeholder:${x}", "Punct:$", "Number:5"}},
		{"json_braces_are_punct", `{"a"}`, []string{`Punct:{"`, "Word:a", `Punct:"}`}},
		{"empty_braces_are_punct", "{} { x}", []string{"Punct:{}", "Punct:{", "Word:x", "Punct:}"}},
		{"html_tags", "<b>قوي</b>", []string{"Placeholder:<b>", "Word:قوي", "Placeholder:</b>"}},
		{"self_closing_tag", "a<br/>b <br />", []string{"Word:a", "Placeholder:<br/>", "Word:b", "Placeholder:<br />"}},
		{"tag_with_quoted_gt", `<a title="x>y">`, []string{`Placeholder:<a title="x>y">`}},
		{"less_than_is_not_a_tag", "a < b", []string{"Word:a", "Punct:<", "Word:b"}},
		{"unclosed_tag", "<b text", []string{"Punct:<", "Word:b", "Word:text"}},
		{"character_references", "&amp; &#1575; &#x627; & x", []string{"Placeholder:&amp;", "Placeholder:&#1575;", "Placeholder:&#x627;", "Punct:&", "Word:x"}},
		{"placeholder_starts_cut_by_end_of_input", "a% b{ c< d& e${ f%( g%1$", []string{"Word:a", "Punct:%", "Word:b", "Punct:{", "Word:c", "Punct:<", "Word:d", "Punct:&", "Word:e", "Punct:${", "Word:f", "Punct:%(", "Word:g", "Punct:%", "Number:1", "Punct:$"}},
		{"placeholder_inside_punct_run", "«%s»", []string{"Punct:«", "Placeholder:%s", "Punct:»"}},
		{"ellipsis_is_one_token", "الغرب... لكن", []string{"Word:الغرب", "Punct:...", "Word:لكن"}},
		{"emoji_after_word", "شكرا🙏", []string{"Word:شكرا", "Punct:🙏"}},
		{"emoji_skin_tone_and_zwj_family", "👍🏽 👨\u200d👩\u200d👧", []string{"Punct:👍🏽", "Punct:👨\u200d👩\u200d👧"}},
		{"emoji_variation_selector", "❤️ ok", []string{"Punct:❤️", "Word:ok"}},
		{"cjk_and_cyrillic", "漢字 Москва", []string{"Word:漢字", "Word:Москва"}},
		{"invalid_utf8", "a\xffb", []string{"Word:a", "Punct:\xff", "Word:b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, show(tt.in, token.Tokenize(tt.in)))
		})
	}
}

func TestTokenizeByteOffsets(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []token.Token
	}{
		{"arabic_two_bytes_per_letter", "بوتين وبايدن", []token.Token{{0, 10, token.Word}, {11, 23, token.Word}}},
		{"nbsp_two_bytes", "a\u00a0bc", []token.Token{{0, 1, token.Word}, {3, 5, token.Word}}},
		{"number_then_placeholder", "٣٠ %s", []token.Token{{0, 4, token.Number}, {5, 7, token.Placeholder}}},
		{"emoji_four_bytes", "🙏x", []token.Token{{0, 4, token.Punct}, {4, 5, token.Word}}},
		{"trailing_rlm_excluded", "بو\u200f ", []token.Token{{0, 4, token.Word}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, token.Tokenize(tt.in))
		})
	}
}

func TestAppendTokens(t *testing.T) {
	t.Run("keeps_existing_tokens", func(t *testing.T) {
		dst := []token.Token{{Start: 7, End: 9, Kind: token.Punct}}
		got := token.AppendTokens(dst, "a b")
		assert.Equal(t, []token.Token{{7, 9, token.Punct}, {0, 1, token.Word}, {2, 3, token.Word}}, got)
	})
	t.Run("no_allocation_when_capacity_suffices", func(t *testing.T) {
		s := strings.Repeat("المفاوضات حول الضمانات الأمنية، %s 30/12/2021 <b>x</b> ", 20)
		buf := make([]token.Token, 0, 1024)
		allocs := testing.AllocsPerRun(20, func() { buf = token.AppendTokens(buf[:0], s) })
		require.NotEmpty(t, buf)
		assert.Zero(t, allocs)
	})
}

func TestKindString(t *testing.T) {
	assert.Equal(t, "Word", token.Word.String())
	assert.Equal(t, "Number", token.Number.String())
	assert.Equal(t, "Placeholder", token.Placeholder.String())
	assert.Equal(t, "Punct", token.Punct.String())
	assert.Equal(t, "Kind(42)", token.Kind(42).String())
}
