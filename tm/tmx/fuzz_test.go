package tmx_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tarjuman/tarjuman/tm/tmx"
)

func addSeeds(f *testing.F) {
	files, err := filepath.Glob("testdata/*.tmx")
	require.NoError(f, err)
	lisa, err := filepath.Glob("testdata/lisa/ImportTest2*.tmx")
	require.NoError(f, err)
	for _, p := range append(files, lisa...) {
		b, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(head + `<tu><tuv lang="ar" usagecount="+3"><seg>a<hi x="1"><ph/></hi>&#xE000;</seg></tuv></tu></body></tmx>`))
}

// decodeLenient returns whatever a lenient Decoder yields from b before
// its first fatal error.
func decodeLenient(b []byte) (*tmx.Header, []*tmx.TU) {
	d := tmx.NewDecoder(bytes.NewReader(b))
	d.Lenient = true
	d.MaxTUSize = 1 << 20
	h, err := d.Header()
	if err != nil {
		return nil, nil
	}
	var tus []*tmx.TU
	for {
		tu, err := d.Next()
		if err != nil {
			return h, tus
		}
		tus = append(tus, tu)
	}
}

// FuzzDecodeRoundTrip checks that the decoder never panics, that everything it
// reads can be written, and that decode → encode → decode gives the same
// structure, with every segment surviving its match-text encoding.
func FuzzDecodeRoundTrip(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		h, tus := decodeLenient(b)
		if h == nil {
			return
		}
		var buf bytes.Buffer
		e := tmx.NewEncoder(&buf)
		require.NoError(t, e.WriteHeader(h))
		for _, tu := range tus {
			require.NoError(t, e.Encode(tu))
			for _, v := range tu.Variants {
				text, codes, err := v.Seg.Encode()
				require.NoError(t, err)
				back, err := tmx.DecodeSeg(text, codes)
				require.NoError(t, err)
				assert.Equal(t, v.Seg, back)
			}
		}
		require.NoError(t, e.Close())
		d := tmx.NewDecoder(&buf)
		h2, err := d.Header()
		require.NoError(t, err)
		assertSameHeader(t, h, h2)
		var tus2 []*tmx.TU
		for {
			tu, err := d.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			require.NoError(t, err)
			tus2 = append(tus2, tu)
		}
		require.Equal(t, stripLines(tus), stripLines(tus2))
	})
}

// FuzzDecodeSeg checks that DecodeSeg never panics on arbitrary match text
// and that a segment it accepts encodes back to a text with the same letters.
func FuzzDecodeSeg(f *testing.F) {
	f.Add("a \ue000 b \ue001c\ue002", "<b>")
	f.Add("\ue001\ue000", "x")
	f.Add("plain", "")
	f.Fuzz(func(t *testing.T, text, native string) {
		codes := []tmx.Code{
			{Inline: tmx.Inline{Kind: tmx.PH, Content: tmx.Seg{{Kind: tmx.Text, Text: native}}}},
			{Inline: tmx.Inline{Kind: tmx.HI, Type: "t"}},
			{Inline: tmx.Inline{Kind: tmx.HI}, Close: true},
		}
		seg, err := tmx.DecodeSeg(text, codes)
		if err != nil {
			return
		}
		again, _, err := seg.Encode()
		require.NoError(t, err)
		assert.Equal(t, stripPlaceholders(text), stripPlaceholders(again))
	})
}

func stripPlaceholders(s string) string {
	var b []rune
	for _, r := range s {
		if tmx.PlaceholderIndex(r) < 0 {
			b = append(b, r)
		}
	}
	return string(b)
}
