package normalize

import (
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// core is the single-pass normalizer state machine shared by the Transformer and the whole-string
// methods. Its only state is one held unit: the output of a rune that the next kept rune may still change
// (a letter that can take a hamza or madda mark, or ئ before و). Deleted runes never release it, so
// "ا + tatweel + U+0654" composes exactly like "ا + U+0654" and the output is idempotent.
type core struct {
	t        *tables
	carriers bool // Hamza == HamzaCarriers: the ئو rule applies

	hold    bool
	pend    [maxPending + utf8.UTFMax]byte
	pendLen int
	letter  rune // letter-stage rune behind the last held output rune, or 0
	lastLen int  // byte length of the last held output rune

	rec                *recorder // nil unless offsets are wanted
	normBase, origBase int       // absolute positions of dst[0] and src[0] for rec
}

func newCore(n *Normalizer) core {
	return core{t: n.tables(), carriers: n.o.Hamza == HamzaCarriers}
}

func (c *core) reset() {
	c.hold, c.pendLen, c.letter, c.lastLen = false, 0, 0, 0
}

// flush writes the held unit to dst[nDst:]; it reports false if it does not fit.
func (c *core) flush(dst []byte, nDst int) (int, bool) {
	if len(dst)-nDst < c.pendLen {
		return nDst, false
	}
	if c.pendLen == 2 {
		dst[nDst], dst[nDst+1] = c.pend[0], c.pend[1]
		nDst += 2
	} else {
		nDst += copy(dst[nDst:], c.pend[:c.pendLen])
	}
	c.reset()
	return nDst, true
}

// transform implements transform.Transformer.Transform.
func (c *core) transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	t := c.t
	rec := c.rec
	streak := 0 // kept runes copied one by one since the last change
	for nSrc < len(src) {
		b0 := src[nSrc]
		// Fast paths, inline: runs of kept runes, and one two-byte rune that is deleted, held or releases
		// the held unit (vocalized text alternates a kept letter and a deleted mark).
		if b0 < utf8.RuneSelf || b0 >= 0xC2 && b0 < 0xE0 && nSrc+1 < len(src) && src[nSrc+1]&0xC0 == 0x80 {
			cls, size := clsOther, 1
			var r rune
			if b0 >= utf8.RuneSelf {
				r, size = rune(b0&0x1F)<<6|rune(src[nSrc+1]&0x3F), 2
				cls = t.cls[r]
			} else if t.ascii[b0] == b0 {
				cls = clsKeep
			}
			if !c.hold && cls != clsOther {
				if d, s := c.vocalized(dst, src, nDst, nSrc); s > nSrc {
					nDst, nSrc = d, s
					streak = 0
					continue
				}
			}
			switch cls {
			case clsDelMark:
				streak = 0
				nSrc += 2
				continue
			case clsReplace:
				streak = 0
				if !c.hold && rec == nil {
					out := t.acts[t.lo[r]].out
					if len(dst)-nDst < len(out) {
						return nDst, nSrc, transform.ErrShortDst
					}
					nDst += copy(dst[nDst:], out)
					nSrc += 2
					continue
				}
			case clsKeep, clsHeld:
				if c.hold {
					c.release(r == waw)
					var ok bool
					if nDst, ok = c.flush(dst, nDst); !ok {
						return nDst, nSrc, transform.ErrShortDst
					}
				}
				if cls == clsHeld {
					streak = 0
					c.hold = true
					c.pend[0], c.pend[1] = b0, src[nSrc+1]
					c.pendLen, c.letter, c.lastLen = 2, r, 2
					if rec != nil {
						rec.hold(c.normBase+nDst, c.origBase+nSrc, 2, 2, true)
					}
					nSrc += 2
					continue
				}
				if streak < 2 {
					// A single kept rune between changes (a letter between two marks): copy it here
					// rather than pay for a call to run.
					streak++
					if len(dst)-nDst < size {
						return nDst, nSrc, transform.ErrShortDst
					}
					dst[nDst] = b0
					if size == 2 {
						dst[nDst+1] = src[nSrc+1]
					}
					if rec != nil {
						rec.add(c.normBase+nDst, c.origBase+nSrc, size, size, segLinear)
					}
					nDst += size
					nSrc += size
					continue
				}
				var ok bool
				if nDst, nSrc, ok = c.copyRun(dst, src, nDst, nSrc, atEOF); !ok {
					return nDst, nSrc, transform.ErrShortDst
				}
				continue
			}
			streak = 0
		}
		var ok bool
		if nDst, nSrc, ok, err = c.step(dst, src, nDst, nSrc, atEOF); !ok {
			return nDst, nSrc, err
		}
	}
	if c.hold && atEOF {
		var ok bool
		if nDst, ok = c.flush(dst, nDst); !ok {
			return nDst, nSrc, transform.ErrShortDst
		}
	}
	return nDst, nSrc, nil
}

