package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Analysis is one reading of a word: which proclitics and suffixes it carries around its matching key.
// Stem is the key in base form and need not be a substring of the word (ة is restored before enclitics
// and nisba endings are reduced to ي), so Prefix+Stem+Suffix may differ from the word. Analysis is a
// plain value, safe to copy and to share.
type Analysis struct {
	Prefix   string // proclitics stripped, e.g. "وبال", "لل"
	Stem     string // the matching key: the stem in base form (ضمانات→ضمان, الامنيه→امني)
	Suffix   string // inflection and enclitic stripped, e.g. "ات", "نا", "اتها"
	Definite bool   // the word had the article ال (or the لل contraction)
}

// Scores rank the readings of a word. Only their order matters: strong evidence beats the whole-word
// reading, weak evidence ranks below it.
const (
	scoreArticle  = 20  // ال is stripped whenever at least two letters remain
	scoreClitic   = -10 // a single-letter proclitic when the whole word may be a word of its own
	scoreClitics  = -15 // conjunction + preposition without the article
	scoreEvidence = 20  // the whole word is implausible (وو…, وب…): the clitic reading goes first
	scoreKnown    = 30  // the rest is a closed-class word or a known name (و+في, ل+هذا, ل+لبنان)
	scoreStrong   = 15  // an ending with good evidence (ات, nisba يه, participle مـ…ين, ات+enclitic)
	scoreEnclitic = 5   // a two-letter enclitic (not the rare كن, هن) after four or more letters: رئيسنا
	scoreWeak     = -5  // a possible but doubtful ending (dual ان, definite …ين, ه/ك enclitic)
)

type scored struct {
	a     Analysis
	score int
}

// Analyze returns every plausible reading of the Arabic word w, most likely first; for other scripts it
// returns the English light stem (see EnglishStem) and the lower-cased word.
//
// w should be one word as folded by normalize.Search (أ إ آ → ا, ة → ه, ى → ي, ؤ → و, ئ → ي, no tashkeel
// or tatweel); Analyze applies these Arabic letter folds itself when they are missing, but nothing else.
// The result always includes a reading with no suffix stripped, no stripped reading leaves a stem of
// fewer than two letters, and a single-letter proclitic (و ف ب ك ل) is only stripped when three or
// more letters remain or the rest is a function word (وفي → و + في). Function words and known names
// (التي, بوتين) are returned whole. Analyze returns nil for the empty string. It never panics and is
// safe for concurrent use.
func Analyze(w string) []Analysis {
	if w == "" {
		return nil
	}
	if !IsArabic(w) {
		return analyzeLatin(w)
	}
	var buf [32]scored
	rs := readings(buf[:0], fold(w))
	out := make([]Analysis, len(rs))
	for i, r := range rs {
		out[i] = r.a
	}
	return out
}

// AppendAnalyses appends the readings Analyze returns to dst and returns the extended slice. With
// enough capacity in dst and a word already folded by normalize.Search, it allocates only for stems it
// rebuilds rather than slices (ة restored in ضمانه from ضمانات, ي in روسي from روسيين).
func AppendAnalyses(dst []Analysis, w string) []Analysis {
	if w == "" {
		return dst
	}
	if !IsArabic(w) {
		return append(dst, analyzeLatin(w)...)
	}
	var buf [32]scored
	for _, r := range readings(buf[:0], fold(w)) {
		dst = append(dst, r.a)
	}
	return dst
}

// readings appends the readings of the folded Arabic word w to rs: ranked, pruned and without
// duplicates.
func readings(rs []scored, w string) []scored {
	if stopArabic[w] || invariant[w] {
		return append(rs, scored{Analysis{Stem: w}, 0})
	}
	for _, p := range proclitics {
		rs = analyzePrefix(rs, w, p)
	}
	// Insertion sort: stable, allocation-free, and there are rarely more than a dozen readings.
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j].score > rs[j-1].score; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
	chain := hasArticleChain(rs)
	out := rs[:0]
	for _, r := range rs {
		if chain && !r.a.Definite && r.score < scoreKnown && (r.a.Prefix != "" || r.a.Suffix != "") {
			continue
		}
		if !containsReading(out, r.a) {
			out = append(out, r)
		}
	}
	return out
}

// hasArticleChain reports a reading with proclitics before the article (بال, لل, وال...): such a word
// is not also a word of its own that merely starts with those letters, so only the bare whole word is
// kept beside the definite readings.
func hasArticleChain(rs []scored) bool {
	for _, r := range rs {
		if r.a.Definite && r.a.Prefix != "ال" {
			return true
		}
	}
	return false
}

