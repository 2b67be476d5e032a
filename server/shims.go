package server

import (
	"math"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Weblate's "tmserver" machinery (the protocol of translate-toolkit's tmserver and amaGama) asks
// /tmserver/languages/ once and then /tmserver/{src}/{tgt}/unit/{text} per string, with the text
// percent-encoded ("/" as %2F) and languages as Weblate writes them ("pt_BR"). Weblate switches a service
// off for 30 minutes on 429 or 503, so "no match" is always 200 with an empty list.

// tmserverMinScore is the lowest match quality sent to Weblate, which shows anything it gets.
const tmserverMinScore = 0.5

func (s *Server) tmserverLanguages(w http.ResponseWriter, r *http.Request) {
	pairs, err := s.cfg.Memory.Pairs(r.Context())
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "languages_failed", err.Error())
		return
	}
	src, tgt := []string{}, []string{}
	seenSrc, seenTgt := map[string]bool{}, map[string]bool{}
	for _, p := range pairs {
		for _, l := range []struct {
			t    language.Tag
			list *[]string
			seen map[string]bool
		}{{p.Source, &src, seenSrc}, {p.Target, &tgt, seenTgt}} {
			code := strings.ReplaceAll(l.t.String(), "-", "_")
			if !l.seen[code] {
				l.seen[code] = true
				*l.list = append(*l.list, code)
			}
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"sourceLanguages": src, "targetLanguages": tgt})
}

type tmserverUnit struct {
	Source  string `json:"source"`
	Target  string `json:"target"`
	Quality int    `json:"quality"`
	Rank    int    `json:"rank"`
}

// tmserverPath serves GET /tmserver/{src}/{tgt}/unit/{text} from the escaped path, so that any text,
// "/", "." and ".." included, arrives intact. It reports false for other /tmserver/ paths.
func (s *Server) tmserverPath(w http.ResponseWriter, r *http.Request) bool {
	rest := strings.TrimPrefix(r.URL.EscapedPath(), "/tmserver/")
	parts := strings.SplitN(rest, "/", 4)
	if len(parts) != 4 || parts[2] != "unit" {
		return false
	}
	text, err := url.PathUnescape(parts[3])
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, "bad_text", "the text is not properly percent-encoded")
		return true
	}
	src, errS := url.PathUnescape(parts[0])
	tgt, errT := url.PathUnescape(parts[1])
	if errS != nil || errT != nil {
		s.fail(w, r, http.StatusBadRequest, "bad_language", "the language codes are not properly percent-encoded")
		return true
	}
	s.needTM(func(w http.ResponseWriter, r *http.Request) { s.tmserverUnit(w, r, src, tgt, text) })(w, r)
	return true
}

func (s *Server) tmserverUnit(w http.ResponseWriter, r *http.Request, srcCode, tgtCode, text string) {
	src, tgt, ok := s.langs(w, r, srcCode, tgtCode)
	if !ok {
		return
	}
	// Weblate asks every source × target pair that /languages/ offers, including en → en_GB and other
	// pairs this memory cannot answer: those get "no match", never an error, which Weblate would count
	// against the service.
	if sameLanguage(src, tgt) || src == language.Und || tgt == language.Und {
		writeJSON(w, http.StatusOK, []tmserverUnit{})
		return
	}
	ms, ok := s.lookup(w, r, text, src, tgt, tmserverMinScore, 10)
	if !ok {
		return
	}
	out := make([]tmserverUnit, 0, len(ms))
	for i, m := range ms {
		out = append(out, tmserverUnit{Source: m.Unit.Source, Target: m.Suggestion, Quality: quality(m.Score), Rank: i + 1})
	}
	writeJSON(w, http.StatusOK, out)
}

// quality is a 0–100 integer match quality.
func quality(score float64) int { return int(math.Round(100 * min(max(score, 0), 1))) }

// MyMemory's "get" API: GET /get?q=TEXT&langpair=SRC|TGT. Clients read responseData.translatedText and
// matches[]; responseStatus mirrors the HTTP status.

type myMemoryMatch struct {
	ID             string  `json:"id"`
	Segment        string  `json:"segment"`
	Translation    string  `json:"translation"`
	Source         string  `json:"source"`
	Target         string  `json:"target"`
	Quality        int     `json:"quality"`
	Reference      string  `json:"reference"`
	UsageCount     int     `json:"usage-count"`
	Subject        string  `json:"subject"`
	CreatedBy      string  `json:"created-by"`
	LastUpdatedBy  string  `json:"last-updated-by"`
	CreateDate     string  `json:"create-date"`
	LastUpdateDate string  `json:"last-update-date"`
	Match          float64 `json:"match"`
}

type myMemoryResponse struct {
	ResponseData struct {
		TranslatedText string  `json:"translatedText"`
		Match          float64 `json:"match"`
	} `json:"responseData"`
	QuotaFinished   bool            `json:"quotaFinished"`
	MTLangSupported *bool           `json:"mtLangSupported"`
	ResponseDetails string          `json:"responseDetails"`
	ResponseStatus  int             `json:"responseStatus"`
	ResponderID     *string         `json:"responderId"`
	ExceptionCode   *int            `json:"exception_code"`
	Matches         []myMemoryMatch `json:"matches"`
	Error           *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

const myMemoryTime = "2006-01-02 15:04:05"

func (s *Server) mymemoryGet(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	fail := func(code, msg string) {
		resp := myMemoryResponse{ResponseDetails: msg, ResponseStatus: http.StatusBadRequest, Matches: []myMemoryMatch{}}
		resp.Error = &struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		}{code, msg}
		writeJSON(w, http.StatusBadRequest, resp)
	}
	text := q.Get("q")
	if strings.TrimSpace(text) == "" {
		fail("missing_text", "the q parameter is missing or empty")
		return
	}
	if len(text) > s.cfg.MaxQuery || !utf8.ValidString(text) {
		fail("bad_text", "the q parameter is too long or not valid UTF-8")
		return
	}
	src, tgt, err := parseLangPair(q.Get("langpair"))
	if err != nil {
		fail("bad_langpair", err.Error())
		return
	}
	if sameLanguage(src, tgt) {
		fail("bad_langpair", "source and target are the same language")
		return
	}
	ms, ok := s.lookup(w, r, text, src, tgt, tmserverMinScore, 10)
	if !ok {
		return
	}
	resp := myMemoryResponse{ResponseStatus: http.StatusOK, Matches: make([]myMemoryMatch, 0, len(ms))}
	for _, m := range ms {
		mm := myMemoryMatch{ID: m.Unit.ID, Segment: m.Unit.Source, Translation: m.Suggestion, Source: src.String(),
			Target: tgt.String(), Quality: quality(m.Score), Match: m.Score, UsageCount: m.Unit.UsageCount, Subject: "All",
			Reference: m.Unit.Origin,
			CreatedBy: m.Unit.CreatedBy, LastUpdatedBy: m.Unit.ChangedBy}
		if !m.Unit.Created.IsZero() {
			mm.CreateDate = m.Unit.Created.UTC().Format(myMemoryTime)
		}
		if !m.Unit.Changed.IsZero() {
			mm.LastUpdateDate = m.Unit.Changed.UTC().Format(myMemoryTime)
		}
		resp.Matches = append(resp.Matches, mm)
	}
	if len(ms) > 0 {
		resp.ResponseData.TranslatedText = ms[0].Suggestion
		resp.ResponseData.Match = ms[0].Score
	}
	writeJSON(w, http.StatusOK, resp)
}
