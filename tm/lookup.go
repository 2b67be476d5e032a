package tm

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/internal/fuzzy"
	"github.com/tarjuman/tarjuman/internal/score"
	"github.com/tarjuman/tarjuman/internal/tmkey"
)

// Query is a Lookup request. The zero values of MinScore and Limit mean the defaults.
type Query struct {
	// Text is the segment to translate, in Pair.Source.
	Text string
	Pair LangPair
	// Context, when given, turns an exact match with the same context into an ICE match.
	Context Context
	// MinScore drops matches scoring below it (0–1, penalties included: every Match.Score is at
	// least MinScore); 0 means DefaultMinScore.
	MinScore float64
	// Limit caps the number of matches; 0 means DefaultLimit, and more than MaxLimit means MaxLimit.
	Limit int
	// Exhaustive scores every unit of the direction with the same scorer instead of asking the
	// index for candidates: O(units) per query, meant for checking the index's recall.
	Exhaustive bool
}

// Defaults for a zero Query.MinScore and Query.Limit, and the largest Limit honoured.
const (
	DefaultMinScore = 0.5
	DefaultLimit    = 10
	MaxLimit        = 5000
)

// MatchKind classifies a match, from the weakest to the strongest.
type MatchKind int

const (
	// Fuzzy: the texts differ in words; Percent is the CAT percentage minus penalties (≤ 98).
	Fuzzy MatchKind = iota
	// Normalized: only case, diacritics, hamza/alef form, tatweel, digit script, spacing or a
	// keyboard-accelerator marker ("O_rientation", "&Save") differ (the keys, tmkey.Key, are
	// equal). Percent 99.
	Normalized
	// Exact: the source is identical to the query. Percent 100.
	Exact
	// ICE: in-context exact, an exact match whose context equals the query's. Percent 101.
	ICE
)

func (k MatchKind) String() string {
	switch k {
	case Fuzzy:
		return "fuzzy"
	case Normalized:
		return "normalized"
	case Exact:
		return "exact"
	case ICE:
		return "ice"
	}
	return fmt.Sprintf("MatchKind(%d)", int(k))
}

// Match is one Lookup result.
type Match struct {
	// Unit is the stored unit, shown in the query's direction: for a unit stored the other way
	// round (Reversed), Source and Target, their codes and Pair are swapped and Context is empty.
	Unit     Unit
	Reversed bool
	// Score is Percent/100 clamped to [0, 1]: 1 for ICE and Exact, 0.99 for Normalized.
	Score   float64
	Kind    MatchKind
	Percent int
	// Penalties lists the deductions already applied to Percent.
	Penalties []Penalty
	// Diff lists the words where the query and Unit.Source differ, with byte offsets into both.
	Diff []Diff
	// Suggestion is Unit.Target, with numbers and placeholders that differ between the query and
	// Unit.Source replaced by the query's (Adjusted then is true).
	Suggestion string
	Adjusted   bool
}

// Penalty is a deduction from a fuzzy match's percentage and its reason.
type Penalty struct {
	Reason PenaltyReason
	Points int
}

// PenaltyReason says why a Penalty applies.
type PenaltyReason string

// Penalty reasons.
const (
	// PenaltyPunctuation: the words are the same, punctuation or symbols differ.
	PenaltyPunctuation PenaltyReason = "punctuation"
	// PenaltyMultiple: the TM holds another translation of the same source: a unit with the same
	// source words whose target has other words (not only other punctuation, case or diacritics).
	PenaltyMultiple PenaltyReason = "multiple-translations"
	// PenaltyRegion: the unit's language variant differs from the one asked for (en-GB vs en-US).
	PenaltyRegion PenaltyReason = "region"
)

// DiffOp is the kind of difference of a Diff.
type DiffOp int

const (
	// Replace: a query word stands where the TM source has another.
	Replace DiffOp = iota
	// Insert: a query word the TM source lacks (Source span empty, at the insertion point).
	Insert
	// Delete: a TM source word the query lacks (Query span empty, at the deletion point).
	Delete
)

func (o DiffOp) String() string {
	switch o {
	case Replace:
		return "replace"
	case Insert:
		return "insert"
	case Delete:
		return "delete"
	}
	return fmt.Sprintf("DiffOp(%d)", int(o))
}

// Diff is one differing word between the query and a match's source: byte offsets into
// Query.Text and Match.Unit.Source (whole tokens, marks included) and the texts they cover.
type Diff struct {
	Op                     DiffOp
	QueryStart, QueryEnd   int
	SourceStart, SourceEnd int
	QueryText, SourceText  string
}

