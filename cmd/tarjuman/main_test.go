package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageAndExitCodes(t *testing.T) {
	code, _, stderr := runCmd(t, "")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "usage: tarjuman")

	code, _, stderr = runCmd(t, "", "frobnicate")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `unknown command "frobnicate"`)

	code, _, stderr = runCmd(t, "", "lookup", "-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, stderr, "usage: tarjuman lookup")

	code, _, _ = runCmd(t, "", "normalize", "-no-such-flag")
	assert.Equal(t, 2, code)

	code, _, stderr = runCmd(t, "", "lookup", "-db", filepath.Join(t.TempDir(), "missing.tm"))
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "no translation memory")

	code, _, stderr = runCmd(t, "", "serve", "-addr", "0.0.0.0:0")
	assert.Equal(t, 2, code, "a non-loopback bind needs -token or -insecure")
	assert.Contains(t, stderr, "-token")

	for _, args := range [][]string{{"stats", "extra"}, {"version", "extra"}, {"serve", "extra"}, {"export", "extra"}, {"lookup", "-min", "150"}, {"lookup", "-src", "!!"}} {
		code, _, _ = runCmd(t, "", args...)
		assert.Equal(t, 2, code, "%v", args)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCmd(t, "", "version", "-json")
	require.Equal(t, 0, code)
	var v struct{ Version, Go string }
	require.NoError(t, json.Unmarshal([]byte(out), &v))
	assert.NotEmpty(t, v.Version)
	assert.True(t, strings.HasPrefix(v.Go, "go"), v.Go)
}

func TestNormalizeCommand(t *testing.T) {
	code, out, _ := runCmd(t, "بِالضَّمَانَاتِ الأمنيــة\nمسؤول\n", "normalize")
	require.Equal(t, 0, code)
	assert.Equal(t, "بالضمانات الامنيه\nمسوول\n", out)

	code, out, _ = runCmd(t, "الأمنيــة", "normalize", "-preset", "lucene", "-tatweel=false")
	require.Equal(t, 0, code)
	assert.Equal(t, "الامنيــه", out, "an explicit flag overrides the preset")

	code, out, _ = runCmd(t, "أمن\n", "normalize", "-preset", "none", "-alef", "-json")
	require.Equal(t, 0, code)
	assert.JSONEq(t, `{"line":1,"text":"أمن","normalized":"امن"}`, out)

	code, _, _ = runCmd(t, "", "normalize", "-hamza", "sideways")
	assert.Equal(t, 2, code)
}

func testdata(name string) string { return filepath.Join("..", "..", "testdata", name) }

func TestTMCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.tm")
	code, out, stderr := runCmd(t, "", "import", "-db", db, testdata("seed_parallel.tmx"))
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "holds 19 units")
	assert.Empty(t, stderr, "no progress bar when stderr is not a terminal")

	code, out, _ = runCmd(t, "الكرملين: بوتين اكد لبايدن ان روسيا تريد النتائج من مفاوضات الضمانات الامنية\n", "lookup", "-db", db, "-json", "-limit", "1")
	require.Equal(t, 0, code)
	var res struct {
		Matches []struct {
			Percent int
			Target  string
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &res))
	require.Len(t, res.Matches, 1)
	assert.Greater(t, res.Matches[0].Percent, 80)
	assert.Contains(t, res.Matches[0].Target, "security guarantees")

	code, out, _ = runCmd(t, "", "concord", "-db", db, "الضمانات الأمنية")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "[الضمانات الأمنية]")

	code, out, _ = runCmd(t, "", "stats", "-db", db, "-json")
	require.Equal(t, 0, code)
	assert.Contains(t, out, `"units":19`)
	assert.Contains(t, out, `"pairs":["ar>en","en>ar"]`)

	code, out, _ = runCmd(t, "The Russian side warned that imposing sanctions on Moscow would have serious consequences.\n", "lookup", "-db", db, "-src", "en", "-tgt", "ar", "-min", "55", "-json")
	require.Equal(t, 0, code, "a percentage works as -min")
	assert.Contains(t, out, "العقوبات")

	code, out, _ = runCmd(t, "", "export", "-db", db, "-json")
	require.Equal(t, 0, code)
	var units []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &units), "-json exports Weblate JSON")
	assert.Len(t, units, 19)

	code, _, stderr = runCmd(t, "", "export", "-db", db, "-format", "tsv")
	assert.Equal(t, 1, code, "TSV has no room for languages per line")
	assert.Contains(t, stderr, "language pair")
	code, out, _ = runCmd(t, "", "export", "-db", db, "-format", "tsv", "-src", "ar", "-tgt", "en")
	require.Equal(t, 0, code)
	assert.Equal(t, 19, strings.Count(out, "\n")-1, "a header line and one line per unit: %s", out[:min(200, len(out))])

	code, _, stderr = runCmd(t, "<tmx><body><tu><tuv", "import", "-db", db, "-format", "tmx", "-")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "line")
	code, out, _ = runCmd(t, "", "stats", "-db", db)
	require.Equal(t, 0, code)
	assert.Contains(t, out, "19 units", "a bad file leaves the store as it was")
}

