package token_test

import (
	"fmt"

	"github.com/tarjuman/tarjuman/internal/token"
	"github.com/tarjuman/tarjuman/normalize"
)

func ExampleTokenize() {
	s := "أكد بيسكوف في 30/12/2021 أن %s «كوفيد-19» <b>انتهى</b>."
	for _, t := range token.Tokenize(s) {
		fmt.Printf("%2d-%2d %-11v %s\n", t.Start, t.End, t.Kind, s[t.Start:t.End])
	}
	// Output:
	//  0- 6 Word        أكد
	//  7-19 Word        بيسكوف
	// 20-24 Word        في
	// 25-35 Number      30/12/2021
	// 36-40 Word        أن
	// 41-43 Placeholder %s
	// 44-46 Punct       «
	// 46-59 Word        كوفيد-19
	// 59-61 Punct       »
	// 62-65 Placeholder <b>
	// 65-75 Word        انتهى
	// 75-79 Placeholder </b>
	// 79-80 Punct       .
}

func ExampleAppendTokens() {
	var buf []token.Token // reused: no allocation once it is large enough
	for _, s := range []string{"الأمن الاستراتيجي", "security talks"} {
		buf = token.AppendTokens(buf[:0], s)
		fmt.Println(len(buf), s[buf[1].Start:buf[1].End])
	}
	// Output:
	// 2 الاستراتيجي
	// 2 talks
}

func ExampleAnalyze() {
	// Analysis works on words folded by normalize.Search (أ → ا, ة → ه, ...).
	w := normalize.Search.String("للضمانات")
	for _, a := range token.Analyze(w) {
		fmt.Printf("prefix=%q stem=%q suffix=%q definite=%v\n", a.Prefix, a.Stem, a.Suffix, a.Definite)
	}
	// Output:
	// prefix="لل" stem="ضمان" suffix="ات" definite=true
	// prefix="لل" stem="ضمانات" suffix="" definite=true
	// prefix="لل" stem="ضمانه" suffix="ات" definite=true
	// prefix="لل" stem="لضمانات" suffix="" definite=true
	// prefix="" stem="للضمانات" suffix="" definite=false
}

func ExampleKey() {
	for _, w := range []string{"بالضمانات", "ضماناتنا", "الأمنية", "الأمن", "المسؤولين", "بوتين", "الكرملين", "Guarantees"} {
		fmt.Println(w, "→", token.Key(normalize.Search.String(w)))
	}
	// Output:
	// بالضمانات → ضمان
	// ضماناتنا → ضمان
	// الأمنية → امني
	// الأمن → امن
	// المسؤولين → مسوول
	// بوتين → بوتين
	// الكرملين → كرملين
	// Guarantees → guarantee
}

func ExampleEnglishStem() {
	for _, w := range []string{"negotiations", "policies", "Weapons", "news", "its"} {
		fmt.Println(token.EnglishStem(w))
	}
	// Output:
	// negotiation
	// policy
	// weapon
	// news
	// its
}

func ExampleIsStopWord() {
	for _, w := range []string{"في", "والتي", "الضمانات", "the", "sanctions"} {
		k := token.Key(normalize.Search.String(w))
		fmt.Println(w, token.IsStopWord(k))
	}
	// Output:
	// في true
	// والتي true
	// الضمانات false
	// the true
	// sanctions false
}
