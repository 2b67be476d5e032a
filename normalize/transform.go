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
	return core{t: n.t, carriers: n.o.Hamza == HamzaCarriers}
}

func (c *core) reset() {
	c.hold, c.pendLen, c.letter, c.lastLen = false, 0, 0, 0
}

// flush writes the held unit to dst[nDst:]; it reports false if it does not fit.
func (c *core) flush(dst []byte, nDst int) (int, bool) {
	if len(dst)-nDst < c.pendLen {
		return nDst, false
	}
	nDst += copy(dst[nDst:], c.pend[:c.pendLen])
	c.reset()
	return nDst, true
}

// transform implements transform.Transformer.Transform.
func (c *core) transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	t := c.t
	for nSrc < len(src) {
		if !c.hold {
			if k := t.run(src[nSrc:], atEOF); k > 0 {
				if room := len(dst) - nDst; k > room {
					for k = room; k > 0 && !utf8.RuneStart(src[nSrc+k]); k-- {
					}
					if k == 0 {
						return nDst, nSrc, transform.ErrShortDst
					}
				}
				copy(dst[nDst:], src[nSrc:nSrc+k])
				if c.rec != nil {
					c.rec.add(c.normBase+nDst, c.origBase+nSrc, k, k, segLinear)
				}
				nDst += k
				nSrc += k
				continue
			}
		}

		// One rune that is not a plain keep, or any rune after a held unit.
		var (
			a    *action
			out  []byte // the unit's output
			r    rune
			size = 1
		)
		letter, lastLen := rune(0), 0
		if b := src[nSrc]; b < utf8.RuneSelf {
			r = rune(b)
			a = &t.acts[0]
			out = t.ascii[b : b+1]
		} else {
			if !atEOF && !utf8.FullRune(src[nSrc:]) {
				return nDst, nSrc, transform.ErrShortSrc
			}
			r, size = utf8.DecodeRune(src[nSrc:])
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
			nSrc += size
			continue
		}
		if a.kind == actDelete {
			if c.rec != nil {
				kind := segDelOther
				if a.markLike {
					kind = segDelMark
				}
				c.rec.add(c.normBase+nDst+c.pendLen, c.origBase+nSrc, 0, size, kind)
			}
			nSrc += size
			continue
		}
		if c.hold {
			if c.carriers && c.letter == yehHamza && len(out) >= 2 && out[0] == 0xD9 && out[1] == 0x88 {
				// ئ before و is the other spelling of ؤ: write it as و, as ؤ folds (مسئول = مسؤول).
				utf8.EncodeRune(c.pend[c.pendLen-c.lastLen:], waw)
			}
			var ok bool
			if nDst, ok = c.flush(dst, nDst); !ok {
				return nDst, nSrc, transform.ErrShortDst
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
			nSrc += size
			continue
		}
		if len(dst)-nDst < len(out) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], out)
		if c.rec != nil {
			c.rec.unit(c.normBase+nDst-len(out), c.origBase+nSrc, len(out), size, a.kind == actKeep || utf8.RuneCount(out) == 1)
		}
		nSrc += size
	}
	if c.hold && atEOF {
		var ok bool
		if nDst, ok = c.flush(dst, nDst); !ok {
			return nDst, nSrc, transform.ErrShortDst
		}
	}
	return nDst, nSrc, nil
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
