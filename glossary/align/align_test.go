package align

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/internal/sample"
	"github.com/tarjuman/tarjuman/internal/token"
	"github.com/tarjuman/tarjuman/normalize"
)

// newsPairs returns the political-news corpus (testdata/news_parallel.tsv: id, Arabic, English).
func newsPairs(t testing.TB) []glossary.Pair {
	t.Helper()
	data := sample.File("news_parallel.tsv")
	require.NotEmpty(t, data)
	var pairs []glossary.Pair
	for line := range strings.Lines(string(data)) {
		cols := strings.Split(strings.TrimRight(line, "\n"), "\t")
		require.Len(t, cols, 3, "line %q", line)
		pairs = append(pairs, glossary.Pair{Source: cols[1], Target: cols[2]})
	}
	require.GreaterOrEqual(t, len(pairs), 150)
	return pairs
}

func swapped(pairs []glossary.Pair) []glossary.Pair {
	out := make([]glossary.Pair, len(pairs))
	for i, p := range pairs {
		out[i] = glossary.Pair{Source: p.Target, Target: p.Source}
	}
	return out
}

func byTarget(cands []Candidate, target string) (Candidate, bool) {
	for _, c := range cands {
		if strings.EqualFold(c.Target, target) {
			return c, true
		}
	}
	return Candidate{}, false
}

func bySource(cands []Candidate, source string) (Candidate, bool) {
	for _, c := range cands {
		if strings.EqualFold(c.Source, source) {
			return c, true
		}
	}
	return Candidate{}, false
}

// newsTerms are the terms the corpus was written around, with the Arabic forms a glossary would list.
var newsTerms = []struct {
	name    string
	english string
	arabic  []string // accepted Arabic sides
}{
	{"idafa_plural_adjective", "security guarantees", []string{"الضمانات الأمنية"}},
	{"noun_nisba_adjective", "strategic stability", []string{"الاستقرار الاستراتيجي"}},
	{"shares_adjective_with_stability", "strategic security", []string{"الأمن الاستراتيجي"}},
	{"sound_feminine_plural", "sanctions", []string{"العقوبات"}},
	{"acronym_with_two_arabic_names", "NATO", []string{"الناتو", "حلف الناتو", "حلف شمال الأطلسي"}},
	{"negotiations", "negotiations", []string{"المفاوضات"}},
	{"consultations", "consultations", []string{"المشاورات"}},
	{"institution_with_article", "Kremlin", []string{"الكرملين"}},
	{"two_word_name", "White House", []string{"البيت الأبيض"}},
	{"feminine_adjective", "nuclear war", []string{"الحرب النووية"}},
	{"broken_plural_adjective", "offensive weapons", []string{"الأسلحة الهجومية"}},
}

func TestAlignNewsTerms(t *testing.T) {
	res, err := Align(context.Background(), slices.Values(newsPairs(t)), Options{})
	require.NoError(t, err)
	assert.Equal(t, WordAlignment, res.Method)
	assert.False(t, res.Fallback())
	assert.Equal(t, language.Arabic, res.Source)
	assert.Equal(t, language.English, res.Target)
	for _, tc := range newsTerms {
		t.Run(tc.name, func(t *testing.T) {
			c, ok := byTarget(res.Candidates, tc.english)
			require.True(t, ok, "no candidate for %q", tc.english)
			assert.Contains(t, tc.arabic, c.Source)
			assert.GreaterOrEqual(t, c.Count, 2)
			assert.NotEmpty(t, c.Examples)
		})
	}
}

func TestAlignEnglishSource(t *testing.T) {
	cands, err := Terms(context.Background(), slices.Values(swapped(newsPairs(t))), Options{})
	require.NoError(t, err)
	for _, tc := range newsTerms {
		t.Run(tc.name, func(t *testing.T) {
			c, ok := bySource(cands, tc.english)
			require.True(t, ok, "no candidate for %q", tc.english)
			assert.Contains(t, tc.arabic, c.Target)
		})
	}
}

