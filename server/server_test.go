package server

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/internal/sample"
	"github.com/tarjuman/tarjuman/tm"
)

// newTestServer serves the seed article's TM and glossary, as `tarjuman serve` would.
func newTestServer(t *testing.T, c Config) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(New(seedConfig(t, c)))
	t.Cleanup(ts.Close)
	return ts
}

// seedConfig fills in the seed article's TM and glossary where c has none.
func seedConfig(t *testing.T, c Config) Config {
	t.Helper()
	if c.Memory == nil {
		mem := tm.NewMemory(nil)
		t.Cleanup(func() { mem.Close() })
		_, err := mem.Import(context.Background(), bytes.NewReader(sample.File("seed_parallel.tmx")), tm.ImportOptions{})
		require.NoError(t, err)
		c.Memory = mem
	}
	if c.Glossary == nil {
		g, err := glossary.ReadCSV(bytes.NewReader(sample.File("glossary_seed.tsv")), glossary.HeadedTSV)
		require.NoError(t, err)
		c.Glossary = g
	}
	return c
}

func get(t *testing.T, ts *httptest.Server, path string, v any) int {
	t.Helper()
	resp, err := http.Get(ts.URL + path)
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
	if v != nil {
		require.NoError(t, json.NewDecoder(resp.Body).Decode(v))
	}
	return resp.StatusCode
}

func post(t *testing.T, ts *httptest.Server, path, body string, v any) int {
	t.Helper()
	resp, err := http.Post(ts.URL+path, "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	if v != nil {
		require.NoError(t, json.NewDecoder(resp.Body).Decode(v))
	}
	return resp.StatusCode
}

const title = "الكرملين: بوتين أكد لبايدن أن روسيا تريد النتيجة من مفاوضات الضمانات الأمنية"

func TestHealthz(t *testing.T) {
	ts := newTestServer(t, Config{Token: "secret"})
	var body map[string]any
	require.Equal(t, http.StatusOK, get(t, ts, "/healthz", &body), "healthz needs no token")
	assert.Equal(t, map[string]any{"status": "ok"}, body, "without the token it tells nothing about the content")

	req, err := http.NewRequest(http.MethodGet, ts.URL+"/healthz", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer secret")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	assert.EqualValues(t, 19, body["units"])
	assert.EqualValues(t, 39, body["entries"])
}

// pyQuote escapes like Python's urllib.parse.quote(s, safe=""), which Weblate's tmserver client uses.
func pyQuote(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("_.-~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func TestLookup(t *testing.T) {
	ts := newTestServer(t, Config{})
	var body struct{ Matches []matchJSON }
	q := url.Values{"q": {"الكرملين: بوتين أكَّد لبايدن أن روسيا تريد النتيجة من مفاوضات الضمانات الأمنيّة"}, "src": {"ar"}, "tgt": {"en"}}
	require.Equal(t, http.StatusOK, get(t, ts, "/v1/tm/lookup?"+q.Encode(), &body))
	require.NotEmpty(t, body.Matches)
	assert.Equal(t, 99, body.Matches[0].Percent, "added harakat only: a normalized match")
	assert.Equal(t, "normalized", body.Matches[0].Kind)
	assert.Contains(t, body.Matches[0].Target, "security guarantees")

	t.Run("changed_word_has_diff_in_code_points", func(t *testing.T) {
		text := strings.Replace(title, "النتيجة", "النتائج", 1)
		var body struct{ Matches []matchJSON }
		require.Equal(t, http.StatusOK, get(t, ts, "/v1/tm/lookup?"+url.Values{"q": {text}, "src": {"ar"}, "tgt": {"en"}}.Encode(), &body))
		require.NotEmpty(t, body.Matches)
		m := body.Matches[0]
		assert.Less(t, m.Percent, 99)
		require.NotEmpty(t, m.Diff)
		d := m.Diff[0].Query
		assert.Equal(t, "النتائج", d.Text)
		assert.Equal(t, d.Text, string([]rune(text)[d.Start:d.End]), "offsets are code points")
	})
	t.Run("no_match_is_an_empty_list", func(t *testing.T) {
		var body struct{ Matches []matchJSON }
		require.Equal(t, http.StatusOK, get(t, ts, "/v1/tm/lookup?q=zebra+crossing+umbrella&src=en&tgt=ar", &body))
		assert.Empty(t, body.Matches)
	})
	for name, path := range map[string]string{
		"missing_q":      "/v1/tm/lookup?src=ar&tgt=en",
		"same_language":  "/v1/tm/lookup?q=x&src=en&tgt=en-GB",
		"min_nan":        "/v1/tm/lookup?q=x&src=ar&tgt=en&min=NaN",
		"export_tsv_all": "/v1/tm/export?format=tsv",
		"export_same":    "/v1/tm/export?format=tmx&src=en&tgt=en",
		"missing_src":    "/v1/tm/lookup?q=x&tgt=en",
		"bad_language":   "/v1/tm/lookup?q=x&src=%21%21&tgt=en",
		"bad_min":        "/v1/tm/lookup?q=x&src=ar&tgt=en&min=2000",
		"bad_limit":      "/v1/tm/lookup?q=x&src=ar&tgt=en&limit=0",
		"query_too_long": "/v1/tm/lookup?src=ar&tgt=en&q=" + strings.Repeat("a", 5000),
		"unknown_path":   "/v1/nothing",
	} {
		t.Run(name, func(t *testing.T) {
			var e apiError
			status := get(t, ts, path, &e)
			assert.GreaterOrEqual(t, status, 400)
			assert.Less(t, status, 500)
			assert.NotEmpty(t, e.Error.Code)
			assert.NotEmpty(t, e.Error.Message)
		})
	}
}

func TestWrongMethod(t *testing.T) {
	ts := newTestServer(t, Config{})
	var e apiError
	resp, err := http.Get(ts.URL + "/v1/tm/units")
	require.NoError(t, err)
	defer resp.Body.Close()
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&e))
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	assert.Equal(t, "POST", resp.Header.Get("Allow"))
	assert.Equal(t, "method_not_allowed", e.Error.Code)
	assert.Equal(t, http.StatusMethodNotAllowed, post(t, ts, "/v1/tm/lookup", "", &e))
	assert.Equal(t, http.StatusMethodNotAllowed, post(t, ts, "/healthz", "", &e))
}

