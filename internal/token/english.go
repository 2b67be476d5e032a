package token

import (
	"strings"
	"unicode/utf8"
)

// EnglishStem returns w in lower case with a light S-stemmer applied: plural and possessive endings
// are removed (guarantees → guarantee, negotiations → negotiation, policies → policy, boxes → box,
// Russia's → russia) and nothing else, so that a stem is always a real English word form. Words of
// three letters or fewer and a list of words that only look plural (news, press, us, this, its,
// politics, series, arms) are left alone. It is safe for concurrent use.
func EnglishStem(w string) string {
	w = lower(w)
	w = trimPossessive(w)
	if len(w) <= 3 || keepS[w] {
		return w
	}
	if s, ok := irregularS[w]; ok {
		return s
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		if len(w) > 4 && w[len(w)-4] != 'e' && w[len(w)-4] != 'a' {
			return w[:len(w)-3] + "y" // policies, countries
		}
		return w[:len(w)-1] // ties, dies
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "shes"),
		strings.HasSuffix(w, "zzes"), strings.HasSuffix(w, "ches") && !cheS[w] && !strings.HasSuffix(w, "headaches"):
		return w[:len(w)-2] // classes, taxes, wishes, approaches
	case strings.HasSuffix(w, "oes") && !keepOes[w]:
		return w[:len(w)-2] // heroes, vetoes
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w // press, status, crisis
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1] // sanctions, guarantees, ideas
	}
	return w
}

// trimPossessive removes 's and the apostrophe of a plural possessive (countries' → countries).
func trimPossessive(w string) string {
	for _, a := range [...]string{"'", "\u2019"} {
		if s, ok := strings.CutSuffix(w, a+"s"); ok && s != "" {
			return s
		}
		if s, ok := strings.CutSuffix(w, "s"+a); ok {
			return s + "s"
		}
	}
	return w
}

// lower returns w in lower case without allocating when it already is.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
		if 'A' <= c && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// keepS lists words longer than three letters that end in s without being plurals.
var keepS = setOf(
	"news", "this", "thus", "plus", "lens", "does", "goes", "always", "perhaps", "whereas", "besides",
	"towards", "afterwards", "chaos", "atlas", "canvas", "bias", "alias", "series", "species", "means",
	"politics", "economics", "physics", "mathematics", "ethics", "linguistics", "logistics", "athletics",
	"electronics", "genetics", "statistics", "diabetes", "measles", "headquarters", "arms", "christmas",
	"texas", "kansas", "arkansas", "athens", "wales", "paris", "brussels", "netherlands", "philippines",
	"bahamas", "maldives", "seychelles", "honduras", "carlos", "yes", "less", "unless", "across",
	"ours", "yours", "hers", "theirs", "whose", "sometimes", "nevertheless", "nonetheless", "various",
	"previous", "serious", "famous", "analysis", "basis", "crisis", "thesis",
)

// irregularS maps a few frequent plurals the rules above would get wrong.
var irregularS = map[string]string{
	"crises": "crisis", "theses": "thesis", "analyses": "analysis", "movies": "movie", "cookies": "cookie",
	"buses": "bus", "gases": "gas", "statuses": "status", "viruses": "virus", "bonuses": "bonus",
	"campuses": "campus", "consensuses": "consensus",
}

// cheS lists plurals of words ending in "che", where only the s goes.
var cheS = setOf("niches", "caches", "quiches", "psyches", "cliches", "avalanches", "moustaches", "mustaches",
	"creches", "microfiches", "aches", "toothaches", "earaches", "backaches", "stomachaches")

var keepOes = setOf("shoes", "toes", "canoes", "hoes", "foes", "oboes", "does", "goes")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// analyzeLatin returns the readings of a non-Arabic word: its light stem, then the lower-cased word.
func analyzeLatin(w string) []Analysis {
	l := lower(w)
	stem := EnglishStem(w)
	if stem == l {
		return []Analysis{{Stem: l}}
	}
	cp := 0
	for cp < len(stem) && cp < len(l) && stem[cp] == l[cp] {
		cp++
	}
	return []Analysis{{Stem: stem, Suffix: l[cp:]}, {Stem: l}}
}