// copyRun copies the run of kept runes at src[nSrc:] (see tables.run), as much of it as fits in dst at
// rune boundaries; it reports false if not even one rune fits.
func (c *core) copyRun(dst, src []byte, nDst, nSrc int, atEOF bool) (int, int, bool) {
	k := c.t.run(src[nSrc:], atEOF)
	if room := len(dst) - nDst; k > room {
		for k = room; k > 0 && !utf8.RuneStart(src[nSrc+k]); k-- {
		}
	}
	if k == 0 {
		return nDst, nSrc, false
	}
	copy(dst[nDst:], src[nSrc:nSrc+k])
	if c.rec != nil {
		c.rec.add(c.normBase+nDst, c.origBase+nSrc, k, k, segLinear)
	}
	return nDst + k, nSrc + k, true
}

// step transforms the one rune at src[nSrc], the general case: held units, composition, offsets, runes
// of three and four bytes, ill-formed input. It reports false with the error when it cannot go on.
func (c *core) step(dst, src []byte, nDst, nSrc int, atEOF bool) (int, int, bool, error) {
	t := c.t
	var (
		a       *action
		out     []byte // the unit's output
		r       rune
		size    = 1
		letter  rune
		lastLen int
	)
	if b := src[nSrc]; b < utf8.RuneSelf {
		r = rune(b)
		a = &t.acts[0]
		out = t.ascii[b : b+1]
	} else {
		if !atEOF && !utf8.FullRune(src[nSrc:]) {
			return nDst, nSrc, false, transform.ErrShortSrc
		}
		r, size = decodeRune(src[nSrc:])
		if r == utf8.RuneError && size == 1 {
			a = &t.acts[0]
			out = replacementChar
		} else {
			a = &t.acts[t.lookup(r)]
			out = src[nSrc : nSrc+size]
			if a.kind == actKeep && a.hold {
				letter, lastLen = r, size
			} else if a.kind == actReplace {
				out = unsafeBytes(a.out)
			}
		}
	}

	if c.hold && a.cmark && c.compose(r, nSrc+size) {
		return nDst, nSrc + size, true, nil
	}
	if a.kind == actDelete {
		if c.rec != nil && !a.markLike {
			c.rec.add(c.normBase+nDst+c.pendLen, c.origBase+nSrc, 0, size, segDelOther)
		}
		return nDst, nSrc + size, true, nil
	}
	if c.hold {
		c.release(len(out) >= 2 && out[0] == 0xD9 && out[1] == 0x88)
		var ok bool
		if nDst, ok = c.flush(dst, nDst); !ok {
			return nDst, nSrc, false, transform.ErrShortDst
		}
	}
	if a.hold {
		c.hold = true
		c.pendLen = copy(c.pend[:], out)
		c.letter, c.lastLen = a.letter, int(a.lastLen)
		if letter != 0 {
			c.letter, c.lastLen = letter, lastLen
		}
		if c.rec != nil {
			c.rec.hold(c.normBase+nDst, c.origBase+nSrc, len(out), size, a.kind == actKeep)
		}
		return nDst, nSrc + size, true, nil
	}
	if len(dst)-nDst < len(out) {
		return nDst, nSrc, false, transform.ErrShortDst
	}
	nDst += copy(dst[nDst:], out)
	if c.rec != nil {
		c.rec.unit(c.normBase+nDst-len(out), c.origBase+nSrc, len(out), size, a.kind == actKeep || utf8.RuneCount(out) == 1)
	}
	return nDst, nSrc + size, true, nil
}

