package glossary

import (
	"iter"
	"slices"
	"sync"

	"github.com/tarjuman/tarjuman/internal/token"
	"github.com/tarjuman/tarjuman/normalize"
)

// textWord is a token of the searched text with the readings whose keys occur in some term; tokens
// without readings (most punctuation) stop every match.
type textWord struct {
	start, end int // byte offsets in the normalized text
	rs         []kreading
	joined     bool // nothing but white space separates it from the previous token
	word       bool // a word or number, not punctuation
}

// kreading is a reading whose key is in the Matcher's vocabulary.
type kreading struct {
	key      uint32
	clitic   clitic
	definite bool
	suffixed bool
	paired   bool
	later    bool
}

type scan struct {
	norm  string
	om    *normalize.OffsetMap
	marks []int // offsets of the accelerator markers StripAccelerators took out of the text
	words []textWord
	toks  []token.Token
}

// scans recycles the token and word buffers of finished scans: FindAll on a long text otherwise
// allocates about 50 bytes per token, and the garbage collector's work grows with the live heap, which
// a large glossary makes big.
var scans = sync.Pool{New: func() any { return new(scan) }}

// maxPooled bounds the buffers kept for reuse (in elements), so one huge text does not pin memory.
const maxPooled = 1 << 20

func (s *scan) release() {
	if cap(s.words) > maxPooled || cap(s.toks) > maxPooled {
		return
	}
	clear(s.words) // drop references to reading slices
	*s = scan{words: s.words[:0], toks: s.toks[:0]}
	scans.Put(s)
}

// scan normalizes and tokenizes text once and keeps, for each word, only the readings that can start or
// continue a term. The caller releases the scan when done with it.
func (m *Matcher) scan(text string) *scan {
	s := scans.Get().(*scan)
	// Keyboard accelerators ("Se&curity", "_Save") are not text: the scan reads text without them, and
	// emit maps its offsets back over them.
	stripped, marks := token.StripAccelerators(text)
	s.marks = marks
	s.norm, s.om = normalize.Search.StringWithOffsets(stripped)
	norm := s.norm
	s.toks = token.AppendTokens(s.toks[:0], norm)
	toks := splitHyphens(s.toks, norm)
	s.words = slices.Grow(s.words[:0], len(toks))
	prevEnd := -1
	for _, tk := range toks {
		w := textWord{start: tk.Start, end: tk.End, word: isWord(tk.Kind)}
		if w.word {
			w.rs = m.readings(norm[tk.Start:tk.End])
		} else if id, ok := m.vocab[symbolKey(norm[tk.Start:tk.End])]; ok {
			w.rs = []kreading{{key: id}} // punctuation inside a term (U.S.): it must be there in the text too
		}
		w.joined = prevEnd >= 0 && !gapBreaks(norm[prevEnd:tk.Start])
		s.words = append(s.words, w)
		prevEnd = tk.End
	}
	return s
}

// origSpan returns the span in the scanned text of the span [start, end) of its normalized form.
func (s *scan) origSpan(start, end int) (int, int) {
	start, end = s.om.OrigSpan(start, end)
	return token.AcceleratorSpan(s.marks, start, end)
}

// readings returns the readings of a normalized word whose keys are in the vocabulary.
func (m *Matcher) readings(w string) []kreading {
	if !token.IsArabic(w) {
		if id, ok := m.vocab[token.EnglishStem(w)]; ok {
			return []kreading{{key: id}}
		}
		return nil
	}
	if !m.mayMatch(w) {
		return nil
	}
	if rs, ok := m.cache.get(w); ok {
		return rs
	}
	var rs []kreading
	for _, r := range wordReadings(nil, w) {
		if id, ok := m.vocab[r.key]; ok {
			rs = append(rs, kreading{key: id, clitic: r.clitic, definite: r.definite, suffixed: r.suffixed, paired: r.paired, later: r.later})
		}
	}
	m.cache.put(w, rs)
	return rs
}

// found collects the terms matched from one start word.
type found struct {
	n     int     // words covered
	terms []int32 // indices into Matcher.terms, ascending
	want  int     // if > 0, only matches of exactly this many words count
}

func (f *found) record(n int, t int32) {
	if f.want > 0 && n != f.want {
		return
	}
	if n > f.n {
		f.n = n
		f.terms = f.terms[:0]
	}
	if n == f.n && !containsInt32(f.terms, t) {
		f.terms = append(f.terms, t)
	}
}

func containsInt32(s []int32, v int32) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// walk extends a match that has consumed depth words from s.words[i:] and reached node, trying every
// reading of the next word.
func (m *Matcher) walk(s *scan, i, depth int, node uint32, path []kreading, f *found) {
	w := s.words[i+depth]
	if depth > 0 && !w.joined {
		return
	}
	for _, r := range w.rs {
		if depth > 0 && r.clitic != noClitic && !m.laterClitics {
			continue // no term has a proclitic on a later word (most don't: منظمة الأمن والتعاون does)
		}
		if depth == 0 && r.later {
			continue
		}
		child, ok := m.edges[edge{node, r.key}]
		if !ok {
			continue
		}
		path[depth] = r
		for _, t := range m.ends[child] {
			if m.agrees(&m.terms[t], path[:depth+1]) {
				f.record(depth+1, t)
			}
		}
		if depth+1 < m.maxWords && i+depth+1 < len(s.words) {
			m.walk(s, i, depth+1, child, path, f)
		}
	}
}

