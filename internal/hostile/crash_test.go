package hostile

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
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tarjuman/tarjuman/tm"
	"github.com/tarjuman/tarjuman/tm/tmx"
	bolt "go.etcd.io/bbolt"
)

// The crash harness: a child process writes to a store (Add in small batches, or Import of a TMX stream)
// and reports every acknowledged unit on stdout; the parent kills it with SIGKILL at a random moment,
// reopens the store, runs bbolt's consistency check, and requires every acknowledged unit to be there.
const (
	envCrashStore = "TARJUMAN_HOSTILE_CRASH_STORE"
	envCrashMode  = "TARJUMAN_HOSTILE_CRASH_MODE"
	envCrashRound = "TARJUMAN_HOSTILE_CRASH_ROUND"
)

var crashPair = tm.LangPair{Source: enTag, Target: arTag}

func crashUnit(round, i int) tm.Unit {
	return tm.Unit{
		ID:     fmt.Sprintf("r%d-%d", round, i),
		Source: fmt.Sprintf("Round %d unit %d: the security guarantees were discussed %d times.", round, i, i*3),
		Target: fmt.Sprintf("الجولة %d الوحدة %d: نوقشت الضمانات الأمنية %d مرات.", round, i, i*3),
		Pair:   crashPair,
	}
}

// crashChild never returns: it writes until it is killed.
func crashChild(path, mode string, round int) {
	m, err := tm.Open(path, nil)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	out := bufio.NewWriter(os.Stdout)
	ack := func(n int) { fmt.Fprintf(out, "ack %d\n", n); out.Flush() }
	switch mode {
	case "add":
		for i := 0; ; i += 20 {
			batch := make([]tm.Unit, 20)
			for j := range batch {
				batch[j] = crashUnit(round, i+j)
			}
			if err := m.Add(context.Background(), batch...); err != nil {
				fmt.Println("error", err)
				os.Exit(2)
			}
			ack(i + 20)
		}
	default:
		pr, pw := io.Pipe()
		go func() {
			enc := tmx.NewEncoder(pw)
			enc.WriteHeader(&tmx.Header{SrcLang: "en", CreationTool: "hostile", CreationToolVersion: "1", SegType: "sentence", OTMF: "t", AdminLang: "en", DataType: "plaintext"})
			for i := 0; ; i++ {
				u := crashUnit(round, i)
				tu := &tmx.TU{TUID: u.ID, Variants: []tmx.TUV{
					{Lang: "en", Seg: tmx.Seg{{Kind: tmx.Text, Text: u.Source}}},
					{Lang: "ar", Seg: tmx.Seg{{Kind: tmx.Text, Text: u.Target}}},
				}}
				if err := enc.Encode(tu); err != nil {
					return
				}
			}
		}()
		_, err = m.Import(context.Background(), pr, tm.ImportOptions{BatchSize: 150, Progress: func(s tm.ImportStats) { ack(s.Added) }})
		fmt.Println("error", err)
		os.Exit(2)
	}
}

// TestCrashConsistency kills a writer 50 times (25 during Add, 25 during Import) at random points.
func TestCrashConsistency(t *testing.T) {
	if path := os.Getenv(envCrashStore); path != "" {
		round, _ := strconv.Atoi(os.Getenv(envCrashRound))
		crashChild(path, os.Getenv(envCrashMode), round)
		return
	}
	if testing.Short() {
		t.Skip("spawns 50 processes")
	}
	rounds := 50
	if raceEnabled {
		rounds = 10 // each child is several times slower under the race detector
	}
	path := filepath.Join(t.TempDir(), "crash.tm")
	rng := rand.New(rand.NewPCG(2026, 11))
	acked := map[int]int{} // round → units acknowledged
	lost := 0
	for round := range rounds {
		mode := "add"
		if round%2 == 1 {
			mode = "import"
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashConsistency$", "-test.count=1")
		cmd.Env = append(os.Environ(), envCrashStore+"="+path, envCrashMode+"="+mode, envCrashRound+"="+strconv.Itoa(round))
		stdout, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		// Kill after a random number of acknowledgements and a random extra delay, so the kill lands
		// anywhere: between batches, inside a commit, during an fsync.
		wantAcks := 1 + rng.IntN(5)
		delay := time.Duration(rng.IntN(40)) * time.Millisecond
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			n, ok := strings.CutPrefix(line, "ack ")
			require.True(t, ok, "round %d (%s): child said %q", round, mode, line)
			acked[round], _ = strconv.Atoi(n)
			if wantAcks--; wantAcks == 0 {
				time.Sleep(delay)
				require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
				break
			}
		}
		io.Copy(io.Discard, stdout) // acks after the kill signal are not counted: fewer is the safe side
		_ = cmd.Wait()
		require.Positive(t, acked[round], "round %d: nothing acknowledged", round)

		checkBolt(t, path)
		m, err := tm.Open(path, nil)
		require.NoError(t, err, "round %d: reopen after SIGKILL", round)
		ids := map[string]bool{}
		for _, id := range storedIDs(t, m) {
			ids[id] = true
		}
		for r, n := range acked {
			for i := range n {
				if !ids[fmt.Sprintf("r%d-%d", r, i)] {
					lost++
					t.Errorf("round %d: acknowledged unit r%d-%d lost", round, r, i)
				}
			}
		}
		require.NoError(t, m.Close())
	}
	total := 0
	for _, n := range acked {
		total += n
	}
	t.Logf("%d SIGKILLs (Add and Import alternating), %d acknowledged units, %d lost", rounds, total, lost)
}

// checkBolt runs bbolt's own consistency check on the file.
func checkBolt(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: 5 * time.Second})
	require.NoError(t, err)
	defer db.Close()
	require.NoError(t, db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			return err
		}
		return nil
	}))
}

// storedIDs lists the IDs of every unit, read back through a TMX export.
func storedIDs(t *testing.T, m *tm.Memory) []string {
	t.Helper()
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(m.Export(context.Background(), pw, tm.FormatTMX, tm.LangPair{})) }()
	d := tmx.NewDecoder(pr)
	var ids []string
	for {
		tu, err := d.Next()
		if err == io.EOF {
			return ids
		}
		require.NoError(t, err)
		ids = append(ids, tu.TUID)
	}
}
