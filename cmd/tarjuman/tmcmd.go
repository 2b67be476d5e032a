package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/tarjuman/tarjuman/tm"
	"golang.org/x/term"
)

const defaultDB = "./tarjuman.tm"

// tmFlags are the flags shared by the commands that use the TM store.
type tmFlags struct {
	db       *string
	src, tgt *string
	asJSON   *bool
}

func addTMFlags(fs *flag.FlagSet) tmFlags {
	return tmFlags{
		db:     fs.String("db", defaultDB, "translation memory store `file` (created if missing)"),
		src:    fs.String("src", "ar", "source language"),
		tgt:    fs.String("tgt", "en", "target language"),
		asJSON: fs.Bool("json", false, "one JSON object per line"),
	}
}

func (f tmFlags) pair() (tm.LangPair, error) {
	src, tgt, err := parseLangs(*f.src, *f.tgt)
	return tm.LangPair{Source: src, Target: tgt}, err
}

func runImport(ctx context.Context, e env, args []string) error {
	fs := newFlagSet(e, "import", "[FILE|-]",
		"Imports a TMX, TSV or Weblate JSON file into the store. The format is detected from the content\n"+
			"unless -format says it; -src/-tgt pick two languages of a multilingual TMX.")
	db := fs.String("db", defaultDB, "translation memory store `file` (created if missing)")
	format := fs.String("format", "auto", "auto, tmx, tsv or json (Weblate)")
	src := fs.String("src", "", "source language to import (default: each TU's srclang)")
	tgt := fs.String("tgt", "", "target language to import (default: every other language)")
	origin := fs.String("origin", "", "origin recorded on the imported units (default: the file name)")
	lenient := fs.Bool("lenient", false, "skip malformed TMX units instead of stopping")
	asJSON := fs.Bool("json", false, "print the import statistics as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	f, err := tm.ParseFormat(*format)
	if err != nil {
		return usageError{err.Error()}
	}
	o := tm.ImportOptions{Format: f, Origin: *origin, Lenient: *lenient}
	if *src != "" || *tgt != "" {
		p, err := tmFlags{src: src, tgt: tgt}.pair()
		if err != nil {
			return err
		}
		o.Pair = p
	}
	in, err := openInput(e, fs)
	if err != nil {
		return err
	}
	defer in.Close()
	if o.Origin == "" && fs.NArg() == 1 && fs.Arg(0) != "-" {
		o.Origin = filepath.Base(fs.Arg(0))
	}
	mem, err := tm.Open(*db, nil)
	if err != nil {
		return err
	}
	defer mem.Close()
	bar := newProgress(e.stderr, in)
	o.Progress = func(st tm.ImportStats) { bar.update(st.Read) }
	st, err := mem.Import(ctx, bar.reader(), o)
	bar.done()
	if err != nil {
		return fmt.Errorf("%w (batches committed before the error are kept: %d added, %d merged)", err, st.Added, st.Merged)
	}
	if *asJSON {
		return writeJSONLine(e.stdout, map[string]any{"format": st.Format.String(), "read": st.Read, "added": st.Added,
			"merged": st.Merged, "skipped": st.Skipped, "units": mem.Len()})
	}
	fmt.Fprintf(e.stdout, "%s: read %d, added %d, merged %d, skipped %d; the store holds %d units\n",
		st.Format, st.Read, st.Added, st.Merged, st.Skipped, mem.Len())
	return nil
}

func runExport(ctx context.Context, e env, args []string) error {
	fs := newFlagSet(e, "export", "", "Writes the store as TMX 1.4b (default), TSV or Weblate JSON to standard output.")
	db := fs.String("db", defaultDB, "translation memory store `file`")
	format := fs.String("format", "tmx", "tmx, tsv or json (Weblate)")
	asJSON := fs.Bool("json", false, "the same as -format json (Weblate's translation memory JSON)")
	src := fs.String("src", "", "only units from this language (with -tgt)")
	tgt := fs.String("tgt", "", "only units into this language (with -src)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *asJSON {
		*format = "json"
	}
	f, err := tm.ParseFormat(*format)
	if err != nil || f == tm.FormatAuto {
		return usageError{fmt.Sprintf("unknown -format %q (want tmx, tsv or json)", *format)}
	}
	var p tm.LangPair
	if *src != "" || *tgt != "" {
		var err error
		if p, err = (tmFlags{src: src, tgt: tgt}).pair(); err != nil {
			return err
		}
	}
	mem, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer mem.Close()
	return mem.Export(ctx, e.stdout, f, p)
}

// openExisting opens a store that must already exist, so a typo in -db does not create an empty one. It
// opens it read-only (a shared lock), so several readers and a running server can share the file.
func openExisting(path string) (*tm.Memory, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("no translation memory at %s (create one with tarjuman import)", path)
	}
	return tm.Open(path, &tm.Options{ReadOnly: true})
}

