package normalize

import (
	"io"
	"sync"

	"golang.org/x/text/transform"
)

// Normalizer applies one set of Options in a single pass. It is immutable and safe for concurrent use;
// build it once with New (or use a preset) and share it. The zero Normalizer changes nothing.
type Normalizer struct {
	o Options
	t *tables
}

// identity is the compiled zero Options, for the zero Normalizer.
var identity = sync.OnceValue(func() *tables { return build(Options{}) })

func (n *Normalizer) tables() *tables {
	if n.t == nil {
		return identity()
	}
	return n.t
}

// New compiles o into a Normalizer. Compiling costs well under a millisecond; do it once, not per string.
func New(o Options) *Normalizer {
	return &Normalizer{o: o, t: build(o)}
}

// Presets. They are ready to use and safe for concurrent use.
var (
	// Search folds everything that varies between spellings of the same word, for matching: the key of
	// glossary and translation-memory lookups. Punctuation is left to the tokenizer.
	Search = New(Options{
		ComposeHamza:      true,
		PresentationForms: true,
		Tashkeel:          true,
		DaggerAlef:        DaggerStrip,
		QuranicMarks:      true,
		Tatweel:           true,
		Alef:              true,
		Hamza:             HamzaCarriers,
		TehMarbuta:        true,
		AlefMaksura:       true,
		PersianLetters:    true,
		Digits:            true,
		Controls:          true,
		ZWNJ:              ZWNJDelete,
		FoldCase:          true,
	})
	// Light is display-safe cleanup: it changes how text is encoded, never how it reads.
	Light = New(Options{
		ComposeHamza:      true,
		PresentationForms: true,
		Tatweel:           true,
		Controls:          true,
	})
	// Lucene is exactly Lucene's ArabicNormalizer (and bleve's ar_normalize filter): أ إ آ → ا, ى → ي,
	// ة → ه, and U+064B–0652 and tatweel deleted, nothing else, for parity with search engines.
	Lucene = New(Options{
		Tashkeel:     true,
		Tatweel:      true,
		Alef:         true,
		TehMarbuta:   true,
		AlefMaksura:  true,
		LuceneCompat: true,
	})
)

// Options returns the options n was built with, to derive a variant:
//
//	o := normalize.Search.Options()
//	o.Hamza = normalize.HamzaKeep
//	n := normalize.New(o)
func (n *Normalizer) Options() Options { return n.o }

// String returns the normalized form of s. When nothing changes it returns s itself without allocating.
func (n *Normalizer) String(s string) string {
	src := unsafeBytes(s)
	k, err := n.tables().span(src, true)
	if err == nil {
		return s
	}
	buf := make([]byte, k, outCap(len(s)))
	copy(buf, src[:k])
	return unsafeString(n.appendFrom(buf, src[k:], nil, 0))
}

// Bytes returns the normalized form of b. When nothing changes it returns b itself without allocating;
// otherwise it returns a new slice and leaves b alone.
func (n *Normalizer) Bytes(b []byte) []byte {
	k, err := n.tables().span(b, true)
	if err == nil {
		return b
	}
	buf := make([]byte, k, outCap(len(b)))
	copy(buf, b[:k])
	return n.appendFrom(buf, b[k:], nil, 0)
}

// Append appends the normalized form of src to dst and returns the extended slice. src and dst must not
// overlap.
func (n *Normalizer) Append(dst, src []byte) []byte {
	k, err := n.tables().span(src, true)
	dst = append(dst, src[:k]...)
	if err == nil {
		return dst
	}
	return n.appendFrom(dst, src[k:], nil, 0)
}

// StringWithOffsets returns the normalized form of s and the map from its byte offsets back to s.
func (n *Normalizer) StringWithOffsets(s string) (string, *OffsetMap) {
	src := unsafeBytes(s)
	k, err := n.tables().span(src, true)
	rec := &recorder{}
	if k > 0 {
		rec.add(0, 0, k, k, segLinear)
	}
	if err == nil {
		return s, rec.finish(len(s), len(s))
	}
	buf := make([]byte, k, outCap(len(s)))
	copy(buf, src[:k])
	buf = n.appendFrom(buf, src[k:], rec, k)
	return unsafeString(buf), rec.finish(len(buf), len(s))
}

// Transformer returns a new transformer that normalizes a stream; its Span reports unchanged prefixes
// without copying. The transformer holds per-stream state and is not safe for concurrent use: take a
// fresh one per stream.
func (n *Normalizer) Transformer() transform.SpanningTransformer {
	return &transformer{c: newCore(n)}
}

// Reader returns a reader that yields the normalized form of what it reads from r.
func (n *Normalizer) Reader(r io.Reader) io.Reader {
	return transform.NewReader(r, n.Transformer())
}

// outCap is the initial capacity of an output buffer: normalization mostly keeps or shrinks text.
func outCap(n int) int { return n + n/16 + 16 }

// appendFrom normalizes all of src, which starts at original offset orig, appending to dst.
func (n *Normalizer) appendFrom(dst, src []byte, rec *recorder, orig int) []byte {
	c := newCore(n)
	c.rec = rec
	c.origBase = orig
	for {
		if cap(dst)-len(dst) < maxPending+16 {
			dst = growBytes(dst, len(src)/2+maxPending+16)
		}
		c.normBase = len(dst) // offsets are wanted only when dst starts empty
		nDst, nSrc, err := c.transform(dst[len(dst):cap(dst)], src, true)
		dst = dst[:len(dst)+nDst]
		src = src[nSrc:]
		c.origBase += nSrc
		if err == nil {
			return dst
		}
		// transform.ErrShortDst is the only error with atEOF: grow and go on.
		dst = growBytes(dst, len(src)+maxPending+16)
	}
}

// growBytes returns dst with room for at least extra more bytes.
func growBytes(dst []byte, extra int) []byte {
	if cap(dst)-len(dst) >= extra {
		return dst
	}
	b := make([]byte, len(dst), 2*cap(dst)+extra)
	copy(b, dst)
	return b
}

// transformer is the streaming form of a Normalizer.
type transformer struct {
	c core
}

func (t *transformer) Reset() { t.c.reset() }

func (t *transformer) Transform(dst, src []byte, atEOF bool) (int, int, error) {
	return t.c.transform(dst, src, atEOF)
}

func (t *transformer) Span(src []byte, atEOF bool) (int, error) {
	if t.c.hold {
		return 0, transform.ErrEndOfSpan
	}
	return t.c.t.span(src, atEOF)
}
