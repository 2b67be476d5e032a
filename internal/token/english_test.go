package token_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tarjuman/tarjuman/internal/token"
)

func TestEnglishStem(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plural_s", "sanctions", "sanction"},
		{"plural_s_after_n", "weapons", "weapon"},
		{"plural_es_after_e", "guarantees", "guarantee"},
		{"plural_tion", "negotiations", "negotiation"},
		{"plural_ies", "policies", "policy"},
		{"plural_ies_country", "countries", "country"},
		{"short_ies", "ties", "tie"},
		{"plural_sses", "classes", "class"},
		{"plural_xes", "taxes", "tax"},
		{"plural_ches", "approaches", "approach"},
		{"plural_aches", "headaches", "headache"},
		{"plural_ches_after_a", "breaches", "breach"},
		{"plural_che", "niches", "niche"},
		{"plural_shes", "wishes", "wish"},
		{"plural_oes", "heroes", "hero"},
		{"plural_oes_kept_e", "shoes", "shoe"},
		{"plural_ees", "employees", "employee"},
		{"plural_ces", "forces", "force"},
		{"plural_ses", "responses", "response"},
		{"irregular_crises", "crises", "crisis"},
		{"upper_case", "TALKS", "talk"},
		{"title_case", "Guarantees", "guarantee"},
		{"possessive", "Russia's", "russia"},
		{"possessive_curly", "Biden’s", "biden"},
		{"plural_possessive", "countries'", "country"},
		{"keep_news", "news", "news"},
		{"keep_press", "press", "press"},
		{"keep_us", "us", "us"},
		{"keep_this", "this", "this"},
		{"keep_its", "its", "its"},
		{"keep_was", "was", "was"},
		{"keep_status", "status", "status"},
		{"keep_crisis", "crisis", "crisis"},
		{"keep_politics", "politics", "politics"},
		{"keep_series", "series", "series"},
		{"keep_arms", "arms", "arms"},
		{"keep_previous", "previous", "previous"},
		{"singular_untouched", "security", "security"},
		{"non_ascii_lower", "ÉCOLES", "école"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, token.EnglishStem(tt.in))
		})
	}
}

// A stem is stable: stemming it again changes nothing, so term keys and text keys agree.
func TestEnglishStemIdempotentOnCommonForms(t *testing.T) {
	for _, w := range []string{"guarantees", "policies", "classes", "heroes", "sanctions", "news", "crises", "boxes"} {
		s := token.EnglishStem(w)
		assert.Equal(t, s, token.EnglishStem(s), w)
	}
}
