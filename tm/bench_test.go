package tm

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// generatedUnits returns n distinct en→ar units shaped like software strings.
func generatedUnits(prefix string, n int) []Unit {
	us := make([]Unit, n)
	for i := range us {
		us[i] = Unit{
			Source: fmt.Sprintf("Unit %d of round %s reports %d files", i, prefix, i*7),
			Target: fmt.Sprintf("الوحدة %d من الجولة %s تبلغ عن %d ملفات", i, prefix, i*7),
			Pair:   enAr,
		}
	}
	return us
}

// BenchmarkAdd adds batches of 1000 new units: in RAM, and to a bbolt file with fsync per batch.
func BenchmarkAdd(b *testing.B) {
	for _, store := range []string{"ram", "bolt"} {
		b.Run(store, func(b *testing.B) {
			m := NewMemory(nil)
			if store == "bolt" {
				var err error
				if m, err = Open(filepath.Join(b.TempDir(), "tm.db"), nil); err != nil {
					b.Fatal(err)
				}
			}
			defer m.Close()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if err := m.Add(context.Background(), generatedUnits(fmt.Sprint(i), 1000)...); err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.ReportMetric(float64(1000*i)/b.Elapsed().Seconds(), "units/s")
		})
	}
}

// BenchmarkLookup pairs an exact query (answered from the top of the index) with a fuzzy one,
// in a RAM memory of 20,000 similar units (many candidates share most words).
func BenchmarkLookup(b *testing.B) {
	m := NewMemory(nil)
	if err := m.Add(context.Background(), append(generatedUnits("a", 20000), seedUnits()...)...); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, text string }{
		{"exact", titleEn},
		{"fuzzy", "Putin and Biden will personally follow the strategic security talks next month"},
		{"harakat", "بُوتِين وبايدن سيتابعان شخصياً مشاورات الأَمْن الاستراتيجي الشهر المقبل"},
	} {
		b.Run(c.name, func(b *testing.B) {
			q := Query{Text: c.text, Pair: enAr}
			if c.name == "harakat" {
				q.Pair = arEn
			}
			b.ReportAllocs()
			for b.Loop() {
				if ms, err := m.Lookup(context.Background(), q); err != nil || len(ms) == 0 {
					b.Fatal(err, len(ms))
				}
			}
		})
	}
}
