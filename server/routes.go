package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/tm"
	"golang.org/x/text/language"
)

func (s *Server) routes() {
	s.mux.HandleFunc("GET /v1/tm/lookup", s.needTM(s.tmLookup))
	s.mux.HandleFunc("POST /v1/tm/units", s.needTM(s.tmUnits))
	s.mux.HandleFunc("POST /v1/tm/import", s.needTM(s.tmImport))
	s.mux.HandleFunc("GET /v1/tm/export", s.needTM(s.tmExport))
	s.mux.HandleFunc("GET /v1/tm/concordance", s.needTM(s.tmConcordance))
	s.mux.HandleFunc("POST /v1/glossary/annotate", s.needGlossary(s.glossaryAnnotate))
	s.mux.HandleFunc("POST /v1/glossary/check", s.needGlossary(s.glossaryCheck))
	s.mux.HandleFunc("GET /tmserver/languages/{$}", s.needTM(s.tmserverLanguages))
	s.mux.HandleFunc("GET /mymemory/get", s.needTM(s.mymemoryGet))
}

func (s *Server) needTM(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Memory == nil {
			s.fail(w, r, http.StatusNotFound, "no_memory", "this server has no translation memory")
			return
		}
		h(w, r)
	}
}

func (s *Server) needGlossary(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Glossary == nil {
			s.fail(w, r, http.StatusNotFound, "no_glossary", "this server has no glossary (start it with -glossary)")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		h(w, r)
	}
}

// healthz answers liveness probes without a token; what is stored is told only to authorized callers.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request, authorized bool) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		s.fail(w, r, http.StatusMethodNotAllowed, "method_not_allowed", r.Method+" is not allowed on /healthz")
		return
	}
	body := map[string]any{"status": "ok"}
	if !authorized {
		writeJSON(w, http.StatusOK, body)
		return
	}
	if s.cfg.Memory != nil {
		body["units"] = s.cfg.Memory.Len()
	}
	if s.cfg.Glossary != nil {
		body["entries"] = s.cfg.Glossary.Len()
	}
	writeJSON(w, http.StatusOK, body)
}

// matchJSON is one TM match in the native API.
type matchJSON struct {
	ID         string     `json:"id"`
	Source     string     `json:"source"`
	Target     string     `json:"target"`
	Suggestion string     `json:"suggestion"`
	Adjusted   bool       `json:"adjusted"`
	Score      float64    `json:"score"`
	Percent    int        `json:"percent"`
	Kind       string     `json:"kind"`
	Origin     string     `json:"origin,omitempty"`
	Changed    *time.Time `json:"changed,omitempty"`
	ChangedBy  string     `json:"changed_by,omitempty"`
	Diff       []diffJSON `json:"diff,omitempty"`
}

type diffJSON struct {
	Query  spanJSON `json:"query"`
	Source spanJSON `json:"source"`
}

// spanJSON locates text in code points, as JSON clients (JavaScript, Python) index strings.
type spanJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

func span(s string, start, end int) spanJSON {
	return spanJSON{Start: utf8.RuneCountInString(s[:start]), End: utf8.RuneCountInString(s[:end]), Text: s[start:end]}
}

// lookup runs a TM query from the request's text and languages, answering 400 itself on bad input.
func (s *Server) lookup(w http.ResponseWriter, r *http.Request, text string, src, tgt language.Tag, minScore float64, limit int) ([]tm.Match, bool) {
	if strings.TrimSpace(text) == "" {
		s.fail(w, r, http.StatusBadRequest, "missing_text", "the query text is empty")
		return nil, false
	}
	if len(text) > s.cfg.MaxQuery {
		s.fail(w, r, http.StatusBadRequest, "text_too_long", fmt.Sprintf("query text is %d bytes; the limit is %d", len(text), s.cfg.MaxQuery))
		return nil, false
	}
	if !utf8.ValidString(text) {
		s.fail(w, r, http.StatusBadRequest, "bad_text", "query text is not valid UTF-8")
		return nil, false
	}
	ms, err := s.cfg.Memory.Lookup(r.Context(), tm.Query{Text: text, Pair: tm.LangPair{Source: src, Target: tgt}, MinScore: minScore, Limit: limit})
	switch {
	case errors.Is(err, tm.ErrSameLanguage) || errors.Is(err, tm.ErrNoPair):
		s.fail(w, r, http.StatusBadRequest, "bad_language_pair", err.Error())
		return nil, false
	case err != nil:
		s.fail(w, r, http.StatusInternalServerError, "lookup_failed", err.Error())
		return nil, false
	}
	return ms, true
}