func TestTMServerWeblate(t *testing.T) {
	ts := newTestServer(t, Config{})
	// Weblate quotes the text with safe="" so "/" travels as %2F; languages are lower case with "_".
	text := "الكرملين: بوتين أكد لبايدن أن روسيا تريد النتيجة من مفاوضات الضمانات الأمنية / اليوم"
	var units []tmserverUnit
	require.Equal(t, http.StatusOK, get(t, ts, "/tmserver/ar/en/unit/"+pyQuote(text), &units))
	require.NotEmpty(t, units)
	assert.Contains(t, units[0].Target, "security guarantees")
	assert.Greater(t, units[0].Quality, 80)
	assert.LessOrEqual(t, units[0].Quality, 100)

	var none []tmserverUnit
	require.Equal(t, http.StatusOK, get(t, ts, "/tmserver/en_us/ar/unit/"+url.PathEscape("completely unrelated words here"), &none))
	assert.Empty(t, none, "no match is 200 with [] so Weblate keeps the service on")

	var langs struct{ SourceLanguages, TargetLanguages []string }
	require.Equal(t, http.StatusOK, get(t, ts, "/tmserver/languages/", &langs))
	assert.ElementsMatch(t, []string{"ar", "en"}, langs.SourceLanguages)
	assert.ElementsMatch(t, []string{"ar", "en"}, langs.TargetLanguages)

	for name, path := range map[string]string{
		"dot":             "/tmserver/ar/en/unit/.",
		"dot_dot":         "/tmserver/en/ar/unit/..",
		"same_language":   "/tmserver/en/en/unit/" + pyQuote("security guarantees"),
		"regional_same":   "/tmserver/en/en_gb/unit/" + pyQuote("security guarantees"),
		"undetermined":    "/tmserver/und/ar/unit/x",
		"slashes_in_text": "/tmserver/en/ar/unit/" + pyQuote("a/b/../c"),
	} {
		t.Run(name, func(t *testing.T) {
			var units []tmserverUnit
			require.Equal(t, http.StatusOK, get(t, ts, path, &units), "Weblate must get 200 and a list")
			assert.NotNil(t, units)
		})
	}

	var e apiError
	assert.Equal(t, http.StatusBadRequest, get(t, ts, "/tmserver/ar/en/unit/%20", &e))
	assert.Equal(t, http.StatusBadRequest, get(t, ts, "/tmserver/x!/en/unit/abc", &e))
	assert.Equal(t, http.StatusNotFound, get(t, ts, "/tmserver/ar/en/other/abc", &e))
}

