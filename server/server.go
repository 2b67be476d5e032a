package server

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/tm"
	"golang.org/x/text/language"
)

// Config says what a Server serves and how it guards itself. The zero value serves nothing but /healthz.
type Config struct {
	// Memory answers the /v1/tm, /tmserver and /mymemory endpoints; nil disables them (404).
	Memory *tm.Memory
	// Glossary answers /v1/glossary; nil disables it (404).
	Glossary *glossary.Glossary
	// Token, when set, is required on every endpoint but /healthz: as "Authorization: Bearer <Token>",
	// as the password of HTTP Basic authentication, or as a path prefix /t/<Token>/ (for clients such as
	// Weblate that take only a URL).
	Token string
	// MaxBody limits request bodies (default 1 MiB); MaxImportBody limits /v1/tm/import (default 64 MiB).
	MaxBody, MaxImportBody int64
	// MaxQuery limits the length of query text in bytes (default 4096); longer queries get 400.
	MaxQuery int
	// Logger receives one line per failed request; nil discards.
	Logger *slog.Logger

	// ReadHeaderTimeout bounds how long a client may take to send its request headers (default 10 s):
	// slow clients that trickle headers are cut off. Used by HTTPServer.
	ReadHeaderTimeout time.Duration
	// RequestTimeout bounds reading a request body and writing a response (default 1 min); imports and
	// exports get ImportTimeout instead (default 30 min).
	RequestTimeout, ImportTimeout time.Duration
}

// Server is the HTTP JSON API. It is an http.Handler and is safe for concurrent use.
type Server struct {
	cfg        Config
	mux        *http.ServeMux
	glossLangs map[language.Base]bool // base languages the glossary has terms in
}

// New returns a Server for c.
func New(c Config) *Server {
	if c.MaxBody <= 0 {
		c.MaxBody = 1 << 20
	}
	if c.MaxImportBody <= 0 {
		c.MaxImportBody = 64 << 20
	}
	if c.MaxQuery <= 0 {
		c.MaxQuery = 4096
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.ReadHeaderTimeout <= 0 {
		c.ReadHeaderTimeout = 10 * time.Second
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = time.Minute
	}
	if c.ImportTimeout <= 0 {
		c.ImportTimeout = 30 * time.Minute
	}
	s := &Server{cfg: c, mux: http.NewServeMux(), glossLangs: map[language.Base]bool{}}
	if c.Glossary != nil {
		for _, e := range c.Glossary.All() {
			for _, t := range e.Terms {
				b, _ := t.Lang.Base()
				s.glossLangs[b] = true
			}
		}
	}
	s.routes()
	return s
}

// HTTPServer returns an http.Server for s with the timeouts a server exposed to many clients needs: header
// read timeout, idle timeout and a header size limit. Per-request read and write deadlines are set by
// ServeHTTP itself. Set Addr (or call Serve with a listener) and the server is ready.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.cfg.Logger.Handler(), slog.LevelWarn),
	}
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Deadlines per request rather than per server, so a long import does not force long timeouts on
	// lookups. Writers that cannot take deadlines (httptest.ResponseRecorder) simply run without them.
	d := s.cfg.RequestTimeout
	if r.URL.Path == "/v1/tm/import" || r.URL.Path == "/v1/tm/export" {
		d = s.cfg.ImportTimeout
	}
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Now().Add(d))
	_ = rc.SetWriteDeadline(time.Now().Add(d))

	authorized := s.cfg.Token == ""
	if !authorized {
		var ok bool
		if r, ok = s.authorize(r); ok {
			authorized = true
		} else if r.URL.Path != "/healthz" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="tarjuman"`)
			s.fail(w, r, http.StatusUnauthorized, "unauthorized", "missing or wrong token")
			return
		}
	}
	if r.URL.Path == "/healthz" {
		s.healthz(w, r, authorized)
		return
	}
	// Weblate quotes the text of /tmserver/{src}/{tgt}/unit/{text} with nothing safe but letters, digits
	// and "_.-~", so a text of "." or ".." arrives as a path segment that ServeMux would clean away.
	// These paths are split from the escaped form here instead.
	if strings.HasPrefix(r.URL.Path, "/tmserver/") && r.Method == http.MethodGet && s.tmserverPath(w, r) {
		return
	}
	h, pattern := s.mux.Handler(r)
	if pattern == "" {
		// ServeMux's own 404, 405 (with Allow) or redirect; answer it in our JSON error shape.
		rec := &statusRecorder{header: http.Header{}}
		h.ServeHTTP(rec, r)
		switch rec.status {
		case http.StatusMethodNotAllowed:
			w.Header().Set("Allow", rec.header.Get("Allow"))
			s.fail(w, r, http.StatusMethodNotAllowed, "method_not_allowed", r.Method+" is not allowed on "+r.URL.Path)
		case http.StatusNotFound, 0:
			s.fail(w, r, http.StatusNotFound, "not_found", "no such endpoint: "+r.URL.Path)
		default:
			h.ServeHTTP(w, r)
		}
		return
	}
	h.ServeHTTP(w, r)
}

// statusRecorder catches the status and headers of ServeMux's built-in error handlers.
type statusRecorder struct {
	header http.Header
	status int
}

func (r *statusRecorder) Header() http.Header         { return r.header }
func (r *statusRecorder) Write(b []byte) (int, error) { return len(b), nil }
func (r *statusRecorder) WriteHeader(status int)      { r.status = status }

// authorize accepts the token in any of the forms clients can send: "Authorization: Bearer TOKEN" (any
// case of "Bearer"), HTTP Basic with TOKEN as the password (a URL such as http://x:TOKEN@host/ in tools
// that only take a URL), or a path prefix /t/TOKEN/ (for Weblate, whose tmserver setting is one URL and
// sends no credentials). The prefix is removed from the request it returns.
func (s *Server) authorize(r *http.Request) (*http.Request, bool) {
	if scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " "); ok && strings.EqualFold(scheme, "Bearer") {
		return r, s.tokenOK(strings.TrimSpace(tok))
	}
	if _, pw, ok := r.BasicAuth(); ok {
		return r, s.tokenOK(pw)
	}
	if rest, ok := strings.CutPrefix(r.URL.EscapedPath(), "/t/"); ok {
		tok, path, _ := strings.Cut(rest, "/")
		if !s.tokenOK(tok) {
			return r, false
		}
		r2 := r.Clone(r.Context())
		if err := setEscapedPath(r2.URL, "/"+path); err != nil {
			return r, false
		}
		return r2, true
	}
	return r, false
}

func (s *Server) tokenOK(tok string) bool {
	return subtle.ConstantTimeCompare([]byte(tok), []byte(s.cfg.Token)) == 1
}

func setEscapedPath(u *url.URL, escaped string) error {
	p, err := url.PathUnescape(escaped)
	if err != nil {
		return err
	}
	u.Path, u.RawPath = p, escaped
	return nil
}

// apiError is the body of every error response: {"error":{"code","message"}}.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	var e apiError
	e.Error.Code, e.Error.Message = code, msg
	if status >= 500 {
		s.cfg.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "status", status, "err", msg)
	}
	writeJSON(w, status, e)
}

// failErr maps an error to a status: oversized bodies are 413, everything else the given status.
func (s *Server) failErr(w http.ResponseWriter, r *http.Request, status int, code string, err error) {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		s.fail(w, r, http.StatusRequestEntityTooLarge, "body_too_large", err.Error())
		return
	}
	s.fail(w, r, status, code, err.Error())
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client went away; nothing useful to do
}