func (s *Server) tmLookup(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	src, tgt, ok := s.langs(w, r, q.Get("src"), q.Get("tgt"))
	if !ok {
		return
	}
	minScore, limit, ok := s.minLimit(w, r, q.Get("min"), q.Get("limit"))
	if !ok {
		return
	}
	ms, ok := s.lookup(w, r, q.Get("q"), src, tgt, minScore, limit)
	if !ok {
		return
	}
	out := make([]matchJSON, 0, len(ms))
	for _, m := range ms {
		mj := matchJSON{ID: m.Unit.ID, Source: m.Unit.Source, Target: m.Unit.Target, Suggestion: m.Suggestion,
			Adjusted: m.Adjusted, Score: m.Score, Percent: m.Percent, Kind: m.Kind.String(), Origin: m.Unit.Origin,
			ChangedBy: m.Unit.ChangedBy}
		if !m.Unit.Changed.IsZero() {
			t := m.Unit.Changed
			mj.Changed = &t
		}
		for _, d := range m.Diff {
			mj.Diff = append(mj.Diff, diffJSON{Query: span(q.Get("q"), d.QueryStart, d.QueryEnd), Source: span(m.Unit.Source, d.SourceStart, d.SourceEnd)})
		}
		out = append(out, mj)
	}
	writeJSON(w, http.StatusOK, map[string]any{"matches": out})
}

func (s *Server) langs(w http.ResponseWriter, r *http.Request, a, b string) (src, tgt language.Tag, ok bool) {
	var err error
	if src, err = parseLang(a); err != nil {
		s.fail(w, r, http.StatusBadRequest, "bad_language", "src: "+err.Error())
		return src, tgt, false
	}
	if tgt, err = parseLang(b); err != nil {
		s.fail(w, r, http.StatusBadRequest, "bad_language", "tgt: "+err.Error())
		return src, tgt, false
	}
	return src, tgt, true
}

// minLimit parses the optional min (0–1, or a percentage 1–100) and limit (1–100) parameters.
func (s *Server) minLimit(w http.ResponseWriter, r *http.Request, minS, limitS string) (float64, int, bool) {
	var minScore float64
	if minS != "" {
		v, err := strconv.ParseFloat(minS, 64)
		if err != nil || math.IsNaN(v) || v < 0 || v > 100 {
			s.fail(w, r, http.StatusBadRequest, "bad_min", "min must be a score from 0 to 1 (or a percentage up to 100)")
			return 0, 0, false
		}
		if v > 1 {
			v /= 100
		}
		minScore = v
	}
	limit := 5
	if limitS != "" {
		v, err := strconv.Atoi(limitS)
		if err != nil || v < 1 || v > 100 {
			s.fail(w, r, http.StatusBadRequest, "bad_limit", "limit must be a whole number from 1 to 100")
			return 0, 0, false
		}
		limit = v
	}
	return minScore, limit, true
}

func (s *Server) tmUnits(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	s.importBody(w, r, tm.ImportOptions{Format: tm.FormatWeblate, Origin: r.URL.Query().Get("origin")})
}

func (s *Server) tmImport(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxImportBody)
	q := r.URL.Query()
	f, err := tm.ParseFormat(q.Get("format"))
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, "bad_format", err.Error())
		return
	}
	p, ok := s.optionalPair(w, r)
	if !ok {
		return
	}
	s.importBody(w, r, tm.ImportOptions{Format: f, Pair: p, Origin: q.Get("origin"), Lenient: q.Get("lenient") == "true"})
}

// optionalPair reads the src and tgt parameters, which are optional together: neither gives the zero
// LangPair (every direction). On a bad language it answers 400 itself.
func (s *Server) optionalPair(w http.ResponseWriter, r *http.Request) (tm.LangPair, bool) {
	q := r.URL.Query()
	if q.Get("src") == "" && q.Get("tgt") == "" {
		return tm.LangPair{}, true
	}
	src, tgt, ok := s.langs(w, r, q.Get("src"), q.Get("tgt"))
	return tm.LangPair{Source: src, Target: tgt}, ok
}

