package bench

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/tm"
)

const envRSSStore = "TARJUMAN_BENCH_RSS_STORE"

// BenchmarkTMFreshProcessRSS measures what a user's process costs: a new process opens a store built by
// the TM benchmarks, answers lookups in both directions, and reports its peak and current RSS. Nothing of
// the benchmark's own data is in that process.
//
//	cd bench && TARJUMAN_PAIRS=… TARJUMAN_TM_SIZES=1000000 go test -run '^$' -bench TMFreshProcessRSS -benchtime 1x .
func BenchmarkTMFreshProcessRSS(b *testing.B) {
	b.Cleanup(closeTMSets)
	for _, size := range tmSizes() {
		for _, mode := range []string{"index-file", "rebuild"} {
			b.Run(fmt.Sprintf("units=%d/%s", size, mode), func(b *testing.B) {
				withClosedStore(b, size, mode == "rebuild", func(path string) { rssChild(b, path) })
			})
		}
	}
}

// rssChild runs TestTMRSSChild on the store at path and reports what it measured.
func rssChild(b *testing.B, path string) {
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestTMRSSChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), envRSSStore+"="+path)
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("child: %v: %s", err, out)
		}
		var openMS, rss, hwm float64
		if _, err := fmt.Sscanf(reportLine(string(out)), "open-ms %f rss-MB %f hwm-MB %f", &openMS, &rss, &hwm); err != nil {
			b.Fatalf("child said %q: %v", out, err)
		}
		b.ReportMetric(openMS, "open-ms")
		b.ReportMetric(rss, "rss-MB")
		b.ReportMetric(hwm, "peak-rss-MB")
	}
}

// reportLine finds the child's report among the test framework's lines.
func reportLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "open-ms ") {
			return l
		}
	}
	return ""
}

// TestTMRSSChild is the child of BenchmarkTMFreshProcessRSS; it does nothing in a normal test run.
func TestTMRSSChild(t *testing.T) {
	path := os.Getenv(envRSSStore)
	if path == "" {
		t.Skip("child of BenchmarkTMFreshProcessRSS")
	}
	start := time.Now()
	m, err := tm.Open(path, &tm.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	openMS := float64(time.Since(start).Microseconds()) / 1000
	ctx := context.Background()
	for _, q := range []tm.Query{
		{Text: "Open the selected file", Pair: tm.LangPair{Source: language.English, Target: language.Arabic}},
		{Text: "افتح الملف المحدد", Pair: tm.LangPair{Source: language.Arabic, Target: language.English}},
		{Text: "Save the current document as a new file", Pair: tm.LangPair{Source: language.English, Target: language.Arabic}},
	} {
		if _, err := m.Lookup(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	fmt.Printf("open-ms %.0f rss-MB %.0f hwm-MB %.0f\n", openMS, procStatusMB("VmRSS:"), procStatusMB("VmHWM:"))
	m.Close()
}

func procStatusMB(field string) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == field {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return -1
}
