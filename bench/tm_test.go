package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"maps"
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
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/internal/score"
	"github.com/tarjuman/tarjuman/internal/tmkey"
	"github.com/tarjuman/tarjuman/internal/token"
	"github.com/tarjuman/tarjuman/tm"
)

// End-to-end benchmark of tm.Memory on real data: bbolt store, index rebuilt by Open, Lookup with
// rescoring, classification, diff and suggestion, against Query.Exhaustive (a scan of every unit
// with the same scorer) side by side.
//
//	TARJUMAN_PAIRS=/path/pairs.tsv      origin<TAB>english<TAB>arabic; unset: skip
//	TARJUMAN_PAIRS_TMX=/path/pairs.tmx  the same pairs as TMX, for the import benchmark; unset: skip it
//	TARJUMAN_TM_SIZES=30000,300000      store sizes (units beyond the real pairs are "A B" → "A' B'" concatenations)
//	TARJUMAN_TM_QUERIES=300             queries per size and direction (issueQuery: one edit kind each)
//	TARJUMAN_TM_BRUTE=30                of which also run exhaustively (slow: O(units) each)
//	TARJUMAN_TM_MISSES=/path/misses.txt append every recall miss to that file: kind, query, origin, top-1
//
// cd bench && TARJUMAN_PAIRS=... go test -run '^$' -bench 'TMLookup/units/-/index' -benchtime 2000x -timeout 1h .
//
// The index sub-benchmarks also report the exhaustive scan's median over TARJUMAN_TM_BRUTE queries
// (brute-p50-µs); run the exhaustive sub-benchmarks with a small -benchtime (3x) if wanted. Recall is
// reported over all queries, per edit kind (recall@1-delete, ...) and per origin length in words
// (recall@1-1to3w, recall@1-4w), next to ceiling@1, the share of queries a scorer could get right at all,
// and recall@1-decidable, recall over the queries whose origin no other text ties (see tmWords.rivals).

type tmSet struct {
	m      *tm.Memory
	path   string
	units  int
	texts  [][2]string // english, arabic of unit "u"+i (a unit equal to an earlier one was merged into it)
	addNs  int64       // adding all units in batches of tm.DefaultBatchSize, fsync on
	openNs int64       // Open of the finished store from the index file Close wrote beside it
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
	side     int // 0: English sources (en→ar), 1: Arabic sources (ar→en)
	queries  []tm.Query
	origins  []int    // index in tmSet.texts of the text each query was made from
	kinds    []string // the edit that made it (issueQuery)
	long     []bool   // the origin's source has at least 4 words
	p50, p99 time.Duration
	p50Brute time.Duration
	// recall: the top-1 is the origin (or ties with it at the same percentage within Limit). The
	// origin is recognized by its source and target, not its ID: Add merges a unit equal to an
	// earlier one into it, and the stored unit keeps the earlier ID.
	recall float64
	// recallBy: hits and queries per edit kind and per origin length ("1to3w", "4w").
	recallBy map[string][2]int
	// best: top-1 scores at least as high as the origin unit does (the exhaustive scan decides), so no
	// better answer was missed; queries whose origin the perturbation pushed below MinScore count as
	// misses. It differs from recall where an edit turned the query into another stored string
	// ("Open File" → "Open Folder") or one closer to it, which short software strings do often.
	best float64
	// best4: best@1 over the queries made from sources of 4 words or more. One or two word edits leave a
	// 1–3 word UI string ("Open", "Save As") at or below 50%, often nearer to another stored string.
	best4 float64
	// ceiling: the share of queries that are hits or whose origin no scorer is bound to rank below
	// another unit (tmWords.rivals: beaten); recall can reach it, not exceed it.
	ceiling float64
	// decidable: the share of queries whose origin no other text beats or ties (tmWords.rivals): the
	// origin is strictly the nearest text on word percentage or on characters. recallDecidable: recall
	// over those queries, where ranking the origin first is a matter of finding it, not of chance.
	decidable, recallDecidable float64
	// missBy: recall misses per edit kind, and of those the ones the ceiling excludes
	missBy map[string][2]int
	misses []string // one line per miss, written to TARJUMAN_TM_MISSES if set
	agree  float64  // top-1 percentage equals the exhaustive scan's
	nBrute int
	logged bool
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
	s.texts = texts
	for side := range 2 {
		var words []string // corpus words for substitutions and insertions: fields holding one word (wordSpan)
		for _, t := range texts[:min(len(texts), 20000)] {
			for _, f := range strings.Fields(t[side]) {
				if isWord(f) {
					words = append(words, f)
				}
			}
		}
		d := &s.dirs[side]
		d.side = side
		for range nq {
			i := rng.IntN(len(texts))
			text, kind := issueQuery(rng, texts[i][side], words, side == 1)
			d.queries = append(d.queries, tm.Query{
				Text:  text,
				Pair:  tm.LangPair{Source: tmPairs[side], Target: tmPairs[1-side]},
				Limit: limit, MinScore: minScore,
			})
			d.origins = append(d.origins, i)
			d.kinds = append(d.kinds, kind)
			d.long = append(d.long, len(strings.Fields(texts[i][side])) >= 4)
		}
		d.measure(b, s, nBrute)
	}
	tmSets[size] = s
	return s
}

