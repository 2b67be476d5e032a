package tmx_test

import (
	"bufio"
	"fmt"
	"io"
)

// Sentences of the seed article (testdata/seed_parallel.tsv) with an
// English rendering, cycled to generate large documents.
var genPairs = [][2]string{
	{"بوتين يحذر بايدن من قطع العلاقات بسبب العقوبات", "Putin warns Biden that sanctions could break relations"},
	{"أجرى الرئيسان اتصالاً هاتفياً استمر خمسين دقيقة", "The two presidents held a fifty-minute phone call"},
	{"وقال الكرملين إن المحادثة كانت جدية وبناءة", "The Kremlin said the conversation was serious and constructive"},
	{"تتهم الدول الغربية روسيا بحشد قواتها قرب الحدود الأوكرانية", "Western countries accuse Russia of massing troops near the Ukrainian border"},
}

// writeTMX writes a TMX document of n TUs; with codes, segments carry
// bold codes and a placeholder and TUs carry metadata.
func writeTMX(w io.Writer, n int, codes bool) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprint(bw, `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="gen" creationtoolversion="1" segtype="sentence" o-tmf="gen" adminlang="en" srclang="ar" datatype="plaintext"/>
  <body>
`)
	for i := range n {
		p := genPairs[i%len(genPairs)]
		if codes {
			fmt.Fprintf(bw, `    <tu tuid="%d" creationdate="20211230T181500Z" changeid="gen" usagecount="%d">
      <prop type="x-context">seed-%d</prop>
      <tuv xml:lang="ar"><seg><bpt i="1" x="1">&lt;b&gt;</bpt>%s<ept i="1">&lt;/b&gt;</ept> %d <ph x="2">{0}</ph></seg></tuv>
      <tuv xml:lang="en"><seg><bpt i="1" x="1">&lt;b&gt;</bpt>%s<ept i="1">&lt;/b&gt;</ept> %d <ph x="2">{0}</ph></seg></tuv>
    </tu>
`, i, i%50, i%7, p[0], i, p[1], i)
		} else {
			fmt.Fprintf(bw, `    <tu tuid="%d">
      <tuv xml:lang="ar"><seg>%s %d</seg></tuv>
      <tuv xml:lang="en"><seg>%s %d</seg></tuv>
    </tu>
`, i, p[0], i, p[1], i)
		}
	}
	fmt.Fprint(bw, "  </body>\n</tmx>\n")
	return bw.Flush()
}
