package align

import (
	"slices"
	"strings"
	"unicode"

	"github.com/tarjuman/tarjuman/internal/token"
	"github.com/tarjuman/tarjuman/normalize"
)

// surfaces picks the reported form of every chosen candidate on both sides.
func (c *corpus) surfaces(chosen []*scored) [2]map[int32]string {
	var out [2]map[int32]string
	for side := range 2 {
		counts := make(map[int32]map[string]float64)
		for _, x := range chosen {
			id := x.src
			if side == 1 {
				id = x.tgt
			}
			counts[id] = make(map[string]float64)
		}
		for i := range c.segs {
			sg := &c.segs[i]
			for _, oc := range sg.occs[side] {
				m, ok := counts[oc.cand]
				if !ok {
					continue
				}
				ts := sg.toks[side]
				form := spaced(dropAccelerators(sg.text[side], int(ts[oc.start].start), int(ts[int(oc.start)+int(oc.n)-1].end)))
				w := 1.0
				if !c.arabic[side] && oc.start == 0 {
					w = 0.5 // a capital at the start of a segment says nothing about the term's case
				}
				m[form] += w
			}
		}
		out[side] = make(map[int32]string, len(counts))
		for id, m := range counts {
			if c.arabic[side] {
				out[side][id] = pickArabic(m)
			} else {
				out[side][id] = pickEnglish(m)
			}
		}
	}
	return out
}

// spaced collapses the white space between the words of a term to single spaces.
func spaced(s string) string {
	if !strings.ContainsAny(s, "\t\n\r\u00a0") && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// dropAccelerators returns text[start:end] without the keyboard-accelerator markers tokens read text
// without (token.AcceleratorMarks).
func dropAccelerators(text string, start, end int) string {
	var b strings.Builder
	last := start
	for _, m := range token.AcceleratorMarks(nil, text) {
		if start <= m && m < end {
			b.WriteString(text[last:m])
			last = m + 1
		}
	}
	if last == start {
		return text[start:end]
	}
	b.WriteString(text[last:end])
	return b.String()
}

// sortedForms lists the forms by descending count, then in byte order, for deterministic choices.
func sortedForms(m map[string]float64) []string {
	forms := make([]string, 0, len(m))
	for f := range m {
		forms = append(forms, f)
	}
	slices.SortFunc(forms, func(a, b string) int {
		if m[a] != m[b] {
			if m[a] > m[b] {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	return forms
}

// pickEnglish returns the most frequent form; on a tie the one with fewer capitals.
func pickEnglish(m map[string]float64) string {
	forms := sortedForms(m)
	if len(forms) == 0 {
		return ""
	}
	best := forms[0]
	for _, f := range forms[1:] {
		if m[f] == m[best] && f > best { // lower case sorts after upper case
			best = f
		}
	}
	return best
}

// pickArabic returns the form a glossary would list: among forms whose words carry no conjunction or
// preposition (only the article, if anything), the most frequent, or the most frequent definite one if
// it is at least half as frequent.
func pickArabic(m map[string]float64) string {
	forms := sortedForms(m)
	if len(forms) == 0 {
		return ""
	}
	var clean []string
	for _, f := range forms {
		if ok, _ := arabicShape(f); ok {
			clean = append(clean, f)
		}
	}
	if len(clean) == 0 {
		return dropProclitics(forms[0])
	}
	top := clean[0]
	if _, def := arabicShape(top); def {
		return top
	}
	for _, f := range clean[1:] {
		if _, def := arabicShape(f); def && 2*m[f] >= m[top] {
			return f
		}
	}
	return top
}

// dropProclitics removes the conjunction and preposition attached to the first word of an Arabic form
// (وبالعقوبات → العقوبات, للضمانات الأمنية → الضمانات الأمنية), keeping or restoring the article. It is
// used when the corpus never shows the term without them, and trusts the analyzer's preferred reading,
// which keeps a single-letter clitic on an indefinite word when the rest is not a known form (بمعايير).
func dropProclitics(form string) string {
	first, rest, _ := strings.Cut(form, " ")
	as := token.Analyze(normalize.Search.String(first))
	if len(as) == 0 {
		return form
	}
	p := []rune(as[0].Prefix)
	if len(p) == 0 || string(p) == "ال" {
		return form
	}
	var head string
	drop := len(p)
	switch {
	case strings.HasSuffix(string(p), "ال"):
		drop -= 2 // وبالضمانات: keep the article
	case as[0].Definite: // للضمانات: ل + the article contracted to ل
		head = "ال"
	}
	tail, ok := skipLetters(first, drop)
	if !ok || tail == "" {
		return form
	}
	if rest != "" {
		return head + tail + " " + rest
	}
	return head + tail
}

// skipLetters returns w after its first n letters and the marks that follow them.
func skipLetters(w string, n int) (string, bool) {
	for i, r := range w {
		if unicode.Is(unicode.Mn, r) || r == '\u0640' { // harakat, tatweel
			continue
		}
		if n == 0 {
			return w[i:], true
		}
		n--
	}
	return "", false
}

// arabicShape reports whether no word of the form has a proclitic other than the article, and whether
// its first word is definite.
func arabicShape(form string) (clean, definite bool) {
	clean = true
	for k, w := range strings.Fields(form) {
		as := token.Analyze(normalize.Search.String(w))
		if len(as) == 0 {
			continue
		}
		a := as[0]
		if a.Prefix != "" && a.Prefix != "ال" {
			clean = false
		}
		if k == 0 {
			definite = a.Definite
		}
	}
	return clean, definite
}