func (s *Server) importBody(w http.ResponseWriter, r *http.Request, o tm.ImportOptions) {
	st, err := s.cfg.Memory.Import(r.Context(), r.Body, o)
	if err != nil {
		// Batches committed before the error stay stored; the client learns how far the import got.
		s.failErr(w, r, http.StatusBadRequest, "bad_input", fmt.Errorf("%w (committed before the error: %d added, %d merged)", err, st.Added, st.Merged))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"format": st.Format.String(), "read": st.Read, "added": st.Added,
		"merged": st.Merged, "skipped": st.Skipped, "units": s.cfg.Memory.Len()})
}

func (s *Server) tmExport(w http.ResponseWriter, r *http.Request) {
	f, err := tm.ParseFormat(r.URL.Query().Get("format"))
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, "bad_format", err.Error())
		return
	}
	if f == tm.FormatAuto {
		f = tm.FormatTMX
	}
	p, ok := s.optionalPair(w, r)
	if !ok {
		return
	}
	// Export into a temporary file first: the memory is read-locked while it exports, and a client that
	// stops reading must not hold that lock (and with it every writer) hostage. Errors then still get a
	// proper status, since nothing has been sent yet.
	tmp, err := os.CreateTemp("", "tarjuman-export-*")
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "export_failed", err.Error())
		return
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	err = s.cfg.Memory.Export(r.Context(), tmp, f, p)
	switch {
	case errors.Is(err, tm.ErrSameLanguage) || errors.Is(err, tm.ErrNoPair) || (err != nil && f == tm.FormatTSV && p == tm.LangPair{}):
		s.fail(w, r, http.StatusBadRequest, "bad_language_pair", err.Error())
		return
	case err != nil:
		s.fail(w, r, http.StatusInternalServerError, "export_failed", err.Error())
		return
	}
	size, err := tmp.Seek(0, io.SeekCurrent)
	if err == nil {
		_, err = tmp.Seek(0, io.SeekStart)
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "export_failed", err.Error())
		return
	}
	ct := map[tm.Format]string{tm.FormatTMX: "application/x-tmx+xml", tm.FormatTSV: "text/tab-separated-values", tm.FormatWeblate: "application/json"}[f]
	w.Header().Set("Content-Type", ct+"; charset=utf-8")
	w.Header().Set("Content-Length", strconv.FormatInt(size, 10))
	if _, err := io.Copy(w, tmp); err != nil {
		s.cfg.Logger.Warn("export not delivered", "err", err)
	}
}

type hitJSON struct {
	ID     string   `json:"id"`
	Side   string   `json:"side"`
	Match  spanJSON `json:"match"`
	Left   string   `json:"left"`
	Right  string   `json:"right"`
	Source string   `json:"source"`
	Target string   `json:"target"`
}

func (s *Server) tmConcordance(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	phrase := q.Get("q")
	if strings.TrimSpace(phrase) == "" || len(phrase) > s.cfg.MaxQuery || !utf8.ValidString(phrase) {
		s.fail(w, r, http.StatusBadRequest, "bad_query", fmt.Sprintf("q must be 1 to %d bytes of UTF-8 text", s.cfg.MaxQuery))
		return
	}
	var o tm.ConcordanceOptions
	var ok bool
	if o.Pair, ok = s.optionalPair(w, r); !ok {
		return
	}
	if l := q.Get("limit"); l != "" {
		v, err := strconv.Atoi(l)
		if err != nil || v < 1 || v > 1000 {
			s.fail(w, r, http.StatusBadRequest, "bad_limit", "limit must be a whole number from 1 to 1000")
			return
		}
		o.Limit = v
	}
	hits, err := s.cfg.Memory.Concordance(r.Context(), phrase, o)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "concordance_failed", err.Error())
		return
	}
	out := make([]hitJSON, 0, len(hits))
	for _, h := range hits {
		text := h.Unit.Source
		if h.Side != tm.SourceSide {
			text = h.Unit.Target
		}
		out = append(out, hitJSON{ID: h.Unit.ID, Side: h.Side.String(), Match: span(text, h.Start, h.End), Left: h.Left,
			Right: h.Right, Source: h.Unit.Source, Target: h.Unit.Target})
	}
	writeJSON(w, http.StatusOK, map[string]any{"hits": out})
}

