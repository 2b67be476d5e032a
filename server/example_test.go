package server_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"

	"github.com/tarjuman/tarjuman/server"
	"github.com/tarjuman/tarjuman/tm"
	"golang.org/x/text/language"
)

// A translation memory served to Weblate's tmserver client: the text travels percent-encoded in the
// path, the answer is a list of matches with an integer quality (99: only the diacritics differ).
func ExampleNew() {
	mem := tm.NewMemory(nil)
	defer mem.Close()
	err := mem.Add(context.Background(), tm.Unit{
		Source: "الضمانات الأمنية", Target: "security guarantees",
		Pair: tm.LangPair{Source: language.Arabic, Target: language.English},
	})
	if err != nil {
		panic(err)
	}
	ts := httptest.NewServer(server.New(server.Config{Memory: mem}))
	defer ts.Close()

	resp, err := http.Get(ts.URL + "/tmserver/ar/en/unit/" + url.PathEscape("الضَّمانات الأمنيّة"))
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Print(resp.Status, " ", string(body))

	// Output:
	// 200 OK [{"source":"الضمانات الأمنية","target":"security guarantees","quality":99,"rank":1}]
}
