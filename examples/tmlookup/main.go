// Command tmlookup imports the seed article's TMX into a translation memory and looks up
// perturbed sentences in both directions: a word changed, harakat added, hamza dropped, a number
// changed. For each it prints the best match's score, kind and the words that differ.
//
//	go run ./examples/tmlookup
package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/internal/sample"
	"github.com/tarjuman/tarjuman/tm"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "tmlookup:", err)
		os.Exit(1)
	}
}

var (
	arEn = tm.LangPair{Source: language.Arabic, Target: language.English}
	enAr = tm.LangPair{Source: language.English, Target: language.Arabic}
)

// queries are seed sentences with one perturbation each.
var queries = []struct {
	what string
	q    tm.Query
}{
	{"a word changed (المقبل → القادم)", tm.Query{Pair: arEn,
		Text: "بوتين وبايدن سيتابعان شخصياً مشاورات الأمن الاستراتيجي الشهر القادم"}},
	{"harakat added", tm.Query{Pair: arEn,
		Text: "الكرملين: بوتين أكَّدَ لبايدن أنَّ روسيا تُرِيدُ النتيجة من مفاوضات الضمانات الأمنية"}},
	{"hamza dropped (أوشاكوف, أكد, الأمنية)", tm.Query{Pair: arEn,
		Text: "وذكر اوشاكوف أن بوتين اكد لبايدن أن روسيا ستتصرف مثلما كانت ستتصرف واشنطن في حال ضرورة ضمان مصالحها الامنية."}},
	{"a number changed (50 → 45)", tm.Query{Pair: arEn,
		Text: "بدوره أشار البيت الأبيض إلى أن المكالمة استمرت نحو 45 دقيقة. وبدأ ثاني اتصال في غضون شهر بين الرئيسين الروسي والأمريكي في تمام الساعة 23:35 بتوقيت موسكو."}},
	{"English, a word deleted", tm.Query{Pair: enAr,
		Text: "Putin and Biden to follow strategic security consultations next month"}},
}

func run(ctx context.Context, _ []string, _ io.Reader, stdout io.Writer) error {
	m := tm.NewMemory(nil)
	defer m.Close()
	st, err := m.Import(ctx, bytes.NewReader(sample.File("seed_parallel.tmx")), tm.ImportOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "imported %d units (%d merged duplicates)\n", st.Added, st.Merged)
	for _, x := range queries {
		fmt.Fprintf(stdout, "\n%s\n  query: %s\n", x.what, x.q.Text)
		ms, err := m.Lookup(ctx, x.q)
		if err != nil {
			return err
		}
		if len(ms) == 0 {
			fmt.Fprintln(stdout, "  no match")
			continue
		}
		best := ms[0]
		fmt.Fprintf(stdout, "  %d%% %s (score %.2f), unit %s\n", best.Percent, best.Kind, best.Score, best.Unit.ID)
		for _, d := range best.Diff {
			fmt.Fprintf(stdout, "    %s: query %q [%d:%d], tm %q [%d:%d]\n",
				d.Op, d.QueryText, d.QueryStart, d.QueryEnd, d.SourceText, d.SourceStart, d.SourceEnd)
		}
		adjusted := ""
		if best.Adjusted {
			adjusted = " (adjusted)"
		}
		fmt.Fprintf(stdout, "  suggestion%s: %s\n", adjusted, best.Suggestion)
	}
	return nil
}
