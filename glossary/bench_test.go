package glossary

import (
	"fmt"
	"math/rand/v2"
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

// genGlossary returns a glossary of n distinct multi-word Arabic–English entries, deterministic for n.
func genGlossary(tb testing.TB, n int) *Glossary {
	tb.Helper()
	var g Glossary
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	seen := make(map[string]bool, n)
	for len(seen) < n {
		noun := genNouns[rng.IntN(len(genNouns))]
		var ar string
		switch rng.IntN(4) {
		case 0: // definite noun + adjective
			ar = "ال" + noun + " ال" + genAdjectives[rng.IntN(len(genAdjectives))]
		case 1: // idafa
			ar = noun + " ال" + genNouns[rng.IntN(len(genNouns))]
		case 2: // noun + two adjectives
			ar = noun + " " + genAdjectives[rng.IntN(len(genAdjectives))] + " " + genAdjectives[rng.IntN(len(genAdjectives))]
		default: // idafa + adjective
			ar = noun + " ال" + genNouns[rng.IntN(len(genNouns))] + " ال" + genAdjectives[rng.IntN(len(genAdjectives))]
		}
		if seen[ar] {
			continue
		}
		seen[ar] = true
		en := genEnglishAdjectives[rng.IntN(len(genEnglishAdjectives))] + " " +
			genEnglishNouns[rng.IntN(len(genEnglishNouns))] + " " + genEnglishNouns[rng.IntN(len(genEnglishNouns))]
		if err := g.Add(Entry{ID: fmt.Sprint(len(seen)), Terms: []Term{{Text: ar, Lang: ar_}, {Text: en, Lang: en_}}}); err != nil {
			tb.Fatal(err)
		}
	}
	return &g
}

var ar_, en_ = ar, en

// newsText is the seed article repeated to about 64 KiB.
func newsText() string {
	return strings.Repeat(sample.SeedArabic()+"\n\n", 14)
}

func benchmarkFindAll(b *testing.B, entries int) {
	g := genGlossary(b, entries)
	require := g.Matcher(ar, en)
	text := newsText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		require.FindAll(text)
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
}
