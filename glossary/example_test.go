package glossary_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/glossary/tbx"
	"golang.org/x/text/language"
)

func ExampleMatcher_FindAll() {
	var g glossary.Glossary
	_ = g.Add(glossary.Entry{Terms: []glossary.Term{
		{Text: "الضمانات الأمنية", Lang: language.Arabic, Status: glossary.Preferred},
		{Text: "security guarantees", Lang: language.English, Status: glossary.Preferred},
	}})
	m := g.Matcher(language.Arabic, language.English)
	text := "تمسكت موسكو بالضمانات الأمنية، وقدمت واشنطن ضماناتها الأمنية."
	for _, mt := range m.FindAll(text) {
		fmt.Printf("%d-%d %s → %s\n", mt.Start, mt.End, mt.Text, mt.Targets[0].Text)
	}
	// Output:
	// 22-55 بالضمانات الأمنية → security guarantees
	// 82-113 ضماناتها الأمنية → security guarantees
}

func ExampleGlossary_Check() {
	var g glossary.Glossary
	_ = g.Add(glossary.Entry{Terms: []glossary.Term{
		{Text: "العقوبات", Lang: language.Arabic},
		{Text: "sanctions", Lang: language.English, Status: glossary.Preferred},
		{Text: "penalties", Lang: language.English, Status: glossary.Deprecated},
	}})
	for _, is := range g.Check(language.Arabic, language.English, "حذر من فرض العقوبات", "He warned against penalties.") {
		fmt.Println(is.Kind, is.Message)
	}
	// Output:
	// missing-target "العقوبات" is not rendered as "sanctions"
	// unwanted-target "penalties" is a deprecated term; use "sanctions"
}

func ExampleReadCSV() {
	tsv := "# OmegaT glossary\nالكرملين\tKremlin\tseat of the Russian presidency\n"
	g, err := glossary.ReadCSV(strings.NewReader(tsv), glossary.OmegaT(language.Arabic, language.English))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range g.Lookup("والكرملين", language.Arabic) {
		fmt.Println(e.Terms[1].Text, "—", e.Note)
	}
	// Output:
	// Kremlin — seat of the Russian presidency
}

func ExampleGlossary_WriteCSV() {
	var g glossary.Glossary
	_ = g.Add(glossary.Entry{ID: "c1", Terms: []glossary.Term{
		{Text: "بوتين", Lang: language.Arabic},
		{Text: "Putin", Lang: language.English, Status: glossary.Preferred},
		{Text: "Vladimir Putin", Lang: language.English, Status: glossary.Admitted},
	}})
	_ = g.WriteCSV(os.Stdout, glossary.Headed)
	// Output:
	// ar,en:preferred,en:admitted,id
	// بوتين,Putin,Vladimir Putin,c1
}

func ExampleGlossary_WriteTBX() {
	var g glossary.Glossary
	_ = g.Add(glossary.Entry{ID: "c1", Terms: []glossary.Term{
		{Text: "جنيف", Lang: language.Arabic},
		{Text: "Geneva", Lang: language.English, Status: glossary.Preferred},
	}})
	var b strings.Builder
	_ = g.WriteTBX(&b, tbx.BasicV3)
	back, _ := glossary.ReadTBX(strings.NewReader(b.String()))
	fmt.Println(back.All()[0].Terms[1].Text, back.All()[0].Terms[1].Status)
	// Output:
	// Geneva preferred
}

func ExampleGlossary_Lookup() {
	var g glossary.Glossary
	_ = g.Add(glossary.Entry{ID: "osce", Terms: []glossary.Term{
		{Text: "منظمة الأمن والتعاون في أوروبا", Lang: language.Arabic},
		{Text: "OSCE", Lang: language.English},
	}})
	for _, e := range g.Lookup("لمنظمة الأمن والتعاون في أوروبا", language.Arabic) {
		fmt.Println(e.ID)
	}
	fmt.Println(len(g.Lookup("منظمة الأمن", language.Arabic)))
	// Output:
	// osce
	// 0
}

func ExampleMatcher_Matches() {
	var g glossary.Glossary
	_ = g.Add(glossary.Entry{Terms: []glossary.Term{{Text: "بوتين", Lang: language.Arabic}, {Text: "Putin", Lang: language.English}}})
	m := g.Matcher(language.Arabic, language.English)
	for mt := range m.Matches("قال بوتين، ثم أكد لبوتين") {
		fmt.Printf("%q %s\n", mt.Text, mt.Targets[0].Text)
	}
	// Output:
	// "بوتين" Putin
	// "لبوتين" Putin
}
