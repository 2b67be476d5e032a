package tmx_test

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"github.com/tarjuman/tarjuman/tm/tmx"
)

const benchTUs = 2000

func benchDecode(b *testing.B, doc []byte) {
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before, runs := ms.Mallocs, 0
	for b.Loop() {
		d := tmx.NewDecoder(bytes.NewReader(doc))
		n := 0
		for {
			_, err := d.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != benchTUs {
			b.Fatalf("decoded %d TUs, want %d", n, benchTUs)
		}
		runs++
	}
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Mallocs-before)/float64(runs*benchTUs), "allocs/TU")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(runs*benchTUs), "ns/TU")
}

func genDoc(b *testing.B, codes bool) []byte {
	var buf bytes.Buffer
	if err := writeTMX(&buf, benchTUs, codes); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func BenchmarkDecodePlain(b *testing.B) { benchDecode(b, genDoc(b, false)) }
func BenchmarkDecodeCodes(b *testing.B) { benchDecode(b, genDoc(b, true)) }

func BenchmarkDecodeUTF16(b *testing.B) {
	doc, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(genDoc(b, false))
	if err != nil {
		b.Fatal(err)
	}
	benchDecode(b, doc)
}

func benchEncode(b *testing.B, codes bool) {
	h, tus := decodeAllB(b, genDoc(b, codes))
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		e := tmx.NewEncoder(&buf)
		if err := e.WriteHeader(h); err != nil {
			b.Fatal(err)
		}
		for _, tu := range tus {
			if err := e.Encode(tu); err != nil {
				b.Fatal(err)
			}
		}
		if err := e.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

func BenchmarkEncodePlain(b *testing.B) { benchEncode(b, false) }
func BenchmarkEncodeCodes(b *testing.B) { benchEncode(b, true) }

func decodeAllB(b *testing.B, doc []byte) (*tmx.Header, []*tmx.TU) {
	d := tmx.NewDecoder(bytes.NewReader(doc))
	h, err := d.Header()
	if err != nil {
		b.Fatal(err)
	}
	var tus []*tmx.TU
	for {
		tu, err := d.Next()
		if errors.Is(err, io.EOF) {
			return h, tus
		}
		if err != nil {
			b.Fatal(err)
		}
		tus = append(tus, tu)
	}
}
