package tbx_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tarjuman/tarjuman/glossary/tbx"
)

const sample = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
	<tbxHeader><fileDesc><sourceDesc><p>example</p></sourceDesc></fileDesc></tbxHeader>
	<text><body>
		<conceptEntry id="security-guarantees">
			<descrip type="subjectField">international relations</descrip>
			<langSec xml:lang="ar">
				<termSec>
					<term>الضمانات الأمنية</term>
					<termNote type="partOfSpeech">noun</termNote>
					<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
				</termSec>
			</langSec>
			<langSec xml:lang="en">
				<termSec>
					<term>security guarantees</term>
					<termNote type="partOfSpeech">noun</termNote>
					<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
				</termSec>
				<termSec>
					<term>security assurances</term>
					<termNote type="partOfSpeech">noun</termNote>
					<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
				</termSec>
			</langSec>
		</conceptEntry>
	</body></text>
</tbx>`

func ExampleRead() {
	doc, err := tbx.Read(strings.NewReader(sample))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range doc.Entries {
		fmt.Println(e.ID, "|", e.Subject)
		for _, l := range e.Langs {
			for _, t := range l.Terms {
				fmt.Printf("  %s %s (%s) %s\n", l.Lang, t.Term, tbx.StatusValue(t.AdministrativeStatus), t.PartOfSpeech)
			}
		}
	}
	// Output:
	// security-guarantees | international relations
	//   ar الضمانات الأمنية (preferred) noun
	//   en security guarantees (preferred) noun
	//   en security assurances (deprecated) noun
}

func ExampleDecoder() {
	d := tbx.NewDecoder(strings.NewReader(sample))
	h, err := d.Header()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(h.Dialect, h.Lang, h.SourceDesc)
	for {
		e, err := d.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(e.ID, len(e.Langs), "languages")
	}
	// Output:
	// TBX-Basic v3 DCA en example
	// security-guarantees 2 languages
}

func ExampleWrite() {
	doc := &tbx.Document{Lang: "ar", Entries: []tbx.Entry{{
		ID: "strategic-security",
		Langs: []tbx.LangSec{
			{Lang: "ar", Terms: []tbx.TermSec{{Term: "الأمن الاستراتيجي", PartOfSpeech: "noun",
				AdministrativeStatus: tbx.BasicStatus(tbx.StatusPreferred)}}},
			{Lang: "en", Terms: []tbx.TermSec{{Term: "strategic security"}}},
		},
	}}}
	if err := tbx.Write(os.Stdout, doc, tbx.BasicV3DCT); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCT/TBX-Basic.nvdl" type="application/xml" schematypens="http://purl.oclc.org/dsdl/nvdl/ns/structure/1.0"?>
	// <?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCT/TBX-Basic_DCT.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>
	// <tbx type="TBX-Basic" style="dct" xml:lang="ar" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic">
	// 	<tbxHeader>
	// 		<fileDesc>
	// 			<sourceDesc>
	// 				<p></p>
	// 			</sourceDesc>
	// 		</fileDesc>
	// 	</tbxHeader>
	// 	<text>
	// 		<body>
	// 			<conceptEntry id="strategic-security">
	// 				<langSec xml:lang="ar">
	// 					<termSec>
	// 						<term>الأمن الاستراتيجي</term>
	// 						<min:partOfSpeech>noun</min:partOfSpeech>
	// 						<min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus>
	// 					</termSec>
	// 				</langSec>
	// 				<langSec xml:lang="en">
	// 					<termSec>
	// 						<term>strategic security</term>
	// 					</termSec>
	// 				</langSec>
	// 			</conceptEntry>
	// 		</body>
	// 	</text>
	// </tbx>
}

func ExampleParseError() {
	_, err := tbx.Read(strings.NewReader(`<martif><text><body><termEntry>
<langSet xml:lang="en"><tig><term></term></tig></langSet>
</termEntry></body></text></martif>`))
	var pe *tbx.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Line, pe.Column, errors.Is(err, tbx.ErrEmptyTerm))
	}
	fmt.Println(err)
	// Output:
	// 2 29 true
	// tbx: line 2, column 29: empty term
}

func ExampleStatusValue() {
	for _, raw := range []string{"preferredTerm-admn-sts", "notRecommended", "obsolete", "forbidden", "draft"} {
		fmt.Printf("%q → %q\n", raw, tbx.StatusValue(raw))
	}
	// Output:
	// "preferredTerm-admn-sts" → "preferred"
	// "notRecommended" → "deprecated"
	// "obsolete" → "superseded"
	// "forbidden" → "forbidden"
	// "draft" → ""
}
