package glossary

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestFindAllOffsetsWithMarkers: for random texts mixing terms, accelerator markers, harakat,
// tatweel, invisible controls and punctuation, FindAll does not panic and every match's offsets are
// rune boundaries of the original text with Text == text[Start:End], in order, without overlap.
func TestFindAllOffsetsWithMarkers(t *testing.T) {
	g := testGlossary(t)
	parts := []string{"security", "guarantees", "Se", "curity", "الضمانات", "الأمنية", "ا", "لضمانات", "بال",
		"_", "&", "~", "&amp;", " ", " ", ".", "-", "َ", "ـ", "\u200c", "\u200f", "U.S.", "COVID-19", "كوفيد-19", "\xff", "Putin", "بوتين", "ﻻ", "ﷲ", "Ǆ", "ß", "İ", "ΣΑΣ", "٣"}
	r := rand.New(rand.NewSource(7))
	for _, m := range []*Matcher{g.Matcher(en, ar), g.Matcher(ar, en)} {
		for n := 0; n < 100000; n++ {
			var sb strings.Builder
			for k := r.Intn(8) + 1; k > 0; k-- {
				sb.WriteString(parts[r.Intn(len(parts))])
			}
			text := sb.String()
			prevEnd := 0
			for _, mt := range m.FindAll(text) {
				ok := mt.Start >= prevEnd && mt.Start < mt.End && mt.End <= len(text) &&
					(mt.Start == len(text) || utf8.RuneStart(text[mt.Start])) && (mt.End == len(text) || utf8.RuneStart(text[mt.End])) &&
					mt.Text == text[mt.Start:mt.End]
				if !ok {
					t.Fatalf("%q: bad match %d..%d %q (prev end %d)", text, mt.Start, mt.End, mt.Text, prevEnd)
				}
				prevEnd = mt.Start // homonyms share a span
			}
		}
	}
}