func TestGlossaryCommands(t *testing.T) {
	g := testdata("glossary_seed.tsv")
	code, out, _ := runCmd(t, "أكد أن روسيا تريد النتيجة من بالضمانات الأمنية\n", "annotate", "-glossary", g)
	require.Equal(t, 0, code)
	assert.Contains(t, out, "بالضمانات الأمنية\tالضمانات الأمنية\tsecurity guarantees")
	code, tbxOut, _ := runCmd(t, "أكد أن روسيا تريد النتيجة من بالضمانات الأمنية\n", "annotate", "-glossary", testdata("glossary_seed.tbx"))
	require.Equal(t, 0, code)
	assert.Equal(t, out, tbxOut, "the same glossary as TBX, recognized by its content")

	code, out, _ = runCmd(t, "1\tRussia demands security guarantees.\tتطالب روسيا بالضمانات الأمنية.\n2\tRussia demands security guarantees.\tتطالب روسيا بالتطمينات.\n", "check", "-glossary", g)
	assert.Equal(t, 1, code, "issues found exit 1")
	assert.Contains(t, out, "2\t")
	assert.NotContains(t, out, "1\t")

	code, out, _ = runCmd(t, "", "align", testdata("news_parallel.tsv"))
	require.Equal(t, 0, code)
	assert.Contains(t, out, "الضمانات الأمنية\tsecurity guarantees\t")

	code, out, _ = runCmd(t, "", "align", "-tbx", testdata("news_parallel.tsv"))
	require.Equal(t, 0, code)
	assert.Contains(t, out, "<tbx")
}

// TestServeEndToEnd builds the real binary, imports the seed TMX, serves it on a free loopback port, asks it
// over HTTP as Weblate would, and stops it with SIGINT.
func TestServeEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "tarjuman")
	build := exec.Command("go", "build", "-o", bin, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, string(out))
	db := filepath.Join(dir, "t.tm")
	out, err = exec.Command(bin, "import", "-db", db, testdata("seed_parallel.tmx")).CombinedOutput()
	require.NoError(t, err, string(out))

	srv := exec.Command(bin, "serve", "-db", db, "-glossary", testdata("glossary_seed.tsv"), "-addr", "127.0.0.1:0")
	stderr, err := srv.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, srv.Start())
	defer srv.Process.Kill()
	sc := bufio.NewScanner(stderr)
	require.True(t, sc.Scan(), "the server announces its address")
	m := regexp.MustCompile(`on (http://\S+)`).FindStringSubmatch(sc.Text())
	require.Len(t, m, 2, sc.Text())
	base := m[1]

	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(base + "/tmserver/ar/en/unit/" + url.PathEscape("الكرملين: بوتين أكد لبايدن أن روسيا تريد النتيجة من مفاوضات الضمانات الأمنية"))
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var units []struct {
		Source, Target string
		Quality        int
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&units))
	resp.Body.Close()
	require.NotEmpty(t, units)
	assert.Equal(t, 100, units[0].Quality)

	require.NoError(t, srv.Process.Signal(syscall.SIGINT))
	done := make(chan error, 1)
	go func() {
		for sc.Scan() {
		}
		done <- srv.Wait()
	}()
	select {
	case err := <-done:
		assert.NoError(t, err, "a clean shutdown exits 0")
	case <-time.After(20 * time.Second):
		t.Fatal("server did not stop on SIGINT")
	}
	_, err = os.Stat(db)
	assert.NoError(t, err)
}
