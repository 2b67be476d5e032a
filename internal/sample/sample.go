// Package sample embeds the project's small sample texts so that examples and tests run from anywhere
// (`go run ./examples/...` after `go install`, tests in any package) without reading files at run time.
//
// Every file in data/ is a byte-identical copy of the file of the same name in the module's top-level
// testdata/ folder, where testdata/README.md documents its origin; TestCopiesMatchTestdata keeps them equal.
package sample

import "embed"

//go:embed data
var files embed.FS

// File returns the content of the named sample file (for example "seed_ar.txt"), or nil if there is none.
func File(name string) []byte {
	b, err := files.ReadFile("data/" + name)
	if err != nil {
		return nil
	}
	return b
}

// SeedArabic is the Arabic news article the project started from (testdata/seed_ar.txt).
func SeedArabic() string { return string(File("seed_ar.txt")) }
