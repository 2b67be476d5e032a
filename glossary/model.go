package glossary

import "golang.org/x/text/language"

// Status is the usage status of a term, after TBX's administrativeStatus.
type Status uint8

// Term statuses, after TBX-Basic's administrativeStatus values.
const (
	// Unspecified means the source did not say; matching treats it like Admitted.
	Unspecified Status = iota
	Preferred
	Admitted
	Deprecated
	Superseded
	Forbidden
)

// Term is one designation of a concept in one language.
type Term struct {
	Text         string
	Lang         language.Tag
	Status       Status
	PartOfSpeech string
	Note         string
}

// Entry is one concept: its terms in any number of languages (synonyms, variants and broken plurals are
// further Terms of the same language).
type Entry struct {
	ID         string
	Subject    string
	Definition string
	Note       string
	Terms      []Term
}

// Pair is one aligned segment of a parallel corpus.
type Pair struct {
	Source, Target string
}
