package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tarjuman/tarjuman/internal/token"
)

// A reading is one analysis of a word as matching sees it: the key a term word must share, and what the
// word carries around that key.
type reading struct {
	key      string
	clitic   clitic // proclitics other than the article
	definite bool   // the word has the article
	suffixed bool   // the word may carry a possessive enclitic, which makes a noun definite
	paired   bool   // dual or sound masculine plural ending (ان ين ون تان تين): a noun of persons or pairs
	plural   bool   // the sound feminine plural ending ات was stripped
	later    bool   // only a later word of a term may be read so (nisba + tanwin: نوويا, not روسيا)
}

// clitic codes the proclitic chain (و|ف)?(ب|ك|ل)? that precedes the article or the stem; لل counts as
// ل plus the article.
type clitic uint8

const noClitic clitic = 0

// cliticOf returns the code of an analysis prefix without its article.
func cliticOf(prefix string) clitic {
	if strings.HasSuffix(prefix, "لل") {
		prefix = strings.TrimSuffix(prefix, "ل")
	} else {
		prefix = strings.TrimSuffix(prefix, "ال")
	}
	var c clitic
	for _, r := range prefix {
		switch r {
		case 'و':
			c |= 1
		case 'ف':
			c |= 2
		case 'ب':
			c |= 4
		case 'ك':
			c |= 8
		case 'ل':
			c |= 16
		default:
			c |= 32 // not a proclitic internal/token produces today; kept distinct
		}
	}
	return c
}

// wordReadings appends to dst the readings of one word already folded by normalize.Search: analysed by
// internal/token for Arabic, S-stemmed for other scripts. The unanalysed word itself is always one
// reading, so nothing the analyser misses is lost.
func wordReadings(dst []reading, n string) []reading {
	if n == "" {
		return dst
	}
	if !token.IsArabic(n) {
		return append(dst, reading{key: token.EnglishStem(n)})
	}
	start := len(dst)
	for _, a := range token.Analyze(n) {
		r := reading{key: hamzaSeat(a.Stem, a.Suffix), clitic: cliticOf(a.Prefix), definite: a.Definite,
			suffixed: mayBePossessive(a.Suffix), paired: isPaired(a.Suffix), plural: strings.HasPrefix(a.Suffix, "ات")}
		if r.key == "" || containsReading(dst[start:], r) {
			continue
		}
		dst = append(dst, r)
	}
	whole := reading{key: n}
	if !containsReading(dst[start:], whole) {
		dst = append(dst, whole)
	}
	// An indefinite nisba adjective in the accusative ends in يا (سلاحا نوويا). internal/token does not
	// read يا so, since place names end the same way (روسيا, اوكرانيا); an adjective follows its noun,
	// so the reading is offered to later words of a term only.
	if body, ok := strings.CutSuffix(n, "يا"); ok && utf8.RuneCountInString(body) >= 2 {
		if r := (reading{key: body + "ي", later: true}); !containsReading(dst[start:], r) {
			dst = append(dst, r)
		}
	}
	return dst
}

// hamzaSeat undoes the change of seat of a final hamza after alef before an enclitic: حلفاء becomes
// حلفائها (normalized حلفايها) and أعضاء أعضاؤها (اعضاوها), so the stems حلفاي and اعضاو are the words
// حلفاء and اعضاء.
func hamzaSeat(stem, suffix string) string {
	if suffix == "" || suffix == "ي" || !mayBePossessive(suffix) {
		return stem
	}
	if body, ok := strings.CutSuffix(stem, "اي"); ok {
		return body + "اء"
	}
	if body, ok := strings.CutSuffix(stem, "او"); ok {
		return body + "اء"
	}
	return stem
}

func containsReading(rs []reading, r reading) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// isPaired reports a dual or sound masculine plural ending (nisba endings come reduced: الروسيين has
// suffix ين). Such a noun takes an adjective of the same number, unlike the ات plural of things
// (الضمانات الأمنية), so الرئيسين الروسي is two presidents, the Russian and another, not a term.
func isPaired(suffix string) bool {
	switch suffix {
	case "ان", "ين", "ون", "تان", "تين":
		return true
	}
	return false
}