func TestMyMemory(t *testing.T) {
	ts := newTestServer(t, Config{})
	var r myMemoryResponse
	q := url.Values{"q": {"The Russian side warned that imposing sanctions on Moscow would have grave consequences, but Russia hopes this will not happen."}, "langpair": {"en|ar"}}
	require.Equal(t, http.StatusOK, get(t, ts, "/mymemory/get?"+q.Encode(), &r))
	assert.Equal(t, 200, r.ResponseStatus)
	assert.Contains(t, r.ResponseData.TranslatedText, "العقوبات")
	assert.InDelta(t, 1.0, r.ResponseData.Match, 1e-9)
	require.NotEmpty(t, r.Matches)
	assert.Equal(t, 100, r.Matches[0].Quality)
	assert.Equal(t, "en", r.Matches[0].Source)

	// The fields MyMemory clients index directly (Weblate's own reads reference and last-updated-by).
	var raw map[string]any
	require.Equal(t, http.StatusOK, get(t, ts, "/mymemory/get?"+q.Encode(), &raw))
	for _, k := range []string{"responseData", "quotaFinished", "mtLangSupported", "responseDetails", "responseStatus", "responderId", "exception_code", "matches"} {
		assert.Contains(t, raw, k)
	}
	m0 := raw["matches"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "segment", "translation", "source", "target", "quality", "reference", "usage-count", "subject", "created-by", "last-updated-by", "create-date", "last-update-date", "match"} {
		assert.Contains(t, m0, k)
	}

	// A raw "|" as MyMemory clients send it, unescaped in the query string.
	require.Equal(t, http.StatusOK, get(t, ts, "/mymemory/get?q=sanctions&langpair=en|ar", &r))

	for name, path := range map[string]string{
		"missing_q":        "/mymemory/get?langpair=en|ar",
		"missing_langpair": "/mymemory/get?q=x",
		"bad_langpair":     "/mymemory/get?q=x&langpair=en-ar",
		"same_language":    "/mymemory/get?q=x&langpair=en|en-GB",
	} {
		t.Run(name, func(t *testing.T) {
			var r myMemoryResponse
			assert.Equal(t, http.StatusBadRequest, get(t, ts, path, &r))
			assert.Equal(t, 400, r.ResponseStatus)
			require.NotNil(t, r.Error)
			assert.NotEmpty(t, r.Error.Message)
		})
	}
}

func TestUnitsImportExport(t *testing.T) {
	ts := newTestServer(t, Config{MaxBody: 4096})
	var st map[string]any
	units := `[{"source":"offensive weapons","target":"الأسلحة الهجومية","source_language":"en","target_language":"ar","origin":"test"}]`
	require.Equal(t, http.StatusOK, post(t, ts, "/v1/tm/units", units, &st))
	assert.EqualValues(t, 1, st["added"])
	assert.EqualValues(t, 20, st["units"])

	var body struct{ Matches []matchJSON }
	require.Equal(t, http.StatusOK, get(t, ts, "/v1/tm/lookup?q=Offensive+weapons&src=en&tgt=ar", &body))
	require.NotEmpty(t, body.Matches)
	assert.Equal(t, "الأسلحة الهجومية", body.Matches[0].Target)

	tsv := "en\tar\nnuclear war\tالحرب النووية\n"
	require.Equal(t, http.StatusOK, post(t, ts, "/v1/tm/import?format=tsv", tsv, &st))
	assert.EqualValues(t, 21, st["units"])

	var e apiError
	assert.Equal(t, http.StatusBadRequest, post(t, ts, "/v1/tm/import?format=tmx", "<tmx><body><tu>", &e))
	assert.Equal(t, "bad_input", e.Error.Code)
	assert.Equal(t, http.StatusBadRequest, post(t, ts, "/v1/tm/import?format=docx", "x", &e))
	assert.Equal(t, http.StatusRequestEntityTooLarge, post(t, ts, "/v1/tm/units", "["+strings.Repeat(" ", 5000)+"]", &e))
	assert.Equal(t, http.StatusOK, get(t, ts, "/healthz", &st))
	assert.EqualValues(t, 21, st["units"], "a failed import loses nothing stored before it")

	resp, err := http.Get(ts.URL + "/v1/tm/export?format=tmx&src=en&tgt=ar")
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(b), "<tmx version=\"1.4\"")
	assert.Contains(t, string(b), "الحرب النووية")
}

func TestConcordance(t *testing.T) {
	ts := newTestServer(t, Config{})
	var body struct{ Hits []hitJSON }
	require.Equal(t, http.StatusOK, get(t, ts, "/v1/tm/concordance?"+url.Values{"q": {"الضمانات الامنية"}}.Encode(), &body))
	require.NotEmpty(t, body.Hits)
	for _, h := range body.Hits {
		text := h.Source
		if h.Side != "source" {
			text = h.Target
		}
		assert.Equal(t, h.Match.Text, string([]rune(text)[h.Match.Start:h.Match.End]))
	}
	var e apiError
	assert.Equal(t, http.StatusBadRequest, get(t, ts, "/v1/tm/concordance?q=", &e))
}

