package tm

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/tm/tmx"
)

var (
	arEn = LangPair{Source: language.Arabic, Target: language.English}
	enAr = arEn.Reverse()
)

const (
	titleAr = "بوتين وبايدن سيتابعان شخصياً مشاورات الأمن الاستراتيجي الشهر المقبل"
	titleEn = "Putin and Biden to personally follow strategic security consultations next month"
	callAr  = "بدوره أشار البيت الأبيض إلى أن المكالمة استمرت نحو 50 دقيقة."
	callEn  = "For its part, the White House said the call lasted about 50 minutes."
)

func seedUnits() []Unit {
	return []Unit{
		{ID: "title", Source: titleAr, Target: titleEn, Pair: arEn, Context: Context{Key: "headline"}},
		{ID: "call", Source: callAr, Target: callEn, Pair: arEn},
		{ID: "save", Source: "Save the file", Target: "احفظ الملف", Pair: enAr},
	}
}

// memories runs f on a RAM memory and on a bbolt one with the same content.
func memories(t *testing.T, units []Unit, f func(t *testing.T, m *Memory)) {
	t.Run("ram", func(t *testing.T) {
		m := NewMemory(nil)
		require.NoError(t, m.Add(context.Background(), units...))
		f(t, m)
	})
	t.Run("bolt", func(t *testing.T) {
		m, err := Open(filepath.Join(t.TempDir(), "tm.db"), nil)
		require.NoError(t, err)
		t.Cleanup(func() { m.Close() })
		require.NoError(t, m.Add(context.Background(), units...))
		f(t, m)
	})
}

func TestLookupKinds(t *testing.T) {
	cases := []struct {
		name     string
		text     string
		pair     LangPair
		ctx      Context
		kind     MatchKind
		percent  int
		id       string
		reversed bool
	}{
		{"exact", titleAr, arEn, Context{}, Exact, 100, "title", false},
		{"in_context_exact", titleAr, arEn, Context{Key: "headline"}, ICE, 101, "title", false},
		{"other_context_is_exact", titleAr, arEn, Context{Key: "body"}, Exact, 100, "title", false},
		{"harakat_added", "بُوتِين وبايدن سيتابعان شَخْصِيّاً مشاورات الأَمْن الاستراتيجي الشهر المقبل", arEn, Context{}, Normalized, 99, "title", false},
		{"hamza_dropped", "بوتين وبايدن سيتابعان شخصياً مشاورات الامن الاستراتيجي الشهر المقبل", arEn, Context{}, Normalized, 99, "title", false},
		{"spacing", "بوتين وبايدن  سيتابعان شخصياً مشاورات الأمن الاستراتيجي الشهر المقبل ", arEn, Context{}, Normalized, 99, "title", false},
		{"word_changed", "بوتين وبايدن سيتابعان شخصياً مشاورات الأمن الاستراتيجي الشهر القادم", arEn, Context{}, Fuzzy, 88, "title", false},
		{"word_deleted", "بوتين وبايدن سيتابعان مشاورات الأمن الاستراتيجي الشهر المقبل", arEn, Context{}, Fuzzy, 88, "title", false},
		{"case_changed_english", "save the FILE", enAr, Context{}, Normalized, 99, "save", false},
		{"reverse_direction", titleEn, enAr, Context{}, Exact, 100, "title", true},
		{"reverse_fuzzy", "Putin and Biden to personally follow strategic security consultations this month", enAr, Context{}, Fuzzy, 90, "title", true},
	}
	memories(t, seedUnits(), func(t *testing.T, m *Memory) {
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				ms, err := m.Lookup(context.Background(), Query{Text: c.text, Pair: c.pair, Context: c.ctx})
				require.NoError(t, err)
				require.NotEmpty(t, ms)
				got := ms[0]
				assert.Equal(t, c.id, got.Unit.ID)
				assert.Equal(t, c.kind, got.Kind)
				assert.Equal(t, c.percent, got.Percent)
				assert.Equal(t, c.reversed, got.Reversed)
				assert.InDelta(t, min(float64(c.percent)/100, 1), got.Score, 1e-9)
				assert.True(t, sameBase(got.Unit.Pair.Source, c.pair.Source), "unit shown in the query's direction")
			})
		}
	})
}

