package server

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"

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
	s := &Server{cfg: c, mux: http.NewServeMux()}
	s.routes()
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
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
