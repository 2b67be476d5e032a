package glossary

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

func TestZeroGlossary(t *testing.T) {
	var g Glossary
	assert.Zero(t, g.Len())
	assert.Empty(t, g.All())
	assert.Empty(t, g.Lookup("الأمن", ar))
	assert.Empty(t, g.Matcher(ar, en).FindAll("الأمن"))
	assert.Empty(t, g.Check(ar, en, "الأمن", "security"))
}

func TestAddValidates(t *testing.T) {
	tests := []struct {
		name  string
		entry Entry
		is    error
	}{
		{"no_terms", Entry{ID: "x"}, ErrNoTerms},
		{"empty_term", Entry{Terms: []Term{{Text: "", Lang: ar}}}, ErrEmptyTerm},
		{"blank_term", Entry{Terms: []Term{{Text: "روسيا", Lang: ar}, {Text: " \u00a0\t", Lang: en}}}, ErrEmptyTerm},
		{"no_language", Entry{Terms: []Term{{Text: "روسيا"}}}, ErrNoLanguage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var g Glossary
			err := g.Add(tt.entry)
			assert.ErrorIs(t, err, tt.is)
			assert.Zero(t, g.Len(), "nothing added on error")
		})
	}
}

func TestAddCopiesEntry(t *testing.T) {
	var g Glossary
	terms := []Term{{Text: " روسيا ", Lang: ar}}
	require.NoError(t, g.Add(Entry{Terms: terms}))
	terms[0].Text = "changed"
	assert.Equal(t, "روسيا", g.All()[0].Terms[0].Text, "stored trimmed and copied")
}

func TestLookup(t *testing.T) {
	g := testGlossary(t)
	tests := []struct {
		name string
		term string
		lang language.Tag
		want []string
	}{
		{"exact", "الضمانات الأمنية", ar, []string{"guarantees"}},
		{"clitics", "وبالضمانات الأمنية", ar, []string{"guarantees"}},
		{"vocalized", "الضَّمَانَاتُ الأَمْنِيَّةُ", ar, []string{"guarantees"}},
		{"english_plural_case", "Security Guarantee", en, []string{"guarantees"}},
		{"surrounding_punctuation", "«الضمانات الأمنية».", ar, []string{"guarantees"}},
		{"internal_punctuation", "U.S.", en, []string{"us"}},
		{"any_language", "Putin", language.Und, []string{"putin"}},
		{"regional_tag", "بوتين", language.MustParse("ar-EG"), []string{"putin"}},
		{"wrong_language", "Putin", ar, nil},
		{"part_of_term", "الضمانات", ar, nil},
		{"longer_than_term", "الضمانات الأمنية الجديدة", ar, nil},
		{"empty", "", ar, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ids []string
			for _, e := range g.Lookup(tt.term, tt.lang) {
				ids = append(ids, e.ID)
			}
			assert.Equal(t, tt.want, ids)
		})
	}
}

func TestConcurrentUse(t *testing.T) {
	var g Glossary
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				id := fmt.Sprintf("w%d-%d", w, i)
				assert.NoError(t, g.Add(Entry{ID: id, Terms: []Term{{Text: "الضمانات الأمنية", Lang: ar}, {Text: "security guarantees", Lang: en}}}))
				assert.NotEmpty(t, g.Matcher(ar, en).FindAll("بالضمانات الأمنية"))
				assert.NotEmpty(t, g.Lookup("security guarantee", en))
				_ = g.Check(ar, en, "الضمانات الأمنية", "guarantees")
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, 200, g.Len())
	assert.Len(t, g.Matcher(ar, en).FindAll("الضمانات الأمنية"), 200, "one match per homonym entry")
}

func TestStatusNames(t *testing.T) {
	for st := Unspecified; st <= Forbidden; st++ {
		got, ok := ParseStatus(st.String())
		assert.True(t, ok)
		assert.Equal(t, st, got)
	}
	for raw, want := range map[string]Status{
		"preferredTerm-admn-sts": Preferred, "Admitted": Admitted, "deprecatedTerm": Deprecated,
		"supersededTerm-admn-sts": Superseded, "do not use": Forbidden, "variant": Admitted,
	} {
		got, ok := ParseStatus(raw)
		assert.True(t, ok, raw)
		assert.Equal(t, want, got, raw)
	}
	_, ok := ParseStatus("maybe")
	assert.False(t, ok)
	assert.True(t, Admitted.Required())
	assert.True(t, Unspecified.Required())
	assert.False(t, Deprecated.Required())
}