// Lookup returns the stored units whose source is most similar to q.Text in direction q.Pair,
// best first (a zero q.Pair searches every direction the memory holds, for a caller that does not
// know the language of its text; each Match.Unit then shows the direction it was found in): ICE, then Exact, Normalized, and Fuzzy by percentage; ties go to the smaller
// character distance, then the most recently changed unit. Units stored in the opposite
// direction answer too (Match.Reversed).
//
// Candidates come from the direction's n-gram index, which holds exactly the scoring words (the
// normalize.Search forms of the words, numbers, placeholders and codes), so its candidates are
// those of a scan of every unit; each is then classified, penalized and, if returned, diffed. It
// holds a read lock: it runs in parallel with other lookups and waits for the publication of a
// committed batch, never for its commit. Time is that of the index search plus
// O(Limit·words²) for rescoring and diffs.
func (m *Memory) Lookup(ctx context.Context, q Query) ([]Match, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if q.Text == "" {
		return nil, nil
	}
	anyDirection := q.Pair == LangPair{}
	if !anyDirection {
		if err := validatePair(q.Pair); err != nil {
			return nil, err
		}
	}
	minScore, limit := q.MinScore, q.Limit
	if minScore <= 0 {
		minScore = DefaultMinScore
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	m.mu.RLock()
	defer m.mu.RUnlock()
	if m.closed {
		return nil, ErrClosed
	}
	dirs := []string{dirKey(q.Pair.Source, q.Pair.Target)}
	if anyDirection {
		dirs = slices.Sorted(maps.Keys(m.dirs))
	}
	qs := newSegment(q.Text)
	var found []scored
	for _, dir := range dirs {
		ix := m.dirs[dir]
		if ix == nil {
			continue
		}
		var err error
		if found, err = m.lookupDir(ctx, &q, qs, dir, ix, minScore, limit, found); err != nil {
			return nil, err
		}
	}
	sortMatches(found)
	matches := make([]Match, min(len(found), limit))
	for i := range matches {
		s := &found[i]
		s.Diff = diff(qs, s.us)
		s.Suggestion, s.Adjusted = adjust(s.Diff, qs, s.us, s.Unit.Target)
		s.Unit = cloneUnit(s.Unit)
		matches[i] = s.Match
	}
	return matches, nil
}

// lookupDir appends to found the scored matches of the query in one direction.
func (m *Memory) lookupDir(ctx context.Context, q *Query, qs *segment, dir string, ix *fuzzy.Index, minScore float64, limit int, found []scored) ([]scored, error) {
	if q.Exhaustive {
		var cands []candidate
		err := m.st.scan(ctx, func(r *record) bool {
			if !sideMatches(r, dir) {
				return true
			}
			key, _ := sideKeys(r, dir)
			if pct := wordScore(qs.kw, tmkey.Split(key)); pct+1e-9 >= minScore {
				cands = append(cands, candidate{r, pct})
			}
			return true
		})
		if err != nil {
			return found, err
		}
		return append(found, atLeast(appendScored(nil, q, qs, dir, cands), minScore)...), nil
	}
	// The index scores exactly like wordScore (its keys are the scoring words; its Score is reused),
	// and penalties only lower a score, so its results at minScore hold every match. When an unfetched result could still score higher than the limit-th
	// final match (penalties lowered the fetched ones, or the words tie at 100% and an exact or
	// in-context match may be among the unfetched), fetch more, up to maxFetch. A candidate whose
	// twin (same words, a target with other words: the multiple-translations penalty) may be unfetched ties the
	// last result on word score and key distance; for those the index is asked directly. The
	// percentages are then those of the exhaustive scan. Among equal percentages the index ranks by
	// the distance between keys, the final order by that between texts, then date, usage and id;
	// where more units tie than were fetched, which of them come first may differ from the
	// exhaustive scan (refetching for that too cost a 4x longer p99 at 30k units for a difference in
	// 2 queries of 300).
	key := strings.Join(qs.kw, " ")
	for n := limit*2 + 10; ; n *= 2 {
		res := ix.Search(key, minScore, n)
		ids := make([]uint32, len(res))
		for i, r := range res {
			ids[i] = r.ID
		}
		cands := make([]candidate, 0, len(res))
		err := m.st.get(ids, func(r *record) { // in the order of ids
			cands = append(cands, candidate{r, res[len(cands)].Score})
		})
		if err != nil {
			return found, err
		}
		got := appendScored(nil, q, qs, dir, cands)
		if len(res) == n {
			penalizeUnfetchedTwins(q, qs, dir, ix, m.dirs[reverseDir(dir)], res, cands, got, limit)
		}
		got = atLeast(got, minScore)
		if len(res) < n || n >= maxFetch || !unfetchedMayRank(got, res[len(res)-1].Score, limit, !q.Context.IsZero()) {
			return append(found, got...), nil
		}
		if err := ctx.Err(); err != nil {
			return found, err
		}
	}
}

// penalizeUnfetchedTwins gives the multiple-translations penalty to the first limit matches that have a
// twin in ix (another unit with the same source key and another target key) left out of the fetch. Only a result tied with the last
// one fetched on score and key distance can have such a twin (the index ranks a twin, same score and
// distance, after every result better on either), and only the first limit matter; as a penalty can
// bring another match into them, this repeats until they are settled. ms[i] is the match of cands[i].
func penalizeUnfetchedTwins(q *Query, qs *segment, dir string, ix, rev *fuzzy.Index, res []fuzzy.Result, cands []candidate, ms []scored, limit int) {
	last := res[len(res)-1]
	tied := make(map[uint32]bool) // ids tied with the last result, not yet checked
	for _, r := range res {
		if r.Score == last.Score && r.CharDist == last.CharDist {
			tied[r.ID] = true
		}
	}
	for changed := true; changed && len(tied) > 0; {
		changed = false
		order := make([]int, len(ms))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return compareMatches(&ms[a], &ms[b]) })
		for _, i := range order[:min(limit, len(order))] {
			id := cands[i].r.id
			if !tied[id] {
				continue
			}
			delete(tied, id)
			if hasPenalty(ms[i].Penalties, PenaltyMultiple) || !otherTranslation(ix, rev, cands[i].r, dir) {
				continue
			}
			ms[i] = scoreMatch(q, qs, cands[i], dir, true)
			changed = true
		}
	}
}

