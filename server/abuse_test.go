package server

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// abuseServer runs a Server behind its own HTTPServer settings on loopback, with short timeouts so the
// tests stay quick.
func abuseServer(t *testing.T, c Config) (*Server, string) {
	t.Helper()
	c = seedConfig(t, c)
	if c.ReadHeaderTimeout == 0 {
		c.ReadHeaderTimeout = 300 * time.Millisecond
	}
	c.RequestTimeout = time.Second
	s := New(c)
	ts := httptest.NewUnstartedServer(nil)
	ts.Config = s.HTTPServer()
	ts.Start()
	t.Cleanup(ts.Close)
	return s, ts.Listener.Addr().String()
}

// rawStatus sends a raw HTTP/1.1 request and returns the status code the server answered.
func rawStatus(t *testing.T, addr, request string) int {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(10*time.Second)))
	_, err = io.WriteString(conn, request)
	require.NoError(t, err)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	resp.Body.Close()
	return resp.StatusCode
}

func legitLookup(t *testing.T, addr string) {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/v1/tm/lookup?" + url.Values{"q": {title}, "src": {"ar"}, "tgt": {"en"}}.Encode())
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
}

func TestAbuseSlowHeaders(t *testing.T) {
	_, addr := abuseServer(t, Config{})
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	_, err = io.WriteString(conn, "GET /healthz HTTP/1.1\r\nHost: x\r\n")
	require.NoError(t, err)
	start := time.Now()
	closed := false
	for i := 0; i < 40 && !closed; i++ { // at most 4 s of trickling
		time.Sleep(100 * time.Millisecond)
		if _, err := fmt.Fprintf(conn, "X-Slow-%d: a\r\n", i); err != nil {
			closed = true
		}
		_ = conn.SetReadDeadline(time.Now().Add(time.Millisecond))
		var b [1]byte
		if _, err := conn.Read(b[:]); err != nil && !isTimeout(err) {
			closed = true
		}
	}
	assert.True(t, closed, "a client trickling headers is cut off")
	assert.Less(t, time.Since(start), 3*time.Second)
	legitLookup(t, addr)
}

// TestAbuseSlowBody: a client that declares a body and never sends it is cut off by the request deadline.
func TestAbuseSlowBody(t *testing.T) {
	_, addr := abuseServer(t, Config{})
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	_, err = io.WriteString(conn, "POST /v1/glossary/annotate HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"text\":")
	require.NoError(t, err)
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(5*time.Second)))
	start := time.Now()
	b, err := io.ReadAll(conn)
	require.NoError(t, err, "the server closes the connection before our 5 s deadline")
	assert.Less(t, time.Since(start), 4*time.Second)
	if len(b) > 0 { // it may also answer before closing; never with a 5xx
		assert.NotContains(t, string(b[:min(len(b), 12)]), " 5")
	}
	legitLookup(t, addr)
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}

func TestAbuseMalformedRequests(t *testing.T) {
	_, addr := abuseServer(t, Config{MaxBody: 1024, MaxImportBody: 4096})
	for name, req := range map[string]string{
		"bad_escape_in_tmserver_path": "GET /tmserver/ar/en/unit/%zz%D8 HTTP/1.1\r\nHost: x\r\n\r\n",
		"truncated_utf8_escape":       "GET /tmserver/ar/en/unit/%D8 HTTP/1.1\r\nHost: x\r\n\r\n",
		"bad_escape_in_query":         "GET /v1/tm/lookup?q=%zz&src=ar&tgt=en HTTP/1.1\r\nHost: x\r\n\r\n",
		"huge_header":                 "GET /healthz HTTP/1.1\r\nHost: x\r\nX: " + strings.Repeat("a", 100<<10) + "\r\n\r\n",
		"oversized_units_body":        "POST /v1/tm/units HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n[" + strings.Repeat(" ", 4999),
		"oversized_import_body":       "POST /v1/tm/import?format=tsv HTTP/1.1\r\nHost: x\r\nContent-Length: 10000\r\n\r\n" + strings.Repeat("a\tb\n", 2500),
		"unknown_method":              "BREW /v1/tm/lookup HTTP/1.1\r\nHost: x\r\n\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			status := rawStatus(t, addr, req)
			assert.GreaterOrEqual(t, status, 400)
			assert.Less(t, status, 500)
		})
	}
	legitLookup(t, addr)
}

func TestAbuseWrongToken(t *testing.T) {
	_, addr := abuseServer(t, Config{Token: "s3cret"})
	for _, auth := range []string{"", "Authorization: Bearer\r\n", "Authorization: Bearer s3cre\r\n", "Authorization: Basic czNjcmV0\r\n"} {
		assert.Equal(t, http.StatusUnauthorized, rawStatus(t, addr, "GET /tmserver/ar/en/unit/x HTTP/1.1\r\nHost: x\r\n"+auth+"\r\n"), auth)
	}
	assert.Equal(t, http.StatusOK, rawStatus(t, addr, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"))
	assert.Equal(t, http.StatusOK, rawStatus(t, addr, "GET /tmserver/ar/en/unit/x HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cret\r\n\r\n"))
}

// TestAbuseManyConnections opens 1,000 connections at once, each asking one lookup, and checks every one
// is answered and the heap stays bounded.
func TestAbuseManyConnections(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 connections")
	}
	// The default header timeout: with 1,000 connections arriving at once (and the race detector on) a
	// server goroutine may take longer than the 300 ms of the slow-client tests to get to a request.
	_, addr := abuseServer(t, Config{ReadHeaderTimeout: 10 * time.Second})
	const n = 1000
	req := "GET /tmserver/ar/en/unit/" + url.PathEscape(title) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
	var wg sync.WaitGroup
	statuses := make([]int, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			conn, err := net.DialTimeout("tcp", addr, 10*time.Second)
			if err != nil {
				errs[i] = err
				return
			}
			defer conn.Close()
			_ = conn.SetDeadline(time.Now().Add(60 * time.Second))
			if _, err := io.WriteString(conn, req); err != nil {
				errs[i] = err
				return
			}
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				errs[i] = err
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			statuses[i] = resp.StatusCode
		})
	}
	wg.Wait()
	ok := 0
	var firstErr error
	for i := range n {
		if errs[i] == nil && statuses[i] == http.StatusOK {
			ok++
		} else if firstErr == nil {
			firstErr = fmt.Errorf("status %d, err %v", statuses[i], errs[i])
		}
	}
	if firstErr != nil {
		t.Logf("first failure: %v", firstErr)
	}
	assert.Equal(t, n, ok, "every connection answered 200")
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	assert.Less(t, ms.HeapInuse, uint64(256<<20), "heap after 1,000 connections")
	legitLookup(t, addr)
}
