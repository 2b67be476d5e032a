package normalize

import (
	"unicode/utf8"
)

// Kinds of per-rune action.
const (
	actKeep    uint8 = iota // output the rune as it is
	actDelete               // output nothing
	actReplace              // output action.out
)

// maxPending bounds the output of a rune whose output may still change with the next rune (see action.hold).
const maxPending = 32

// action is what a Normalizer does with one input rune. Index 0 of every table is the plain keep action,
// the only one the fast path (span) lets through.
type action struct {
	out  string // replacement bytes for actReplace
	kind uint8
	// markLike: a deleted rune that belongs to the previous word (OrigSpan widens over it).
	markLike bool
	// cmark: the rune is a madda or hamza mark that may compose with the previous output (ComposeHamza).
	cmark bool
	// hold: the output may still change with the next kept rune (composition, or ئ before و), so it is
	// held back until that rune is seen.
	hold bool
	// letter is the last letter-stage rune when its fold is the last output rune, else 0; lastLen is the
	// byte length of the last output rune. Both serve composition and the ئو rule.
	letter  rune
	lastLen uint8
}

// Fast-path classes of two-byte runes, so that core's inner loop needs one byte load per rune.
const (
	clsKeep     uint8 = iota // action 0
	clsHeld                  // action heldKeep
	clsDelMark               // deleted mark that is never composed: skip, no offset segment needed
	clsReplace               // replaced, never held
	clsHeldRepl              // replaced by one two-byte rune and held (أ → ا before a possible mark), not ئ
	clsOther                 // anything else: core.step
)

// heldKeep is the index of the action that keeps a rune but holds it until the next rune is seen.
const heldKeep = 1

// pageCount covers every rune below U+1F000 in the paged table; above it no fold applies.
const pageCount = 0x1F0

// candidatePages are the 256-rune pages above U+07FF that some option can change: Arabic Extended-A/B,
// Cyrillic Extended-C, Latin Extended Additional and Greek Extended, General Punctuation, Letterlike
// Symbols and Number Forms, Latin Extended-C, Cyrillic Extended-B, Latin Extended-D and -E, the Arabic
// presentation forms with the BOM and fullwidth Latin, and Arabic Mathematical Alphabetic Symbols.
// TestTablesCoverEveryChangedRune checks the list against every code point.
var candidatePages = []int{0x08, 0x1C, 0x1E, 0x1F, 0x20, 0x21, 0x2C, 0xA6, 0xA7, 0xAB, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF, 0x1EE}

// tables is the compiled form of Options.
type tables struct {
	ascii [utf8.RuneSelf]byte // ASCII is never deleted or expanded: only FoldCase changes it
	lo    [0x800]uint16       // action index for U+0080–07FF (two-byte UTF-8)
	cls   [0x800]uint8        // fast-path class of the same runes (clsKeep...)
	page  [pageCount]uint8    // page number in hi for U+0800–1EFFF, 0 for the all-keep page
	hi    [][256]uint16
	acts  []action
}

// lookup returns the action index for a non-ASCII rune.
func (t *tables) lookup(r rune) uint16 {
	if r < 0x800 {
		return t.lo[r]
	}
	if r < pageCount<<8 {
		return t.hi[t.page[r>>8]][r&0xFF]
	}
	return 0
}

// build compiles o into per-rune tables: the reference semantics of every option live in
// Options.letters and Options.fold, applied here once per code point.
func build(o Options) *tables {
	held := action{kind: actKeep, hold: true}
	t := &tables{hi: make([][256]uint16, 1), acts: []action{{}, held}}
	index := map[action]uint16{{}: 0, held: heldKeep}
	add := func(a action) uint16 {
		if i, ok := index[a]; ok {
			return i
		}
		i := uint16(len(t.acts))
		t.acts = append(t.acts, a)
		index[a] = i
		return i
	}
	for c := range utf8.RuneSelf {
		r, _ := o.fold(rune(c))
		t.ascii[c] = byte(r)
	}
	for r := rune(utf8.RuneSelf); r < 0x800; r++ {
		t.lo[r] = add(o.action(r))
		a := &t.acts[t.lo[r]]
		switch {
		case t.lo[r] == 0:
			t.cls[r] = clsKeep
		case t.lo[r] == heldKeep:
			t.cls[r] = clsHeld
		case a.kind == actDelete && a.markLike && !a.cmark:
			t.cls[r] = clsDelMark
		case a.kind == actReplace && !a.hold:
			t.cls[r] = clsReplace
		case a.kind == actReplace && a.hold && len(a.out) == 2 && a.letter != yehHamza:
			t.cls[r] = clsHeldRepl
		default:
			t.cls[r] = clsOther
		}
	}
	for _, p := range candidatePages {
		var pg [256]uint16
		used := false
		for j := range pg {
			pg[j] = add(o.action(rune(p<<8 | j)))
			used = used || pg[j] != 0
		}
		if used {
			t.page[p] = uint8(len(t.hi))
			t.hi = append(t.hi, pg)
		}
	}
	return t
}

// action computes what o does with the non-ASCII rune r.
func (o *Options) action(r rune) action {
	var buf [1]rune
	letters := o.letters(r, &buf)
	var scratch [128]byte // longer than any expansion (ﷺ is 33 bytes), so out stays on the stack
	out := scratch[:0]
	var a action
	markLike := true
	for i, l := range letters {
		markLike = markLike && isMarkLike(l)
		f, ok := o.fold(l)
		if !ok {
			continue
		}
		n := len(out)
		out = utf8.AppendRune(out, f)
		a.lastLen = uint8(len(out) - n)
		if i == len(letters)-1 {
			a.letter = l
		}
	}
	a.cmark = o.ComposeHamza && (r == maddaAbove || r == hamzaAbove || r == hamzaBelow)
	switch {
	case string(out) == string(r):
		a.kind = actKeep
	case len(out) == 0:
		a.kind = actDelete
		a.markLike = markLike
		a.letter, a.lastLen = 0, 0
		return a
	default:
		a.kind = actReplace
		a.out = string(out)
	}
	last, _ := utf8.DecodeLastRune(out)
	a.hold = len(out) <= maxPending && (o.ComposeHamza && (composable(a.letter) || composable(last)) ||
		o.Hamza == HamzaCarriers && a.letter == yehHamza)
	if !a.hold || a.kind == actKeep {
		// A kept rune is its own letter and output: core derives both at run time, so that every held
		// kept letter (ا و ي ...) shares index heldKeep, which the fast path lets through.
		a.letter, a.lastLen = 0, 0
	}
	return a
}