func hasPenalty(ps []Penalty, r PenaltyReason) bool {
	return slices.ContainsFunc(ps, func(p Penalty) bool { return p.Reason == r })
}

// maxFetch bounds the candidates one direction of a lookup fetches when many tie at the limit.
const maxFetch = 5000

// unfetchedMayRank reports whether a candidate the index ranked after the last one fetched, whose
// word score is at most last, could score higher than the limit-th of the matches ms.
func unfetchedMayRank(ms []scored, last float64, limit int, withContext bool) bool {
	if len(ms) < limit {
		return true
	}
	best := int(math.Floor(100*last + 1e-9)) // a fuzzy match: at most its word score
	switch {
	case last < 1-1e-9:
	case withContext:
		best = 101 // same words: may be an in-context (ICE) match
	default:
		best = 100 // same words: may be an exact match (ICE needs the query's context)
	}
	sortMatches(ms)
	return best > ms[limit-1].Percent
}

// atLeast drops the matches that penalties took below minScore, in place.
func atLeast(ms []scored, minScore float64) []scored {
	return slices.DeleteFunc(ms, func(s scored) bool { return s.Score+1e-9 < minScore })
}

// appendScored scores the candidates of one direction (whose word scores are at least MinScore), in
// order; a source key held by candidates with different target keys gets the multiple-translations
// penalty. Units whose sources and targets differ only in what the keys leave out ("Encodings" →
// "الترميزات" and "Encodings…" → "الترميزات…") are one translation, not two.
func appendScored(found []scored, q *Query, qs *segment, dir string, cands []candidate) []scored {
	type targets struct {
		first    string // the target key of the first candidate with the source key
		multiple bool   // another candidate with the source key has another target key
	}
	sources := make(map[string]targets)
	srcKeys := make([]string, len(cands))
	for i, c := range cands {
		k, t := sideKeys(c.r, dir)
		srcKeys[i] = k
		if s, ok := sources[k]; !ok {
			sources[k] = targets{first: t}
		} else if !s.multiple && s.first != t {
			sources[k] = targets{first: s.first, multiple: true}
		}
	}
	for i, c := range cands {
		found = append(found, scoreMatch(q, qs, c, dir, sources[srcKeys[i]].multiple))
	}
	return found
}

// otherTranslation reports whether ix, the index of direction dir, holds another unit with r's source
// key whose target key, as rev (the index of the reverse direction) holds it, differs from r's; a twin
// rev does not hold counts as another translation.
func otherTranslation(ix, rev *fuzzy.Index, r *record, dir string) bool {
	key, tgt := sideKeys(r, dir)
	for n := 2; ; n *= 8 { // most keys have no twin, or one
		twins := ix.Search(key, 1, n)
		for _, t := range twins {
			if t.ID == r.id {
				continue
			}
			if k, ok := rev.Key(t.ID); !ok || k != tgt {
				return true
			}
		}
		if len(twins) < n || n >= maxFetch {
			return false
		}
	}
}

// candidate is a record whose side in the query direction scores pct (wordScore) against the
// query.
type candidate struct {
	r   *record
	pct float64
}

// wordScore is the CAT fraction of the query's and a candidate's scoring words.
func wordScore(q, c []string) float64 {
	return score.Percent(len(q), len(c), score.Levenshtein(q, c))
}

