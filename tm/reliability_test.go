package tm

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Environment of the child process of TestCrashDuringImport.
const (
	envCrashStore = "TARJUMAN_TM_CRASH_STORE"
	envCrashRound = "TARJUMAN_TM_CRASH_ROUND"
)

// generated is an endless TSV stream of distinct units "id TAB en TAB ar" whose ids are
// prefix-0, prefix-1, …
type generated struct {
	prefix string
	limit  int // units to generate; 0 means no end
	n      int
	buf    []byte
}

func (g *generated) Read(p []byte) (int, error) {
	for len(g.buf) < len(p) && (g.limit == 0 || g.n < g.limit) {
		g.buf = fmt.Appendf(g.buf, "%s-%d\tUnit %d of round %s reports %d files\tالوحدة %d من الجولة %s تبلغ عن %d ملفات\n",
			g.prefix, g.n, g.n, g.prefix, g.n*7, g.n, g.prefix, g.n*7)
		g.n++
	}
	if len(g.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, g.buf)
	g.buf = g.buf[n:]
	return n, nil
}

// crashChild imports an endless stream and reports on stdout how many units each committed batch
// has made durable, until it is killed.
func crashChild(path, round string) {
	m, err := Open(path, nil)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	w := bufio.NewWriter(os.Stdout)
	_, err = m.Import(context.Background(), &generated{prefix: "r" + round}, ImportOptions{
		Format: FormatTSV, Pair: enAr, BatchSize: 300,
		Progress: func(s ImportStats) {
			fmt.Fprintf(w, "ack %d\n", s.Read)
			w.Flush()
		},
	})
	fmt.Println("error", err)
	os.Exit(2)
}

func TestCrashDuringImport(t *testing.T) {
	if path := os.Getenv(envCrashStore); path != "" {
		crashChild(path, os.Getenv(envCrashRound))
		return
	}
	if testing.Short() {
		t.Skip("spawns processes")
	}
	path := filepath.Join(t.TempDir(), "tm.db")
	rng := rand.New(rand.NewPCG(1, 2))
	acked := map[string]int{}
	const rounds = 6
	for round := range rounds {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashDuringImport$", "-test.count=1")
		cmd.Env = append(os.Environ(), envCrashStore+"="+path, envCrashRound+"="+strconv.Itoa(round))
		out, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		// Kill after a random number of acknowledged batches plus a random delay, so the kill lands
		// anywhere: between batches, inside a commit, during fsync.
		wantAcks := 1 + rng.IntN(4)
		delay := time.Duration(rng.IntN(30)) * time.Millisecond
		sc := bufio.NewScanner(out)
		prefix := "r" + strconv.Itoa(round)
		for sc.Scan() {
			line := sc.Text()
			require.True(t, strings.HasPrefix(line, "ack "), "child said %q", line)
			n, err := strconv.Atoi(strings.TrimPrefix(line, "ack "))
			require.NoError(t, err)
			acked[prefix] = n
			if wantAcks--; wantAcks == 0 {
				time.Sleep(delay)
				require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
				break
			}
		}
		io.Copy(io.Discard, out) // acks written before the kill landed are not counted: fewer is safe
		_ = cmd.Wait()
		require.Positive(t, acked[prefix], "round %d: no batch acknowledged", round)

		total := checkStore(t, path, 0)
		m, err := Open(path, nil)
		require.NoError(t, err, "round %d: reopen", round)
		assert.Equal(t, total, m.Len())
		ids := map[string]bool{}
		scanAll(t, m, func(u Unit) { ids[u.ID] = true })
		for p, n := range acked {
			for i := range n {
				if !ids[p+"-"+strconv.Itoa(i)] {
					t.Fatalf("round %d: acknowledged unit %s-%d lost", round, p, i)
				}
			}
		}
		ms, err := m.Lookup(context.Background(), Query{Text: "Unit 1 of round " + prefix + " reports 7 files", Pair: enAr})
		require.NoError(t, err)
		require.NotEmpty(t, ms)
		assert.Equal(t, Exact, ms[0].Kind)
		require.NoError(t, m.Close())
	}
}

func TestConcurrentLookupsDuringImport(t *testing.T) {
	t.Run("bolt", func(t *testing.T) {
		m, err := Open(filepath.Join(t.TempDir(), "tm.db"), &Options{NoSync: true})
		require.NoError(t, err)
		defer m.Close()
		concurrentLookups(t, m)
	})
	t.Run("ram", func(t *testing.T) { concurrentLookups(t, NewMemory(nil)) })
}

// concurrentLookups runs 8 readers (lookups in both directions, one of them also running
// concordances) while one Import adds units.
func concurrentLookups(t *testing.T, m *Memory) {
	ctx := context.Background()
	require.NoError(t, m.Add(ctx, seedUnits()...))

	const units = 3000
	done := make(chan struct{})
	var wg sync.WaitGroup
	var importErr error
	wg.Go(func() {
		defer close(done)
		_, importErr = m.Import(ctx, &generated{prefix: "c", limit: units}, ImportOptions{Format: FormatTSV, Pair: enAr, BatchSize: 250})
	})
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Go(func() {
			queries := []Query{
				{Text: titleAr, Pair: arEn},
				{Text: titleEn, Pair: enAr},
				{Text: "Unit 12 of round c reports 84 files", Pair: enAr},
				{Text: "الوحدة 12 من الجولة c تبلغ عن 84 ملفات", Pair: arEn},
			}
			last := 0
			for i := 0; ; i++ {
				if g == 0 && i%10 == 0 {
					if _, err := m.Concordance(ctx, "round", ConcordanceOptions{Limit: 5}); err != nil {
						errs <- err
						return
					}
				}
				qi := (i + g) % len(queries)
				q := queries[qi]
				ms, err := m.Lookup(ctx, q)
				if err != nil {
					errs <- err
					return
				}
				if qi < 2 && (len(ms) == 0 || ms[0].Percent < 100) {
					errs <- fmt.Errorf("lookup %q lost its exact match", q.Text)
					return
				}
				if n := m.Len(); n < last {
					errs <- fmt.Errorf("Len went back from %d to %d", last, n)
					return
				} else {
					last = n
				}
				select {
				case <-done:
					return
				default:
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	require.NoError(t, importErr)
	assert.Equal(t, len(seedUnits())+units, m.Len(), "no unit lost")
	ms, err := m.Lookup(ctx, Query{Text: "Unit 2999 of round c reports 20993 files", Pair: enAr})
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	assert.Equal(t, Exact, ms[0].Kind)
}
