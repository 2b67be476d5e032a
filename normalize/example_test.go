package normalize_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/tarjuman/tarjuman/normalize"
)

func Example() {
	// Two spellings of "official", one vocalized, meet at one search key.
	fmt.Println(normalize.Search.String("مسؤول"))
	fmt.Println(normalize.Search.String("مَسْئُولٌ"))
	// Output:
	// مسوول
	// مسوول
}

func ExampleNormalizer_String_presets() {
	s := "أَكَّدَ المتحدثُ ﻻ"
	fmt.Println(normalize.Search.String(s))
	fmt.Println(normalize.Light.String(s))
	fmt.Println(normalize.Lucene.String(s))
	// Output:
	// اكد المتحدث لا
	// أَكَّدَ المتحدثُ لا
	// اكد المتحدث ﻻ
}

func ExampleNormalizer_String_controls() {
	// An RLM and a ZWNJ inside a word are deleted, never turned into a word break.
	fmt.Printf("%q\n", normalize.Search.String("الأ\u200fمن و\u200cالتعاون"))
	// Output:
	// "الامن والتعاون"
}

func ExampleNew() {
	// A variant of Search that keeps hamza carriers and maps Arabic punctuation.
	o := normalize.Search.Options()
	o.Hamza = normalize.HamzaKeep
	o.Punctuation = true
	n := normalize.New(o)
	fmt.Println(n.String("هل المسؤولُ هنا؟"))
	// Output:
	// هل المسؤول هنا?
}

func ExampleNormalizer_StringWithOffsets() {
	text := "قال المسؤولُ الرُّوسيُّ"
	key, m := normalize.Search.StringWithOffsets(text)
	// Find a word in the key, highlight it in the original.
	i := strings.Index(key, "الروسي")
	start, end := m.OrigSpan(i, i+len("الروسي"))
	fmt.Println(key)
	fmt.Println(text[start:end])
	// Output:
	// قال المسوول الروسي
	// الرُّوسيُّ
}

func ExampleNormalizer_Reader() {
	r := normalize.Light.Reader(strings.NewReader("تـــم ﺍﻟﺴﻼﻡ"))
	b, _ := io.ReadAll(r)
	fmt.Println(string(b))
	// Output:
	// تم السلام
}