func containsReading(rs []scored, a Analysis) bool {
	for _, x := range rs {
		if x.a == a {
			return true
		}
	}
	return false
}

type proclitic struct {
	text     string
	definite bool
	letters  int // letters that are proclitics rather than the article
}

// proclitics lists the chain (و|ف)?(ب|ك|ل)?(ال)? with the لل contraction, longest first.
var proclitics = []proclitic{
	{"وبال", true, 2}, {"وكال", true, 2}, {"فبال", true, 2}, {"فكال", true, 2},
	{"ولل", true, 2}, {"فلل", true, 2},
	{"بال", true, 1}, {"كال", true, 1}, {"لل", true, 1}, {"وال", true, 1}, {"فال", true, 1},
	{"ال", true, 0},
	{"وب", false, 2}, {"وك", false, 2}, {"ول", false, 2}, {"فب", false, 2}, {"فك", false, 2}, {"فل", false, 2},
	{"و", false, 1}, {"ف", false, 1}, {"ب", false, 1}, {"ك", false, 1}, {"ل", false, 1},
	{"", false, 0},
}

// analyzePrefix appends the readings of w that strip exactly the proclitics p.
func analyzePrefix(rs []scored, w string, p proclitic) []scored {
	if !strings.HasPrefix(w, p.text) {
		return rs
	}
	rest := w[len(p.text):]
	if p.text != "" && !startsWithLetter(rest) {
		return rs // ف-16 is a name, not ف + "-16"
	}
	n := letters(rest)
	score := 0
	switch {
	case p.text == "":
	case p.definite:
		// The article needs two letters after it (الان), a longer chain three (وكالات is not و+ك+ال+ات).
		if n < 2 || n < 3 && p.letters > 0 {
			return rs
		}
		score = scoreArticle
	default:
		if stopArabic[rest] && n >= 2 && p.letters == 1 && p.text != "ك" || invariant[rest] && n >= 3 {
			return append(rs, scored{Analysis{Prefix: p.text, Stem: rest}, scoreKnown})
		}
		if n < 3 {
			return rs
		}
		// "بالضمانات" is ب + ال + ضمانات, never ب + الضمانات.
		if strings.HasPrefix(rest, "ال") && letters(rest) >= 4 && !stopArabic[rest] {
			return rs
		}
		score = scoreClitic
		if p.letters == 2 {
			score = scoreClitics
		}
		if implausibleWhole(p.text, rest) {
			score += scoreEvidence
		}
	}
	base := Analysis{Prefix: p.text, Definite: p.definite}
	if strings.HasSuffix(p.text, "لل") && !invariant[rest] && !stopArabic[rest] {
		// ل + اللجنه is written للجنه: the article's ل merges with the stem's, so لل may also leave it.
		a := base
		a.Stem = "ل" + rest
		rs = append(rs, scored{a, score + 2*scoreWeak})
	}
	if invariant[rest] || stopArabic[rest] {
		base.Stem = rest
		return append(rs, scored{base, score})
	}
	return appendSuffixReadings(rs, base, rest, score, p.text == "")
}

// implausibleWhole reports evidence that a word starting with the single-letter proclitic p is not a
// word of its own. Arabic words do not start with وو and rarely with وب; roots with و first and ت, م,
// ن or ي second are rare (وتر, ومض, وتيرة), while و before an imperfect verb (ويقول, وتابع, ونرى) or an
// م-participle (ومنظمة) is everywhere; and ب/ل before a form-X verbal noun (باستخدام, لاستمرار) is far
// likelier than a word starting with باست or لاست.
func implausibleWhole(p, rest string) bool {
	switch p {
	case "و":
		r, _ := utf8.DecodeRuneInString(rest)
		switch r {
		case 'و', 'ب', 'ت', 'م', 'ن', 'ي':
			return true
		}
		return false
	case "ب", "ل":
		return strings.HasPrefix(rest, "است") && letters(rest) >= 5
	}
	return false
}

