package glossary

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// Errors returned by Add (wrapped with the offending term).
var (
	// ErrEmptyTerm means a term's text is empty or only white space.
	ErrEmptyTerm = errors.New("glossary: empty term")
	// ErrNoLanguage means a term has no language (language.Und).
	ErrNoLanguage = errors.New("glossary: term has no language")
	// ErrNoTerms means an entry has no terms at all.
	ErrNoTerms = errors.New("glossary: entry has no terms")
)

// Glossary is a termbase: a list of concept entries, each with terms in several languages.
//
// The zero value is an empty glossary ready to use. A Glossary is safe for concurrent use by multiple
// goroutines; Matchers compiled from it are snapshots that later Adds do not change.
type Glossary struct {
	mu       sync.RWMutex
	entries  []Entry
	matchers map[langPair]*Matcher // compiled snapshots of the current entries, dropped on Add
}

type langPair struct{ src, tgt language.Base }

// Add appends an entry after checking that it has at least one term and that every term has a
// non-blank text and a language. The entry is copied: changing e afterwards does not change the glossary.
// Term texts are stored as given (trimmed of surrounding white space); matching normalizes them itself.
func (g *Glossary) Add(e Entry) error {
	e, err := validEntry(e)
	if err != nil {
		return err
	}
	g.mu.Lock()
	g.entries = append(g.entries, e)
	g.matchers = nil
	g.mu.Unlock()
	return nil
}

// validEntry returns a private copy of e with trimmed term texts, or an error.
func validEntry(e Entry) (Entry, error) {
	if len(e.Terms) == 0 {
		if e.ID != "" {
			return e, fmt.Errorf("%w (entry %q)", ErrNoTerms, e.ID)
		}
		return e, ErrNoTerms
	}
	terms := make([]Term, len(e.Terms))
	for i, t := range e.Terms {
		t.Text = strings.TrimSpace(t.Text)
		if t.Text == "" {
			return e, fmt.Errorf("%w (entry %q, term %d)", ErrEmptyTerm, e.ID, i+1)
		}
		if t.Lang == language.Und {
			return e, fmt.Errorf("%w: %q", ErrNoLanguage, t.Text)
		}
		terms[i] = t
	}
	e.Terms = terms
	return e, nil
}

// Len returns the number of entries.
func (g *Glossary) Len() int {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return len(g.entries)
}

// All returns a copy of the entries in the order they were added.
func (g *Glossary) All() []Entry {
	g.mu.RLock()
	defer g.mu.RUnlock()
	out := make([]Entry, len(g.entries))
	for i, e := range g.entries {
		out[i] = cloneEntry(e)
	}
	return out
}

func cloneEntry(e Entry) Entry {
	e.Terms = append([]Term(nil), e.Terms...)
	return e
}

// snapshot returns the current entries; callers must not modify them (Add only ever appends, and a
// slice header taken under the lock keeps seeing the same elements).
func (g *Glossary) snapshot() []Entry {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return g.entries[:len(g.entries):len(g.entries)]
}

// Lookup returns the entries that have a term in language lang (any language if lang is language.Und)
// equal to term up to normalization, inflection and clitics: "بالضمانات الأمنية" finds the entry of
// "الضمانات الأمنية", "Security Guarantees" the entry of "security guarantee". The whole of term must
// be one glossary term; Lookup does not search for terms inside a longer text (use a Matcher for that).
// The first Lookup in a language compiles a Matcher for it, which is cached until the next Add.
func (g *Glossary) Lookup(term string, lang language.Tag) []Entry {
	m := g.Matcher(lang, language.Und)
	return m.lookup(term)
}

// Matcher returns a compiled matcher that finds the glossary's terms in language src (all languages if
// src is language.Und) and reports the same entries' terms in language tgt as targets (none if tgt is
// language.Und). Languages compare by their base language: ar-EG terms are found for src ar.
//
// The Matcher is a snapshot: entries added later are not seen. Matchers are cached until the next Add, so
// calling Matcher repeatedly is cheap.
func (g *Glossary) Matcher(src, tgt language.Tag) *Matcher {
	key := langPair{baseOf(src), baseOf(tgt)}
	g.mu.RLock()
	m := g.matchers[key]
	entries := g.entries[:len(g.entries):len(g.entries)]
	g.mu.RUnlock()
	if m != nil {
		return m
	}
	m = compile(entries, key.src, key.tgt)
	g.mu.Lock()
	// Cache only if no Add happened meanwhile; otherwise the snapshot is still valid for this caller.
	if len(g.entries) == len(entries) {
		if g.matchers == nil {
			g.matchers = make(map[langPair]*Matcher)
		}
		g.matchers[key] = m
	}
	g.mu.Unlock()
	return m
}

// baseOf returns the base language of t, or the zero Base for language.Und.
func baseOf(t language.Tag) language.Base {
	if t == language.Und {
		return language.Base{}
	}
	b, _ := t.Base()
	return b
}

// sameLang reports whether term language t belongs to base b (any language when b is zero).
func sameLang(t language.Tag, b language.Base) bool {
	if b == (language.Base{}) {
		return true
	}
	tb, _ := t.Base()
	return tb == b
}
