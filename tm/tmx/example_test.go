package tmx_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/tm/tmx"
)

const exampleTMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="demo" creationtoolversion="1" segtype="sentence" o-tmf="demo"
      adminlang="en" srclang="*all*" datatype="html"/>
  <body>
    <tu tuid="t1" usagecount="3" changedate="20220102T090000Z">
      <tuv xml:lang="en-US"><seg><bpt i="1">&lt;b&gt;</bpt>Putin<ept i="1">&lt;/b&gt;</ept> warns Biden <ph>&lt;br/&gt;</ph></seg></tuv>
      <tuv xml:lang="ar"><seg><bpt i="1">&lt;b&gt;</bpt>بوتين<ept i="1">&lt;/b&gt;</ept> يحذر بايدن <ph>&lt;br/&gt;</ph></seg></tuv>
    </tu>
    <tu tuid="t2" creationdate="2022-01-02">
      <tuv xml:lang="en"><seg>A bad date</seg></tuv>
    </tu>
  </body>
</tmx>`

// Read TUs one at a time and pick variants by language, never by position.
func Example() {
	d := tmx.NewDecoder(strings.NewReader(exampleTMX))
	d.Lenient = true // skip and count bad TUs instead of stopping
	for {
		tu, err := d.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		en := tu.Variant(language.English) // en-US by base language
		ar := tu.Variant(language.Arabic)
		fmt.Println(tu.TUID, tu.UsageCount, tu.ChangeDate.Format("2006-01-02"))
		fmt.Printf("[%s] [%s]\n", en.Seg, ar.Seg)
		fmt.Println(len(ar.Seg), "items, first:", ar.Seg[0].Kind)
	}
	fmt.Println("skipped:", d.Skipped())
	// Output:
	// t1 3 2022-01-02
	// [Putin warns Biden ] [بوتين يحذر بايدن ]
	// 5 items, first: bpt
	// skipped: 1
}

// Errors carry the line and column and, when known, the tuid.
func ExampleParseError() {
	d := tmx.NewDecoder(strings.NewReader(exampleTMX))
	for {
		_, err := d.Next()
		var pe *tmx.ParseError
		if errors.As(err, &pe) {
			fmt.Println(pe.Line, pe.Column, pe.TU, errors.Is(err, tmx.ErrDate))
			fmt.Println(err)
			return
		}
	}
	// Output:
	// 10 5 t2 true
	// tmx: line 10, column 5 (tu "t2"): bad date: creationdate="2022-01-02", want YYYYMMDDThhmmssZ
}

// A translation memory matches on text with one placeholder rune per code and
// puts the codes back into the translation it suggests.
func ExampleSeg_Encode() {
	d := tmx.NewDecoder(strings.NewReader(exampleTMX))
	tu, _ := d.Next()
	text, codes, _ := tu.Variant(language.Arabic).Seg.Encode()
	fmt.Printf("%q, %d codes\n", text, len(codes))
	// A translation with the codes in another order.
	seg, _ := tmx.DecodeSeg("\ue002 Biden \ue000warned\ue001", codes)
	fmt.Println(len(seg), seg[0].Kind, seg)
	// Output:
	// "\ue000بوتين\ue001 يحذر بايدن \ue002", 3 codes
	// 5 ph  Biden warned
}

func ExampleEncoder() {
	e := tmx.NewEncoder(os.Stdout)
	_ = e.WriteHeader(&tmx.Header{CreationTool: "demo", SrcLang: "ar"})
	_ = e.Encode(&tmx.TU{TUID: "1", Variants: []tmx.TUV{
		{Lang: "ar", Seg: tmx.Seg{{Kind: tmx.Text, Text: "مرحبا "}, {Kind: tmx.PH, Content: tmx.Seg{{Kind: tmx.Text, Text: "{0}"}}}}},
		{Lang: "en", Seg: tmx.Seg{{Kind: tmx.Text, Text: "Hello & welcome"}}},
	}})
	if err := e.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <tmx version="1.4">
	//   <header creationtool="demo" creationtoolversion="1" segtype="sentence" o-tmf="tarjuman" adminlang="en" srclang="ar" datatype="plaintext"/>
	//   <body>
	//     <tu tuid="1">
	//       <tuv xml:lang="ar">
	//         <seg>مرحبا <ph>{0}</ph></seg>
	//       </tuv>
	//       <tuv xml:lang="en">
	//         <seg>Hello &amp; welcome</seg>
	//       </tuv>
	//     </tu>
	//   </body>
	// </tmx>
}