// appendSuffixReadings appends the readings of rest (what follows the proclitics of base): unstripped,
// with an inflection ending, and (for indefinite words) with an enclitic pronoun.
func appendSuffixReadings(rs []scored, base Analysis, rest string, score int, bare bool) []scored {
	rs = addReading(rs, base, rest, "", score)
	var ebuf [8]ending
	for _, r := range inflect(ebuf[:0], rest, bare, base.Definite) {
		rs = addReading(rs, base, r.stem, r.suffix, score+r.score)
	}
	if base.Definite {
		return rs // the article and a possessive pronoun never go together
	}
	// The accusative tanwin is written with a final alef (حربا نوويه = حرباً نووية), and the construct dual
	// loses its ن the same way (وزيرا الخارجيه): both are indefinite forms of the stem.
	// Not after هم/كم (the dual pronouns هما, كما), و (the verb ending وا), ه (the pronoun ها: مصالحها is
	// not مصالحة) or ي (place names: روسيا is not روسي, اوكرانيا not اوكراني).
	if body, ok := strings.CutSuffix(rest, "ا"); ok && letters(body) >= 3 && !hasAnySuffix(body, "ا", "هم", "كم", "و", "ه", "ي") {
		rs = addReading(rs, base, body, "ا", score+scoreWeak)
	}
	for _, enc := range enclitics {
		if !strings.HasSuffix(rest, enc) {
			continue
		}
		b := rest[:len(rest)-len(enc)]
		multi := letters(enc) > 1
		// ضماناتنا = ضمان + ات + نا
		if body, ok := strings.CutSuffix(b, "ات"); ok && letters(body) >= 3 {
			rs = addReading(rs, base, nisbaBase(body), "ات"+enc, score+scoreStrong)
			rs = addReading(rs, base, body+"ه", "ات"+enc, score+scoreWeak)
		}
		// ة is written ت before an enclitic: حكومتها = حكومة + ها
		if body, ok := strings.CutSuffix(b, "ت"); ok && letters(body) >= 3 && !strings.HasSuffix(b, "ات") {
			s := scoreWeak
			if multi {
				s = scoreEnclitic
			}
			rs = addReading(rs, base, nisbaBase(body+"ه"), enc, score+s)
		}
		// The construct plural loses its ن before an enclitic: مسوولوها, موظفيها.
		if body, ok := cutAny(b, "و", "ي"); ok && isParticiple(body, letters(body)) {
			rs = addReading(rs, base, body, b[len(body):]+enc, score+scoreWeak)
		}
		switch {
		case enc == "ي":
			// A bare ي is far more often the nisba ending (امني) than "my": never strip it alone.
		case multi && letters(b) >= 4 && enc != "كن" && enc != "هن":
			rs = addReading(rs, base, b, enc, score+scoreEnclitic)
		case letters(b) >= 3 || multi && letters(b) >= 2:
			rs = addReading(rs, base, b, enc, score+scoreWeak)
		}
	}
	return rs
}

func hasAnySuffix(s string, suffixes ...string) bool {
	_, ok := cutAny(s, suffixes...)
	return ok
}

// addReading appends base with the given stem and suffix, unless the stem would be too short.
func addReading(rs []scored, base Analysis, stem, suffix string, score int) []scored {
	if letters(stem) < 2 && (suffix != "" || base.Prefix != "") {
		return rs // only the whole word itself may be that short
	}
	base.Stem, base.Suffix = stem, suffix
	return append(rs, scored{base, score})
}

// enclitics are the possessive/object pronouns in normalized spelling, longest first.
var enclitics = []string{"هما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ك", "ي"}

type ending struct {
	stem, suffix string
	score        int
}

