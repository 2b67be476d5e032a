package bench

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tarjuman/tarjuman/server"
)

// BenchmarkServeLoad is the HTTP load run of cmd/tarjuman serve's API on loopback: 16 concurrent clients
// send 20,000 /v1/tm/lookup requests (perturbed real sources, both directions) to a server over a store of
// TARJUMAN_SERVE_SIZE units (default 300,000) built as in the TM benchmarks. Bounded in count; every
// request must answer 200.
//
//	cd bench && TARJUMAN_PAIRS=/path/pairs.tsv go test -run '^$' -bench ServeLoad -benchtime 1x -timeout 1h .
func BenchmarkServeLoad(b *testing.B) {
	const clients, requests = 16, 20000
	s := getTMSet(b, envInt("TARJUMAN_SERVE_SIZE", 300000))
	ts := httptest.NewServer(server.New(server.Config{Memory: s.m}))
	defer ts.Close()
	var urls []string
	for _, d := range s.dirs {
		for _, q := range d.queries {
			v := url.Values{"q": {q.Text}, "src": {q.Pair.Source.String()}, "tgt": {q.Pair.Target.String()}, "limit": {"5"}}
			urls = append(urls, ts.URL+"/v1/tm/lookup?"+v.Encode())
		}
	}
	transport := &http.Transport{MaxIdleConnsPerHost: clients}
	client := &http.Client{Transport: transport, Timeout: 30 * time.Second}
	for b.Loop() {
		lat := make([]time.Duration, requests)
		var next, failed atomic.Int64
		var wg sync.WaitGroup
		start := time.Now()
		for range clients {
			wg.Go(func() {
				for {
					i := next.Add(1) - 1
					if i >= requests {
						return
					}
					t0 := time.Now()
					resp, err := client.Get(urls[int(i)%len(urls)])
					if err != nil {
						failed.Add(1)
						continue
					}
					var body struct{ Matches []json.RawMessage }
					if json.NewDecoder(resp.Body).Decode(&body) != nil || resp.StatusCode != http.StatusOK {
						failed.Add(1)
					}
					resp.Body.Close()
					lat[i] = time.Since(t0)
				}
			})
		}
		wg.Wait()
		elapsed := time.Since(start)
		slices.Sort(lat)
		b.ReportMetric(float64(requests)/elapsed.Seconds(), "req/s")
		b.ReportMetric(float64(lat[requests/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(lat[requests*99/100].Microseconds())/1000, "p99-ms")
		b.ReportMetric(float64(failed.Load()), "errors")
		b.ReportMetric(float64(s.units), "units")
	}
	transport.CloseIdleConnections()
}
