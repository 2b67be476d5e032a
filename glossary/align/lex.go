package align

import (
	"unicode/utf8"

	"github.com/tarjuman/tarjuman/internal/token"
	"github.com/tarjuman/tarjuman/normalize"
)

// negations are the Arabic negative particles in normalize.Search spelling and English "no": Arabic renders
// English un-, in- and non- with غير, and "not found", "cannot" with لم, لا, لن before the verb, so a term
// may start with one although they are stop words (غير صالح ↔ invalid, لم يعثر على ↔ not found, no
// documents ↔ لا مستندات). English "not" is left out: "not open" is a fragment of "could not open".
var negations = map[string]bool{"غير": true, "لا": true, "لم": true, "لن": true, "no": true}

// lexicon interns the alignment keys of one side: clitic- and inflection-folded Arabic stems, or lower-cased
// S-stemmed English words, so that بالضمانات and الضمانات (or guarantees and Guarantee) share one id.
type lexicon struct {
	arabic bool
	ids    map[string]int32 // key → id
	keys   []string
	flags  []uint8 // fCand, fStop per id
	freq   []int32 // occurrences per id
	surf   map[string]int32
}

func newLexicon(arabic bool) *lexicon {
	return &lexicon{arabic: arabic, ids: make(map[string]int32), surf: make(map[string]int32)}
}

// tokens tokenizes s and returns its words, numbers and placeholders with their ids and their spans in s.
// It reads s without its keyboard-accelerator markers (token.AcceleratorMarks), as the glossary and the
// translation memory do: Q&uit and أ&نهِ are one word, _File is File.
func (l *lexicon) tokens(s string) []tok {
	stripped, marks := token.StripAccelerators(s)
	ts := token.Tokenize(stripped)
	out := make([]tok, 0, len(ts))
	joined := false
	for _, t := range ts {
		if t.Kind == token.Punct {
			joined = false
			continue
		}
		id := l.id(stripped[t.Start:t.End], t.Kind)
		f := l.flags[id]
		if joined {
			f |= fJoined
		}
		start, end := token.AcceleratorSpan(marks, t.Start, t.End)
		out = append(out, tok{id: id, start: int32(start), end: int32(end), flags: f})
		l.freq[id]++
		joined = true
	}
	return out
}

// id returns the id of the key of the surface form w, adding it on first sight.
func (l *lexicon) id(w string, kind token.Kind) int32 {
	if kind == token.Word {
		if id, ok := l.surf[w]; ok {
			return id
		}
	}
	folded := normalize.Search.String(w)
	key := folded
	var f uint8
	if kind == token.Word {
		if k := token.Key(folded); k != "" {
			key = k
		}
		if token.IsStopWord(key) {
			f |= fStop
		}
		if negations[key] {
			f |= fNeg
		}
		if utf8.RuneCountInString(key) < 2 {
			f |= fShort
		}
		if token.IsArabic(w) == l.arabic {
			f |= fCand
		}
	} else {
		key = "\x00" + key // numbers and placeholders never share an id with a word
	}
	id, ok := l.ids[key]
	if !ok {
		id = int32(len(l.keys))
		l.ids[key] = id
		l.keys = append(l.keys, key)
		l.flags = append(l.flags, f)
		l.freq = append(l.freq, 0)
	}
	if kind == token.Word {
		l.surf[w] = id
	}
	return id
}
