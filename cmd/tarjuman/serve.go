package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/server"
	"github.com/tarjuman/tarjuman/tm"
)

func runServe(ctx context.Context, e env, args []string) error {
	fs := newFlagSet(e, "serve", "",
		"Serves the translation memory and glossary over HTTP: a JSON API plus Weblate tmserver and MyMemory\n"+
			"compatible endpoints. Listens on loopback unless -addr says otherwise; another address needs -token\n"+
			"(clients send Authorization: Bearer TOKEN) or -insecure.")
	db := fs.String("db", defaultDB, "translation memory store `file` (created if missing)")
	gpath := fs.String("glossary", "", "glossary `file` (TBX, or TSV/CSV with a header row)")
	addr := fs.String("addr", "127.0.0.1:8765", "listen `address`")
	token := fs.String("token", "", "require this bearer token on every request but /healthz")
	insecure := fs.Bool("insecure", false, "allow a non-loopback address without -token")
	maxBody := fs.Int64("max-body", 64<<20, "largest import body in `bytes` (other requests: 1 MiB)")
	asJSON := fs.Bool("json", false, "log as JSON lines on stderr")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *token == "" {
		*token = os.Getenv("TARJUMAN_TOKEN") // keeps the token out of the process list
	}
	if err := checkExposure(*addr, *token, *insecure); err != nil {
		return err
	}
	var g *glossary.Glossary
	if *gpath != "" {
		var err error
		if g, err = loadGlossary(*gpath); err != nil {
			return err
		}
	}
	mem, err := tm.Open(*db, nil)
	if err != nil {
		return err
	}
	defer mem.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	var handler slog.Handler = slog.NewTextHandler(e.stderr, nil)
	if *asJSON {
		handler = slog.NewJSONHandler(e.stderr, nil)
	}
	srv := server.New(server.Config{Memory: mem, Glossary: g, Token: *token, MaxImportBody: *maxBody, Logger: slog.New(handler)}).HTTPServer()
	// Requests see a context that is cancelled when the shutdown grace period runs out, so a long import
	// or export stops (its committed batches kept) instead of outliving the store it writes to.
	reqCtx, cancelRequests := context.WithCancel(context.Background())
	defer cancelRequests()
	srv.BaseContext = func(net.Listener) context.Context { return reqCtx }
	fmt.Fprintf(e.stderr, "tarjuman: serving %s (%d units) on http://%s\n", *db, mem.Len(), ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Finish the requests in flight (an import commits or rolls back its batch), then close the store.
	shutdown, cancel := context.WithTimeout(context.Background(), serveGrace)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		cancelRequests()
		srv.Close()
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(e.stderr, "tarjuman: stopped")
	return nil
}

// serveGrace is how long serve waits for requests in flight when told to stop.
const serveGrace = 20 * time.Second

// checkExposure refuses to serve an unauthenticated TM beyond this machine unless told to.
func checkExposure(addr, token string, insecure bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return usageError{fmt.Sprintf("-addr %q: %v", addr, err)}
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	if token == "" && !insecure {
		return usageError{fmt.Sprintf("-addr %s is reachable from other machines: set -token (or -insecure to serve without one)", addr)}
	}
	return nil
}
