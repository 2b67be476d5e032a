package tbx

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// benchDoc builds a termbase shaped like real TBX-Basic exports: per concept a subject, a transaction,
// and two languages with a definition and two terms carrying part of speech, status and a context.
func benchDoc(n int) *Document {
	doc := &Document{Lang: "en", Title: "benchmark", SourceDesc: "generated"}
	for i := range n {
		doc.Entries = append(doc.Entries, Entry{
			ID: fmt.Sprintf("c%d", i), Subject: "international relations",
			Descrips: []Descrip{{Type: "transactionType", Value: "origination", Info: []Descrip{
				{Type: "date", Value: "2021-12-31"}, {Type: "responsibility", Value: "tarjuman", Target: "p1"}}}},
			Langs: []LangSec{
				{Lang: "ar", Definition: "التزامات تقدمها دولة لأخرى بعدم تهديد أمنها.", Terms: []TermSec{
					{Term: fmt.Sprintf("الضمانات الأمنية %d", i), PartOfSpeech: "noun", AdministrativeStatus: "preferredTerm-admn-sts",
						Context: "الكرملين: بوتين أكد لبايدن أن روسيا تريد النتيجة من مفاوضات الضمانات الأمنية", ContextSource: "seed"},
					{Term: fmt.Sprintf("ضمانات أمنية %d", i), PartOfSpeech: "noun", AdministrativeStatus: "admittedTerm-admn-sts"},
				}},
				{Lang: "en", Definition: "Commitments by one state not to threaten the security of another.", Terms: []TermSec{
					{Term: fmt.Sprintf("security guarantees %d", i), PartOfSpeech: "noun", AdministrativeStatus: "preferredTerm-admn-sts"},
					{Term: fmt.Sprintf("security assurances %d", i), PartOfSpeech: "noun", AdministrativeStatus: "deprecatedTerm-admn-sts",
						Notes: []string{"Do not use."}},
				}},
			},
		})
	}
	return doc
}

const benchEntries = 2000

func benchInput(b *testing.B, d Dialect) []byte {
	var buf bytes.Buffer
	if err := Write(&buf, benchDoc(benchEntries), d); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func BenchmarkRead(b *testing.B) {
	for _, d := range dialects {
		b.Run(d.String(), func(b *testing.B) {
			in := benchInput(b, d)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				doc, err := Read(bytes.NewReader(in))
				if err != nil || len(doc.Entries) != benchEntries {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(benchEntries*b.N)/b.Elapsed().Seconds(), "entries/s")
		})
	}
}

// BenchmarkDecoder streams entries without keeping them, as an importer does.
func BenchmarkDecoder(b *testing.B) {
	in := benchInput(b, BasicV3)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		d := NewDecoder(bytes.NewReader(in))
		for {
			_, err := d.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(benchEntries*b.N)/b.Elapsed().Seconds(), "entries/s")
}

func BenchmarkWrite(b *testing.B) {
	doc := benchDoc(benchEntries)
	for _, d := range dialects {
		b.Run(d.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, doc, d); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(benchEntries*b.N)/b.Elapsed().Seconds(), "entries/s")
		})
	}
}