func validatePair(p LangPair) error {
	if p.Source == language.Und || p.Target == language.Und {
		return ErrNoPair
	}
	if sameBase(p.Source, p.Target) {
		return ErrSameLanguage
	}
	return nil
}

// sideMatches reports whether r has a side in direction dir.
func sideMatches(r *record, dir string) bool {
	p := r.unit.Pair
	return isDir(p.Source, p.Target, dir) || isDir(p.Target, p.Source, dir)
}

// sideKeys returns the keys of r's sides that are the source and the target in direction dir.
func sideKeys(r *record, dir string) (src, tgt string) {
	if isDir(r.unit.Pair.Source, r.unit.Pair.Target, dir) {
		return r.srcKey, r.tgtKey
	}
	return r.tgtKey, r.srcKey
}

// reverseDir returns the direction opposite to dir ("en>ar" → "ar>en").
func reverseDir(dir string) string {
	src, tgt, _ := strings.Cut(dir, ">")
	return tgt + ">" + src
}

// orient returns the unit as seen from direction dir and whether it had to be reversed.
func orient(u Unit, dir string) (Unit, bool) {
	if isDir(u.Pair.Source, u.Pair.Target, dir) {
		return u, false
	}
	u.Source, u.Target = u.Target, u.Source
	u.SourceCodes, u.TargetCodes = u.TargetCodes, u.SourceCodes
	u.Pair = u.Pair.Reverse()
	u.Context = Context{}
	return u, true
}

// scored is a match with its tie-breaker (the character distance between the keys) and the
// prepared source, kept for the diff of the matches that are returned.
type scored struct {
	Match
	charDist int
	us       *segment
}

// scoreMatch classifies and scores one candidate.
func scoreMatch(q *Query, qs *segment, c candidate, dir string, multiple bool) scored {
	u, reversed := orient(c.r.unit, dir)
	mt := Match{Unit: u, Reversed: reversed, Suggestion: u.Target}
	us := newSegment(u.Source)
	switch {
	case u.Source == q.Text:
		mt.Kind, mt.Percent = Exact, 100
		if !reversed && sameContext(q.Context, u.Context) {
			mt.Kind, mt.Percent = ICE, 101
		}
	case qs.key == us.key || collapseSpace(qs.key) == collapseSpace(us.key):
		mt.Kind, mt.Percent = Normalized, 99
	default:
		mt.Kind = Fuzzy
		pct := int(math.Floor(100*c.pct + 1e-9))
		if pct == 100 {
			mt.Penalties = append(mt.Penalties, Penalty{PenaltyPunctuation, 2})
		}
		if multiple {
			mt.Penalties = append(mt.Penalties, Penalty{PenaltyMultiple, 1})
		}
		if regionDiffers(q.Pair, u.Pair) {
			mt.Penalties = append(mt.Penalties, Penalty{PenaltyRegion, 1})
		}
		for _, p := range mt.Penalties {
			pct -= p.Points
		}
		mt.Percent = max(min(pct, 98), 0)
	}
	mt.Score = math.Min(float64(mt.Percent)/100, 1)
	return scored{Match: mt, charDist: score.CharDistance(qs.key, us.key), us: us}
}

func sameContext(q, u Context) bool {
	if q.Key != "" {
		return q.Key == u.Key
	}
	if q.Prev == "" && q.Next == "" {
		return false
	}
	return q.Prev == u.Prev && q.Next == u.Next
}

func regionDiffers(q, u LangPair) bool {
	return regionOf(q.Source) != "" && regionOf(u.Source) != "" && regionOf(q.Source) != regionOf(u.Source) ||
		regionOf(q.Target) != "" && regionOf(u.Target) != "" && regionOf(q.Target) != regionOf(u.Target)
}

func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), "")
}

func sortMatches(ms []scored) {
	slices.SortStableFunc(ms, func(a, b scored) int { return compareMatches(&a, &b) })
}

// compareMatches orders matches best first: percentage, then character distance, then the most
// recently changed, the most used, and the ID.
func compareMatches(a, b *scored) int {
	if a.Percent != b.Percent {
		return b.Percent - a.Percent
	}
	if a.charDist != b.charDist {
		return a.charDist - b.charDist
	}
	if c := b.Unit.changedOrCreated().Compare(a.Unit.changedOrCreated()); c != 0 {
		return c
	}
	if a.Unit.UsageCount != b.Unit.UsageCount {
		return b.Unit.UsageCount - a.Unit.UsageCount
	}
	return strings.Compare(a.Unit.ID, b.Unit.ID)
}

// regionOf returns the region subtag written in t, or "" when t names none.
func regionOf(t language.Tag) string {
	r, c := t.Region()
	if c != language.Exact {
		return ""
	}
	return r.String()
}