func isStop(w string) bool {
	f := normalize.Search.String(w)
	return token.IsStopWord(f) || token.IsStopWord(token.Key(f))
}

func TestAlignNoStopWordTerms(t *testing.T) {
	for _, tc := range []struct {
		name  string
		pairs []glossary.Pair
	}{
		{"word_alignment", newsPairs(t)},
		{"cooccurrence_fallback", newsPairs(t)[:40]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cands, err := Terms(context.Background(), slices.Values(tc.pairs), Options{})
			require.NoError(t, err)
			require.NotEmpty(t, cands)
			for _, c := range cands {
				for _, term := range []string{c.Source, c.Target} {
					words := strings.Fields(term)
					require.NotEmpty(t, words)
					if !slices.Contains([]string{"غير", "لا", "لم", "لن", "no", "No"}, words[0]) { // negations may start a term
						assert.False(t, isStop(words[0]), "%q starts with a stop word", term)
					}
					assert.False(t, isStop(words[len(words)-1]), "%q ends with a stop word", term)
				}
			}
		})
	}
}

func TestAlignCandidateInvariants(t *testing.T) {
	pairs := newsPairs(t)
	cands, err := Terms(context.Background(), slices.Values(pairs), Options{})
	require.NoError(t, err)
	for i, c := range cands {
		if i > 0 {
			assert.GreaterOrEqual(t, cands[i-1].Score, c.Score, "ordered by score")
		}
		assert.True(t, c.Score > 0 && c.Score < 1, "score %v", c.Score)
		for _, p := range []float64{c.PST, c.PTS, c.Dice} {
			assert.True(t, p > 0 && p <= 1, "%q: share %v out of (0, 1]", c.Source, p)
		}
		assert.GreaterOrEqual(t, c.LLR, 10.83)
		assert.LessOrEqual(t, c.Count, min(c.SourceCount, c.TargetCount))
		assert.LessOrEqual(t, len(c.Examples), 3)
		assert.LessOrEqual(t, len(c.Examples), c.Count)
		for _, ev := range c.Examples {
			require.True(t, ev.Segment >= 0 && ev.Segment < len(pairs))
			p := pairs[ev.Segment]
			require.True(t, 0 <= ev.SourceStart && ev.SourceStart < ev.SourceEnd && ev.SourceEnd <= len(p.Source))
			require.True(t, 0 <= ev.TargetStart && ev.TargetStart < ev.TargetEnd && ev.TargetEnd <= len(p.Target))
			// The evidence is an occurrence of the same term, up to clitics and inflection.
			assert.Equal(t, termKey(c.Source), termKey(p.Source[ev.SourceStart:ev.SourceEnd]))
			assert.Equal(t, termKey(c.Target), termKey(p.Target[ev.TargetStart:ev.TargetEnd]))
		}
	}
}

func TestAlignDeterministic(t *testing.T) {
	pairs := newsPairs(t)
	first, err := Terms(context.Background(), slices.Values(pairs), Options{})
	require.NoError(t, err)
	for range 3 {
		again, err := Terms(context.Background(), slices.Values(pairs), Options{})
		require.NoError(t, err)
		assert.Equal(t, first, again)
	}
}

func TestAlignCancelled(t *testing.T) {
	pairs := newsPairs(t)
	for _, stage := range []Stage{StageRead, StageCandidates, StageModel1, StageModel2, StageExtract, StageScore} {
		t.Run(stage.String(), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			o := Options{Progress: func(p Progress) {
				if p.Stage == stage {
					cancel()
				}
			}}
			_, err := Align(ctx, slices.Values(pairs), o)
			require.Error(t, err)
			assert.ErrorIs(t, err, context.Canceled)
			assert.True(t, strings.HasPrefix(err.Error(), "align: "), err.Error())
		})
	}
}

