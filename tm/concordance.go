package tm

import (
	"context"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/internal/fuzzy"
	"github.com/tarjuman/tarjuman/internal/tmkey"
	"github.com/tarjuman/tarjuman/internal/token"
	"github.com/tarjuman/tarjuman/normalize"
)

// ConcordanceOptions configure Concordance. The zero value searches both sides of every unit and
// returns up to DefaultConcordanceLimit hits with DefaultConcordanceWidth runes of context.
type ConcordanceOptions struct {
	// Lang, when set, searches only the sides written in that (base) language.
	Lang language.Tag
	// Pair, when set, searches only units between those two languages (in either direction).
	Pair LangPair
	// Limit caps the number of hits; 0 means DefaultConcordanceLimit.
	Limit int
	// Width is the context kept on each side of a hit, in runes; 0 means DefaultConcordanceWidth.
	Width int
}

// Concordance defaults.
const (
	DefaultConcordanceLimit = 100
	DefaultConcordanceWidth = 40
)

// Side names the side of a unit a Hit was found on.
type Side int

// Sides of a unit.
const (
	SourceSide Side = iota
	TargetSide
)

func (s Side) String() string {
	if s == SourceSide {
		return "source"
	}
	return "target"
}

// Hit is one occurrence of a concordance phrase, as keyword in context: Text[Start:End] is the
// occurrence (whole words, clitics and marks included) in the side's original text, Left and
// Right the context around it, cut at rune boundaries.
type Hit struct {
	Unit               Unit
	Side               Side
	Start, End         int
	Left, Match, Right string
}

