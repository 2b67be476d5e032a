package tm_test

import (
	"context"
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/tm"
)

func ExampleMemory_Lookup() {
	ctx := context.Background()
	m := tm.NewMemory(nil)
	defer m.Close()
	arEn := tm.LangPair{Source: language.Arabic, Target: language.English}
	m.Add(ctx, tm.Unit{
		Source: "استمرت المكالمة نحو 50 دقيقة",
		Target: "The call lasted about 50 minutes",
		Pair:   arEn,
	})
	for _, q := range []string{
		"استمرت المكالمة نحو 50 دقيقة",          // identical
		"استمرَّت المُكالمة نحو ٥٠ دقيقة",       // harakat and Arabic-Indic digits
		"استمرت المكالمة الهاتفية نحو 40 دقيقة", // a word added, a number changed
	} {
		ms, _ := m.Lookup(ctx, tm.Query{Text: q, Pair: arEn})
		fmt.Printf("%d%% %s adjusted=%v: %s\n", ms[0].Percent, ms[0].Kind, ms[0].Adjusted, ms[0].Suggestion)
	}
	// The same unit answers the opposite direction.
	ms, _ := m.Lookup(ctx, tm.Query{Text: "the call lasted about 50 minutes", Pair: arEn.Reverse()})
	fmt.Printf("%d%% %s reversed=%v: %s\n", ms[0].Percent, ms[0].Kind, ms[0].Reversed, ms[0].Suggestion)
	// Output:
	// 100% exact adjusted=false: The call lasted about 50 minutes
	// 99% normalized adjusted=false: The call lasted about 50 minutes
	// 66% fuzzy adjusted=true: The call lasted about 40 minutes
	// 99% normalized reversed=true: استمرت المكالمة نحو 50 دقيقة
}

func ExampleMemory_Concordance() {
	ctx := context.Background()
	m := tm.NewMemory(nil)
	defer m.Close()
	m.Import(ctx, strings.NewReader("ar\ten\n"+
		"بدأت المكالمة الهاتفية مساء الخميس\tThe phone call began on Thursday evening\n"+
		"وانتهت المكالمات بعد ساعة\tThe calls ended an hour later\n"), tm.ImportOptions{})
	hits, _ := m.Concordance(ctx, "مُكالمة", tm.ConcordanceOptions{Width: 8})
	for _, h := range hits {
		fmt.Printf("%s [%d:%d] …%s[%s]%s…\n", h.Side, h.Start, h.End, h.Left, h.Match, h.Right)
	}
	// Output:
	// source [9:25] …بدأت [المكالمة] الهاتفي…
	// source [13:31] …وانتهت [المكالمات] بعد ساع…
}