func TestLookupDiffAndAdjust(t *testing.T) {
	units := []Unit{
		{ID: "minutes", Source: "The call lasted 50 minutes.", Target: "استمرت المكالمة 50 دقيقة.", Pair: enAr},
		{ID: "indic", Source: "The call lasted 50 seconds.", Target: "استمرت المكالمة ٥٠ ثانية.", Pair: enAr},
		{ID: "ph", Source: "Delete %s now", Target: "احذف %s الآن", Pair: enAr},
	}
	cases := []struct {
		name       string
		query      string
		id         string
		suggestion string
		adjusted   bool
		diff       []Diff
	}{
		{"number_latin_digits", "The call lasted 45 minutes.", "minutes", "استمرت المكالمة 45 دقيقة.", true,
			[]Diff{{Op: Replace, QueryStart: 16, QueryEnd: 18, SourceStart: 16, SourceEnd: 18, QueryText: "45", SourceText: "50"}}},
		{"number_arabic_indic_target", "The call lasted 45 seconds.", "indic", "استمرت المكالمة ٤٥ ثانية.", true,
			[]Diff{{Op: Replace, QueryStart: 16, QueryEnd: 18, SourceStart: 16, SourceEnd: 18, QueryText: "45", SourceText: "50"}}},
		{"placeholder", "Delete %d now", "ph", "احذف %d الآن", true,
			[]Diff{{Op: Replace, QueryStart: 7, QueryEnd: 9, SourceStart: 7, SourceEnd: 9, QueryText: "%d", SourceText: "%s"}}},
		{"word_inserted_not_adjusted", "The phone call lasted 50 minutes.", "minutes", "استمرت المكالمة 50 دقيقة.", false,
			[]Diff{{Op: Insert, QueryStart: 4, QueryEnd: 9, SourceStart: 4, SourceEnd: 4, QueryText: "phone", SourceText: ""}}},
	}
	memories(t, units, func(t *testing.T, m *Memory) {
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				ms, err := m.Lookup(context.Background(), Query{Text: c.query, Pair: enAr})
				require.NoError(t, err)
				require.NotEmpty(t, ms)
				assert.Equal(t, c.id, ms[0].Unit.ID)
				assert.Equal(t, Fuzzy, ms[0].Kind)
				assert.Equal(t, c.suggestion, ms[0].Suggestion)
				assert.Equal(t, c.adjusted, ms[0].Adjusted)
				assert.Equal(t, c.diff, ms[0].Diff)
			})
		}
	})
}

func TestLookupOptions(t *testing.T) {
	memories(t, seedUnits(), func(t *testing.T, m *Memory) {
		ctx := context.Background()
		far := "مشاورات الأمن"
		ms, err := m.Lookup(ctx, Query{Text: far, Pair: arEn})
		require.NoError(t, err)
		assert.Empty(t, ms, "2 of 9 words is below the default threshold")
		ms, err = m.Lookup(ctx, Query{Text: far, Pair: arEn, MinScore: 0.2})
		require.NoError(t, err)
		require.Len(t, ms, 1)
		assert.Equal(t, 22, ms[0].Percent)

		// A zero pair searches every direction: the Arabic text is found as the source of ar→en units.
		ms, err = m.Lookup(ctx, Query{Text: far, MinScore: 0.2})
		require.NoError(t, err)
		require.Len(t, ms, 1)
		assert.Equal(t, 22, ms[0].Percent)
		assert.Equal(t, arEn, LangPair{ms[0].Unit.Pair.Source, ms[0].Unit.Pair.Target})
		_, err = m.Lookup(ctx, Query{Text: far, Pair: LangPair{Source: language.Arabic}})
		assert.ErrorIs(t, err, ErrNoPair, "half a pair is a mistake, not a wildcard")
		_, err = m.Lookup(ctx, Query{Text: far, Pair: LangPair{language.English, language.AmericanEnglish}})
		assert.ErrorIs(t, err, ErrSameLanguage)
		ms, err = m.Lookup(ctx, Query{Text: far, Pair: LangPair{language.French, language.English}})
		require.NoError(t, err)
		assert.Empty(t, ms, "no unit in that direction")

		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		_, err = m.Lookup(cancelled, Query{Text: far, Pair: arEn})
		assert.ErrorIs(t, err, context.Canceled)
	})
}

