package score_test

import (
	"fmt"
	"strings"

	"github.com/tarjuman/tarjuman/internal/score"
)

func ExampleLevenshtein() {
	tm := strings.Fields("افتح الملف قبل الحفظ")
	query := strings.Fields("افتح المجلد قبل الحفظ")
	d := score.Levenshtein(query, tm)
	fmt.Println(d, score.Percent(len(query), len(tm), d))
	// Output: 1 0.75
}

func ExampleCharDistance() {
	fmt.Println(score.CharDistance("مسؤول", "مسئول"), score.CharDistance("kitten", "sitting"))
	// Output: 1 3
}

func ExampleLLR() {
	// "ملف" and "file" occur together in 30 of 1,000 segments, apart in 2 and 3.
	fmt.Printf("%.1f %.3f\n", score.LLR(30, 2, 3, 965), score.Dice(30, 32, 33))
	// Output: 234.4 0.923
}