// vocalized runs the common cases of Arabic text, kept letters and spaces, deleted marks and replaced
// letters (the shape of vocalized text: letter, mark, letter, mark), from src[nSrc:] to dst[nDst:] in a
// loop tighter than transform's, for as long as nothing else comes. Held letters pass too when no offsets
// are recorded, but one that is not yet followed by a kept rune when the loop ends is given back, with the
// marks after it, for transform to decide.
func (c *core) vocalized(dst, src []byte, nDst, nSrc int) (int, int) {
	t, rec := c.t, c.rec
	heldDst, heldSrc := -1, 0
loop:
	for nSrc+1 < len(src) && nDst+2 <= len(dst) {
		b0, b1 := src[nSrc], src[nSrc+1]
		if b0 < utf8.RuneSelf {
			if t.ascii[b0] != b0 {
				break
			}
			dst[nDst] = b0
			if rec != nil {
				rec.add(c.normBase+nDst, c.origBase+nSrc, 1, 1, segLinear)
			}
			heldDst = -1
			nDst++
			nSrc++
			continue
		}
		if b0 < 0xC2 || b0 >= 0xE0 || b1&0xC0 != 0x80 {
			break
		}
		r := rune(b0&0x1F)<<6 | rune(b1&0x3F)
		switch cls := t.cls[r]; {
		case cls == clsDelMark:
			nSrc += 2
			continue
		case cls == clsKeep:
			heldDst = -1
		case cls == clsHeld && rec == nil:
			heldDst, heldSrc = nDst, nSrc
		case cls == clsReplace:
			out := t.acts[t.lo[r]].out
			if len(dst)-nDst < len(out) {
				break loop
			}
			if rec != nil {
				rec.unit(c.normBase+nDst, c.origBase+nSrc, len(out), 2, len(out) == 2 && out[0] >= 0xC2)
			}
			nDst += copy(dst[nDst:], out)
			nSrc += 2
			heldDst = -1
			continue
		case cls == clsHeldRepl && rec == nil:
			out := t.acts[t.lo[r]].out
			heldDst, heldSrc = nDst, nSrc
			b0, b1 = out[0], out[1]
		default:
			break loop
		}
		dst[nDst], dst[nDst+1] = b0, b1
		if rec != nil {
			rec.add(c.normBase+nDst, c.origBase+nSrc, 2, 2, segLinear)
		}
		nDst += 2
		nSrc += 2
	}
	if heldDst >= 0 {
		return heldDst, heldSrc
	}
	return nDst, nSrc
}

// release finalizes the held unit before the next kept rune, whose output starts with و if nextIsWaw.
func (c *core) release(nextIsWaw bool) {
	if nextIsWaw && c.carriers && c.letter == yehHamza {
		// ئ before و is the other spelling of ؤ: write it as و, as ؤ folds (مسئول = مسؤول).
		utf8.EncodeRune(c.pend[c.pendLen-c.lastLen:], waw)
	}
}

// decodeRune is utf8.DecodeRune with the two-byte case, all of Arabic, inline.
func decodeRune(s []byte) (rune, int) {
	if len(s) >= 2 && s[0] >= 0xC2 && s[0] < 0xE0 && s[1]&0xC0 == 0x80 {
		return rune(s[0]&0x1F)<<6 | rune(s[1]&0x3F), 2
	}
	return utf8.DecodeRune(s)
}

// compose applies the madda or hamza mark m (ending at src offset end) to the held unit: first to the
// letter it came from (ComposeHamza runs before the folds), then to its folded output, so that a mark that
// follows a folded letter never survives next to a letter it would compose with on a second pass.
func (c *core) compose(m rune, end int) bool {
	composed := compose(c.letter, m)
	if composed == 0 {
		last, _ := utf8.DecodeLastRune(c.pend[:c.pendLen])
		composed = compose(last, m)
	}
	if composed == 0 {
		return false
	}
	a := &c.t.acts[c.t.lookup(composed)]
	c.pendLen -= c.lastLen
	if a.kind == actReplace {
		c.lastLen = copy(c.pend[c.pendLen:], a.out)
	} else {
		c.lastLen = utf8.EncodeRune(c.pend[c.pendLen:], composed)
	}
	c.pendLen += c.lastLen
	c.letter = composed
	if c.rec != nil {
		c.rec.recompose(c.pendLen, c.origBase+end)
	}
	return true
}

var replacementChar = []byte(string(utf8.RuneError))