func TestDuplicates(t *testing.T) {
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	base := Unit{Source: "Save the file", Target: "احفظ الملف", Pair: enAr}
	older := base
	older.ID, older.Created, older.Changed, older.ChangedBy, older.UsageCount = "a", t0, t0, "old", 7
	older.Props, older.Notes = map[string]string{"x-k": "old", "x-only-old": "1"}, []string{"first"}
	newer := base
	newer.ID, newer.Created, newer.Changed, newer.ChangedBy, newer.UsageCount = "b", t0.Add(time.Hour), t0.Add(48*time.Hour), "new", 2
	newer.Props, newer.Notes = map[string]string{"x-k": "new"}, []string{"second"}
	reversed := Unit{ID: "r", Source: base.Target, Target: base.Source, Pair: arEn, UsageCount: 9}
	other := Unit{ID: "other", Source: base.Source, Target: "احفظ الملفّ الآن", Pair: enAr}

	memories(t, []Unit{older, newer}, func(t *testing.T, m *Memory) {
		ctx := context.Background()
		require.Equal(t, 1, m.Len(), "same source and target merge")
		ms, err := m.Lookup(ctx, Query{Text: base.Source, Pair: enAr})
		require.NoError(t, err)
		require.Len(t, ms, 1)
		u := ms[0].Unit
		assert.Equal(t, "a", u.ID, "the stored unit keeps its id")
		assert.Equal(t, t0, u.Created, "earliest creation")
		assert.Equal(t, t0.Add(48*time.Hour), u.Changed, "newest change")
		assert.Equal(t, "new", u.ChangedBy)
		assert.Equal(t, 7, u.UsageCount, "usage count kept")
		assert.Equal(t, map[string]string{"x-k": "new", "x-only-old": "1"}, u.Props)
		assert.Equal(t, []string{"first", "second"}, u.Notes)

		require.NoError(t, m.Add(ctx, reversed))
		assert.Equal(t, 1, m.Len(), "the reversed unit is the same translation")
		require.NoError(t, m.Add(ctx, other))
		assert.Equal(t, 2, m.Len(), "another target is another unit")
		ms, err = m.Lookup(ctx, Query{Text: base.Source, Pair: enAr})
		require.NoError(t, err)
		require.Len(t, ms, 2)
		ids := map[string]int{ms[0].Unit.ID: ms[0].Unit.UsageCount, ms[1].Unit.ID: ms[1].Unit.UsageCount}
		assert.Equal(t, map[string]int{"a": 9, "other": 0}, ids, "usage count merged from the reversed duplicate")
		for _, mt := range ms {
			assert.Equal(t, Exact, mt.Kind)
		}
	})
}

// TestDuplicatesDifferInCodes: two UI strings that differ only in an icon glyph (each imported from TMX as a
// code of its own, so their texts are equal) are two translations, not one.
func TestDuplicatesDifferInCodes(t *testing.T) {
	const tmxDoc = `<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="t" creationtool="t" creationtoolversion="1"/><body>
<tu tuid="a"><tuv xml:lang="en"><seg>Bullet ` + "\ue20b" + `</seg></tuv><tuv xml:lang="ar"><seg>نقطة ` + "\ue20b" + `</seg></tuv></tu>
<tu tuid="b"><tuv xml:lang="en"><seg>Bullet ` + "\ue49e" + `</seg></tuv><tuv xml:lang="ar"><seg>نقطة ` + "\ue49e" + `</seg></tuv></tu>
<tu tuid="c"><tuv xml:lang="en"><seg>Bullet ` + "\ue49e" + `</seg></tuv><tuv xml:lang="ar"><seg>نقطة ` + "\ue49e" + `</seg></tuv></tu>
</body></tmx>`
	ctx := context.Background()
	m := NewMemory(nil)
	st, err := m.Import(ctx, strings.NewReader(tmxDoc), ImportOptions{})
	require.NoError(t, err)
	assert.Equal(t, 2, st.Added, "different glyphs: two units")
	assert.Equal(t, 1, st.Merged, "the same glyph twice: one")
	var out strings.Builder
	require.NoError(t, m.Export(ctx, &out, FormatTMX, LangPair{}))
	assert.Contains(t, out.String(), "Bullet \ue20b")
	assert.Contains(t, out.String(), "Bullet \ue49e")
}

func TestAddRejects(t *testing.T) {
	m := NewMemory(nil)
	ctx := context.Background()
	cases := []struct {
		name string
		unit Unit
		err  error
	}{
		{"no_pair", Unit{Source: "a", Target: "b"}, ErrNoPair},
		{"same_language", Unit{Source: "color", Target: "colour", Pair: LangPair{language.AmericanEnglish, language.BritishEnglish}}, ErrSameLanguage},
		{"empty_target", Unit{Source: "a", Pair: enAr}, ErrEmpty},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := m.Add(ctx, Unit{Source: "ok", Target: "حسنا", Pair: enAr}, c.unit)
			assert.ErrorIs(t, err, c.err)
			assert.Equal(t, 0, m.Len(), "a rejected batch stores nothing")
		})
	}
	require.NoError(t, m.Close())
	assert.ErrorIs(t, m.Add(ctx, seedUnits()...), ErrClosed)
	_, err := m.Lookup(ctx, Query{Text: "x", Pair: enAr})
	assert.ErrorIs(t, err, ErrClosed)
}

