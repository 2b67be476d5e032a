package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/tm"
)

// End-to-end benchmark of tm.Memory on real data: bbolt store, index rebuilt by Open, Lookup with
// rescoring, classification, diff and suggestion, against Query.Exhaustive (a scan of every unit
// with the same scorer) side by side.
//
//	TARJUMAN_PAIRS=/path/pairs.tsv      origin<TAB>english<TAB>arabic; unset: skip
//	TARJUMAN_PAIRS_TMX=/path/pairs.tmx  the same pairs as TMX, for the import benchmark; unset: skip it
//	TARJUMAN_TM_SIZES=30000,300000      store sizes (units beyond the real pairs are "A B" → "A' B'" concatenations)
//	TARJUMAN_TM_QUERIES=300             perturbed queries per size and direction
//	TARJUMAN_TM_BRUTE=30                of which also run exhaustively (slow: O(units) each)
//
// cd bench && TARJUMAN_PAIRS=... go test -run '^$' -bench 'TMLookup/units/-/index' -benchtime 2000x -timeout 1h .
//
// The index sub-benchmarks also report the exhaustive scan's median over TARJUMAN_TM_BRUTE queries
// (brute-p50-µs); run the exhaustive sub-benchmarks with a small -benchtime (3x) if wanted.

type tmSet struct {
	m      *tm.Memory
	path   string
	units  int
	addNs  int64 // adding all units in batches of tm.DefaultBatchSize, fsync on
	openNs int64 // Open of the finished store from the index file Close wrote beside it
	// CPU time (user+system, all threads) of the same: less sensitive than wall time to the
	// other processes sharing the machine.
	addCPU, openCPU time.Duration
	// Open of the same store without its index file (read every record header, rebuild both
	// indexes): wall and CPU time
	rebuildWall, rebuildCPU time.Duration
	rssMB                   float64
	heapMB                  float64 // Go heap in use after Open (index, maps), without the mapped file
	dirs                    [2]tmDir
}

type tmDir struct {
	queries  []tm.Query
	origins  []string // ID of the unit each query was made from
	long     []bool   // the origin's source has at least 4 words
	p50, p99 time.Duration
	p50Brute time.Duration
	recall   float64 // top-1 is the origin unit (or ties with it)
	// best: top-1 scores at least as high as the origin unit does (the exhaustive scan decides), so no
	// better answer was missed; queries whose origin the perturbation pushed below MinScore count as
	// misses. It differs from recall where an edit turned the query into another stored string
	// ("Open File" → "Open Folder") or one closer to it, which short software strings do often.
	best float64
	// best4: best@1 over the queries made from sources of 4 words or more. One or two word edits leave a
	// 1–3 word UI string ("Open", "Save As") at or below 50%, often nearer to another stored string.
	best4  float64
	agree  float64 // top-1 percentage equals the exhaustive scan's
	nBrute int
}

var (
	tmSetsMu sync.Mutex
	tmSets   = map[int]*tmSet{}
	tmPairs  = [2]language.Tag{language.English, language.Arabic}
)

func tmSizes() []int {
	var sizes []int
	for _, f := range strings.Split(cmpOr(os.Getenv("TARJUMAN_TM_SIZES"), "30000,300000"), ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			sizes = append(sizes, n)
		}
	}
	return sizes
}