// Concordance finds the units whose source or target contains phrase as a sequence of whole
// words, in the order they were added. Matching ignores case, diacritics, hamza/alef forms and
// tatweel, and Arabic clitics and inflection: "مشاورات" finds "والمشاورات" and "ومشاوراتهم". A
// substring test on the in-memory keys (O(units), about 0.1 s per million) picks the units to read
// from the store; only those are tokenized.
func (m *Memory) Concordance(ctx context.Context, phrase string, o ConcordanceOptions) ([]Hit, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	limit, width := o.Limit, o.Width
	if limit <= 0 {
		limit = DefaultConcordanceLimit
	}
	if width <= 0 {
		width = DefaultConcordanceWidth
	}
	pk := phraseKeys(phrase)
	if len(pk) == 0 {
		return nil, nil
	}
	// Prefilter needles: each word's shortest stem minus its last rune (ة/ت and similar alternate
	// before suffixes) must occur in the side's normalized text.
	needles := make([]string, len(pk))
	for i, ks := range pk {
		k := ks[0]
		for _, s := range ks[1:] {
			if len(s) < len(k) {
				k = s
			}
		}
		k = tmkey.WordRunes(k) // as the index keys hold it: "co-op" is "coop" there
		if _, size := utf8.DecodeLastRuneInString(k); utf8.RuneCountInString(k) > 2 {
			k = k[:len(k)-size]
		}
		needles[i] = k
	}
	var onlyDir string
	if o.Pair.Source != language.Und && o.Pair.Target != language.Und {
		onlyDir = dirKey(o.Pair.Source, o.Pair.Target)
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	if m.closed {
		return nil, ErrClosed
	}
	// The direction indexes hold every side's key in memory: test the needles there and read from
	// the store only the units that pass, in id order (the order they were added), a batch at a time
	// so that a common phrase stops early.
	var hits []Hit
	ixs := slices.Collect(maps.Values(m.dirs))
	bound := 0
	for _, ix := range ixs {
		bound = max(bound, ix.IDBound())
	}
	for next := 0; next < bound && len(hits) < limit; {
		var ids []uint32
		var err error
		if ids, next, err = keysContaining(ctx, ixs, bound, needles, next, 256); err != nil {
			return nil, err
		}
		err = m.st.get(ids, func(r *record) {
			if onlyDir != "" && !sideMatches(r, onlyDir) {
				return
			}
			for _, side := range [...]Side{SourceSide, TargetSide} {
				text, key, lang := r.unit.Source, r.srcKey, r.unit.Pair.Source
				if side == TargetSide {
					text, key, lang = r.unit.Target, r.tgtKey, r.unit.Pair.Target
				}
				if o.Lang != language.Und && !sameBase(o.Lang, lang) {
					continue
				}
				if !containsAll(key, needles) {
					continue
				}
				for _, sp := range findPhrase(text, pk) {
					if len(hits) < limit {
						hits = append(hits, kwic(r, side, text, sp[0], sp[1], width))
					}
				}
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return hits, nil
}

// keysContaining returns, in increasing order, up to max ids from id from on (and below bound) of the
// units one of whose sides has a key in ixs containing every needle, and the id to continue from. The
// caller holds m.mu for reading.
func keysContaining(ctx context.Context, ixs []*fuzzy.Index, bound int, needles []string, from, max int) ([]uint32, int, error) {
	var ids []uint32
	id := from
	for ; id < bound && len(ids) < max; id++ {
		if id%65536 == 0 && ctx.Err() != nil {
			return nil, id, ctx.Err()
		}
		for _, ix := range ixs {
			if key, ok := ix.Key(uint32(id)); ok && containsAll(key, needles) {
				ids = append(ids, uint32(id))
				break
			}
		}
	}
	return ids, id, ctx.Err()
}

// wordKeys are the concordance keys of one word: the stems of all its readings (token.Analyze of
// its normalize.Search form), so that a plural or a word with clitics meets its singular.
func wordKeys(w string) []string {
	n := normalize.Search.String(w)
	as := token.Analyze(n)
	if len(as) == 0 {
		return []string{token.Key(n)}
	}
	ks := make([]string, 0, len(as))
	for _, a := range as {
		if a.Stem != "" && !slices.Contains(ks, a.Stem) {
			ks = append(ks, a.Stem)
		}
	}
	if len(ks) == 0 {
		ks = append(ks, n)
	}
	return ks
}

func phraseKeys(phrase string) [][]string {
	var ks [][]string
	for _, t := range tmkey.Tokens(phrase) {
		if tmkey.CountsWord(t.Kind) {
			ks = append(ks, wordKeys(tmkey.Text(phrase, t)))
		}
	}
	return ks
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

func containsAll(s string, needles []string) bool {
	for _, n := range needles {
		if !strings.Contains(s, n) {
			return false
		}
	}
	return true
}

// findPhrase returns the byte spans of text where words in a row share a key with each word of
// pk.
func findPhrase(text string, pk [][]string) [][2]int {
	var toks []token.Token
	for _, t := range tmkey.Tokens(text) {
		if tmkey.CountsWord(t.Kind) {
			toks = append(toks, t)
		}
	}
	keys := make([][]string, len(toks)) // computed on demand
	var spans [][2]int
	for i := 0; i+len(pk) <= len(toks); i++ {
		ok := true
		for j, k := range pk {
			if keys[i+j] == nil {
				keys[i+j] = wordKeys(tmkey.Text(text, toks[i+j]))
			}
			if !overlaps(keys[i+j], k) {
				ok = false
				break
			}
		}
		if ok {
			spans = append(spans, [2]int{toks[i].Start, toks[i+len(pk)-1].End})
			i += len(pk) - 1
		}
	}
	return spans
}

// kwic cuts the context of text[start:end], at most width runes on each side.
func kwic(r *record, side Side, text string, start, end, width int) Hit {
	left := start
	for n := 0; n < width && left > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:left])
		left -= size
	}
	right := end
	for n := 0; n < width && right < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[right:])
		right += size
	}
	return Hit{
		Unit: cloneUnit(r.unit), Side: side, Start: start, End: end,
		Left: text[left:start], Match: text[start:end], Right: text[end:right],
	}
}