func TestConcordance(t *testing.T) {
	units := append(seedUnits(),
		Unit{ID: "c2", Source: "وناقش الرئيسان المكالمة والمكالمات السابقة", Target: "The presidents discussed the call and the earlier calls", Pair: arEn},
	)
	memories(t, units, func(t *testing.T, m *Memory) {
		cases := []struct {
			name    string
			phrase  string
			o       ConcordanceOptions
			matches []string // Hit.Match of each hit, in order
		}{
			{"clitic_article_and_plural", "مكالمة", ConcordanceOptions{}, []string{"المكالمة", "المكالمة", "والمكالمات"}},
			{"diacritics_in_phrase", "المُكالَمة", ConcordanceOptions{}, []string{"المكالمة", "المكالمة", "والمكالمات"}},
			{"stem_not_cut_from_name", "بوت", ConcordanceOptions{}, nil},
			{"english_side_case_insensitive", "THE CALL", ConcordanceOptions{}, []string{"the call", "the call"}},
			{"phrase_of_two_words", "البيت الابيض", ConcordanceOptions{}, []string{"البيت الأبيض"}},
			{"language_filter", "call", ConcordanceOptions{Lang: language.Arabic}, nil},
			{"limit", "the", ConcordanceOptions{Limit: 2}, []string{"the", "the"}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				hits, err := m.Concordance(context.Background(), c.phrase, c.o)
				require.NoError(t, err)
				var got []string
				for _, h := range hits {
					text := h.Unit.Source
					if h.Side == TargetSide {
						text = h.Unit.Target
					}
					require.True(t, 0 <= h.Start && h.Start <= h.End && h.End <= len(text))
					assert.Equal(t, text[h.Start:h.End], h.Match)
					assert.True(t, strings.HasSuffix(text[:h.Start], h.Left) && strings.HasPrefix(text[h.End:], h.Right))
					got = append(got, h.Match)
				}
				assert.Equal(t, c.matches, got)
			})
		}
	})
}

func TestImportFormats(t *testing.T) {
	cases := []struct {
		file   string
		o      ImportOptions
		format Format
		added  int
		query  string
		pair   LangPair
		want   string
	}{
		{"import_codes.tmx", ImportOptions{Pair: enAr}, FormatTMX, 2, "Open the file again.", enAr, "open"},
		{"import_codes.tmx", ImportOptions{}, FormatTMX, 3, "Fermer", LangPair{language.French, language.English}, "fr-only"},
		{"import_header.tsv", ImportOptions{}, FormatTSV, 2, "احذف الملف", arEn, "2"},
		{"import_weblate.json", ImportOptions{}, FormatWeblate, 2, "اطبع", arEn, "2"},
	}
	for _, c := range cases {
		t.Run(c.file+"_"+c.format.String(), func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", c.file))
			require.NoError(t, err)
			defer f.Close()
			m := NewMemory(nil)
			var progress []ImportStats
			c.o.Progress = func(s ImportStats) { progress = append(progress, s) }
			st, err := m.Import(context.Background(), f, c.o)
			require.NoError(t, err)
			assert.Equal(t, c.format, st.Format)
			assert.Equal(t, c.added, st.Added)
			assert.Equal(t, c.added, m.Len())
			require.NotEmpty(t, progress)
			assert.Equal(t, st, progress[len(progress)-1])
			ms, err := m.Lookup(context.Background(), Query{Text: c.query, Pair: c.pair})
			require.NoError(t, err)
			require.NotEmpty(t, ms)
			assert.Equal(t, c.want, ms[0].Unit.ID)
		})
	}
}

func TestImportTMXMetadataAndCodes(t *testing.T) {
	f, err := os.Open("testdata/import_codes.tmx")
	require.NoError(t, err)
	defer f.Close()
	m := NewMemory(nil)
	_, err = m.Import(context.Background(), f, ImportOptions{Pair: enAr, Origin: "tests"})
	require.NoError(t, err)
	ms, err := m.Lookup(context.Background(), Query{Text: "Click Save to keep %d files.", Pair: enAr, Context: Context{Key: "menu.save"}})
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	u := ms[0].Unit
	assert.Equal(t, "save", u.ID)
	assert.Equal(t, Context{Key: "menu.save"}, u.Context)
	assert.Equal(t, map[string]string{"x-project": "editor"}, u.Props)
	assert.Equal(t, []string{"Shown in the File menu."}, u.Notes)
	assert.Equal(t, time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), u.Created)
	assert.Equal(t, "omar", u.ChangedBy)
	assert.Equal(t, 3, u.UsageCount)
	assert.Equal(t, "tests", u.Origin)
	require.Len(t, u.SourceCodes, 2, "bpt and ept kept as codes")
	assert.Equal(t, tmx.BPT, u.SourceCodes[0].Kind)
	assert.Equal(t, "Click \uE000Save\uE001 to keep %d files.", u.Source)
	assert.Equal(t, Fuzzy, ms[0].Kind, "the query lacks the two codes")
}

