package bench

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/normalize"
)

// The glossary benchmarks answer three questions of issue 3: compiling a Matcher for 100,000 entries
// (time and live memory), FindAll throughput on Arabic news text for 10 and 100,000 entries, and our
// Matcher against the naive approach (normalized strings.Index once per term) at 10,000 terms.

// glossaryNewsSize is the size of the Arabic news text: the seed article repeated.
const glossaryNewsSize = 64 << 10

func glossaryNews(tb testing.TB) string {
	b, err := os.ReadFile("../testdata/seed_ar.txt")
	require.NoError(tb, err)
	return strings.Repeat(string(b)+"\n\n", glossaryNewsSize/len(b)+1)
}

// Realistic multi-word terms: real news nouns and adjectives (so the text has hits) and synthetic words
// made of a root in a noun pattern (so the vocabulary is as wide as a real termbase's).
var (
	glNouns = strings.Fields(`ضمانات مشاورات مفاوضات اتفاقية معاهدة منظمة مجلس وزارة هيئة لجنة سياسة علاقات
		عقوبات أسلحة قوات صواريخ حدود مصالح قضايا تعاون حوار أمن استقرار سلام حرب أزمة قمة زيارة محادثات
		انتخابات حكومة برلمان دستور اقتصاد تجارة استثمار طاقة نفط غاز سوق بنك عملة ديون موازنة ضرائب
		صادرات واردات مصانع شركات عمال بطالة تضخم أسعار رواتب تعليم جامعة مدارس صحة مستشفيات لقاحات
		مياه زراعة مناخ بيئة تلوث كهرباء طرق موانئ مطارات نقل اتصالات إعلام صحافة مواقع بيانات تقنية
		أبحاث علوم فضاء محكمة قضاء قانون حقوق حريات لاجئين جيش شرطة إرهاب هجمات حملة مبادرة خطة برنامج
		مشروع مؤتمر منتدى تحالف شراكة وساطة هدنة مصالحة مساعدات`)
	glAdjectives = strings.Fields(`أمنية استراتيجية روسية أمريكية أوروبية عربية دولية إقليمية ثنائية نووية
		عسكرية سياسية اقتصادية تجارية مالية نفطية زراعية صناعية تعليمية صحية بيئية مناخية رقمية فضائية
		قضائية قانونية دستورية برلمانية حكومية رسمية شعبية وطنية محلية عالمية شاملة كاملة جديدة قديمة
		كبيرة صغيرة واسعة مباشرة مشتركة متعددة طويلة قصيرة عاجلة إنسانية اجتماعية ثقافية إعلامية`)
	glEnglish    = strings.Fields(`strategic security guarantee consultation negotiation agreement treaty council ministry authority committee policy sanction weapon force border interest cooperation dialogue stability peace summit election parliament economy trade energy market`)
	glRoot       = []rune("بتثجحخدذرزسشصضطظعغفقكلمنهوي")
	glPatterns   = strings.Fields("CاCC CCاC CCيC مCCC مCاCC مCCوC تCCيC اCCاC استCCاC CاCCه مCCCه CCاCه")
	glSyllables  = strings.Fields("ka ra mi to lu sen dor vel tra pon gri mas tel lin cor bur dis ent")
	glRootsCount = 2000
)

