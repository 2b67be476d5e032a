package glossary

import (
	"slices"

	"github.com/tarjuman/tarjuman/internal/token"
	"golang.org/x/text/language"
)

// Match is one occurrence of a glossary term in a text.
type Match struct {
	// Start and End are byte offsets into the text: text[Start:End] covers whole tokens, including
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
// FindAll runs in time linear in the text (times the length of the longest term), independent of the
// number of terms.
type Matcher struct {
	src, tgt language.Base
	entries  []Entry
	targets  [][]Term // per entry: terms in the target language, by status rank
	terms    []cterm
	vocab    map[string]uint32 // word key → key id
	edges    map[edge]uint32   // trie transitions; node 0 is the root
	ends     map[uint32][]int32
	maxWords int
	// laterClitics is set if some term has a proclitic on a word after its first (والتعاون).
	laterClitics bool
}

type edge struct {
	node, key uint32
}

// cterm is a compiled source term.
type cterm struct {
	entry, term int32
	words       []cword
}

type cword struct {
	key      uint32
	clitic   string
	definite bool
	arabic   bool
}

func compile(entries []Entry, src, tgt language.Base) *Matcher {
	m := &Matcher{
		src:     src,
		tgt:     tgt,
		entries: entries,
		targets: make([][]Term, len(entries)),
		vocab:   make(map[string]uint32),
		edges:   make(map[edge]uint32),
		ends:    make(map[uint32][]int32),
	}
	next := uint32(1)
	for ei, e := range entries {
		if tgt != (language.Base{}) {
			m.targets[ei] = targetTerms(e.Terms, tgt)
		}
		for ti, t := range e.Terms {
			if !sameLang(t.Lang, src) {
				continue
			}
			words := m.compileTerm(t.Text)
			if len(words) == 0 {
				continue
			}
			node := uint32(0)
			for _, w := range words {
				child, ok := m.edges[edge{node, w.key}]
				if !ok {
					child = next
					next++
					m.edges[edge{node, w.key}] = child
				}
				node = child
			}
			m.ends[node] = append(m.ends[node], int32(len(m.terms)))
			m.terms = append(m.terms, cterm{entry: int32(ei), term: int32(ti), words: words})
			m.maxWords = max(m.maxWords, len(words))
		}
	}
	return m
}

// compileTerm returns the keys of a term's words, or nil if it has no words.
func (m *Matcher) compileTerm(text string) []cword {
	var words []cword
	for _, tk := range token.Tokenize(text) {
		if !isWord(tk.Kind) {
			continue
		}
		w := text[tk.Start:tk.End]
		r, ok := termKey(w)
		if !ok {
			continue
		}
		id, ok := m.vocab[r.key]
		if !ok {
			id = uint32(len(m.vocab))
			m.vocab[r.key] = id
		}
		if len(words) > 0 && r.clitic != "" {
			m.laterClitics = true
		}
		words = append(words, cword{key: id, clitic: r.clitic, definite: r.definite, arabic: token.IsArabic(w)})
	}
	return words
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