// possessives are the enclitic pronouns after normalize.Search (ة became ه, so a lone ه is ambiguous
// and counts too: the check it feeds is a leniency, never a requirement).
var possessives = [...]string{"هما", "هم", "هن", "ها", "ه", "كم", "كن", "ك", "نا", "ي"}

func mayBePossessive(suffix string) bool {
	for _, p := range possessives {
		if strings.HasSuffix(suffix, p) {
			return true
		}
	}
	return false
}

// termKeys returns the readings a term word (folded by normalize.Search) contributes to the trie. Term
// words are citation forms, so the analyser's most likely reading without a conjunction or preposition is
// taken (وكالات is "agencies", not و+ك+ال+ات); a word that has no such reading keeps its first one.
//
// A sound feminine plural has two stems: الضمانات is the plural of ضمان and of ضمانة, and a text may use
// either singular, or the dual ضمانتان. Such a word contributes both readings, so the term is found in
// every number. Singular words contribute one: مدرسة (school) is not مدرس (teacher), مكتبة not مكتب.
func termKeys(word string) []reading {
	rs := wordReadings(nil, word)
	if len(rs) == 0 {
		return nil
	}
	first := rs[0]
	for _, r := range rs {
		if r.clitic == noClitic {
			first = r
			break
		}
	}
	out := []reading{first}
	if first.plural {
		for _, r := range rs {
			if r.plural && r.clitic == first.clitic && r.definite == first.definite && r.key != first.key &&
				(r.key == first.key+"ه" || first.key == r.key+"ه") {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// isWord reports whether a token kind is analysed as a word; other tokens (punctuation, placeholders)
// take part in a term only inside it, matched literally.
func isWord(k token.Kind) bool { return k == token.Word || k == token.Number }

// splitHyphens replaces every word token of s that contains a hyphen by its parts and the hyphens
// between them, so that Russia-NATO holds the terms Russia and NATO, and a hyphenated term
// (Co-operation, كوفيد-19) is matched part by part with its hyphen.
func splitHyphens(toks []token.Token, s string) []token.Token {
	n := 0
	for _, tk := range toks {
		if isWord(tk.Kind) && hasHyphen(s[tk.Start:tk.End]) {
			n++
		}
	}
	if n == 0 {
		return toks
	}
	out := make([]token.Token, 0, len(toks)+2*n)
	for _, tk := range toks {
		if !isWord(tk.Kind) || !hasHyphen(s[tk.Start:tk.End]) {
			out = append(out, tk)
			continue
		}
		start := tk.Start
		for i, r := range s[tk.Start:tk.End] {
			if !strings.ContainsRune(hyphens, r) {
				continue
			}
			at := tk.Start + i
			if at > start {
				out = append(out, token.Token{Start: start, End: at, Kind: partKind(s[start:at])})
			}
			start = at + utf8.RuneLen(r)
			out = append(out, token.Token{Start: at, End: start, Kind: token.Punct})
		}
		if tk.End > start {
			out = append(out, token.Token{Start: start, End: tk.End, Kind: partKind(s[start:tk.End])})
		}
	}
	return out
}

// hyphens are the hyphen characters the tokenizer keeps inside words.
const hyphens = "-\u2010\u2011"

// hasHyphen is strings.ContainsAny(w, hyphens) without its slow path for non-ASCII text: it runs on
// every word.
func hasHyphen(w string) bool {
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c == '-':
			return true
		case c == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && (w[i+2] == 0x90 || w[i+2] == 0x91): // U+2010, U+2011
			return true
		}
	}
	return false
}

func partKind(part string) token.Kind {
	for _, r := range part {
		if unicode.IsLetter(r) {
			return token.Word
		}
	}
	return token.Number
}

// symbolKey is the key of a punctuation or placeholder token; the NUL keeps it apart from word keys.
func symbolKey(tok string) string { return "\x00" + tok }

// gapBreaks reports whether the text between two word tokens ends a term: anything but white space and
// invisible format controls does, and so does a blank line.
func gapBreaks(gap string) bool {
	newlines := 0
	for _, r := range gap {
		switch {
		case r == '\n':
			newlines++
			if newlines > 1 {
				return true
			}
		case unicode.IsSpace(r), unicode.Is(unicode.Cf, r), r == '\u0640':
		default:
			return true
		}
	}
	return false
}