func glSynthetic(rng *rand.Rand) string {
	n := len(glRoot)
	seed := rng.IntN(glRootsCount) * 7919 % (n * n * n)
	var root [3]rune
	for i := range root {
		root[i] = glRoot[seed%n]
		seed /= n
	}
	var b strings.Builder
	k := 0
	for _, r := range glPatterns[rng.IntN(len(glPatterns))] {
		if r == 'C' {
			b.WriteRune(root[k])
			k++
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// glossaryOf generates n distinct Arabic–English entries, deterministically for n.
func glossaryOf(tb testing.TB, n int) *glossary.Glossary {
	tb.Helper()
	var g glossary.Glossary
	rng := rand.New(rand.NewPCG(7, uint64(n)))
	seen := make(map[string]bool, n)
	word := func(real, adj bool) string {
		switch {
		case real && adj:
			return glAdjectives[rng.IntN(len(glAdjectives))]
		case real:
			return glNouns[rng.IntN(len(glNouns))]
		case adj:
			return glSynthetic(rng) + "ية"
		}
		return glSynthetic(rng)
	}
	// Terms of the seed article, so that the text has hits at every size.
	for _, ar := range glSeedTerms[:min(n, len(glSeedTerms))] {
		seen[ar] = true
		require.NoError(tb, g.Add(glossary.Entry{ID: fmt.Sprint(len(seen)), Terms: []glossary.Term{{Text: ar, Lang: language.Arabic}}}))
	}
	for len(seen) < n {
		real := rng.IntN(3) == 0
		var ar string
		switch rng.IntN(4) {
		case 0:
			ar = "ال" + word(real, false) + " ال" + word(real, true)
		case 1:
			ar = word(real, false) + " ال" + word(real, false)
		case 2:
			ar = word(real, false) + " " + word(real, true) + " " + word(real, true)
		default:
			ar = word(real, false) + " ال" + word(real, false) + " ال" + word(real, true)
		}
		if seen[ar] {
			continue
		}
		seen[ar] = true
		en := glEnglish[rng.IntN(len(glEnglish))] + " " + glEnglish[rng.IntN(len(glEnglish))] + " " +
			glSyllables[rng.IntN(len(glSyllables))] + glSyllables[rng.IntN(len(glSyllables))]
		require.NoError(tb, g.Add(glossary.Entry{ID: fmt.Sprint(len(seen)), Terms: []glossary.Term{
			{Text: ar, Lang: language.Arabic}, {Text: en, Lang: language.English}}}))
	}
	return &g
}

var glSeedTerms = []string{"الضمانات الأمنية", "الأمن الاستراتيجي", "الرئيس الروسي", "العلاقات الثنائية",
	"الحوار المباشر", "البيت الأبيض", "الولايات المتحدة", "عواقب وخيمة", "الحرب النووية", "أسلحة هجومية"}

// glCPU returns the CPU time the process has used so far: on the shared 2-core machine wall-clock
// numbers depend on what the other engineers are compiling, CPU time much less.
func glCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// glLoop runs body b.N times under b.Loop and reports, next to the wall-clock numbers, throughput per
// second of CPU time (cpu-MB/s) when bytes > 0, and CPU milliseconds per operation.
func glLoop(b *testing.B, bytes int, body func()) {
	if bytes > 0 {
		b.SetBytes(int64(bytes))
	}
	b.ReportAllocs()
	start := glCPU()
	for b.Loop() {
		body()
	}
	d := glCPU() - start
	if d <= 0 {
		return
	}
	if bytes > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/d.Seconds()/1e6, "cpu-MB/s")
	}
	b.ReportMetric(d.Seconds()*1000/float64(b.N), "cpu-ms/op")
}

// naiveMatcher is what most tools do: normalize, then search the text once per term.
type naiveMatcher struct{ terms []string }

func newNaive(g *glossary.Glossary) *naiveMatcher {
	var n naiveMatcher
	for _, e := range g.All() {
		for _, t := range e.Terms {
			if t.Lang == language.Arabic {
				n.terms = append(n.terms, normalize.Search.String(t.Text))
			}
		}
	}
	return &n
}

// count returns the number of whole-word occurrences of all terms in text.
func (n *naiveMatcher) count(text string) int {
	norm := normalize.Search.String(text)
	hits := 0
	for _, t := range n.terms {
		for i := 0; ; {
			j := strings.Index(norm[i:], t)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(t)
			if wordEdge(norm, start) && wordEdge(norm, end) {
				hits++
			}
			i = end
		}
	}
	return hits
}

// wordEdge reports whether offset i of s is not inside a word.
func wordEdge(s string, i int) bool {
	if i == 0 || i == len(s) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(before) || !unicode.IsLetter(after)
}

// TestGlossaryNaiveIsSubset checks that the two matchers of the comparison do the same job: every exact
// occurrence the naive matcher finds, ours finds too (ours also finds the inflected ones).
func TestGlossaryNaiveIsSubset(t *testing.T) {
	g := glossaryOf(t, 10_000)
	text := glossaryNews(t)
	naive := newNaive(g).count(text)
	ours := len(g.Matcher(language.Arabic, language.English).FindAll(text))
	require.Positive(t, naive)
	assert.GreaterOrEqual(t, ours, naive)
	t.Logf("10,000 terms on %d KiB: naive %d hits, ours %d", len(text)>>10, naive, ours)
}

func BenchmarkGlossaryCompile100000(b *testing.B) {
	g := glossaryOf(b, 100_000)
	glLoop(b, 0, func() {
		// Glossary caches compiled matchers until the next Add, so add one entry to force a compilation.
		require.NoError(b, g.Add(glossary.Entry{Terms: []glossary.Term{{Text: "قمة", Lang: language.Arabic}}}))
		g.Matcher(language.Arabic, language.English)
	})
	// Live heap of one compiled Matcher (the glossary itself excluded).
	require.NoError(b, g.Add(glossary.Entry{Terms: []glossary.Term{{Text: "قمة", Lang: language.Arabic}}}))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m := g.Matcher(language.Arabic, language.English)
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20), "MiB-live")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), "MiB-allocated")
	runtime.KeepAlive(m)
}

func BenchmarkGlossaryFindAll(b *testing.B) {
	text := glossaryNews(b)
	for _, n := range []int{10, 10_000, 100_000} {
		g := glossaryOf(b, n)
		m := g.Matcher(language.Arabic, language.English)
		b.Run(fmt.Sprintf("matcher/%d", n), func(b *testing.B) {
			glLoop(b, len(text), func() { m.FindAll(text) })
		})
		if n == 10_000 {
			naive := newNaive(g)
			b.Run(fmt.Sprintf("naive/%d", n), func(b *testing.B) {
				glLoop(b, len(text), func() { naive.count(text) })
			})
		}
	}
}