func runLookup(ctx context.Context, e env, args []string) error {
	fs := newFlagSet(e, "lookup", "[FILE|-]",
		"Looks up each line of the input in the store and prints the best matches with their match percentage.")
	tf := addTMFlags(fs)
	minScore := fs.Float64("min", 0.5, "lowest score shown: 0–1, or a percentage such as 75")
	limit := fs.Int("limit", 3, "matches per line")
	if err := parse(fs, args); err != nil {
		return err
	}
	p, err := tf.pair()
	if err != nil {
		return err
	}
	if *minScore < 0 || *minScore > 100 {
		return usageError{fmt.Sprintf("-min %v: want 0–1 or a percentage", *minScore)}
	}
	if *minScore > 1 {
		*minScore /= 100
	}
	mem, err := openExisting(*tf.db)
	if err != nil {
		return err
	}
	defer mem.Close()
	in, err := openInput(e, fs)
	if err != nil {
		return err
	}
	defer in.Close()
	return eachLine(ctx, in, func(n int, line string) error {
		ms, err := mem.Lookup(ctx, tm.Query{Text: line, Pair: p, MinScore: *minScore, Limit: *limit})
		if err != nil {
			return err
		}
		if *tf.asJSON {
			type m struct {
				Source     string  `json:"source"`
				Target     string  `json:"target"`
				Suggestion string  `json:"suggestion"`
				Percent    int     `json:"percent"`
				Score      float64 `json:"score"`
				Kind       string  `json:"kind"`
			}
			out := make([]m, 0, len(ms))
			for _, x := range ms {
				out = append(out, m{x.Unit.Source, x.Unit.Target, x.Suggestion, x.Percent, x.Score, x.Kind.String()})
			}
			return writeJSONLine(e.stdout, map[string]any{"line": n, "query": line, "matches": out})
		}
		fmt.Fprintf(e.stdout, "%s\n", line)
		if len(ms) == 0 {
			fmt.Fprintln(e.stdout, "  (no match)")
		}
		for _, x := range ms {
			fmt.Fprintf(e.stdout, "  %3d%% %-10s %s\n       %s\n", x.Percent, x.Kind, x.Unit.Source, x.Suggestion)
		}
		return nil
	})
}

func runConcord(ctx context.Context, e env, args []string) error {
	fs := newFlagSet(e, "concord", "PHRASE", "Finds a word or phrase on both sides of the store, diacritic- and clitic-insensitively.")
	db := fs.String("db", defaultDB, "translation memory store `file`")
	limit := fs.Int("limit", 20, "most hits shown")
	asJSON := fs.Bool("json", false, "one JSON object per hit")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"missing PHRASE"}
	}
	mem, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer mem.Close()
	hits, err := mem.Concordance(ctx, strings.Join(fs.Args(), " "), tm.ConcordanceOptions{Limit: *limit})
	if err != nil {
		return err
	}
	for _, h := range hits {
		if *asJSON {
			if err := writeJSONLine(e.stdout, map[string]any{"id": h.Unit.ID, "side": h.Side.String(), "left": h.Left,
				"match": h.Match, "right": h.Right, "source": h.Unit.Source, "target": h.Unit.Target}); err != nil {
				return err
			}
			continue
		}
		other := h.Unit.Target
		if h.Side != tm.SourceSide {
			other = h.Unit.Source
		}
		fmt.Fprintf(e.stdout, "%s[%s]%s\n    %s\n", h.Left, h.Match, h.Right, other)
	}
	return nil
}

func runStats(_ context.Context, e env, args []string) error {
	fs := newFlagSet(e, "stats", "", "Prints the number of units and the language pairs of the store.")
	db := fs.String("db", defaultDB, "translation memory store `file`")
	asJSON := fs.Bool("json", false, "print as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	mem, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer mem.Close()
	pairs, err := mem.Pairs(context.Background())
	if err != nil {
		return err
	}
	names := make([]string, 0, len(pairs))
	for _, p := range pairs {
		names = append(names, p.String())
	}
	info, _ := os.Stat(*db)
	if *asJSON {
		return writeJSONLine(e.stdout, map[string]any{"units": mem.Len(), "pairs": names, "bytes": info.Size()})
	}
	fmt.Fprintf(e.stdout, "%s: %d units, %d bytes, pairs %s\n", *db, mem.Len(), info.Size(), strings.Join(names, " "))
	return nil
}

func writeJSONLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// progress draws "units, units/s, % of bytes" on stderr when stderr is a terminal, and nothing otherwise.
type progress struct {
	w       io.Writer
	on      bool
	total   int64
	counter *countingReader
	start   time.Time
	last    time.Time
}

func newProgress(w io.Writer, in io.Reader) *progress {
	p := &progress{w: w, start: time.Now(), counter: &countingReader{r: in}}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.on = true
	}
	if f, ok := in.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			p.total = st.Size()
		}
	}
	return p
}

func (p *progress) reader() io.Reader { return p.counter }

func (p *progress) update(units int) {
	if !p.on || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	rate := float64(units) / max(time.Since(p.start).Seconds(), 1e-3)
	pct := ""
	if p.total > 0 {
		pct = fmt.Sprintf(" %5.1f%%", 100*float64(p.counter.n.Load())/float64(p.total))
	}
	fmt.Fprintf(p.w, "\r%d units  %.0f units/s%s   ", units, rate, pct)
}

func (p *progress) done() {
	if p.on && !p.last.IsZero() {
		fmt.Fprintln(p.w)
	}
}

// countingReader counts the bytes read; the count is read from another goroutine (the import's
// progress callback), hence atomic.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n.Add(int64(n))
	return n, err
}
