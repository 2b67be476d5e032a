// Command tmserver embeds tarjuman's HTTP API in a Go program: it loads the seed article's translation
// memory and glossary into RAM, serves them on a loopback port, and (unless -serve is given) asks its own
// server the questions Weblate and a MyMemory client would, printing the answers.
//
//	go run ./examples/tmserver            # demo requests, then exit
//	go run ./examples/tmserver -serve     # keep serving on 127.0.0.1:8765 until Ctrl-C
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"time"

	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/internal/sample"
	"github.com/tarjuman/tarjuman/server"
	"github.com/tarjuman/tarjuman/tm"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout); err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "tmserver:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, _ io.Reader, w io.Writer) error {
	fs := flag.NewFlagSet("tmserver", flag.ContinueOnError)
	serve := fs.Bool("serve", false, "keep serving until interrupted instead of running the demo requests")
	addr := fs.String("addr", "127.0.0.1:8765", "listen address with -serve")
	if err := fs.Parse(args); err != nil {
		return err
	}
	mem := tm.NewMemory(nil)
	defer mem.Close()
	if _, err := mem.Import(ctx, bytes.NewReader(sample.File("seed_parallel.tmx")), tm.ImportOptions{}); err != nil {
		return err
	}
	g, err := glossary.ReadCSV(bytes.NewReader(sample.File("glossary_seed.tsv")), glossary.HeadedTSV)
	if err != nil {
		return err
	}
	if !*serve {
		*addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := server.New(server.Config{Memory: mem, Glossary: g}).HTTPServer()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	defer func() {
		// Let requests in flight finish before the memory closes.
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	base := "http://" + ln.Addr().String()
	if *serve {
		fmt.Fprintf(w, "serving %d units and %d glossary entries on %s\n", mem.Len(), g.Len(), base)
		select {
		case <-ctx.Done():
			return nil
		case err := <-served:
			return err
		}
	}
	for _, path := range []string{
		"/tmserver/ar/en/unit/" + url.PathEscape("الكرملين: بوتين أكد لبايدن أن روسيا تريد النتيجة من مفاوضات الضمانات الأمنيّة"),
		"/mymemory/get?" + url.Values{"q": {"The Russian side warned that imposing sanctions on Moscow would have serious consequences."}, "langpair": {"en|ar"}}.Encode(),
		"/v1/tm/concordance?q=sanctions&limit=1",
	} {
		body, err := fetch(ctx, base+path)
		if err != nil {
			return err
		}
		shown, _ := url.PathUnescape(path) // readable in the output; the request went out escaped
		fmt.Fprintf(w, "GET %s\n%s\n", shown, body)
	}
	return nil
}

func fetch(ctx context.Context, u string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = errors.New(resp.Status)
	}
	return string(bytes.TrimSpace(b)), err
}
