package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/internal/sample"
	"github.com/tarjuman/tarjuman/tm"
)

var (
	fuzzOnce   sync.Once
	fuzzServer *Server
)

// fuzzTarget is one Server over the seed TM and glossary, shared by all fuzz inputs (building it per
// input would make the fuzzer spend its time importing).
func fuzzTarget(f *testing.F) *Server {
	fuzzOnce.Do(func() {
		mem := tm.NewMemory(nil)
		if _, err := mem.Import(context.Background(), bytes.NewReader(sample.File("seed_parallel.tmx")), tm.ImportOptions{}); err != nil {
			f.Fatal(err)
		}
		g, err := glossary.ReadCSV(bytes.NewReader(sample.File("glossary_seed.tsv")), glossary.HeadedTSV)
		if err != nil {
			f.Fatal(err)
		}
		fuzzServer = New(Config{Memory: mem, Glossary: g, MaxBody: 64 << 10, MaxImportBody: 64 << 10})
	})
	return fuzzServer
}

// FuzzHandlers sends random methods, paths, queries and bodies: the server never panics, never answers
// 5xx, and every JSON answer parses.
func FuzzHandlers(f *testing.F) {
	s := fuzzTarget(f)
	for _, seed := range []struct{ method, path, query, body string }{
		{"GET", "/tmserver/ar/en/unit/" + url.PathEscape("بوتين أكد لبايدن"), "", ""},
		{"GET", "/tmserver/languages/", "", ""},
		{"GET", "/mymemory/get", "q=sanctions&langpair=en|ar", ""},
		{"GET", "/v1/tm/lookup", "q=%D8%A7&src=ar&tgt=en&min=0.2&limit=3", ""},
		{"GET", "/v1/tm/concordance", "q=security", ""},
		{"GET", "/v1/tm/export", "format=tsv&src=ar&tgt=en", ""},
		{"POST", "/v1/tm/units", "", `[{"source":"a","target":"ب","source_language":"en","target_language":"ar"}]`},
		{"POST", "/v1/tm/import", "format=tmx", `<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>`},
		{"POST", "/v1/glossary/annotate", "", `{"text":"بالضمانات الأمنية","src":"ar","tgt":"en"}`},
		{"POST", "/v1/glossary/check", "", `{"source":"security guarantees","translation":"x","src":"en","tgt":"ar"}`},
		{"DELETE", "/healthz", "", ""},
		{"GET", "/tmserver/en/en_gb/unit/..", "", ""},
		{"GET", "/v1/tm/lookup", "q=x&src=und&tgt=en", ""},
		{"GET", "/mymemory/get", "q=x&langpair=ar|ar-EG", ""},
		{"GET", "/v1/tm/export", "format=tsv", ""},
		{"POST", "/v1/glossary/annotate", "", `{"text":"x","src":"ar","tgt":"zh"} []`},
	} {
		f.Add(seed.method, seed.path, seed.query, seed.body)
	}
	f.Fuzz(func(t *testing.T, method, path, query, body string) {
		if !strings.HasPrefix(path, "/") || strings.ContainsAny(method, " \t\r\n") || method == "" {
			return // not something an HTTP/1.1 parser would hand to the server
		}
		if strings.Contains(path, "/v1/tm/import") || strings.Contains(path, "/v1/tm/units") {
			// Writes accumulate in the shared memory; keep the fuzzer on read paths plus bounded writes.
			if len(body) > 4096 {
				return
			}
		}
		r := &http.Request{Method: method, URL: &url.URL{Path: path, RawQuery: query}, Header: http.Header{},
			Body: io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body)), Host: "x", RequestURI: path}
		r = r.WithContext(context.Background())
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%s %s?%s → %d %s", method, path, query, w.Code, w.Body.String())
		}
		if strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") && !json.Valid(w.Body.Bytes()) {
			t.Fatalf("%s %s?%s → invalid JSON %q", method, path, query, w.Body.String())
		}
	})
}
