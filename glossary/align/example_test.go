package align_test

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/glossary/align"
	"github.com/tarjuman/tarjuman/internal/sample"
)

// The political-news corpus embedded for examples: 185 Arabic–English sentence pairs.
func newsCorpus() []glossary.Pair {
	var pairs []glossary.Pair
	for line := range strings.Lines(string(sample.File("news_parallel.tsv"))) {
		cols := strings.Split(strings.TrimSuffix(line, "\n"), "\t")
		pairs = append(pairs, glossary.Pair{Source: cols[1], Target: cols[2]})
	}
	return pairs
}

func ExampleTerms() {
	cands, err := align.Terms(context.Background(), slices.Values(newsCorpus()), align.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range cands[:6] {
		fmt.Printf("%s = %s (score %.2f, %d segments)\n", c.Source, c.Target, c.Score, c.Count)
	}
	// Output:
	// الكرملين = Kremlin (score 0.97, 31 segments)
	// موسكو = Moscow (score 0.97, 29 segments)
	// الضمانات الأمنية = security guarantees (score 0.96, 24 segments)
	// المفاوضات = negotiations (score 0.96, 22 segments)
	// البيت الأبيض = White House (score 0.95, 21 segments)
	// الاستقرار الاستراتيجي = strategic stability (score 0.93, 13 segments)
}

func ExampleAlign_smallCorpus() {
	pairs := []glossary.Pair{
		{Source: "Delete the file", Target: "احذف الملف"},
		{Source: "Cannot open the file", Target: "تعذر فتح الملف"},
		{Source: "Save the file as", Target: "احفظ الملف باسم"},
		{Source: "The file was deleted", Target: "حُذف الملف"},
		{Source: "Open the folder", Target: "افتح المجلد"},
		{Source: "The folder is empty", Target: "المجلد فارغ"},
		{Source: "Cannot delete the folder", Target: "تعذر حذف المجلد"},
	}
	res, err := align.Align(context.Background(), slices.Values(pairs), align.Options{MinLLR: -1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Source, "→", res.Target, "by", res.Method)
	for _, c := range res.Candidates {
		ev := c.Examples[0]
		fmt.Printf("%s = %s, e.g. %q in %q\n", c.Source, c.Target, pairs[ev.Segment].Target[ev.TargetStart:ev.TargetEnd], pairs[ev.Segment].Target)
	}
	// Output:
	// en → ar by co-occurrence
	// file = الملف, e.g. "الملف" in "احذف الملف"
	// folder = المجلد, e.g. "المجلد" in "افتح المجلد"
	// Cannot = تعذر, e.g. "تعذر" in "تعذر فتح الملف"
}

func ExampleCandidate_Entry() {
	c := align.Candidate{Source: "الضمانات الأمنية", Target: "security guarantees", Score: 0.96, Count: 24}
	e := c.Entry(language.Arabic, language.English)
	var g glossary.Glossary
	if err := g.Add(e); err != nil {
		fmt.Println(err)
		return
	}
	for _, found := range g.Lookup("بالضمانات الأمنية", language.Arabic) {
		fmt.Println(found.Terms[1].Text, "-", found.Note)
	}
	// Output:
	// security guarantees - aligned: score 0.96, seen together in 24 segments
}