func TestExportRoundTrip(t *testing.T) {
	f, err := os.ReadFile("testdata/import_codes.tmx")
	require.NoError(t, err)
	ctx := context.Background()
	m := NewMemory(nil)
	_, err = m.Import(ctx, strings.NewReader(string(f)), ImportOptions{})
	require.NoError(t, err)
	require.NoError(t, m.Add(ctx, seedUnits()...))

	var all []Unit
	scanAll(t, m, func(u Unit) { all = append(all, u) })
	for _, format := range []Format{FormatTMX} {
		var buf strings.Builder
		require.NoError(t, m.Export(ctx, &buf, format, LangPair{}))
		m2 := NewMemory(nil)
		_, err := m2.Import(ctx, strings.NewReader(buf.String()), ImportOptions{})
		require.NoError(t, err, buf.String())
		var again []Unit
		scanAll(t, m2, func(u Unit) { again = append(again, u) })
		assert.Equal(t, all, again)
	}

	var tsv strings.Builder
	require.NoError(t, m.Export(ctx, &tsv, FormatTSV, arEn))
	assert.Contains(t, tsv.String(), "ar\ten\n")
	assert.Contains(t, tsv.String(), "افتح الملفمرة أخرى.\tOpen the fileagain.\n", "codes dropped, reversed to ar→en")
	var js strings.Builder
	require.NoError(t, m.Export(ctx, &js, FormatWeblate, enAr))
	m3 := NewMemory(nil)
	st, err := m3.Import(ctx, strings.NewReader(js.String()), ImportOptions{})
	require.NoError(t, err)
	assert.Equal(t, FormatWeblate, st.Format)
	assert.Equal(t, 5, m3.Len())
}

// TestExportPrivateUseText: UI strings carry icon-font glyphs from the private use area (U+F015 is Font
// Awesome's "home"). In a unit added as plain text they are text, not inline codes, and export keeps them.
func TestExportPrivateUseText(t *testing.T) {
	ctx := context.Background()
	m := NewMemory(nil)
	require.NoError(t, m.Add(ctx, Unit{Source: "\uf015 Home", Target: "\uf015 الرئيسية", Pair: enAr}))
	for _, format := range []Format{FormatTMX, FormatTSV, FormatWeblate} {
		var buf strings.Builder
		require.NoError(t, m.Export(ctx, &buf, format, enAr), "format %v", format)
		assert.Contains(t, buf.String(), "\uf015 Home", "format %v", format)
		m2 := NewMemory(nil)
		_, err := m2.Import(ctx, strings.NewReader(buf.String()), ImportOptions{})
		require.NoError(t, err)
		var again strings.Builder
		require.NoError(t, m2.Export(ctx, &again, format, enAr))
		assert.Equal(t, buf.String(), again.String(), "format %v: export, import, export is stable", format)
	}
}

func scanAll(t *testing.T, m *Memory, f func(Unit)) {
	t.Helper()
	require.NoError(t, m.st.scan(context.Background(), func(r *record) bool { f(r.unit); return true }))
}

func TestImportMalformedKeepsStore(t *testing.T) {
	files, err := filepath.Glob("testdata/invalid_*.tmx")
	require.NoError(t, err)
	require.Len(t, files, 6)
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".tmx"), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "tm.db")
			m, err := Open(path, nil)
			require.NoError(t, err)
			require.NoError(t, m.Add(context.Background(), seedUnits()...))
			f, err := os.Open(file)
			require.NoError(t, err)
			defer f.Close()
			_, err = m.Import(context.Background(), f, ImportOptions{})
			require.Error(t, err)
			var pe *tmx.ParseError
			require.True(t, errors.As(err, &pe), "%v", err)
			assert.Positive(t, pe.Line)
			assert.Positive(t, pe.Column)
			require.NoError(t, m.Close())

			m, err = Open(path, nil)
			require.NoError(t, err)
			defer m.Close()
			assert.Equal(t, len(seedUnits()), m.Len())
			ms, err := m.Lookup(context.Background(), Query{Text: titleAr, Pair: arEn})
			require.NoError(t, err)
			require.NotEmpty(t, ms)
			assert.Equal(t, Exact, ms[0].Kind)
		})
	}
}

func TestOpenReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tm.db")
	m, err := Open(path, nil)
	require.NoError(t, err)
	require.NoError(t, m.Add(context.Background(), seedUnits()...))
	require.NoError(t, m.Close())
	assert.ErrorIs(t, m.Close(), nil, "Close twice is harmless")

	m, err = Open(path, nil)
	require.NoError(t, err)
	require.NoError(t, m.Add(context.Background(), seedUnits()...))
	assert.Equal(t, 3, m.Len(), "duplicates are found after reopening")
	require.NoError(t, m.Close())

	m, err = Open(path, &Options{ReadOnly: true})
	require.NoError(t, err)
	assert.Equal(t, 3, m.Len())
	ms, err := m.Lookup(context.Background(), Query{Text: "Save the file", Pair: enAr})
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	assert.Equal(t, "احفظ الملف", ms[0].Suggestion)
	assert.ErrorIs(t, m.Add(context.Background(), seedUnits()...), ErrReadOnly)
	require.NoError(t, m.Close())
	checkStore(t, path, 3)
}

// checkStore runs bbolt's consistency check on the file and counts its units.
func checkStore(t *testing.T, path string, atLeast int) int {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	require.NoError(t, err)
	defer db.Close()
	n := 0
	require.NoError(t, db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			return err
		}
		n = tx.Bucket(bucketUnits).Stats().KeyN
		return nil
	}))
	assert.GreaterOrEqual(t, n, atLeast)
	return n
}

func TestOpenRekeysAfterNormalizerChange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tm.db")
	m, err := Open(path, nil)
	require.NoError(t, err)
	require.NoError(t, m.Add(context.Background(), seedUnits()...))
	require.NoError(t, m.Close())

	// Pretend another normalizer wrote the keys: a stale fingerprint and a lost header.
	db, err := bolt.Open(path, 0o600, nil)
	require.NoError(t, err)
	require.NoError(t, db.Update(func(tx *bolt.Tx) error {
		require.NoError(t, tx.Bucket(bucketMeta).Put(metaFingerprint, []byte("old")))
		return tx.Bucket(bucketKeys).Delete(idKey(1))
	}))
	require.NoError(t, db.Close())

	m, err = Open(path, &Options{ReadOnly: true})
	assert.Error(t, err, "a read-only open cannot rekey")
	if err == nil {
		m.Close()
	}
	m, err = Open(path, nil)
	require.NoError(t, err)
	defer m.Close()
	assert.Equal(t, 3, m.Len())
	ms, err := m.Lookup(context.Background(), Query{Text: titleAr, Pair: arEn})
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	assert.Equal(t, Exact, ms[0].Kind)
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"": FormatAuto, "AUTO": FormatAuto, "tmx": FormatTMX, "TSV": FormatTSV, "json": FormatWeblate, "weblate": FormatWeblate} {
		f, err := ParseFormat(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, f, in)
	}
	for _, f := range []Format{FormatTMX, FormatTSV, FormatWeblate} {
		back, err := ParseFormat(f.String())
		require.NoError(t, err)
		assert.Equal(t, f, back, "String and ParseFormat agree")
	}
	_, err := ParseFormat("docx")
	assert.ErrorContains(t, err, "docx")
}

// TestLookupManyTies: when more units tie on their words than the index hands over at first, the lookup
// fetches more, so that the exact match is not lost among normalized ones and the results equal the
// exhaustive scan's.
func TestLookupManyTies(t *testing.T) {
	ctx := context.Background()
	var units []Unit
	for i := range 60 { // the same words, spelled with other case or harakat: Normalized matches
		src := "open the file"
		if i%2 == 0 {
			src = "Open the File"
		}
		units = append(units, Unit{Source: src, Target: fmt.Sprintf("افتح الملف %d", i), Pair: enAr})
		units = append(units, Unit{Source: fmt.Sprintf("Open the file number %d", i), Target: fmt.Sprintf("افتح الملف رقم %d", i), Pair: enAr})
	}
	units = append(units, Unit{ID: "exact", Source: "Open the file", Target: "افتح الملف", Pair: enAr})
	memories(t, units, func(t *testing.T, m *Memory) {
		for _, q := range []Query{
			{Text: "Open the file", Pair: enAr, Limit: 3},
			{Text: "Open the file now", Pair: enAr, Limit: 5},
			{Text: "open file number", Pair: enAr, Limit: 4, MinScore: 0.4},
		} {
			got, err := m.Lookup(ctx, q)
			require.NoError(t, err)
			q.Exhaustive = true
			want, err := m.Lookup(ctx, q)
			require.NoError(t, err)
			require.Equal(t, len(want), len(got), "query %q", q.Text)
			for i := range want {
				assert.Equal(t, want[i].Unit.ID, got[i].Unit.ID, "query %q, match %d", q.Text, i)
				assert.Equal(t, want[i].Percent, got[i].Percent, "query %q, match %d", q.Text, i)
			}
		}
		ms, err := m.Lookup(ctx, Query{Text: "Open the file", Pair: enAr, Limit: 1})
		require.NoError(t, err)
		require.Len(t, ms, 1)
		assert.Equal(t, "exact", ms[0].Unit.ID)
		assert.Equal(t, Exact, ms[0].Kind)
	})
}

