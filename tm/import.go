package tm

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/language"
)

// Format is a translation memory exchange format.
type Format int

// Formats. FormatAuto (the zero value) lets Import detect the format from the content.
const (
	FormatAuto Format = iota
	// FormatTMX is TMX 1.4b (Import reads 1.1–1.4b).
	FormatTMX
	// FormatTSV is tab-separated text: source and target, or id, source and target, one unit a
	// line; an optional first line names the languages ("ar<TAB>en" or "id<TAB>ar<TAB>en").
	FormatTSV
	// FormatWeblate is Weblate's translation memory JSON: an array of objects with source,
	// target, source_language, target_language, origin, context and category.
	FormatWeblate
)

// ParseFormat reads a format name as users and HTTP clients write it: "tmx", "tsv", "json" (also
// "weblate" or "weblate-json", as String writes it) and "auto" or "" for FormatAuto; case is ignored.
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(name) {
	case "", "auto":
		return FormatAuto, nil
	case "tmx":
		return FormatTMX, nil
	case "tsv":
		return FormatTSV, nil
	case "json", "weblate", "weblate-json":
		return FormatWeblate, nil
	}
	return FormatAuto, fmt.Errorf("tm: unknown format %q (want tmx, tsv or json)", name)
}

func (f Format) String() string {
	switch f {
	case FormatAuto:
		return "auto"
	case FormatTMX:
		return "tmx"
	case FormatTSV:
		return "tsv"
	case FormatWeblate:
		return "weblate-json"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// ImportOptions configure Import. The zero value detects the format, takes languages from the
// file and commits batches of DefaultBatchSize units.
type ImportOptions struct {
	Format Format
	// Pair selects the two languages to import from a multilingual TMX, and gives the languages of
	// a TSV file without a language header. Zero: TMX units go from their srclang to every other
	// language of the TU.
	Pair LangPair
	// Origin is set on imported units that have none (a file or project name).
	Origin string
	// BatchSize is the number of units committed per transaction; 0 means DefaultBatchSize.
	BatchSize int
	// Lenient skips malformed TUs of a TMX file (counted in ImportStats.Skipped) instead of failing.
	Lenient bool
	// Progress, when set, is called after each committed batch with the totals committed so far
	// (Read counts the units read up to the end of that batch). Calls come one at a time from a
	// goroutine of Import, all before Import returns.
	Progress func(ImportStats)
}

// DefaultBatchSize is the number of units Import commits per transaction by default: large
// enough that fsync is not the bottleneck, small enough that a failure loses little work.
const DefaultBatchSize = 5000

// ImportStats counts what Import did.
type ImportStats struct {
	Format  Format
	Read    int // units read from the input
	Added   int // new units stored
	Merged  int // units merged into a stored duplicate
	Skipped int // units without two usable languages or with an empty side, and lenient TMX skips
	Batches int // committed transactions
}

// Import reads units from r and stores them in batches, each committed in its own transaction.
// On error (malformed input, cancelled ctx, failed commit) it stops: the batches committed before
// stay stored, and so does everything stored before Import; the stats say how far it got. Errors
// in TMX input wrap a *tmx.ParseError with line and column; TSV and JSON errors are a *ParseError.
func (m *Memory) Import(ctx context.Context, r io.Reader, o ImportOptions) (ImportStats, error) {
	st := ImportStats{Format: o.Format}
	br := bufio.NewReaderSize(r, 64<<10)
	if st.Format == FormatAuto {
		f, err := detect(br)
		if err != nil {
			return st, err
		}
		st.Format = f
	}
	im := &importer{m: m, ctx: ctx, o: o, st: &st}
	if im.o.BatchSize <= 0 {
		im.o.BatchSize = DefaultBatchSize
	}
	im.start()
	var err error
	switch st.Format {
	case FormatTMX:
		err = im.tmx(br)
	case FormatTSV:
		err = im.tsv(br)
	case FormatWeblate:
		err = im.weblate(br)
	default:
		err = fmt.Errorf("tm: import: unknown format %v", st.Format)
	}
	if err == nil {
		err = im.flush()
	}
	werr := im.finish()
	if err == nil || errors.Is(err, errWriter) {
		err = werr
	}
	st.Added, st.Merged, st.Batches = im.done.Added, im.done.Merged, im.done.Batches
	var pe *ParseError
	if err != nil && !errors.As(err, &pe) {
		err = fmt.Errorf("tm: import: %w", err)
	}
	return st, err
}

// ParseError is an error in TSV or JSON input, with its position (1-based). TMX errors are
// *tmx.ParseError.
type ParseError struct {
	Line, Column int
	Err          error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("tm: import: line %d, column %d: %v", e.Line, e.Column, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// detect guesses the format from the first non-blank byte: "<" (or a UTF-16 byte order mark)
// is TMX, "[" is Weblate JSON, anything else TSV.
func detect(br *bufio.Reader) (Format, error) {
	head, err := br.Peek(4096)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return FormatAuto, fmt.Errorf("tm: import: %w", err)
	}
	if bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.HasPrefix(head, []byte{0xFF, 0xFE}) {
		return FormatTMX, nil
	}
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	head = bytes.TrimLeft(head, " \t\r\n")
	switch {
	case len(head) == 0:
		return FormatTSV, nil
	case head[0] == '<':
		return FormatTMX, nil
	case head[0] == '[', head[0] == '{':
		return FormatWeblate, nil // an object is reported as "not an array"
	case len(head) > 1 && head[0] == 0 && head[1] == '<', len(head) > 1 && head[0] == '<' && head[1] == 0:
		return FormatTMX, nil // UTF-16 without a byte order mark
	}
	return FormatTSV, nil
}

// importer parses units into batches and hands each full batch to a writer goroutine, so that
// parsing the next batch overlaps committing and indexing the previous one. Batches are committed
// in order, one at a time.
type importer struct {
	m     *Memory
	ctx   context.Context
	o     ImportOptions
	st    *ImportStats // the parser's counts
	batch []Unit

	jobs     chan job
	finished chan struct{}
	failed   chan struct{} // closed when the writer fails; werr is set before
	werr     error
	done     ImportStats // the writer's counts: what is committed
}

// job is a batch and the parser's counts when it was cut, which become the committed counts.
type job struct {
	units         []Unit
	read, skipped int
}

// errWriter stops the parser when the writer has failed; Import reports the writer's error.
var errWriter = errors.New("tm: import: writer failed")

func (im *importer) start() {
	im.jobs = make(chan job, 1)
	im.finished = make(chan struct{})
	im.failed = make(chan struct{})
	im.done.Format = im.st.Format
	go im.write()
}

func (im *importer) write() {
	defer close(im.finished)
	for j := range im.jobs {
		if im.werr != nil {
			continue // drain
		}
		err := im.ctx.Err()
		var added, merged int
		if err == nil {
			im.m.wmu.Lock()
			added, merged, err = im.m.addLocked(j.units)
			im.m.wmu.Unlock()
		}
		if err != nil {
			im.werr = err
			close(im.failed)
			continue
		}
		im.done.Read, im.done.Skipped = j.read, j.skipped
		im.done.Added += added
		im.done.Merged += merged
		im.done.Batches++
		if im.o.Progress != nil {
			im.o.Progress(im.done)
		}
	}
}

// finish waits for the writer to commit every queued batch and returns its error.
func (im *importer) finish() error {
	close(im.jobs)
	<-im.finished
	return im.werr
}

// add queues one unit, handing the batch to the writer when it is full.
func (im *importer) add(u Unit) error {
	im.st.Read++
	if validate(&u) != nil {
		im.st.Skipped++
		return nil
	}
	if u.Origin == "" {
		u.Origin = im.o.Origin
	}
	im.batch = append(im.batch, u)
	if len(im.batch) >= im.o.BatchSize {
		return im.flush()
	}
	return nil
}

func (im *importer) flush() error {
	if err := im.ctx.Err(); err != nil {
		return err
	}
	if len(im.batch) == 0 {
		return nil
	}
	j := job{units: im.batch, read: im.st.Read, skipped: im.st.Skipped}
	im.batch = make([]Unit, 0, im.o.BatchSize)
	select {
	case im.jobs <- j:
		return nil
	case <-im.failed:
		return errWriter
	}
}

// tsv reads tab-separated lines: [id TAB] source TAB target.
func (im *importer) tsv(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	pair := im.o.Pair
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		f := strings.Split(text, "\t")
		if line == 1 {
			if p, ok := tsvHeader(f); ok {
				if pair.Source == language.Und {
					pair = p
				}
				continue
			}
		}
		if pair.Source == language.Und || pair.Target == language.Und {
			return &ParseError{Line: line, Column: 1, Err: errors.New("tsv without a language header needs ImportOptions.Pair")}
		}
		var u Unit
		switch len(f) {
		case 2:
			u.Source, u.Target = f[0], f[1]
		case 3:
			u.ID, u.Source, u.Target = f[0], f[1], f[2]
		default:
			return &ParseError{Line: line, Column: 1, Err: fmt.Errorf("want 2 or 3 tab-separated fields, got %d", len(f))}
		}
		u.Pair = pair
		if err := im.add(u); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return &ParseError{Line: line + 1, Column: 1, Err: err}
	}
	return nil
}

// tsvHeader recognizes a first line of language tags: "ar TAB en" or "id TAB ar TAB en".
func tsvHeader(f []string) (LangPair, bool) {
	if len(f) == 3 {
		f = f[1:]
	}
	if len(f) != 2 {
		return LangPair{}, false
	}
	var p LangPair
	for i, s := range f {
		s = strings.TrimSpace(s)
		if len(s) < 2 || len(s) > 35 || strings.ContainsAny(s, " .,") {
			return LangPair{}, false
		}
		t, err := language.Parse(s)
		if err != nil {
			return LangPair{}, false
		}
		if i == 0 {
			p.Source = t
		} else {
			p.Target = t
		}
	}
	return p, true
}

// weblateUnit is one item of Weblate's memory JSON.
type weblateUnit struct {
	Source         string `json:"source"`
	Target         string `json:"target"`
	SourceLanguage string `json:"source_language"`
	TargetLanguage string `json:"target_language"`
	Origin         string `json:"origin"`
	Context        string `json:"context"`
	Category       *int   `json:"category,omitempty"`
}

// weblate streams the JSON array one object at a time.
func (im *importer) weblate(r io.Reader) error {
	lc := &lineCounter{r: r}
	dec := json.NewDecoder(lc)
	pos := func(err error) error {
		line, col := lc.position(dec.InputOffset())
		return &ParseError{Line: line, Column: col, Err: err}
	}
	t, err := dec.Token()
	if err != nil {
		return pos(err)
	}
	if d, ok := t.(json.Delim); !ok || d != '[' {
		return pos(errors.New("weblate memory must be a JSON array"))
	}
	for dec.More() {
		var w weblateUnit
		if err := dec.Decode(&w); err != nil {
			return pos(err)
		}
		u := Unit{Source: w.Source, Target: w.Target, Origin: w.Origin, Context: Context{Key: w.Context}}
		u.Pair.Source, _ = language.Parse(w.SourceLanguage)
		u.Pair.Target, _ = language.Parse(w.TargetLanguage)
		if im.o.Pair.Source != language.Und && !(sameBase(u.Pair.Source, im.o.Pair.Source) && sameBase(u.Pair.Target, im.o.Pair.Target)) {
			im.st.Read++
			im.st.Skipped++
			continue
		}
		if w.Category != nil {
			u.Props = map[string]string{propWeblateCategory: fmt.Sprint(*w.Category)}
		}
		if err := im.add(u); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return pos(err)
	}
	return nil
}

const propWeblateCategory = "x-weblate-category"

// lineCounter remembers where the lines of a stream start, so that a byte offset reported by a
// decoder that reads ahead (encoding/json) becomes a line and column. It keeps the newlines of the
// last lineWindow bytes; older ones are only counted.
type lineCounter struct {
	r     io.Reader
	off   int64   // bytes read so far
	old   int     // newlines before the window
	lastN int64   // offset just after the last newline before the window
	nl    []int64 // offsets of the newlines in the window
}

const lineWindow = 1 << 20

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\n' {
			c.nl = append(c.nl, c.off+int64(i))
		}
	}
	c.off += int64(n)
	if len(c.nl) > 4096 {
		keep := 0
		for keep < len(c.nl) && c.nl[keep] < c.off-lineWindow {
			keep++
		}
		if keep > 0 {
			c.old += keep
			c.lastN = c.nl[keep-1] + 1
			c.nl = append(c.nl[:0], c.nl[keep:]...)
		}
	}
	return n, err
}

// position returns the 1-based line and byte column of offset off.
func (c *lineCounter) position(off int64) (line, col int) {
	line, start := c.old, c.lastN
	for _, n := range c.nl {
		if n >= off {
			break
		}
		line++
		start = n + 1
	}
	return line + 1, int(off-start) + 1
}