func TestAlignProgress(t *testing.T) {
	var stages []Stage
	o := Options{Progress: func(p Progress) {
		assert.GreaterOrEqual(t, p.Done, 0)
		if p.Total > 0 {
			assert.LessOrEqual(t, p.Done, p.Total)
		}
		if !slices.Contains(stages, p.Stage) { // model stages repeat for the second direction
			stages = append(stages, p.Stage)
		}
	}}
	_, err := Align(context.Background(), slices.Values(newsPairs(t)), o)
	require.NoError(t, err)
	assert.Equal(t, []Stage{StageRead, StageCandidates, StageModel1, StageModel2, StageExtract, StageScore}, stages)
}

func TestAlignSmallCorpusFallback(t *testing.T) {
	res, err := Align(context.Background(), slices.Values(newsPairs(t)[:40]), Options{})
	require.NoError(t, err)
	assert.Equal(t, Cooccurrence, res.Method)
	assert.True(t, res.Fallback())
	c, ok := byTarget(res.Candidates, "security guarantees")
	require.True(t, ok)
	assert.Equal(t, "الضمانات الأمنية", c.Source)
	c, ok = byTarget(res.Candidates, "Kremlin")
	require.True(t, ok)
	assert.Equal(t, "الكرملين", c.Source)

	// The same corpus with a lower threshold goes through EM.
	res, err = Align(context.Background(), slices.Values(newsPairs(t)[:40]), Options{MinSegments: 20})
	require.NoError(t, err)
	assert.Equal(t, WordAlignment, res.Method)
}

func TestAlignEdgeCorpora(t *testing.T) {
	for _, tc := range []struct {
		name  string
		pairs []glossary.Pair
	}{
		{"empty", nil},
		{"one_pair", []glossary.Pair{{Source: "الضمانات الأمنية", Target: "security guarantees"}}},
		{"empty_sides", []glossary.Pair{{}, {Source: "العقوبات"}, {Target: "sanctions"}, {}}},
		{"punctuation_only", []glossary.Pair{{Source: "،؛؟", Target: "?!"}, {Source: "،؛؟", Target: "?!"}}},
		{"invalid_utf8", []glossary.Pair{{Source: "\xff\xfeالعقوبات", Target: "sanc\xfftions"}, {Source: "\xff\xfeالعقوبات", Target: "sanc\xfftions"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Align(context.Background(), slices.Values(tc.pairs), Options{})
			require.NoError(t, err)
			assert.Equal(t, len(tc.pairs), res.Segments)
			for _, c := range res.Candidates {
				assert.NotEmpty(t, c.Source)
				assert.NotEmpty(t, c.Target)
			}
		})
	}
}

func TestAlignLanguages(t *testing.T) {
	pairs := newsPairs(t)[:40]
	for _, tc := range []struct {
		name     string
		src, tgt language.Tag
		wantSrc  language.Tag
		wantErr  error
	}{
		{"detect", language.Und, language.Und, language.Arabic, nil},
		{"source_given", language.Arabic, language.Und, language.Arabic, nil},
		{"target_given", language.Und, language.English, language.Arabic, nil},
		{"regional_variants", language.MustParse("ar-EG"), language.BritishEnglish, language.MustParse("ar-EG"), nil},
		{"not_arabic_english", language.French, language.English, language.Und, ErrLanguage},
		{"both_arabic", language.Arabic, language.Arabic, language.Und, ErrLanguage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Align(context.Background(), slices.Values(pairs), Options{Source: tc.src, Target: tc.tgt})
			if tc.wantErr != nil {
				assert.True(t, errors.Is(err, tc.wantErr), "%v", err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.wantSrc, res.Source)
		})
	}
}

func TestAlignGlossaryConflicts(t *testing.T) {
	var g glossary.Glossary
	require.NoError(t, g.Add(glossary.Entry{Terms: []glossary.Term{
		{Text: "الضمانات الأمنية", Lang: language.Arabic},
		{Text: "security assurances", Lang: language.English},
	}}))
	require.NoError(t, g.Add(glossary.Entry{Terms: []glossary.Term{
		{Text: "عقوبة", Lang: language.Arabic},
		{Text: "sanction", Lang: language.English},
	}}))
	require.NoError(t, g.Add(glossary.Entry{Terms: []glossary.Term{ // no English term: nothing to conflict with
		{Text: "الكرملين", Lang: language.Arabic},
	}}))
	cands, err := Terms(context.Background(), slices.Values(newsPairs(t)), Options{Glossary: &g})
	require.NoError(t, err)
	for _, tc := range []struct {
		name, english string
		conflict      []string
	}{
		{"different_target", "security guarantees", []string{"security assurances"}},
		{"same_target_other_inflection", "sanctions", nil},
		{"entry_without_target_language", "Kremlin", nil},
		{"not_in_glossary", "nuclear war", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, ok := byTarget(cands, tc.english)
			require.True(t, ok)
			assert.Equal(t, tc.conflict, c.Conflict)
		})
	}
}

