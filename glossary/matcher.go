package glossary

import (
	"slices"
	"strings"

	"github.com/tarjuman/tarjuman/internal/token"
	"github.com/tarjuman/tarjuman/normalize"
	"golang.org/x/text/language"
)

// Match is one occurrence of a glossary term in a text. It is plain data owned by the caller.
type Match struct {
	// Start and End are byte offsets into the text: text[Start:End] covers whole words, including
	// attached clitics and trailing diacritics.
	Start, End int
	// Text is text[Start:End].
	Text string
	// Entry is the concept whose term was found.
	Entry Entry
	// Source is the entry's term that matched.
	Source Term
	// Targets are the entry's terms in the Matcher's target language, preferred first, deprecated,
	// superseded and forbidden ones last.
	Targets []Term
}

// Matcher finds the terms of one language of a glossary in text. It is an immutable snapshot compiled
// by (*Glossary).Matcher and is safe for concurrent use by multiple goroutines.
//
// Matching is term-anchored: every term word is reduced to one key (its normalize.Search form, stripped
// of clitics and inflection by internal/token), every text word to the set of keys it can be read as,
// and runs of adjacent text words are matched against a trie of term keys. The first word of a term
// may carry any proclitic (و ف ب ك ل ال لل) and enclitic; later words accept only the article, and an
// Arabic later word agrees in definiteness with the first word as it did in the term (وضمانات أمنية and
// بالضمانات الأمنية both match الضمانات الأمنية). English words match case-insensitively up to a plural s.
// Punctuation or a blank line between two words ends a term; other white space (NBSP, several spaces, a
// line break) does not.
//
// FindAll takes time linear in the length of the text (times the number of words of the longest term),
// independent of the number of terms. A Matcher remembers the analyses of up to 65,536 distinct text
// words that may belong to a term, which makes repeated words cheap; that cache is internal and does
// not change results.
type Matcher struct {
	src, tgt     language.Base
	entries      []Entry
	targets      [][]Term // per entry: terms in the target language, by status rank
	terms        []cterm
	words        []cword             // the words of all terms, cterm.lo:hi
	vocab        map[string]uint32   // word key → key id
	stems        map[string]struct{} // Arabic keys: the prefilter
	edges        map[edge]uint32     // trie transitions; node 0 is the root
	ends         map[uint32][]int32  // node → terms ending there
	maxWords     int
	laterClitics bool // some term has a proclitic on a word after its first (والتعاون)
	cache        readingCache
}

type edge struct {
	node, key uint32
}

// cterm is a compiled source term.
type cterm struct {
	entry, term int32
	lo, hi      int32 // words are Matcher.words[lo:hi]
}

type cword struct {
	key      uint32
	alt      uint32 // a second key the word also matches (both stems of a feminine plural); 0: none
	clitic   clitic
	definite bool
	paired   bool
	arabic   bool
}

func compile(entries []Entry, src, tgt language.Base) *Matcher {
	n := 0 // source terms, to size the maps once
	for _, e := range entries {
		for _, t := range e.Terms {
			if sameLang(t.Lang, src) {
				n++
			}
		}
	}
	m := &Matcher{
		src:     src,
		tgt:     tgt,
		entries: entries,
		targets: make([][]Term, len(entries)),
		terms:   make([]cterm, 0, n),
		words:   make([]cword, 0, 2*n),
		vocab:   make(map[string]uint32, n/2),
		stems:   make(map[string]struct{}, n/2),
		edges:   make(map[edge]uint32, 2*n),
		ends:    make(map[uint32][]int32, n),
	}
	sc := &termScratch{memo: make(map[string]cword, n/2)}
	next := uint32(1)
	for ei, e := range entries {
		if tgt != (language.Base{}) {
			m.targets[ei] = targetTerms(e.Terms, tgt)
		}
		for ti, t := range e.Terms {
			if !sameLang(t.Lang, src) {
				continue
			}
			lo := len(m.words)
			m.words = m.appendTermWords(m.words, t.Text, sc)
			if len(m.words) == lo {
				continue
			}
			for _, node := range m.insertPaths(m.words[lo:], &next) {
				m.ends[node] = append(m.ends[node], int32(len(m.terms)))
			}
			m.terms = append(m.terms, cterm{entry: int32(ei), term: int32(ti), lo: int32(lo), hi: int32(len(m.words))})
			m.maxWords = max(m.maxWords, len(m.words)-lo)
		}
	}
	return m
}

