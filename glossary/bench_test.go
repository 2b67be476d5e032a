package glossary

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/tarjuman/tarjuman/internal/sample"
)

// Vocabulary for generated glossaries: realistic news terms are noun + adjective (الضمانات الأمنية),
// noun + noun (منظمة الأمن) or noun + adjective + adjective.
var (
	genNouns = strings.Fields(`ضمانات مشاورات مفاوضات اتفاقية معاهدة منظمة مجلس وزارة هيئة لجنة سياسة علاقات
		عقوبات أسلحة قوات صواريخ حدود مصالح قضايا تعاون حوار أمن استقرار سلام حرب أزمة قمة زيارة محادثات
		انتخابات حكومة برلمان دستور اقتصاد تجارة استثمار طاقة نفط غاز سوق بنك عملة ديون موازنة ضرائب
		صادرات واردات مصانع شركات عمال بطالة تضخم أسعار رواتب تعليم جامعة مدارس صحة مستشفيات لقاحات
		مياه زراعة مناخ بيئة تلوث كهرباء طرق موانئ مطارات سكك نقل اتصالات إعلام صحافة مواقع بيانات
		تقنية أبحاث علوم فضاء أقمار محكمة قضاء قانون حقوق حريات لاجئين مهاجرين جيش شرطة استخبارات
		إرهاب هجمات حملة مبادرة خطة برنامج مشروع مؤتمر منتدى تحالف شراكة وساطة هدنة مصالحة مساعدات`)
	genAdjectives = strings.Fields(`أمنية استراتيجية روسية أمريكية أوروبية عربية دولية إقليمية ثنائية نووية
		عسكرية سياسية اقتصادية تجارية مالية نفطية زراعية صناعية تعليمية صحية بيئية مناخية رقمية فضائية
		قضائية قانونية دستورية برلمانية حكومية رسمية شعبية وطنية محلية عالمية شاملة كاملة جديدة قديمة
		كبيرة صغيرة واسعة مباشرة مشتركة متعددة طويلة قصيرة عاجلة إنسانية اجتماعية ثقافية إعلامية`)
	genEnglishNouns = strings.Fields(`guarantee consultation negotiation agreement treaty organization council
		ministry authority committee policy relation sanction weapon force missile border interest issue
		cooperation dialogue security stability peace war crisis summit visit talk election government
		parliament constitution economy trade investment energy oil gas market bank currency debt budget tax`)
	genEnglishAdjectives = strings.Fields(`strategic russian american european arab international regional
		bilateral nuclear military political economic commercial financial industrial digital global joint`)
)

// Synthetic words widen the vocabulary the way a real 100,000-entry termbase does (tens of thousands of
// distinct words): a random triliteral root poured into a common noun pattern (C marks a root letter).
var (
	genRootLetters = []rune("بتثجحخدذرزسشصضطظعغفقكلمنهوي")
	genPatterns    = strings.Fields("CاCC CCاC CCيC مCCC مCاCC مCCوC تCCيC اCCاC استCCاC CاCCه مCCCه CCاCه")
	genSyllables   = strings.Fields("ka ra mi to lu sen dor vel tra pon gri mas tel lin cor bur dis ent")
)

// genRoots is the number of distinct synthetic roots: with 12 patterns, about 24,000 distinct words.
const genRoots = 2000