// agrees checks the definiteness of the later words of a matched run against the term. Where the term's
// word agreed with its first word (noun and adjective: الضمانات الأمنية), the text's word must agree with
// the text's first word, which counts as definite when it has the article or may carry a possessive
// (ضماناتنا الأمنية), and in number where the term's words are singular (الرئيسان الروسيان, not الرئيسين
// الروسي). Where it did not (idafa: منظمة الأمن), the text's word keeps the term's definiteness.
func (m *Matcher) agrees(t *cterm, path []kreading) bool {
	words := m.words[t.lo:t.hi]
	w0, first := words[0], path[0]
	for j := 1; j < len(path); j++ {
		w, r := words[j], path[j]
		if r.clitic != w.clitic {
			return false // later words take the article only, beyond what the term itself has
		}
		if !w.arabic {
			continue
		}
		if w0.arabic && w.definite == w0.definite {
			if r.definite && !first.definite && !first.suffixed {
				return false
			}
			if !r.definite && first.definite {
				return false
			}
			// Number: a dual or plural of persons takes a dual or plural adjective, unless the term
			// itself pairs them otherwise (القوانين الدولية).
			if !w0.paired && !w.paired && first.paired != r.paired {
				return false
			}
		} else if r.definite != w.definite {
			// Idafa whose genitive is itself in construct loses its article: وزير خارجية روسيا is a
			// وزير الخارجية. Only a definite genitive after an indefinite head may drop it.
			if !(w.definite && !w0.definite && !r.definite && !first.definite) {
				return false
			}
		}
	}
	return true
}

// FindAll returns every occurrence of the Matcher's terms in text, sorted by Start. Where terms overlap
// the longest wins; matches never overlap. When several entries share the matched term (homonyms), each
// gets its own Match with the same span. FindAll never fails: text that is not valid UTF-8 or contains
// no terms yields no matches.
func (m *Matcher) FindAll(text string) []Match {
	var out []Match
	m.each(text, func(_ int32, mt Match) bool { out = append(out, mt); return true })
	return out
}

// Matches returns an iterator over the matches FindAll would return, in the same order, without
// collecting them; stopping early skips the rest of the work.
func (m *Matcher) Matches(text string) iter.Seq[Match] {
	return func(yield func(Match) bool) {
		m.each(text, func(_ int32, mt Match) bool { return yield(mt) })
	}
}

// each calls fn for every match FindAll reports, with the index of the matched compiled term, until fn
// returns false.
func (m *Matcher) each(text string, fn func(term int32, mt Match) bool) {
	if len(m.terms) == 0 || text == "" {
		return
	}
	s := m.scan(text)
	defer s.release()
	path := make([]kreading, m.maxWords)
	var f found
	for i := 0; i < len(s.words); {
		w := s.words[i]
		if len(w.rs) == 0 {
			i++
			continue
		}
		f.n, f.terms = 0, f.terms[:0]
		m.walk(s, i, 0, 0, path, &f)
		if f.n == 0 {
			i++
			continue
		}
		start, end := s.origSpan(w.start, s.words[i+f.n-1].end)
		if !m.emit(f.terms, text, start, end, fn) {
			return
		}
		i += f.n
	}
}

// emit reports one Match per distinct entry among terms, in glossary order; false means fn asked to stop.
func (m *Matcher) emit(terms []int32, text string, start, end int, fn func(int32, Match) bool) bool {
	slices.Sort(terms)
	last := int32(-1)
	for _, ti := range terms {
		t := m.terms[ti]
		if t.entry == last {
			continue // terms of one entry are contiguous; report the entry once
		}
		last = t.entry
		e := m.entries[t.entry]
		if !fn(ti, Match{
			Start:   start,
			End:     end,
			Text:    text[start:end],
			Entry:   cloneEntry(e),
			Source:  e.Terms[t.term],
			Targets: append([]Term(nil), m.targets[t.entry]...),
		}) {
			return false
		}
	}
	return true
}

// lookup returns the entries with a term that covers all of query's words.
func (m *Matcher) lookup(query string) []Entry {
	if len(m.terms) == 0 {
		return nil
	}
	s := m.scan(query)
	all := s.words
	defer func() { s.words = all; s.release() }()
	// Punctuation around the query ("security guarantees.") is not part of it.
	for len(s.words) > 0 && !s.words[0].word {
		s.words = s.words[1:]
	}
	for len(s.words) > 0 && !s.words[len(s.words)-1].word {
		s.words = s.words[:len(s.words)-1]
	}
	if len(s.words) == 0 || len(s.words) > m.maxWords || len(s.words[0].rs) == 0 {
		return nil
	}
	s.words[0].joined = false
	f := found{want: len(s.words)}
	m.walk(s, 0, 0, 0, make([]kreading, m.maxWords), &f)
	slices.Sort(f.terms) // glossary order
	var out []Entry
	var seen []int32
	for _, ti := range f.terms {
		e := m.terms[ti].entry
		if !containsInt32(seen, e) {
			seen = append(seen, e)
			out = append(out, cloneEntry(m.entries[e]))
		}
	}
	return out
}