// insertPaths adds to the trie every path of keys the words can take (a word with an alternative key
// doubles them; terms have a few words and rarely more than one such word) and returns the end nodes.
func (m *Matcher) insertPaths(words []cword, next *uint32) []uint32 {
	nodes := []uint32{0}
	for _, w := range words {
		var out []uint32
		for _, node := range nodes {
			for _, key := range [2]uint32{w.key, w.alt} {
				if key == 0 {
					continue
				}
				child, ok := m.edges[edge{node, key}]
				if !ok {
					child = *next
					*next++
					m.edges[edge{node, key}] = child
				}
				if !slices.Contains(out, child) {
					out = append(out, child)
				}
			}
		}
		nodes = out
	}
	return nodes
}

// termScratch holds buffers reused across the terms of one compilation.
type termScratch struct {
	memo map[string]cword // term words repeat across terms: analyse each once
	norm []byte
	toks []token.Token
}

// appendTermWords appends the compiled words of a term, none if it has no words.
func (m *Matcher) appendTermWords(dst []cword, text string, sc *termScratch) []cword {
	first := len(dst)
	text, _ = token.StripAccelerators(text) // as the scan reads text: a term "R&D" is the word of "R&D"
	sc.norm = normalize.Search.Append(sc.norm[:0], []byte(text))
	norm := sc.norm
	sc.toks = token.AppendTokens(sc.toks[:0], string(norm))
	toks := splitHyphens(sc.toks, string(norm))
	// Punctuation around a term is not part of it; inside (U.S., 5+5) it is, literally.
	for len(toks) > 0 && !isWord(toks[0].Kind) {
		toks = toks[1:]
	}
	for len(toks) > 0 && !isWord(toks[len(toks)-1].Kind) {
		toks = toks[:len(toks)-1]
	}
	for _, tk := range toks {
		if !isWord(tk.Kind) {
			dst = append(dst, cword{key: m.keyID(symbolKey(string(norm[tk.Start:tk.End])))})
			continue
		}
		cw, ok := sc.memo[string(norm[tk.Start:tk.End])]
		if !ok {
			w := string(norm[tk.Start:tk.End])
			rs := termKeys(w)
			if len(rs) == 0 {
				continue
			}
			r := rs[0]
			cw = cword{key: m.keyID(r.key), clitic: r.clitic, definite: r.definite, paired: r.paired, arabic: token.IsArabic(w)}
			if len(rs) > 1 {
				cw.alt = m.keyID(rs[1].key)
			}
			if cw.arabic {
				for _, r := range rs {
					addStem(m.stems, r.key)
				}
			}
			sc.memo[w] = cw
		}
		if len(dst) > first && cw.clitic != noClitic {
			m.laterClitics = true
		}
		dst = append(dst, cw)
	}
	return dst
}

// addStem records an Arabic key for the prefilter, with the spellings a final hamza takes before an
// enclitic (حلفاء: حلفاي, حلفاو), which are what the word contains then.
func addStem(stems map[string]struct{}, key string) {
	stems[key] = struct{}{}
	// A key ending in ه may be a ة that internal/token restored (ضمانه from ضمانات, حكومه from حكومتها):
	// the text then holds the key without it.
	if body, ok := strings.CutSuffix(key, "ه"); ok && body != "" {
		stems[body] = struct{}{}
	}
	if body, ok := strings.CutSuffix(key, "اء"); ok {
		stems[body+"اي"] = struct{}{}
		stems[body+"او"] = struct{}{}
	}
}

func (m *Matcher) keyID(key string) uint32 {
	id, ok := m.vocab[key]
	if !ok {
		id = uint32(len(m.vocab)) + 1 // 0 is never a key, so cword.alt can use it for "none"
		m.vocab[key] = id
	}
	return id
}

func targetTerms(terms []Term, tgt language.Base) []Term {
	var out []Term
	for _, t := range terms {
		if sameLang(t.Lang, tgt) {
			out = append(out, t)
		}
	}
	slices.SortStableFunc(out, func(a, b Term) int { return a.Status.rank() - b.Status.rank() })
	return out
}

// Len returns the number of source terms the Matcher looks for.
func (m *Matcher) Len() int { return len(m.terms) }
