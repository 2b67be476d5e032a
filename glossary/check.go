package glossary

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// IssueKind classifies a terminology problem found by Check.
type IssueKind uint8

const (
	// MissingTarget: a source term was found but none of its preferred or admitted target terms is in
	// the translation.
	MissingTarget IssueKind = iota + 1
	// UnwantedTarget: the translation uses a target term that is deprecated, superseded or forbidden.
	UnwantedTarget
)

func (k IssueKind) String() string {
	switch k {
	case MissingTarget:
		return "missing-target"
	case UnwantedTarget:
		return "unwanted-target"
	}
	return fmt.Sprintf("IssueKind(%d)", uint8(k))
}

// Issue is one terminology problem in a translation. It is plain data owned by the caller.
type Issue struct {
	Kind IssueKind
	// Match locates the problem: for MissingTarget the source term in the source text, for
	// UnwantedTarget the unwanted term in the translation. Its Targets are the entry's terms in the
	// other language of the check (the expected renderings, or for UnwantedTarget the source terms).
	Match Match
	// Expected lists the accepted target terms (Preferred, Admitted or Unspecified), preferred first.
	Expected []Term
	// Message is a one-line English description for display.
	Message string
}

// Check compares a translation with its source against the glossary and returns the issues in order:
// first MissingTarget issues by position in source, then UnwantedTarget issues by position in
// translation.
//
// A source term is satisfied when any accepted target term of the same entry occurs in the translation,
// found with the same clitic- and inflection-aware matching as the source (وبالضمانات الأمنية in an Arabic
// translation satisfies "security guarantees"). Presence is checked per entry, not per occurrence: one
// rendering satisfies all occurrences of the concept. A source term whose entry has no accepted target
// term in tgt is not reported.
func (g *Glossary) Check(src, tgt language.Tag, source, translation string) []Issue {
	fwd := g.Matcher(src, tgt)
	back := g.Matcher(tgt, src)
	present := make(map[int]bool) // entries (by index) found in the translation
	var unwanted []Issue
	for _, hit := range back.findIndexed(translation) {
		if hit.m.Source.Status.Required() {
			present[hit.entry] = true
			continue
		}
		exp := accepted(back.entries[hit.entry].Terms, fwd.tgt)
		msg := fmt.Sprintf("%q is a %s term", hit.m.Text, hit.m.Source.Status)
		if len(exp) > 0 {
			msg += "; use " + termList(exp)
		}
		unwanted = append(unwanted, Issue{Kind: UnwantedTarget, Match: hit.m, Expected: exp, Message: msg})
	}
	var issues []Issue
	for _, hit := range fwd.findIndexed(source) {
		if present[hit.entry] {
			continue
		}
		exp := accepted(hit.m.Targets, fwd.tgt)
		if len(exp) == 0 {
			continue
		}
		issues = append(issues, Issue{
			Kind:     MissingTarget,
			Match:    hit.m,
			Expected: exp,
			Message:  fmt.Sprintf("%q is not rendered as %s", hit.m.Text, termList(exp)),
		})
	}
	return append(issues, unwanted...)
}

// accepted returns the terms of language tgt a translation may use, preferred first.
func accepted(terms []Term, tgt language.Base) []Term {
	var out []Term
	for _, t := range targetTerms(terms, tgt) {
		if t.Status.Required() {
			out = append(out, t)
		}
	}
	return out
}

// termList quotes the terms' texts, joined by "or".
func termList(ts []Term) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteString(" or ")
		}
		fmt.Fprintf(&b, "%q", t.Text)
	}
	return b.String()
}

type indexedMatch struct {
	m     Match
	entry int
}

// findIndexed is FindAll keeping each match's entry index, so both directions of a check can be joined.
func (m *Matcher) findIndexed(text string) []indexedMatch {
	var out []indexedMatch
	m.each(text, func(ti int32, mt Match) bool {
		out = append(out, indexedMatch{mt, int(m.terms[ti].entry)})
		return true
	})
	return out
}
