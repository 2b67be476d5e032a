package glossary

import (
	"strconv"
	"strings"

	"golang.org/x/text/language"
)

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

// Term is one designation of a concept in one language. Term is a plain value, safe to copy.
type Term struct {
	Text         string
	Lang         language.Tag
	Status       Status
	PartOfSpeech string
	Note         string
}

// Entry is one concept: its terms in any number of languages (synonyms, variants and broken plurals are
// further Terms of the same language). Entry is plain data; the Entries a Glossary returns are copies.
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

// statusNames are the TBX-Basic administrativeStatus picklist values without the "-admn-sts" suffix,
// indexed by Status.
var statusNames = [...]string{
	Unspecified: "",
	Preferred:   "preferred",
	Admitted:    "admitted",
	Deprecated:  "deprecated",
	Superseded:  "superseded",
	Forbidden:   "forbidden",
}

// String returns the status name as used in TBX-Basic ("preferred", "admitted", ...), or "" for Unspecified.
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "Status(" + itoa(int(s)) + ")"
}

// ParseStatus maps a status name to a Status. It accepts the TBX-Basic values with or without their
// "-admn-sts" or "Term-admn-sts" suffix ("preferredTerm-admn-sts"), common synonyms used in spreadsheets
// ("approved", "variant", "obsolete", "do not use") in any case, and "" for Unspecified. ok is false for
// anything else.
func ParseStatus(name string) (s Status, ok bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	n = strings.TrimSuffix(n, "-admn-sts")
	n = strings.TrimSuffix(n, "term")
	n = strings.TrimSpace(n)
	switch n {
	case "":
		return Unspecified, true
	case "preferred", "approved", "pref", "p":
		return Preferred, true
	case "admitted", "admissible", "allowed", "variant", "synonym", "a":
		return Admitted, true
	case "deprecated", "obsolete", "avoid", "notrecommended", "not recommended", "d":
		return Deprecated, true
	case "superseded", "outdated", "s":
		return Superseded, true
	case "forbidden", "prohibited", "do not use", "donotuse", "f":
		return Forbidden, true
	}
	return Unspecified, false
}

// Required reports whether a translation is expected to use a term of this status: Preferred, Admitted
// and Unspecified terms are accepted renderings; Deprecated, Superseded and Forbidden ones are flagged.
func (s Status) Required() bool { return s <= Admitted }

// rank orders statuses for presenting target terms: preferred first, unwanted last.
func (s Status) rank() int {
	switch s {
	case Preferred:
		return 0
	case Admitted, Unspecified:
		return 1
	case Deprecated:
		return 2
	case Superseded:
		return 3
	}
	return 4
}

func itoa(n int) string { return strconv.Itoa(n) }
