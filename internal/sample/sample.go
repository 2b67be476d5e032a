// Package sample embeds the project's small sample texts so that examples and tests run from anywhere
// (`go run ./examples/...` after `go install`, tests in any package) without reading files at run time.
//
// Every file in data/ is a byte-identical copy of the file of the same name in the module's top-level
// testdata/ folder, where testdata/README.md documents its origin; TestCopiesMatchTestdata keeps them equal.
package sample

import (
	"embed"
	"strings"
)

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

// Segment is one line of a sentence-aligned sample: the Arabic text and its English rendering.
type Segment struct {
	ID      string
	Arabic  string
	English string
}

// SeedParallel returns the seed article aligned sentence by sentence with its English rendering
// (testdata/seed_parallel.tsv).
func SeedParallel() []Segment { return ParseTSV(File("seed_parallel.tsv")) }

// ParseTSV reads id<TAB>ar<TAB>en lines, as in the sample corpora; lines of another shape are skipped.
func ParseTSV(b []byte) []Segment {
	var out []Segment
	for line := range strings.Lines(string(b)) {
		f := strings.Split(strings.TrimRight(line, "\r\n"), "\t")
		if len(f) != 3 {
			continue
		}
		out = append(out, Segment{ID: f[0], Arabic: f[1], English: f[2]})
	}
	return out
}