// inflect returns the inflection-ending readings of a word without its proclitics. bare says the word
// had no proclitic at all, which makes a plural or dual reading of ين/ون/ان unlikely without evidence;
// definite says it had the article, which excludes the construct state.
func inflect(out []ending, w string, bare, definite bool) []ending {
	n := letters(w)
	// Nisba endings reduce to the masculine singular ي: الامنيه → امني, الروسيين → روسي.
	for _, e := range [...]string{"يتان", "يتين", "يات", "يين", "يون", "يان", "يه"} {
		if body, ok := strings.CutSuffix(w, e); ok {
			stem := body + "ي"
			switch sn := letters(stem); {
			case sn >= 4:
				out = append(out, ending{stem, e[len("ي"):], scoreStrong})
			case sn >= 3:
				out = append(out, ending{stem, e[len("ي"):], scoreWeak})
			}
			break
		}
	}
	if body, ok := strings.CutSuffix(w, "ات"); ok {
		switch bn := letters(body); {
		case bn >= 3 && !(bn == 3 && strings.HasPrefix(body, "ا")):
			out = append(out, ending{body, "ات", scoreStrong}, ending{body + "ه", "ات", scoreWeak})
		case bn >= 3: // اوقات, اصوات: broken plurals whose root ends in ت
			out = append(out, ending{body, "ات", scoreWeak})
		}
	}
	if body, ok := cutAny(w, "تان", "تين"); ok && letters(body) >= 3 {
		out = append(out, ending{body + "ه", w[len(body):], scoreWeak})
	}
	if body, ok := cutAny(w, "ين", "ون"); ok && !isMasdarTafil(w, n) {
		bn := letters(body)
		switch {
		case isParticiple(body, bn):
			out = append(out, ending{body, w[len(body):], scoreStrong})
		case !bare && bn >= 3:
			out = append(out, ending{body, w[len(body):], scoreWeak})
		}
	}
	if body, ok := strings.CutSuffix(w, "ان"); ok && !bare && letters(body) >= 3 {
		out = append(out, ending{body, "ان", scoreWeak})
	}
	// The construct plural drops its ن: مسوولو الحكومه (never with the article).
	if body, ok := strings.CutSuffix(w, "و"); ok && !definite && isParticiple(body, letters(body)) {
		out = append(out, ending{body, "و", scoreWeak})
	}
	return out
}

// isParticiple reports whether stem looks like a participle or similar م-initial noun whose sound plural
// is common (مسوول, معلم, مواطن), excluding the broken plural shape مفاعيل (ميادين, ملايين).
func isParticiple(stem string, n int) bool {
	if !strings.HasPrefix(stem, "م") {
		return false
	}
	if n >= 5 {
		return true
	}
	if n != 4 {
		return false
	}
	r := []rune(stem)
	return r[2] != 'ا'
}

// isMasdarTafil reports the verbal noun pattern تفعيل of roots ending in ن (تامين, تعيين, تحسين), where
// ين is part of the stem.
func isMasdarTafil(w string, n int) bool {
	return n == 5 && strings.HasPrefix(w, "ت") && strings.HasSuffix(w, "ين")
}

// nisbaBase reduces a restored feminine nisba (اتفاقيه) to its masculine base (اتفاقي).
func nisbaBase(stem string) string {
	if body, ok := strings.CutSuffix(stem, "يه"); ok && letters(body) >= 3 {
		return body + "ي"
	}
	return stem
}

func cutAny(w string, suffixes ...string) (string, bool) {
	for _, s := range suffixes {
		if body, ok := strings.CutSuffix(w, s); ok {
			return body, true
		}
	}
	return w, false
}

func letters(s string) int { return utf8.RuneCountInString(s) }

func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// Key returns the single preferred matching key of a word: for Arabic the stem of its most likely
// reading (Analyze(w)[0].Stem), for other scripts EnglishStem(w). Key("") is "".
func Key(w string) string {
	if w == "" {
		return ""
	}
	if !IsArabic(w) {
		return EnglishStem(w)
	}
	var buf [32]scored
	if rs := readings(buf[:0], fold(w)); len(rs) > 0 {
		return rs[0].a.Stem
	}
	return ""
}

// IsArabic reports whether the first letter of w belongs to the Arabic script. Digits, marks,
// punctuation and tatweel are skipped; a word without letters is not Arabic.
func IsArabic(w string) bool {
	for _, r := range w {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				return false
			}
			continue
		}
		if r == 'ـ' || !unicode.IsLetter(r) {
			continue
		}
		return unicode.Is(unicode.Arabic, r)
	}
	return false
}

// fold applies the Arabic letter folds of normalize.Search that analysis depends on, so that a word
// that was not normalized still gets sensible readings. It returns w itself when nothing changes.
func fold(w string) string {
	clean := true
	for _, r := range w {
		if foldRune(r) != r {
			clean = false
			break
		}
	}
	if clean {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		if f := foldRune(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// foldRune maps r to its folded form, or to -1 when it is deleted.
func foldRune(r rune) rune {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640: // tashkeel, dagger alef, tatweel
		return -1
	case r >= 0x200B && r <= 0x200F, r == 0x061C, r == 0x00AD, r == 0x2060, r == 0xFEFF:
		return -1
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ة':
		return 'ه'
	case 'ى', 'ی', 'ئ':
		return 'ي'
	case 'ؤ':
		return 'و'
	case 'ک':
		return 'ك'
	case 'ۀ', 'ہ', 'ھ':
		return 'ه'
	}
	return r
}