func genArabicWord(rng *rand.Rand) string {
	root := [3]rune{}
	n := len(genRootLetters)
	seed := rng.IntN(genRoots) * 7919 % (n * n * n) // spread the roots over all letter triples
	for i := range root {
		root[i] = genRootLetters[seed%n]
		seed /= n
	}
	var b strings.Builder
	k := 0
	for _, r := range genPatterns[rng.IntN(len(genPatterns))] {
		if r == 'C' {
			b.WriteRune(root[k])
			k++
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func genEnglishWord(rng *rand.Rand) string {
	n := 2 + rng.IntN(2)
	var b strings.Builder
	for range n {
		b.WriteString(genSyllables[rng.IntN(len(genSyllables))])
	}
	return b.String()
}

// genGlossary returns a glossary of n distinct multi-word Arabic–English entries, deterministic for n:
// a third built from real news words (so the seed article has hits), the rest from synthetic words.
func genGlossary(tb testing.TB, n int) *Glossary {
	tb.Helper()
	var g Glossary
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	seen := make(map[string]bool, n)
	noun := func(real bool) string {
		if real {
			return genNouns[rng.IntN(len(genNouns))]
		}
		return genArabicWord(rng)
	}
	adj := func(real bool) string {
		if real {
			return genAdjectives[rng.IntN(len(genAdjectives))]
		}
		return genArabicWord(rng) + "ية"
	}
	for len(seen) < n {
		real := rng.IntN(3) == 0
		var arabic string
		switch rng.IntN(4) {
		case 0: // definite noun + adjective
			arabic = "ال" + noun(real) + " ال" + adj(real)
		case 1: // idafa
			arabic = noun(real) + " ال" + noun(real)
		case 2: // noun + two adjectives
			arabic = noun(real) + " " + adj(real) + " " + adj(real)
		default: // idafa + adjective
			arabic = noun(real) + " ال" + noun(real) + " ال" + adj(real)
		}
		if seen[arabic] {
			continue
		}
		seen[arabic] = true
		var english string
		if real {
			english = genEnglishAdjectives[rng.IntN(len(genEnglishAdjectives))] + " " +
				genEnglishNouns[rng.IntN(len(genEnglishNouns))] + " " + genEnglishNouns[rng.IntN(len(genEnglishNouns))]
		} else {
			english = genEnglishWord(rng) + " " + genEnglishWord(rng)
		}
		if err := g.Add(Entry{ID: fmt.Sprint(len(seen)), Terms: []Term{{Text: arabic, Lang: ar}, {Text: english, Lang: en}}}); err != nil {
			tb.Fatal(err)
		}
	}
	return &g
}

// newsText is the seed article repeated to about 64 KiB.
func newsText() string {
	return strings.Repeat(sample.SeedArabic()+"\n\n", 14)
}

func benchmarkFindAll(b *testing.B, entries int) {
	g := genGlossary(b, entries)
	m := g.Matcher(ar, en)
	text := newsText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		m.FindAll(text)
	}
}

func BenchmarkFindAll10(b *testing.B)     { benchmarkFindAll(b, 10) }
func BenchmarkFindAll100000(b *testing.B) { benchmarkFindAll(b, 100_000) }

func BenchmarkCompile100000(b *testing.B) {
	entries := genGlossary(b, 100_000).snapshot()
	b.ReportAllocs()
	for b.Loop() {
		compile(entries, baseOf(ar), baseOf(en))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m := compile(entries, baseOf(ar), baseOf(en))
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-live")
	b.ReportMetric(float64(len(m.vocab)), "keys")
	runtime.KeepAlive(m)
}

// BenchmarkFindAllSentences calls FindAll once per paragraph, as a CAT tool does per segment.
func BenchmarkFindAllSentences(b *testing.B) {
	m := genGlossary(b, 100_000).Matcher(ar, en)
	paras := strings.Split(sample.SeedArabic(), "\n\n")
	b.SetBytes(int64(len(sample.SeedArabic())))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			m.FindAll(p)
		}
	}
}

// BenchmarkFindAllCold measures a text whose words the Matcher has not seen: a fresh Matcher per
// iteration, compiled outside the timer, so every word that passes the prefilter is analysed.
func BenchmarkFindAllCold100000(b *testing.B) {
	entries := genGlossary(b, 100_000).snapshot()
	text := newsText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		m := compile(entries, baseOf(ar), baseOf(en))
		b.StartTimer()
		m.FindAll(text)
	}
}
