package server

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/tm"
)

// Config says what a Server serves and how it guards itself. The zero value serves nothing but /healthz.
type Config struct {
	// Memory answers the /v1/tm, /tmserver and /mymemory endpoints; nil disables them (404).
	Memory *tm.Memory
	// Glossary answers /v1/glossary; nil disables it (404).
	Glossary *glossary.Glossary
	// Token, when set, is required as "Authorization: Bearer <Token>" on every endpoint but /healthz.
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
	cfg Config
	mux *http.ServeMux
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
	s := &Server{cfg: c, mux: http.NewServeMux()}
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
	if s.cfg.Token != "" && r.URL.Path != "/healthz" && !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="tarjuman"`)
		s.fail(w, r, http.StatusUnauthorized, "unauthorized", "missing or wrong bearer token")
		return
	}
	s.mux.ServeHTTP(w, r)
}

func (s *Server) authorized(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if !ok {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(tok), []byte(s.cfg.Token)) == 1
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