type textRequest struct {
	Text        string `json:"text"`
	Source      string `json:"source"`
	Translation string `json:"translation"`
	Src         string `json:"src"`
	Tgt         string `json:"tgt"`
}

type termJSON struct {
	Text   string `json:"text"`
	Lang   string `json:"lang"`
	Status string `json:"status,omitempty"`
}

type annotationJSON struct {
	spanJSON
	Entry   string     `json:"entry"`
	Term    termJSON   `json:"term"`
	Targets []termJSON `json:"targets"`
}

func terms(ts []glossary.Term) []termJSON {
	out := make([]termJSON, 0, len(ts))
	for _, t := range ts {
		out = append(out, termJSON{Text: t.Text, Lang: t.Lang.String(), Status: t.Status.String()})
	}
	return out
}

func annotation(text string, m glossary.Match) annotationJSON {
	return annotationJSON{spanJSON: span(text, m.Start, m.End), Entry: m.Entry.ID,
		Term: termJSON{Text: m.Source.Text, Lang: m.Source.Lang.String(), Status: m.Source.Status.String()}, Targets: terms(m.Targets)}
}

// decodeText reads a JSON body of a glossary request with its languages.
func (s *Server) decodeText(w http.ResponseWriter, r *http.Request) (req textRequest, src, tgt language.Tag, ok bool) {
	dec := json.NewDecoder(r.Body)
	if err := dec.Decode(&req); err != nil {
		s.failErr(w, r, http.StatusBadRequest, "bad_json", fmt.Errorf("request body: %w", err))
		return req, src, tgt, false
	}
	if dec.More() {
		s.fail(w, r, http.StatusBadRequest, "bad_json", "request body: data after the JSON object")
		return req, src, tgt, false
	}
	if src, tgt, ok = s.langs(w, r, req.Src, req.Tgt); !ok {
		return req, src, tgt, false
	}
	// Matchers are compiled per language pair and cached by the glossary: only its own languages (by
	// base language) may be asked for, so clients cannot grow that cache without bound.
	sb, _ := src.Base()
	tb, _ := tgt.Base()
	for _, l := range []language.Base{sb, tb} {
		if !s.glossLangs[l] {
			s.fail(w, r, http.StatusBadRequest, "bad_language", fmt.Sprintf("the glossary has no terms in %s", l))
			return req, src, tgt, false
		}
	}
	if sameLanguage(src, tgt) {
		s.fail(w, r, http.StatusBadRequest, "bad_language_pair", "src and tgt are the same language")
		return req, src, tgt, false
	}
	return req, language.Make(sb.String()), language.Make(tb.String()), true
}

func (s *Server) glossaryAnnotate(w http.ResponseWriter, r *http.Request) {
	req, src, tgt, ok := s.decodeText(w, r)
	if !ok {
		return
	}
	ms := s.cfg.Glossary.Matcher(src, tgt).FindAll(req.Text)
	out := make([]annotationJSON, 0, len(ms))
	for _, m := range ms {
		out = append(out, annotation(req.Text, m))
	}
	writeJSON(w, http.StatusOK, map[string]any{"matches": out})
}

func (s *Server) glossaryCheck(w http.ResponseWriter, r *http.Request) {
	req, src, tgt, ok := s.decodeText(w, r)
	if !ok {
		return
	}
	type issueJSON struct {
		Kind     string         `json:"kind"`
		Message  string         `json:"message"`
		Match    annotationJSON `json:"match"`
		Expected []termJSON     `json:"expected"`
	}
	issues := s.cfg.Glossary.Check(src, tgt, req.Source, req.Translation)
	out := make([]issueJSON, 0, len(issues))
	for _, is := range issues {
		text := req.Source
		if is.Kind == glossary.UnwantedTarget {
			text = req.Translation
		}
		out = append(out, issueJSON{Kind: is.Kind.String(), Message: is.Message, Match: annotation(text, is.Match), Expected: terms(is.Expected)})
	}
	writeJSON(w, http.StatusOK, map[string]any{"issues": out})
}