// TestMinScoreAfterPenalties: every match returned scores at least MinScore, penalties included; a 50%
// match with a second translation is 49 and needs a threshold of 0.49.
func TestMinScoreAfterPenalties(t *testing.T) {
	units := []Unit{
		{ID: "a", Source: "Encodings", Target: "الترميزات", Pair: enAr},
		{ID: "b", Source: "Encodings", Target: "ترميزات", Pair: enAr},
	}
	memories(t, units, func(t *testing.T, m *Memory) {
		for _, exhaustive := range []bool{false, true} {
			ms, err := m.Lookup(context.Background(), Query{Text: "Rainbow encodings", Pair: enAr, MinScore: 0.5, Exhaustive: exhaustive})
			require.NoError(t, err)
			assert.Empty(t, ms, "exhaustive %v: 49 is below 0.5", exhaustive)
			ms, err = m.Lookup(context.Background(), Query{Text: "Rainbow encodings", Pair: enAr, MinScore: 0.49, Exhaustive: exhaustive})
			require.NoError(t, err)
			require.Len(t, ms, 2, "exhaustive %v", exhaustive)
			for _, mt := range ms {
				assert.Equal(t, 49, mt.Percent, "50%% of the words, one point for the second translation")
				assert.Equal(t, []Penalty{{PenaltyMultiple, 1}}, mt.Penalties)
			}
		}
	})
}

// TestConcordanceManyUnits: hits come in the order units were added, across the batches the search reads,
// and units that only share the phrase's letters (or one of its words) are not hits.
func TestConcordanceManyUnits(t *testing.T) {
	var units []Unit
	var want []string
	for i := range 1200 {
		u := Unit{ID: fmt.Sprintf("u%04d", i), Pair: arEn, Target: fmt.Sprintf("item %d", i)}
		switch i % 4 {
		case 0:
			u.Source = fmt.Sprintf("بالضمانات الأمنية للبند %d", i)
			want = append(want, u.ID)
		case 1:
			u.Source = fmt.Sprintf("الضمانات الاقتصادية والأمنية %d", i) // both words, not in a row
		case 2:
			u.Source = fmt.Sprintf("ضمانة %d", i)
		default:
			u.Source = fmt.Sprintf("البند %d", i)
			u.Target = fmt.Sprintf("security guarantees %d", i)
		}
		units = append(units, u)
	}
	memories(t, units, func(t *testing.T, m *Memory) {
		for _, limit := range []int{1, 255, 257, 1000} {
			hits, err := m.Concordance(context.Background(), "الضمانات الأمنية", ConcordanceOptions{Limit: limit})
			require.NoError(t, err)
			var got []string
			for _, h := range hits {
				assert.Equal(t, SourceSide, h.Side)
				got = append(got, h.Unit.ID)
			}
			assert.Equal(t, want[:min(limit, len(want))], got, "limit %d", limit)
		}
		hits, err := m.Concordance(context.Background(), "security guarantees", ConcordanceOptions{Lang: language.English, Limit: 1000})
		require.NoError(t, err)
		assert.Len(t, hits, 300, "one in four targets")
		hits, err = m.Concordance(context.Background(), "security guarantees", ConcordanceOptions{Lang: language.Arabic})
		require.NoError(t, err)
		assert.Empty(t, hits)
		cancelled, cancel := context.WithCancel(context.Background())
		cancel()
		_, err = m.Concordance(cancelled, "الضمانات", ConcordanceOptions{})
		assert.ErrorIs(t, err, context.Canceled)
	})
}

// TestLookupICEAmongManyExact: an in-context match hidden behind more exact matches than a lookup fetches
// at first is still found, because the query carries a context.
func TestLookupICEAmongManyExact(t *testing.T) {
	var units []Unit
	for i := range 50 {
		units = append(units, Unit{ID: fmt.Sprintf("e%02d", i), Source: "Save", Target: fmt.Sprintf("احفظ %d", i), Pair: enAr,
			Context: Context{Key: fmt.Sprintf("menu.%d", i)}})
	}
	memories(t, units, func(t *testing.T, m *Memory) {
		ms, err := m.Lookup(context.Background(), Query{Text: "Save", Pair: enAr, Limit: 1, Context: Context{Key: "menu.49"}})
		require.NoError(t, err)
		require.Len(t, ms, 1)
		assert.Equal(t, ICE, ms[0].Kind)
		assert.Equal(t, "e49", ms[0].Unit.ID)
		ms, err = m.Lookup(context.Background(), Query{Text: "Save", Pair: enAr, Limit: 1})
		require.NoError(t, err)
		require.Len(t, ms, 1)
		assert.Equal(t, Exact, ms[0].Kind, "without a context, every one is exact")
	})
}