func TestEntries(t *testing.T) {
	res, err := Align(context.Background(), slices.Values(newsPairs(t)), Options{})
	require.NoError(t, err)
	es := res.Entries()
	require.Len(t, es, len(res.Candidates))
	var g glossary.Glossary
	for i, e := range es {
		require.Len(t, e.Terms, 2)
		assert.Equal(t, res.Candidates[i].Source, e.Terms[0].Text)
		assert.Equal(t, language.Arabic, e.Terms[0].Lang)
		assert.Equal(t, res.Candidates[i].Target, e.Terms[1].Text)
		assert.Equal(t, language.English, e.Terms[1].Lang)
		assert.Equal(t, glossary.Unspecified, e.Terms[0].Status)
		require.NoError(t, g.Add(e))
	}
	// The converted glossary finds its terms under other inflections.
	found := g.Lookup("بالضمانات الأمنية", language.Arabic)
	require.Len(t, found, 1)
	assert.Equal(t, "security guarantees", found[0].Terms[1].Text)
}

func TestPickArabic(t *testing.T) {
	for _, tc := range []struct {
		name  string
		forms map[string]float64
		want  string
	}{
		{"clitic_form_more_frequent", map[string]float64{"بالضمانات الأمنية": 5, "الضمانات الأمنية": 2}, "الضمانات الأمنية"},
		{"definite_close_behind", map[string]float64{"ضمانات أمنية": 5, "الضمانات الأمنية": 3}, "الضمانات الأمنية"},
		{"indefinite_dominant", map[string]float64{"ضمانات أمنية": 7, "الضمانات الأمنية": 2}, "ضمانات أمنية"},
		{"only_clitic_forms_keep_article", map[string]float64{"والعقوبات": 1, "بالعقوبات": 3}, "العقوبات"},
		{"ambiguous_single_letter_clitic_kept", map[string]float64{"بمعايير البحث": 2}, "بمعايير البحث"},
		{"lil_contraction_restores_article", map[string]float64{"للضمانات الأمنية": 2}, "الضمانات الأمنية"},
		{"vocalized_clitic", map[string]float64{"بِالعُقوباتِ الجديدة": 2}, "العُقوباتِ الجديدة"},
		{"later_word_keeps_clitic", map[string]float64{"القابلة للترقية": 2}, "القابلة للترقية"},
		{"name_starting_with_ba", map[string]float64{"بوتين": 3}, "بوتين"},
		{"tie_in_byte_order", map[string]float64{"الناتو": 2, "الناتوِ": 2}, "الناتو"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, pickArabic(tc.forms))
		})
	}
}

func TestPickEnglish(t *testing.T) {
	for _, tc := range []struct {
		name  string
		forms map[string]float64
		want  string
	}{
		{"most_frequent", map[string]float64{"Sanctions": 1.5, "sanctions": 4}, "sanctions"},
		{"tie_prefers_lower_case", map[string]float64{"Sanctions": 2, "sanctions": 2}, "sanctions"},
		{"proper_name", map[string]float64{"NATO": 9}, "NATO"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, pickEnglish(tc.forms))
		})
	}
}

