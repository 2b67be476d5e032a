package server

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// parseLang reads a language code as CAT tools send it: BCP 47 ("ar", "en-US"), Weblate's lower case with
// "_" ("pt_br", "zh_hans") or MyMemory's ("en-GB").
func parseLang(s string) (language.Tag, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return language.Und, fmt.Errorf("missing language code")
	}
	t, err := language.Parse(strings.ReplaceAll(s, "_", "-"))
	if err != nil {
		return language.Und, fmt.Errorf("bad language code %q", s)
	}
	return t, nil
}

// parseLangPair reads MyMemory's langpair "ar|en" (also "ar-SA|en-GB").
func parseLangPair(s string) (src, tgt language.Tag, err error) {
	a, b, ok := strings.Cut(s, "|")
	if !ok {
		return language.Und, language.Und, fmt.Errorf("langpair must be SOURCE|TARGET, got %q", s)
	}
	if src, err = parseLang(a); err != nil {
		return language.Und, language.Und, err
	}
	if tgt, err = parseLang(b); err != nil {
		return language.Und, language.Und, err
	}
	return src, tgt, nil
}

// sameLanguage reports whether a and b share their base language (en and en-GB do): the memory indexes
// directions by base language, so such a pair has nothing to translate.
func sameLanguage(a, b language.Tag) bool {
	ab, _ := a.Base()
	bb, _ := b.Base()
	return ab == bb
}