// TestOpenRekeysInWindows: a store whose keys an older tmkey wrote (here: every key stale) is re-keyed
// window by window at the first writable Open, also when an earlier Open stopped after some windows;
// lookups then find the units by their new keys.
func TestOpenRekeysInWindows(t *testing.T) {
	path := rekeyStore(t, 40, "O_rientation %d", "الا_تجاه %d")
	db, err := bolt.Open(path, 0o600, nil)
	require.NoError(t, err)
	require.NoError(t, db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketUnits)
		type kv struct{ k, v []byte }
		var stale []kv
		require.NoError(t, b.ForEach(func(k, v []byte) error {
			r := record{id: binary.BigEndian.Uint32(k)}
			require.NoError(t, decodeRecord(v, &r))
			r.srcKey, r.tgtKey = "o rientation", "الا تجاه" // what words-2 keyed
			stale = append(stale, kv{bytes.Clone(k), encodeRecord(nil, &r)})
			return nil
		}))
		for _, s := range stale {
			require.NoError(t, b.Put(s.k, s.v))
		}
		return tx.Bucket(bucketMeta).Put(metaFingerprint, []byte("old"))
	}))
	// An earlier Open re-keyed two windows, then the process died.
	require.NoError(t, db.Update(func(tx *bolt.Tx) error {
		next, err := rekey(tx.Bucket(bucketUnits), tx.Bucket(bucketKeys), nil, 14)
		require.NotNil(t, next)
		return err
	}))
	require.NoError(t, db.Close())

	m, err := Open(path, &Options{NoIndexFile: true})
	require.NoError(t, err)
	defer m.Close()
	for _, q := range []struct {
		text string
		pair LangPair
	}{{"Orientation 3", enAr}, {"Orientation 39", enAr}, {"الاتجاه 25", arEn}} {
		ms, err := m.Lookup(context.Background(), Query{Text: q.text, Pair: q.pair})
		require.NoError(t, err)
		require.NotEmpty(t, ms, q.text)
		assert.Equal(t, Normalized, ms[0].Kind, q.text)
	}
	require.NoError(t, m.st.scan(context.Background(), func(r *record) bool {
		src, _ := keys(&r.unit)
		assert.Equal(t, src, r.srcKey)
		return true
	}))
}

// TestRekeyFailureLeavesStoreMarked: a re-key that stops between windows (here: a corrupt unit in the
// second) leaves the store marked as being re-keyed, never with the old fingerprint, which an older
// build would trust with half its keys new.
func TestRekeyFailureLeavesStoreMarked(t *testing.T) {
	path := rekeyStore(t, 20, "unit %d", "وحدة %d")
	db, err := bolt.Open(path, 0o600, nil)
	require.NoError(t, err)
	require.NoError(t, db.Update(func(tx *bolt.Tx) error {
		require.NoError(t, tx.Bucket(bucketUnits).Put(idKey(10), []byte{0xff, 0xff}))
		return tx.Bucket(bucketMeta).Put(metaFingerprint, []byte("old"))
	}))
	require.NoError(t, db.Close())

	_, err = Open(path, nil)
	require.Error(t, err)
	assert.ErrorContains(t, err, "unit 10")
	db, err = bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	require.NoError(t, err)
	defer db.Close()
	require.NoError(t, db.View(func(tx *bolt.Tx) error {
		assert.Equal(t, "re-keying", string(tx.Bucket(bucketMeta).Get(metaFingerprint)))
		return nil
	}))
}

// rekeyStore makes a closed store file of n units from the source and target formats, with re-key
// windows of 7 units for the rest of the test.
func rekeyStore(t *testing.T, n int, source, target string) string {
	t.Helper()
	w := rekeyWindow
	t.Cleanup(func() { rekeyWindow = w })
	rekeyWindow = 7
	path := filepath.Join(t.TempDir(), "tm.db")
	m, err := Open(path, nil)
	require.NoError(t, err)
	var units []Unit
	for i := range n {
		units = append(units, Unit{Source: fmt.Sprintf(source, i), Target: fmt.Sprintf(target, i), Pair: enAr})
	}
	require.NoError(t, m.Add(context.Background(), units...))
	require.NoError(t, m.Close())
	return path
}