func TestIntersectCount(t *testing.T) {
	long := make([]int32, 1000)
	for i := range long {
		long[i] = int32(2 * i)
	}
	for _, tc := range []struct {
		name string
		a, b []int32
		want int
	}{
		{"empty", nil, []int32{1}, 0},
		{"disjoint", []int32{1, 3}, []int32{2, 4}, 0},
		{"overlap", []int32{1, 2, 3, 7}, []int32{2, 3, 4, 7}, 3},
		{"galloping", []int32{0, 5, 10, 1998}, long, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, intersectCount(tc.a, tc.b))
			assert.Equal(t, tc.want, intersectCount(tc.b, tc.a))
		})
	}
}

func FuzzAlign(f *testing.F) {
	f.Add("الضمانات الأمنية والعقوبات", "security guarantees and sanctions")
	f.Add("بالضمانات الأمنية، قال الكرملين", "on security guarantees, the Kremlin said")
	f.Add("%s ملف", "file %s")
	f.Add("", "x")
	base := newsPairs(f)[:30]
	f.Fuzz(func(t *testing.T, src, tgt string) {
		pairs := append(slices.Clone(base), glossary.Pair{Source: src, Target: tgt}, glossary.Pair{Source: src, Target: tgt})
		res, err := Align(context.Background(), slices.Values(pairs), Options{MinSegments: 10})
		require.NoError(t, err)
		again, err := Align(context.Background(), slices.Values(pairs), Options{MinSegments: 10})
		require.NoError(t, err)
		require.Equal(t, res.Candidates, again.Candidates, "deterministic")
		for _, c := range res.Candidates {
			assert.True(t, c.Score >= 0 && c.Score <= 1)
			assert.LessOrEqual(t, len(c.Examples), 3)
			for _, ev := range c.Examples {
				p := pairs[ev.Segment]
				assert.True(t, 0 <= ev.SourceStart && ev.SourceStart < ev.SourceEnd && ev.SourceEnd <= len(p.Source))
				assert.True(t, 0 <= ev.TargetStart && ev.TargetStart < ev.TargetEnd && ev.TargetEnd <= len(p.Target))
			}
		}
	})
}

func TestAlignAcceleratorMarkers(t *testing.T) {
	// Software catalogs mark menu accelerators inside words: Clo&se, أغ&لق. The word must stay whole for
	// alignment and be reported without the marker, while the evidence spans cover the original bytes.
	base := []glossary.Pair{
		{Source: "&Close the game", Target: "أغ&لق اللعبة"},
		{Source: "Close searching", Target: "أغلق البحث"},
		{Source: "Clo&se now", Target: "أغلق الآن"},
		{Source: "Save the game", Target: "احفظ اللعبة"},
		{Source: "Start searching", Target: "ابدأ البحث"},
		{Source: "Save now", Target: "احفظ الآن"},
		{Source: "_Refresh the game", Target: "حدّ_ث اللعبة"},
		{Source: "Refresh searching", Target: "حدّ_ث البحث"},
		{Source: "Refresh now", Target: "حدّث الآن"},
	}
	var pairs []glossary.Pair
	for range 3 {
		pairs = append(pairs, base...)
	}
	cands, err := Terms(context.Background(), slices.Values(pairs), Options{Source: language.English})
	require.NoError(t, err)
	c, ok := bySource(cands, "Close")
	require.True(t, ok, "%v", cands)
	assert.Equal(t, "أغلق", c.Target)
	// A marker after a shadda is inside the word too ("حدّ_ث"), and a leading one is not punctuation.
	r, ok := bySource(cands, "Refresh")
	require.True(t, ok, "%v", cands)
	assert.Equal(t, "حدّث", r.Target)
	for _, ev := range c.Examples {
		p := pairs[ev.Segment]
		assert.Equal(t, strings.ReplaceAll(p.Source[ev.SourceStart:ev.SourceEnd], "&", ""), "Close")
		assert.Equal(t, strings.ReplaceAll(p.Target[ev.TargetStart:ev.TargetEnd], "&", ""), "أغلق")
	}
}
