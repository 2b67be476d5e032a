package align

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/internal/token"
	"github.com/tarjuman/tarjuman/normalize"
)

// Entry converts the candidate into a glossary entry with one term per language, source first. The terms
// have status Unspecified: a translator has not confirmed them yet. The note records the evidence.
func (c Candidate) Entry(source, target language.Tag) glossary.Entry {
	return glossary.Entry{
		Note: fmt.Sprintf("aligned: score %.2f, seen together in %d segments", c.Score, c.Count),
		Terms: []glossary.Term{
			{Text: c.Source, Lang: source},
			{Text: c.Target, Lang: target},
		},
	}
}

// Entries converts candidates (for example the ones a translator accepted) into glossary entries, in order.
func Entries(cands []Candidate, source, target language.Tag) []glossary.Entry {
	out := make([]glossary.Entry, len(cands))
	for i, c := range cands {
		out[i] = c.Entry(source, target)
	}
	return out
}

// Entries converts all the result's candidates into glossary entries, with the result's languages.
func (r *Result) Entries() []glossary.Entry { return Entries(r.Candidates, r.Source, r.Target) }

// flagConflicts sets Conflict on every candidate whose source term the glossary already has with other
// target terms.
func flagConflicts(cands []Candidate, g *glossary.Glossary, src, tgt language.Tag) {
	tb, _ := tgt.Base()
	for i := range cands {
		c := &cands[i]
		entries := g.Lookup(c.Source, src)
		if len(entries) == 0 {
			continue
		}
		want := termKey(c.Target)
		var others []string
		agrees := false
		for _, e := range entries {
			for _, t := range e.Terms {
				if b, _ := t.Lang.Base(); b != tb {
					continue
				}
				if termKey(t.Text) == want {
					agrees = true
				} else if !contains(others, t.Text) {
					others = append(others, t.Text)
				}
			}
		}
		if !agrees && len(others) > 0 {
			c.Conflict = others
		}
	}
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// termKey is the alignment key of a whole term: its words' keys joined by spaces, so that forms differing
// only in clitics, inflection, case or spelling variants compare equal.
func termKey(s string) string {
	var b strings.Builder
	for _, t := range token.Tokenize(s) {
		if t.Kind == token.Punct {
			continue
		}
		w := normalize.Search.String(s[t.Start:t.End])
		if t.Kind == token.Word {
			if k := token.Key(w); k != "" {
				w = k
			}
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}
