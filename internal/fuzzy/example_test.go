package fuzzy_test

import (
	"fmt"

	"github.com/tarjuman/tarjuman/internal/fuzzy"
)

func ExampleIndex_Search() {
	ix := fuzzy.New()
	ix.Add(1, "افتح الملف قبل الحفظ")
	ix.Add(2, "افتح المجلد الآن")
	ix.Add(3, "open the file before saving")

	for _, r := range ix.Search("افتح المجلد قبل الحفظ", 0.5, 5) {
		fmt.Printf("id %d: %.0f%% (token edits %d, rune edits %d)\n", r.ID, 100*r.Score, r.TokenDist, r.CharDist)
	}
	// Output:
	// id 1: 75% (token edits 1, rune edits 2)
	// id 2: 50% (token edits 2, rune edits 7)
}

func ExampleIndex_Add() {
	ix := fuzzy.New()
	ix.Add(7, "save the file")
	ix.Add(8, "save the file as")
	ix.Add(7, "save all files") // replaces the key of id 7
	ix.Remove(8)

	fmt.Println(ix.Len(), len(ix.Search("save the file", 0.5, 5)))
	for _, r := range ix.Search("save the file", 0.3, 5) {
		fmt.Printf("id %d: %.2f\n", r.ID, r.Score)
	}
	// Output:
	// 1 0
	// id 7: 0.33
}
