package score

import (
	"strings"
	"testing"
)

func BenchmarkLevenshteinTokens(b *testing.B) {
	x := strings.Fields("Application needs to call libpam again before the session can be opened")
	y := strings.Fields("The application needs to call libpam once more before a session is opened")
	b.ReportAllocs()
	for b.Loop() {
		Levenshtein(x, y)
	}
}

func BenchmarkCharDistanceShortArabic(b *testing.B) {
	x, y := "يحتاج التطبيق إلى استدعاء libpam مرة أخرى", "يحتاج البرنامج الى استدعاء libpam مره اخرى"
	b.ReportAllocs()
	for b.Loop() {
		CharDistance(x, y)
	}
}

func BenchmarkCharDistanceShortIdentical(b *testing.B) {
	x := "يحتاج التطبيق إلى استدعاء libpam مرة أخرى"
	y := strings.Clone(x)
	b.ReportAllocs()
	for b.Loop() {
		CharDistance(x, y)
	}
}

func BenchmarkCharDistanceLongBlocks(b *testing.B) {
	x := strings.Repeat("Application needs to call libpam again. ", 8)
	y := strings.Repeat("The application must call libpam once more. ", 8)
	b.ReportAllocs()
	for b.Loop() {
		CharDistance(x, y)
	}
}
