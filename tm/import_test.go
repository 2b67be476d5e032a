package tm

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tarjuman/tarjuman/tm/tmx"
)

func TestImportErrors(t *testing.T) {
	cases := []struct {
		name      string
		input     string
		o         ImportOptions
		line, col int
	}{
		{"tsv_too_many_fields", "en\tar\nSave\tاحفظ\na\tb\tc\td\n", ImportOptions{}, 3, 1},
		{"tsv_without_languages", "Save\tاحفظ\n", ImportOptions{}, 1, 1},
		{"json_not_an_array", `{"source": "a"}`, ImportOptions{}, 1, 2},
		{"json_bad_value_on_line_3", "[\n{\"source\": \"a\", \"target\": \"b\", \"source_language\": \"en\", \"target_language\": \"ar\"},\n{\"source\": 7}\n]", ImportOptions{}, 3, 14}, // json reports the end of the bad object
		{"json_truncated", "[\n{\"source\": \"a\"", ImportOptions{}, 2, 1},                                                                                                               // json reports the start of the cut value
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := NewMemory(nil)
			require.NoError(t, m.Add(context.Background(), seedUnits()...))
			_, err := m.Import(context.Background(), strings.NewReader(c.input), c.o)
			require.Error(t, err)
			var pe *ParseError
			require.True(t, errors.As(err, &pe), "%v", err)
			assert.Equal(t, c.line, pe.Line, "%v", err)
			assert.Equal(t, c.col, pe.Column, "%v", err)
			assert.True(t, strings.HasPrefix(err.Error(), "tm: "), err.Error())
			assert.Equal(t, len(seedUnits()), m.Len())
		})
	}
}

func TestImportLenientSkipsBadTU(t *testing.T) {
	for _, file := range []string{"testdata/invalid_date.tmx", "testdata/invalid_language.tmx"} {
		t.Run(file, func(t *testing.T) {
			f, err := os.Open(file)
			require.NoError(t, err)
			defer f.Close()
			m := NewMemory(nil)
			st, err := m.Import(context.Background(), f, ImportOptions{Lenient: true})
			require.NoError(t, err)
			assert.Equal(t, 1, st.Added)
			assert.Equal(t, 1, st.Skipped)
			assert.Equal(t, 2, st.Read)
		})
	}
}

func TestImportCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	m := NewMemory(nil)
	calls := 0
	_, err := m.Import(ctx, &generated{prefix: "x", limit: 5000}, ImportOptions{Format: FormatTSV, Pair: enAr, BatchSize: 100,
		Progress: func(ImportStats) {
			if calls++; calls == 3 {
				cancel()
			}
		}})
	require.ErrorIs(t, err, context.Canceled)
	assert.Less(t, m.Len(), 5000)
	assert.GreaterOrEqual(t, m.Len(), 300, "committed batches stay")
}

// FuzzImport feeds arbitrary bytes to Import: it must not panic, an error must leave the units
// stored before intact, and every stored unit must be retrievable.
func FuzzImport(f *testing.F) {
	for _, name := range []string{"testdata/import_codes.tmx", "testdata/import_header.tsv", "testdata/import_weblate.json", "testdata/invalid_nesting.tmx"} {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m := NewMemory(nil)
		require.NoError(t, m.Add(context.Background(), seedUnits()...))
		st, err := m.Import(context.Background(), strings.NewReader(string(b)), ImportOptions{Pair: enAr, BatchSize: 2})
		var pe *ParseError
		var te *tmx.ParseError
		if err != nil && !errors.As(err, &pe) && !errors.As(err, &te) {
			t.Fatalf("unpositioned error: %v", err)
		}
		assert.Equal(t, len(seedUnits())+st.Added, m.Len())
		ms, err := m.Lookup(context.Background(), Query{Text: titleAr, Pair: arEn})
		require.NoError(t, err)
		require.NotEmpty(t, ms)
		assert.Equal(t, Exact, ms[0].Kind)
	})
}

// FuzzLookup checks Lookup's invariants on arbitrary queries: scores in [0, 1] matching the kind,
// results best first, diff spans in bounds and covering the texts they name.
func FuzzLookup(f *testing.F) {
	for _, s := range []string{titleAr, callEn, "Save the file.", "%s %d {0}", "\uE000x\uE001", "ـَـ", "\xff"} {
		f.Add(s, true)
	}
	m := NewMemory(nil)
	require.NoError(f, m.Add(context.Background(), append(seedUnits(),
		Unit{Source: "Delete %s now", Target: "احذف %s الآن", Pair: enAr},
		Unit{Source: "Click \uE000Save\uE001", Target: "انقر \uE000حفظ\uE001", Pair: enAr})...))
	f.Fuzz(func(t *testing.T, text string, english bool) {
		pair := arEn
		if english {
			pair = enAr
		}
		var percents [2][]int // per path: the index's, the exhaustive scan's
		for path, exhaustive := range []bool{false, true} {
			minScore := 0.01
			if len(text)%2 == 1 {
				minScore = 0.5
			}
			ms, err := m.Lookup(context.Background(), Query{Text: text, Pair: pair, MinScore: minScore, Exhaustive: exhaustive})
			require.NoError(t, err)
			for _, mt := range ms {
				percents[path] = append(percents[path], mt.Percent)
			}
			for i, mt := range ms {
				require.True(t, mt.Score >= minScore-1e-9 && mt.Score <= 1, "score %v, MinScore %v", mt.Score, minScore)
				switch mt.Kind {
				case ICE:
					assert.Equal(t, 101, mt.Percent)
				case Exact:
					assert.Equal(t, 100, mt.Percent)
				case Normalized:
					assert.Equal(t, 99, mt.Percent)
				default:
					assert.LessOrEqual(t, mt.Percent, 98)
				}
				if i > 0 {
					assert.LessOrEqual(t, mt.Percent, ms[i-1].Percent)
				}
				for _, d := range mt.Diff {
					require.True(t, 0 <= d.QueryStart && d.QueryStart <= d.QueryEnd && d.QueryEnd <= len(text))
					require.True(t, 0 <= d.SourceStart && d.SourceStart <= d.SourceEnd && d.SourceEnd <= len(mt.Unit.Source))
					assert.Equal(t, text[d.QueryStart:d.QueryEnd], d.QueryText)
					assert.Equal(t, mt.Unit.Source[d.SourceStart:d.SourceEnd], d.SourceText)
				}
			}
		}
		assert.Equal(t, percents[1], percents[0], "the index finds the exhaustive scan's percentages")
	})
}
