package glossary

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tarjuman/tarjuman/internal/sample"
)

func TestReadDetectsFormat(t *testing.T) {
	tbxDoc := string(sample.File("glossary_seed.tbx"))
	var utf16le bytes.Buffer
	utf16le.Write([]byte{0xFF, 0xFE})
	for _, u := range utf16.Encode([]rune(strings.Replace(tbxDoc, `encoding="UTF-8"`, `encoding="UTF-16"`, 1))) {
		require.NoError(t, binary.Write(&utf16le, binary.LittleEndian, u))
	}
	for name, in := range map[string]string{
		"tbx_utf8":           tbxDoc,
		"tbx_utf8_bom":       "\xef\xbb\xbf" + tbxDoc,
		"tbx_utf16_bom":      utf16le.String(),
		"tsv_with_comments":  string(sample.File("glossary_seed.tsv")),
		"csv_quoted_commas":  "ar,en,note\nالعقوبات,sanctions,\"plural, usually\"\n",
		"tsv_bom_no_comment": "\xef\xbb\xbfar\ten\nالعقوبات\tsanctions\n",
	} {
		t.Run(name, func(t *testing.T) {
			g, err := Read(strings.NewReader(in))
			require.NoError(t, err)
			require.NotZero(t, g.Len())
			found := false
			for _, e := range g.All() {
				for _, term := range e.Terms {
					found = found || term.Text == "العقوبات"
				}
			}
			assert.True(t, found, "the sanctions entry was read")
		})
	}
	_, err := Read(strings.NewReader("<tbx><text><body><conceptEntry>"))
	assert.Error(t, err, "broken TBX is still an error")
}
