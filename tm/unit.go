package tm

import (
	"time"

	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/tm/tmx"
)

// LangPair is a translation direction: text in Source is translated into Target.
// The zero LangPair matches nothing in Lookup; in Export it means every unit.
type LangPair struct {
	Source, Target language.Tag
}

// Reverse returns the opposite direction.
func (p LangPair) Reverse() LangPair { return LangPair{Source: p.Target, Target: p.Source} }

// String returns "src>tgt" with BCP 47 tags, for messages and keys.
func (p LangPair) String() string { return p.Source.String() + ">" + p.Target.String() }

// Context locates a segment in its document: the neighbouring source segments and, for software
// strings, the message key (msgctxt, resource id). Two units with the same source and the same
// non-empty context are an in-context exact match (ICE).
type Context struct {
	Prev, Next string
	Key        string
}

// IsZero reports whether c carries no context at all.
func (c Context) IsZero() bool { return c == Context{} }

// Unit is one translation unit: a source segment, its translation and their metadata.
//
// Source and Target are plain text in which each inline code of the original file (a TMX <ph>,
// <bpt>, <ept>, <it>, <hi> or <ut>) is one placeholder rune from the Unicode private use area; the
// codes themselves are kept in SourceCodes and TargetCodes, in order, so that Export writes the
// original markup back. Units built by hand need neither: placeholders such as %s or {0} are plain
// text.
//
// A Unit is a value; a Memory stores copies, so changing a Unit after Add changes nothing stored.
type Unit struct {
	// ID identifies the unit: the TMX tuid when there is one; Add assigns a number when empty.
	ID             string
	Source, Target string
	Pair           LangPair
	Context        Context
	Props          map[string]string
	Notes          []string
	Created        time.Time
	Changed        time.Time
	CreatedBy      string
	ChangedBy      string
	UsageCount     int
	// Origin names where the unit came from: a file or project.
	Origin string

	// SourceCodes and TargetCodes hold the inline codes behind the placeholder runes of Source and
	// Target (tmx.Seg.Encode), in order. Empty for plain text.
	SourceCodes, TargetCodes []tmx.Code
}

// changedOrCreated is the time of the last modification that Add knows of.
func (u *Unit) changedOrCreated() time.Time {
	if !u.Changed.IsZero() {
		return u.Changed
	}
	return u.Created
}