// getTMSet builds (once) a store of size units in a temporary file, closes and reopens it.
func getTMSet(b *testing.B, size int) *tmSet {
	ps := loadPairs(b)
	tmSetsMu.Lock()
	defer tmSetsMu.Unlock()
	if s := tmSets[size]; s != nil {
		return s
	}
	for k, s := range tmSets { // one big store at a time (not closeTMSets: tmSetsMu is held)
		s.m.Close()
		os.RemoveAll(filepath.Dir(s.path))
		delete(tmSets, k)
	}
	runtime.GC()
	dir, err := os.MkdirTemp("", "tmbench")
	if err != nil {
		b.Fatal(err)
	}
	s := &tmSet{path: filepath.Join(dir, "tm.db"), units: size}
	rng := rand.New(rand.NewPCG(uint64(size), 7))
	texts := make([][2]string, 0, size)
	for _, i := range rng.Perm(len(ps)) {
		if len(texts) == size {
			break
		}
		texts = append(texts, ps[i])
	}
	for len(texts) < size {
		a, c := ps[rng.IntN(len(ps))], ps[rng.IntN(len(ps))]
		texts = append(texts, [2]string{a[0] + " " + c[0], a[1] + " " + c[1]})
	}
	m, err := tm.Open(s.path, nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	pair := tm.LangPair{Source: language.English, Target: language.Arabic}
	start, cpu := time.Now(), tmCPUTime()
	batch := make([]tm.Unit, 0, tm.DefaultBatchSize)
	for i, t := range texts {
		batch = append(batch, tm.Unit{ID: "u" + strconv.Itoa(i), Source: t[0], Target: t[1], Pair: pair})
		if len(batch) == cap(batch) || i == len(texts)-1 {
			if err := m.Add(ctx, batch...); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	s.addNs, s.addCPU = time.Since(start).Nanoseconds(), tmCPUTime()-cpu
	if err := m.Close(); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	s.rebuildWall, s.rebuildCPU = openWithoutIndexFile(b, s.path)
	runtime.GC()
	start, cpu = time.Now(), tmCPUTime()
	if s.m, err = tm.Open(s.path, nil); err != nil {
		b.Fatal(err)
	}
	s.openNs, s.openCPU = time.Since(start).Nanoseconds(), tmCPUTime()-cpu
	// Return the garbage of building the store (Add) to the OS, so that RSS shows what an opened
	// store needs rather than what the builder left behind.
	debug.FreeOSMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	s.rssMB, s.heapMB = rssMB(), float64(ms.HeapInuse)/(1<<20)

	nq, nBrute := envInt("TARJUMAN_TM_QUERIES", 300), envInt("TARJUMAN_TM_BRUTE", 30)
	for side := range 2 {
		var words []string
		for _, t := range texts[:min(len(texts), 20000)] {
			words = append(words, strings.Fields(t[side])...)
		}
		d := &s.dirs[side]
		for range nq {
			i := rng.IntN(len(texts))
			d.queries = append(d.queries, tm.Query{
				Text:  perturb(rng, texts[i][side], words, side == 1),
				Pair:  tm.LangPair{Source: tmPairs[side], Target: tmPairs[1-side]},
				Limit: limit, MinScore: minScore,
			})
			d.origins = append(d.origins, "u"+strconv.Itoa(i))
			d.long = append(d.long, len(strings.Fields(texts[i][side])) >= 4)
		}
		d.measure(b, s.m, nBrute)
	}
	tmSets[size] = s
	return s
}

func (d *tmDir) measure(b *testing.B, m *tm.Memory, nBrute int) {
	ctx := context.Background()
	lat := make([]time.Duration, len(d.queries))
	tops := make([][]tm.Match, len(d.queries))
	found := 0
	for i, q := range d.queries {
		t := time.Now()
		ms, err := m.Lookup(ctx, q)
		lat[i] = time.Since(t)
		if err != nil {
			b.Fatal(err)
		}
		tops[i] = ms
		for _, mt := range ms {
			if len(ms) > 0 && mt.Unit.ID == d.origins[i] && mt.Percent == ms[0].Percent {
				found++
				break
			}
		}
	}
	slices.Sort(lat)
	d.p50, d.p99 = lat[len(lat)/2], lat[len(lat)*99/100]
	d.recall = float64(found) / float64(len(d.queries))

	// For each miss, ask the exhaustive scan how the origin itself scores.
	best, best4, n4 := 0, 0, 0
	for i, q := range d.queries {
		if d.long[i] {
			n4++
		}
		if len(tops[i]) == 0 {
			continue
		}
		if slices.ContainsFunc(tops[i], func(mt tm.Match) bool { return mt.Unit.ID == d.origins[i] && mt.Percent == tops[i][0].Percent }) {
			best++
			if d.long[i] {
				best4++
			}
			continue
		}
		q.Exhaustive, q.Limit = true, 1000
		all, err := m.Lookup(ctx, q)
		if err != nil {
			b.Fatal(err)
		}
		for _, mt := range all {
			if mt.Unit.ID == d.origins[i] {
				if tops[i][0].Percent >= mt.Percent {
					best++
					if d.long[i] {
						best4++
					}
				}
				break
			}
		}
	}
	d.best = float64(best) / float64(len(d.queries))
	d.best4 = float64(best4) / float64(max(n4, 1))

	var brute []time.Duration
	agree := 0
	for i, q := range d.queries[:min(nBrute, len(d.queries))] {
		q.Exhaustive = true
		t := time.Now()
		ms, err := m.Lookup(ctx, q)
		brute = append(brute, time.Since(t))
		if err != nil {
			b.Fatal(err)
		}
		if len(ms) == len(tops[i]) && (len(ms) == 0 || ms[0].Percent == tops[i][0].Percent) {
			agree++
		}
	}
	if len(brute) > 0 {
		slices.Sort(brute)
		d.p50Brute = brute[len(brute)/2]
		d.nBrute = len(brute)
		d.agree = float64(agree) / float64(len(brute))
	}
}

// tmCPUTime returns the user and system CPU time this process has used.
func tmCPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// rssMB reads the resident set size of this process.
func rssMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return -1
}

// openWithoutIndexFile times a read-only Open of the store at path with its index file moved aside, so that
// Open rebuilds the index from the units (what happens after a crash, or for a stale file).
func openWithoutIndexFile(b *testing.B, path string) (time.Duration, time.Duration) {
	restore := hideIndexFile(b, path)
	defer restore()
	start, cpu := time.Now(), tmCPUTime()
	m, err := tm.Open(path, &tm.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	wall, c := time.Since(start), tmCPUTime()-cpu
	m.Close()
	return wall, c
}

// hideIndexFile renames the index file of the store at path, if any, and returns the function that puts it
// back.
func hideIndexFile(b *testing.B, path string) func() {
	idx, aside := path+".idx", path+".idx.aside"
	if err := os.Rename(idx, aside); err != nil {
		if os.IsNotExist(err) {
			return func() {}
		}
		b.Fatal(err)
	}
	return func() {
		if err := os.Rename(aside, idx); err != nil {
			b.Fatal(err)
		}
	}
}

// closeTMSets closes the cached stores and deletes their files.
func closeTMSets() {
	tmSetsMu.Lock()
	defer tmSetsMu.Unlock()
	for k, s := range tmSets {
		s.m.Close()
		os.RemoveAll(filepath.Dir(s.path))
		delete(tmSets, k)
	}
}

func BenchmarkTMLookup(b *testing.B) {
	b.Cleanup(closeTMSets)
	for _, size := range tmSizes() {
		for side, dir := range []string{"en-ar", "ar-en"} {
			b.Run(fmt.Sprintf("units=%d/%s/index", size, dir), func(b *testing.B) {
				s := getTMSet(b, size)
				d := &s.dirs[side]
				ctx := context.Background()
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					if _, err := s.m.Lookup(ctx, d.queries[i%len(d.queries)]); err != nil {
						b.Fatal(err)
					}
					i++
				}
				b.ReportMetric(float64(d.p50.Microseconds()), "p50-µs")
				b.ReportMetric(float64(d.p99.Microseconds()), "p99-µs")
				b.ReportMetric(d.recall, "recall@1")
				b.ReportMetric(d.best, "best@1")
				b.ReportMetric(d.best4, "best@1-4w")
				b.ReportMetric(d.agree, "agree-brute")
				b.ReportMetric(float64(d.p50Brute.Microseconds()), "brute-p50-µs")
				b.ReportMetric(float64(s.units)/(float64(s.addNs)/1e9), "add-units/s")
				b.ReportMetric(float64(s.units)/s.addCPU.Seconds(), "add-units/cpu-s")
				b.ReportMetric(float64(s.openNs)/1e6, "open-ms")
				b.ReportMetric(float64(s.openCPU.Milliseconds()), "open-cpu-ms")
				b.ReportMetric(float64(s.rebuildWall.Milliseconds()), "rebuild-open-ms")
				b.ReportMetric(float64(s.rebuildCPU.Milliseconds()), "rebuild-open-cpu-ms")
				b.ReportMetric(s.rssMB, "rss-MB")
				b.ReportMetric(s.heapMB, "heap-MB")
			})
			b.Run(fmt.Sprintf("units=%d/%s/exhaustive", size, dir), func(b *testing.B) {
				s := getTMSet(b, size)
				d := &s.dirs[side]
				ctx := context.Background()
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					q := d.queries[i%len(d.queries)]
					q.Exhaustive = true
					if _, err := s.m.Lookup(ctx, q); err != nil {
						b.Fatal(err)
					}
					i++
				}
				b.ReportMetric(float64(d.p50Brute.Microseconds()), "p50-µs")
				b.ReportMetric(float64(d.nBrute), "queries")
			})
		}
	}
}

// BenchmarkTMOpen measures opening a finished store until it is ready to answer: from the index file that
// Close saved beside it, and rebuilding the index from the units (the file moved aside; read-only, so
// that Close does not save it again).
func BenchmarkTMOpen(b *testing.B) {
	b.Cleanup(closeTMSets)
	for _, size := range tmSizes() {
		for _, mode := range []string{"index-file", "rebuild"} {
			b.Run(fmt.Sprintf("units=%d/%s", size, mode), func(b *testing.B) {
				s := getTMSet(b, size)
				tmSetsMu.Lock()
				defer tmSetsMu.Unlock()
				if err := s.m.Close(); err != nil {
					b.Fatal(err)
				}
				defer func() {
					var err error
					if s.m, err = tm.Open(s.path, nil); err != nil {
						b.Fatal(err)
					}
				}()
				if mode == "rebuild" {
					defer hideIndexFile(b, s.path)()
				}
				b.ReportAllocs()
				for b.Loop() {
					m, err := tm.Open(s.path, &tm.Options{ReadOnly: true})
					if err != nil {
						b.Fatal(err)
					}
					m.Close()
				}
			})
		}
	}
}

// BenchmarkTMImportTMX imports the real TMX into a fresh store file (fsync on, default batches).
func BenchmarkTMImportTMX(b *testing.B) {
	path := os.Getenv("TARJUMAN_PAIRS_TMX")
	if path == "" {
		b.Skip("TARJUMAN_PAIRS_TMX not set: path to pairs.tmx")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	var units int
	var elapsed, cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		b.StartTimer()
		t, c := time.Now(), tmCPUTime()
		m, err := tm.Open(filepath.Join(dir, "tm.db"), nil)
		if err != nil {
			b.Fatal(err)
		}
		st, err := m.Import(context.Background(), bufio.NewReader(bytes.NewReader(data)), tm.ImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if err := m.Close(); err != nil {
			b.Fatal(err)
		}
		elapsed += time.Since(t)
		cpu += tmCPUTime() - c
		units += st.Read
	}
	b.ReportMetric(float64(units)/elapsed.Seconds(), "units/s")
	b.ReportMetric(float64(units)/cpu.Seconds(), "units/cpu-s")
}