func TestGlossaryEndpoints(t *testing.T) {
	ts := newTestServer(t, Config{})
	var ann struct{ Matches []annotationJSON }
	text := "قال إن موسكو تنتظر ردا بشأن بالضمانات الأمنية."
	require.Equal(t, http.StatusOK, post(t, ts, "/v1/glossary/annotate", `{"text":"`+text+`","src":"ar","tgt":"en"}`, &ann))
	require.NotEmpty(t, ann.Matches)
	var found bool
	for _, m := range ann.Matches {
		assert.Equal(t, m.Text, string([]rune(text)[m.Start:m.End]))
		if m.Text == "بالضمانات الأمنية" {
			found = true
			assert.Equal(t, "security guarantees", m.Targets[0].Text)
		}
	}
	assert.True(t, found, "the clitic-bearing form is found: %+v", ann.Matches)

	var chk struct {
		Issues []struct{ Kind, Message string }
	}
	require.Equal(t, http.StatusOK, post(t, ts, "/v1/glossary/check", `{"source":"Russia demands security guarantees.","translation":"تطالب روسيا بالتطمينات.","src":"en","tgt":"ar"}`, &chk))
	require.Len(t, chk.Issues, 1)
	require.Equal(t, http.StatusOK, post(t, ts, "/v1/glossary/check", `{"source":"Russia demands security guarantees.","translation":"تطالب روسيا بالضمانات الأمنية.","src":"en","tgt":"ar"}`, &chk))
	assert.Empty(t, chk.Issues)

	var e apiError
	assert.Equal(t, http.StatusBadRequest, post(t, ts, "/v1/glossary/annotate", `{"text":`, &e))
	assert.Equal(t, http.StatusBadRequest, post(t, ts, "/v1/glossary/annotate", `{"text":"x","src":"ar"}`, &e))
	assert.Equal(t, http.StatusBadRequest, post(t, ts, "/v1/glossary/annotate", `{"text":"x","src":"ar","tgt":"en"} {"more":1}`, &e))
	assert.Equal(t, http.StatusBadRequest, post(t, ts, "/v1/glossary/annotate", `{"text":"x","src":"ar","tgt":"fr"}`, &e), "a language the glossary lacks")
	assert.Equal(t, "bad_language", e.Error.Code)
	assert.Equal(t, http.StatusBadRequest, post(t, ts, "/v1/glossary/annotate", `{"text":"x","src":"ar","tgt":"ar-EG"}`, &e))

	bare := httptest.NewServer(New(Config{}))
	defer bare.Close()
	assert.Equal(t, http.StatusNotFound, post(t, bare, "/v1/glossary/annotate", `{"text":"x","src":"ar","tgt":"en"}`, &e))
	assert.Equal(t, "no_glossary", e.Error.Code)
}

func TestToken(t *testing.T) {
	ts := newTestServer(t, Config{Token: "s3cret"})
	do := func(auth string) int {
		req, err := http.NewRequest(http.MethodGet, ts.URL+"/v1/tm/lookup?q=sanctions&src=en&tgt=ar", nil)
		require.NoError(t, err)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	assert.Equal(t, http.StatusUnauthorized, do(""))
	assert.Equal(t, http.StatusUnauthorized, do("Bearer wrong"))
	assert.Equal(t, http.StatusUnauthorized, do("s3cret"))
	assert.Equal(t, http.StatusUnauthorized, do("Basic "+base64.StdEncoding.EncodeToString([]byte("x:wrong"))))
	assert.Equal(t, http.StatusOK, do("Bearer s3cret"))
	assert.Equal(t, http.StatusOK, do("bearer s3cret"), "the scheme is case-insensitive")
	assert.Equal(t, http.StatusOK, do("Basic "+base64.StdEncoding.EncodeToString([]byte("weblate:s3cret"))))

	// Weblate's tmserver setting is one URL: the token rides in a path prefix.
	var units []tmserverUnit
	assert.Equal(t, http.StatusOK, get(t, ts, "/t/s3cret/tmserver/en/ar/unit/"+pyQuote("sanctions"), &units))
	var langs map[string][]string
	assert.Equal(t, http.StatusOK, get(t, ts, "/t/s3cret/tmserver/languages/", &langs))
	assert.NotEmpty(t, langs["sourceLanguages"])
	var e apiError
	assert.Equal(t, http.StatusUnauthorized, get(t, ts, "/t/wrong/tmserver/languages/", &e))
	assert.Equal(t, http.StatusNotFound, get(t, ts, "/t/s3cret", &e), "right token, no endpoint")
}