func (d *tmDir) measure(b *testing.B, s *tmSet, nBrute int) {
	ctx := context.Background()
	m := s.m
	lat := make([]time.Duration, len(d.queries))
	tops := make([][]tm.Match, len(d.queries))
	for i, q := range d.queries {
		t := time.Now()
		ms, err := m.Lookup(ctx, q)
		lat[i] = time.Since(t)
		if err != nil {
			b.Fatal(err)
		}
		tops[i] = ms
	}
	slices.Sort(lat)
	d.p50, d.p99 = lat[len(lat)/2], lat[len(lat)*99/100]

	// For each miss, ask the exhaustive scan how the origin itself scores, and whether another unit
	// beats it by construction.
	d.recallBy, d.missBy = map[string][2]int{}, map[string][2]int{}
	count := func(mp map[string][2]int, key string, first, second bool) {
		c := mp[key]
		if first {
			c[0]++
		}
		if second {
			c[1]++
		}
		mp[key] = c
	}
	kw := newTMWords(s.texts, d.side)
	found, best, best4, n4, lost, decidable, decidableHits := 0, 0, 0, 0, 0, 0, 0
	for i, q := range d.queries {
		o := s.texts[d.origins[i]]
		src, tgt := o[d.side], o[1-d.side]
		lenKey := "1to3w"
		if d.long[i] {
			lenKey = "4w"
			n4++
		}
		hit := len(tops[i]) > 0 && slices.ContainsFunc(tops[i], func(mt tm.Match) bool {
			return mt.Percent == tops[i][0].Percent && mt.Unit.Source == src && mt.Unit.Target == tgt
		})
		count(d.recallBy, d.kinds[i], hit, true)
		count(d.recallBy, lenKey, hit, true)
		beaten, tied := kw.rivals(q.Text, d.origins[i])
		if !beaten && !tied {
			decidable++
			if hit {
				decidableHits++
			}
		}
		if hit {
			found++
			best++
			if d.long[i] {
				best4++
			}
			continue
		}
		if beaten {
			lost++
		}
		count(d.missBy, d.kinds[i], true, beaten)
		top, originPct := "none", -1
		if len(tops[i]) > 0 {
			top = fmt.Sprintf("%d%% %q", tops[i][0].Percent, tops[i][0].Unit.Source)
			q.Exhaustive, q.Limit = true, 1000
			all, err := m.Lookup(ctx, q)
			if err != nil {
				b.Fatal(err)
			}
			for _, mt := range all {
				if mt.Unit.Source == src && mt.Unit.Target == tgt {
					originPct = mt.Percent
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
		why := map[[2]bool]string{{true, false}: " (beaten by construction)", {false, true}: " (tied)"}[[2]bool{beaten, tied}]
		d.misses = append(d.misses, fmt.Sprintf("%s%s %q: origin %d%% %q, top-1 %s",
			d.kinds[i], why, q.Text, originPct, src, top))
	}
	n := float64(len(d.queries))
	d.recall = float64(found) / n
	d.best = float64(best) / n
	d.best4 = float64(best4) / float64(max(n4, 1))
	d.ceiling = 1 - float64(lost)/n
	d.decidable = float64(decidable) / n
	d.recallDecidable = float64(decidableHits) / float64(max(decidable, 1))

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

// report adds the recall metrics of d to b, and logs once the counts behind them.
func (d *tmDir) report(b *testing.B) {
	b.ReportMetric(d.recall, "recall@1")
	keys := slices.Sorted(maps.Keys(d.recallBy))
	for _, k := range keys {
		c := d.recallBy[k]
		b.ReportMetric(float64(c[0])/float64(c[1]), "recall@1-"+k)
	}
	b.ReportMetric(d.ceiling, "ceiling@1")
	b.ReportMetric(d.decidable, "decidable")
	b.ReportMetric(d.recallDecidable, "recall@1-decidable")
	b.ReportMetric(d.best, "best@1")
	b.ReportMetric(d.best4, "best@1-4w")
	if d.logged {
		return
	}
	d.logged = true
	var sb strings.Builder
	for _, k := range keys {
		c, x := d.recallBy[k], d.missBy[k]
		fmt.Fprintf(&sb, " %s %d/%d", k, c[0], c[1])
		if x[0] > 0 {
			fmt.Fprintf(&sb, " (misses %d, beaten by construction %d)", x[0], x[1])
		}
		sb.WriteString(";")
	}
	b.Logf("hits/queries:%s", sb.String())
	if path := os.Getenv("TARJUMAN_TM_MISSES"); path != "" { // not b.Log: go test keeps 10 lines of it
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		fmt.Fprintf(f, "## %s: %d misses (origin -1%%: below MinScore)\n", b.Name(), len(d.misses))
		for _, line := range d.misses {
			fmt.Fprintln(f, line)
		}
	}
}

// tmWords holds the scoring words of one side of every text, as tm scores them (tmkey.Words of the
// normalize.Search key), each word interned to an int32 so that Levenshtein compares integers.
type tmWords struct {
	texts  [][2]string
	side   int
	intern map[string]int32
	ids    []int32  // the words of text i are ids[off[i]:off[i+1]]
	off    []uint32 // len(texts)+1 offsets
}

func newTMWords(texts [][2]string, side int) *tmWords {
	w := &tmWords{texts: texts, side: side, intern: map[string]int32{}, off: make([]uint32, 1, len(texts)+1)}
	for _, t := range texts {
		w.ids = w.appendIDs(w.ids, tmkey.Words(tmkey.Key(t[side])))
		w.off = append(w.off, uint32(len(w.ids)))
	}
	return w
}

func (w *tmWords) appendIDs(dst []int32, words []string) []int32 {
	for _, x := range words {
		id, ok := w.intern[x]
		if !ok {
			id = int32(len(w.intern))
			w.intern[x] = id
		}
		dst = append(dst, id)
	}
	return dst
}

func (w *tmWords) unit(i int) []int32 { return w.ids[w.off[i]:w.off[i+1]] }

// rivals reports how the other texts of w stand against the origin text o of query, for a word-based
// scorer that breaks ties by characters (the definition of the recall analysis). beaten: a scorer is
// bound to rank another text first: the query has exactly that text's scoring words and the origin's
// differ; or the query's normalize.Search key is that text's and not the origin's (an exact or
// normalized match: "ROLE" for "Role" when the origin is "Role:"); or that text has a strictly higher
// word percentage and is no farther from the query in characters of its scoring words; or the origin
// shares no word with the query. tied: not beaten, but another text is as close on both counts (the
// same word percentage and no farther in characters: "Red settings" made from "Kexi settings" is as
// near "Grid Settings"), so only chance puts the origin first. Texts with the origin's source and
// target are the origin. It scans every text.
func (w *tmWords) rivals(query string, o int) (beaten, tied bool) {
	qw := tmkey.Words(tmkey.Key(query))
	q := w.appendIDs(nil, qw)
	ow := w.unit(o)
	owp := score.Percent(len(q), len(ow), score.Levenshtein(q, ow))
	if owp == 0 {
		return true, false
	}
	qKey := strings.Join(qw, " ")
	oKey := strings.Join(tmkey.Words(tmkey.Key(w.texts[o][w.side])), " ")
	osim := charSimilarity(qKey, oKey)
	qNorm, oNorm := tmkey.Key(query), tmkey.Key(w.texts[o][w.side])
	onorm := -1.0 // charSimilarity(qNorm, oNorm), computed when needed
	for i := range w.texts {
		if w.texts[i] == w.texts[o] {
			continue
		}
		u := w.unit(i)
		if slices.Equal(u, ow) {
			// The origin's words: a text no farther from the query in its whole key (punctuation,
			// spacing) ties, one with the query's key beats it.
			uNorm := tmkey.Key(w.texts[i][w.side])
			if qNorm != oNorm && uNorm == qNorm && slices.Equal(u, q) {
				return true, false
			}
			if onorm < 0 {
				onorm = charSimilarity(qNorm, oNorm)
			}
			if !tied && charSimilarity(qNorm, uNorm) >= onorm {
				tied = true
			}
			continue
		}
		if slices.Equal(u, q) {
			return true, false
		}
		if mx := max(len(q), len(u)); float64(mx-abs(len(q)-len(u)))/float64(mx) < owp {
			continue // even with every word of the shorter one matching, it cannot score as high
		}
		up := score.Percent(len(q), len(u), score.Levenshtein(q, u))
		if up < owp || (tied && up == owp) {
			continue
		}
		uKey := strings.Join(tmkey.Words(tmkey.Key(w.texts[i][w.side])), " ")
		if charSimilarity(qKey, uKey) >= osim {
			if up > owp {
				return true, false
			}
			tied = true
		}
	}
	return false, tied
}

// charSimilarity is 1 − the rune edit distance of a and b over the longer one's rune count.
func charSimilarity(a, b string) float64 {
	n := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	if n == 0 {
		return 1
	}
	return 1 - float64(score.CharDistance(a, b))/float64(n)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
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

// withClosedStore runs f with the path of the benchmark store of size units, closed (and without its index
// file if hide), and reopens the store afterwards for the other benchmarks.
func withClosedStore(b *testing.B, size int, hide bool, f func(path string)) {
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
	if hide {
		defer hideIndexFile(b, s.path)()
	}
	f(s.path)
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
				d.report(b)
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
				withClosedStore(b, size, mode == "rebuild", func(path string) {
					b.ReportAllocs()
					for b.Loop() {
						m, err := tm.Open(path, &tm.Options{ReadOnly: true})
						if err != nil {
							b.Fatal(err)
						}
						m.Close()
					}
				})
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

// The edit kinds of the TM benchmark's queries, as issue 5 lists them; each query applies exactly one.
const (
	editDelete      = "delete"      // one word deleted (sources of 2 words or more)
	editSubstitute  = "substitute"  // one word replaced by a different corpus word (2 words or more)
	editSubstitute2 = "substitute2" // two words, at different positions, replaced (4 words or more)
	editInsert      = "insert"      // one corpus word inserted
	editCasePunct   = "case+punct"  // English: first-letter case or one word in capitals, and/or final punctuation
	editHarakat     = "harakat"     // Arabic: 1–4 harakat, shadda or tanwin added
	editHamza       = "hamza"       // Arabic: 1–3 hamza, alef, ta marbuta or alef maksura variants
	editTatweel     = "tatweel"     // Arabic: 1–3 tatweel inside words
)

// issueQuery makes a query from the stored source src with exactly one edit, of a kind drawn uniformly
// among those that apply to src, and returns it with the kind. Word edits touch only fields holding one
// word (wordSpan: not "—", not "%s") and keep the punctuation attached to a substituted word; a
// substitute never has the scoring word of the word it replaces, so every word edit changes the
// words a TM scores. vocab holds the corpus fields to draw words from, each holding one word.
func issueQuery(rng *rand.Rand, src string, vocab []string, arabic bool) (string, string) {
	w := strings.Fields(src)
	var pos []int // fields that are words
	for i, f := range w {
		if isWord(f) {
			pos = append(pos, i)
		}
	}
	var kinds []string
	if len(pos) >= 2 {
		kinds = append(kinds, editDelete, editSubstitute)
	}
	if len(pos) >= 4 {
		kinds = append(kinds, editSubstitute2)
	}
	kinds = append(kinds, editInsert)
	rs := []rune(src)
	if !arabic {
		kinds = append(kinds, editCasePunct)
	} else {
		if len(harakatSpots(rs)) > 0 {
			kinds = append(kinds, editHarakat)
		}
		if len(hamzaSpots(rs)) > 0 {
			kinds = append(kinds, editHamza)
		}
		if len(tatweelSpots(rs)) > 0 {
			kinds = append(kinds, editTatweel)
		}
	}
	kind := kinds[rng.IntN(len(kinds))]
	switch kind {
	case editDelete:
		i := pos[rng.IntN(len(pos))]
		return strings.Join(slices.Delete(w, i, i+1), " "), kind
	case editSubstitute, editSubstitute2:
		n := 1
		if kind == editSubstitute2 {
			n = 2
		}
		for _, j := range rng.Perm(len(pos))[:n] {
			w[pos[j]] = substitute(rng, w[pos[j]], vocab)
		}
		return strings.Join(w, " "), kind
	case editInsert:
		x := vocab[rng.IntN(len(vocab))]
		xs, xe, _ := wordSpan(x)
		return strings.Join(slices.Insert(w, rng.IntN(len(w)+1), x[xs:xe]), " "), kind
	case editCasePunct:
		return casePunct(rng, src), kind
	case editHarakat: // after 1–4 letters, one mark each
		out := slices.Clone(rs)
		spots := pickSpots(rng, harakatSpots(rs), 4)
		for _, i := range slices.Backward(spots) {
			out = slices.Insert(out, i+1, harakat[rng.IntN(len(harakat))])
		}
		return string(out), kind
	case editTatweel:
		out := slices.Clone(rs)
		for _, i := range slices.Backward(pickSpots(rng, tatweelSpots(rs), 3)) {
			out = slices.Insert(out, i+1, '\u0640')
		}
		return string(out), kind
	default: // editHamza
		out := slices.Clone(rs)
		for _, i := range pickSpots(rng, hamzaSpots(rs), 3) {
			vs := hamzaVariants(rs, i)
			out[i] = vs[rng.IntN(len(vs))]
		}
		return string(out), kind
	}
}

// pickSpots returns 1 to most distinct positions drawn from spots, in increasing order.
func pickSpots(rng *rand.Rand, spots []int, most int) []int {
	k := min(1+rng.IntN(most), len(spots))
	out := make([]int, 0, k)
	for _, j := range rng.Perm(len(spots))[:k] {
		out = append(out, spots[j])
	}
	slices.Sort(out)
	return out
}

// wordSpan returns the byte span of the word in field f when f is one word or number with, at most,
// punctuation around it ("(default:" → "default"); placeholders ("%s", "<b>") and punctuation fields
// ("—") are not words an edit touches.
func wordSpan(f string) (start, end int, ok bool) {
	n := 0
	for _, t := range token.Tokenize(f) {
		switch t.Kind {
		case token.Word, token.Number:
			start, end = t.Start, t.End
			n++
		case token.Placeholder:
			return 0, 0, false
		}
	}
	return start, end, n == 1
}

func isWord(f string) bool {
	_, _, ok := wordSpan(f)
	return ok
}

// substitute replaces the word in field f by the word of a vocab field with other scoring words,
// keeping the punctuation around it: "(default:" → "(folder:". vocab holds only fields with a word.
func substitute(rng *rand.Rand, f string, vocab []string) string {
	start, end, _ := wordSpan(f)
	old := tmkey.Words(tmkey.Key(f[start:end]))
	for range 1000 {
		v := vocab[rng.IntN(len(vocab))]
		vs, ve, _ := wordSpan(v)
		if !slices.Equal(tmkey.Words(tmkey.Key(v[vs:ve])), old) {
			return f[:start] + v[vs:ve] + f[end:]
		}
	}
	return f[:start] + "xyzzy" + f[end:] // a vocabulary of one word only
}

// finalPunct are the marks a query may end with instead of the source's.
var finalPunct = []string{".", "!", "?", ":"}

// casePunct changes the case of the first letter or writes one word in capitals, or adds, removes
// or changes the final punctuation mark, or both. The result always differs from s.
func casePunct(rng *rand.Rand, s string) string {
	mode := rng.IntN(3) // 0: case, 1: punctuation, 2: both
	if mode != 1 {
		c, ok := changeCase(rng, s)
		if ok {
			s = c
		} else {
			mode = 1 // nothing to change the case of ("%s", "2.0")
		}
	}
	if mode == 0 {
		return s
	}
	last, size := utf8.DecodeLastRuneInString(s)
	if !strings.ContainsRune(".!?:;", last) {
		return s + finalPunct[rng.IntN(len(finalPunct))]
	}
	if rng.IntN(2) == 0 {
		return s[:len(s)-size]
	}
	for {
		if p := finalPunct[rng.IntN(len(finalPunct))]; p != string(last) {
			return s[:len(s)-size] + p
		}
	}
}

// changeCase toggles the case of the first rune if it is a cased letter, or writes in capitals one word
// that has a lower-case letter; it reports false when neither applies.
func changeCase(rng *rand.Rand, s string) (string, bool) {
	var opts []func() string
	first, size := utf8.DecodeRuneInString(s)
	if unicode.IsLower(first) || unicode.IsUpper(first) {
		opts = append(opts, func() string {
			if unicode.IsLower(first) {
				return string(unicode.ToUpper(first)) + s[size:]
			}
			return string(unicode.ToLower(first)) + s[size:]
		})
	}
	w := strings.Fields(s)
	var lower []int
	for i, f := range w {
		if strings.ContainsFunc(f, unicode.IsLower) {
			lower = append(lower, i)
		}
	}
	if len(lower) > 0 {
		opts = append(opts, func() string {
			i := lower[rng.IntN(len(lower))]
			w[i] = strings.ToUpper(w[i])
			return strings.Join(w, " ")
		})
	}
	if len(opts) == 0 {
		return s, false
	}
	return opts[rng.IntN(len(opts))](), true
}

// isArabicLetter reports the letters of the basic Arabic block (hamza to yeh), tatweel excluded.
func isArabicLetter(r rune) bool { return r >= 'ء' && r <= 'ي' && r != '\u0640' }

// harakatSpots are the Arabic letters a haraka may follow.
func harakatSpots(rs []rune) []int {
	var spots []int
	for i, r := range rs {
		if isArabicLetter(r) {
			spots = append(spots, i)
		}
	}
	return spots
}

// tatweelSpots are the letters, followed by another letter of the same word, after which a tatweel
// can stretch the joint: the letter must join to the next one (not ا أ إ آ د ذ ر ز و ؤ ة ء ى).
func tatweelSpots(rs []rune) []int {
	var spots []int
	for i := 0; i+1 < len(rs); i++ {
		if isArabicLetter(rs[i]) && isArabicLetter(rs[i+1]) && !strings.ContainsRune("اأإآدذرزوؤةءى", rs[i]) {
			spots = append(spots, i)
		}
	}
	return spots
}

// hamzaVariants returns the spellings that may replace rs[i], from the variant table of perturb
// (and آ → ا): hamza forms, alef, ta marbuta and alef maksura written plainly anywhere, and the
// reverse only where writers put it: أ/إ/آ for a word-initial alef that is not the article's,
// ة for a final ه, ى for a final ي.
func hamzaVariants(rs []rune, i int) []rune {
	r := rs[i]
	start := i == 0 || !isArabicLetter(rs[i-1]) && !unicode.Is(unicode.Mn, rs[i-1])
	end := i+1 == len(rs) || !isArabicLetter(rs[i+1]) && !unicode.Is(unicode.Mn, rs[i+1])
	switch r {
	case 'آ':
		return []rune{'ا'}
	case 'ا':
		if start && (i+1 == len(rs) || rs[i+1] != 'ل') {
			return variant[r]
		}
		return nil
	case 'ه', 'ي':
		if end && !start {
			return variant[r]
		}
		return nil
	}
	return variant[r]
}

func hamzaSpots(rs []rune) []int {
	var spots []int
	for i := range rs {
		if len(hamzaVariants(rs, i)) > 0 {
			spots = append(spots, i)
		}
	}
	return spots
}

// TestIssueQuery checks that each query carries exactly the edit its kind names, that only applicable
// kinds are drawn, and that every applicable one is.
func TestIssueQuery(t *testing.T) {
	vocab := map[bool][]string{false: {"folder", "disk", "network", "(printer)"}, true: {"مجلد", "قرص", "شبكة", "(طابعة)"}}
	tests := []struct {
		name   string
		src    string
		arabic bool
		kinds  []string
	}{
		{"english_one_word", "Open", false, []string{editInsert, editCasePunct}},
		{"english_three_words", "Save file as:", false, []string{editDelete, editSubstitute, editInsert, editCasePunct}},
		{"english_long_with_dash", "Retype new %s password — again", false,
			[]string{editDelete, editSubstitute, editSubstitute2, editInsert, editCasePunct}},
		{"english_no_letters", "%s", false, []string{editInsert, editCasePunct}},
		{"arabic_one_word_no_joints", "ادارة", true, []string{editInsert, editHarakat, editHamza}},
		{"arabic_article_only_no_hamza", "الملف", true, []string{editInsert, editHarakat, editTatweel}},
		{"arabic_long", "أعد كتابة كلمة السر الجديدة:", true,
			[]string{editDelete, editSubstitute, editSubstitute2, editInsert, editHarakat, editHamza, editTatweel}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, 2))
			srcWords := tmkey.Words(tmkey.Key(tt.src))
			seen := map[string]int{}
			for range 400 {
				q, kind := issueQuery(rng, tt.src, vocab[tt.arabic], tt.arabic)
				seen[kind]++
				require.Contains(t, tt.kinds, kind)
				require.NotEqual(t, tt.src, q, kind)
				qWords := tmkey.Words(tmkey.Key(q))
				dist := score.Levenshtein(srcWords, qWords)
				switch kind {
				case editDelete:
					assert.Len(t, qWords, len(srcWords)-1, q)
					assert.Equal(t, 1, dist, q)
				case editSubstitute:
					assert.Len(t, qWords, len(srcWords), q)
					assert.Equal(t, 1, dist, q)
				case editSubstitute2:
					assert.Len(t, qWords, len(srcWords), q)
					assert.Equal(t, 2, dist, q)
				case editInsert:
					assert.Len(t, qWords, len(srcWords)+1, q)
					assert.Equal(t, 1, dist, q)
				case editCasePunct:
					assert.Equal(t, srcWords, qWords, q)
					assert.Equal(t, strings.Trim(strings.ToLower(tt.src), ".!?:;"), strings.Trim(strings.ToLower(q), ".!?:;"), q)
				default: // harakat, hamza, tatweel: folded away by normalize.Search
					assert.Equal(t, tmkey.Key(tt.src), tmkey.Key(q), "%s %q", kind, q)
				}
			}
			assert.ElementsMatch(t, tt.kinds, slices.Collect(maps.Keys(seen)), "%v", seen)
		})
	}
}

// BenchmarkTMConcordance searches phrases on both sides of the store: common and rare words, two-word
// phrases, and a phrase found nowhere (the whole store is tested).
func BenchmarkTMConcordance(b *testing.B) {
	b.Cleanup(closeTMSets)
	phrases := []string{"ملف", "الملفات المحددة", "إعدادات", "security", "Open the file", "the", "zzqx"}
	for _, size := range tmSizes() {
		for _, p := range phrases {
			b.Run(fmt.Sprintf("units=%d/%s", size, p), func(b *testing.B) {
				s := getTMSet(b, size)
				ctx := context.Background()
				b.ReportAllocs()
				var hits int
				for b.Loop() {
					hs, err := s.m.Concordance(ctx, p, tm.ConcordanceOptions{})
					if err != nil {
						b.Fatal(err)
					}
					hits = len(hs)
				}
				b.ReportMetric(float64(hits), "hits")
			})
		}
	}
}
