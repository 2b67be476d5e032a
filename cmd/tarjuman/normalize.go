package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"

	"github.com/tarjuman/tarjuman/normalize"
)

func runNormalize(ctx context.Context, e env, args []string) error {
	fs := newFlagSet(e, "normalize", "[FILE|-]",
		"Normalizes Arabic-script text. Start from a preset and switch single folds on or off:\n"+
			"  tarjuman normalize -preset lucene article.txt\n"+
			"  tarjuman normalize -preset search -hamza keep -")
	preset := fs.String("preset", "search", "starting point: search, light, lucene or none")
	asJSON := fs.Bool("json", false, "one JSON object per input line: {\"line\",\"text\",\"normalized\"}")
	// Flags given explicitly override the preset, whichever order they come in: each records an edit that
	// is applied to the preset's options after parsing.
	var edits []func(*normalize.Options)
	boolOpt := func(name, help string, field func(*normalize.Options) *bool) {
		fs.Var(boolFlag(func(v bool) { edits = append(edits, func(o *normalize.Options) { *field(o) = v }) }), name, help)
	}
	boolOpt("compose-hamza", "compose ا/و/ي + combining hamza or madda into one letter", func(o *normalize.Options) *bool { return &o.ComposeHamza })
	boolOpt("presentation", "presentation forms and ligatures to letters", func(o *normalize.Options) *bool { return &o.PresentationForms })
	boolOpt("tashkeel", "delete diacritics U+064B–U+065F", func(o *normalize.Options) *bool { return &o.Tashkeel })
	boolOpt("quranic", "delete Quranic annotation marks", func(o *normalize.Options) *bool { return &o.QuranicMarks })
	boolOpt("tatweel", "delete tatweel U+0640", func(o *normalize.Options) *bool { return &o.Tatweel })
	boolOpt("alef", "fold أ إ آ ٱ to ا", func(o *normalize.Options) *bool { return &o.Alef })
	boolOpt("teh-marbuta", "fold ة to ه", func(o *normalize.Options) *bool { return &o.TehMarbuta })
	boolOpt("alef-maksura", "fold ى to ي", func(o *normalize.Options) *bool { return &o.AlefMaksura })
	boolOpt("persian", "fold Persian and Urdu look-alike letters", func(o *normalize.Options) *bool { return &o.PersianLetters })
	boolOpt("digits", "Arabic-Indic and Persian digits to 0–9", func(o *normalize.Options) *bool { return &o.Digits })
	boolOpt("punct", "Arabic punctuation ، ؛ ؟ to , ; ?", func(o *normalize.Options) *bool { return &o.Punctuation })
	boolOpt("controls", "delete bidi and zero-width controls", func(o *normalize.Options) *bool { return &o.Controls })
	boolOpt("fold-case", "Unicode simple case folding", func(o *normalize.Options) *bool { return &o.FoldCase })
	modeOpt(fs, &edits, "hamza", "hamza on carriers: keep, carriers (ؤ→و ئ→ي) or uniform (→ ء)",
		map[string]normalize.HamzaMode{"keep": normalize.HamzaKeep, "carriers": normalize.HamzaCarriers, "uniform": normalize.HamzaUniform},
		func(o *normalize.Options) *normalize.HamzaMode { return &o.Hamza })
	modeOpt(fs, &edits, "dagger", "dagger alef U+0670: keep, strip or alef",
		map[string]normalize.DaggerMode{"keep": normalize.DaggerKeep, "strip": normalize.DaggerStrip, "alef": normalize.DaggerToAlef},
		func(o *normalize.Options) *normalize.DaggerMode { return &o.DaggerAlef })
	modeOpt(fs, &edits, "zwnj", "zero-width non-joiner: keep, delete or space",
		map[string]normalize.ZWNJMode{"keep": normalize.ZWNJKeep, "delete": normalize.ZWNJDelete, "space": normalize.ZWNJSpace},
		func(o *normalize.Options) *normalize.ZWNJMode { return &o.ZWNJ })
	if err := parse(fs, args); err != nil {
		return err
	}
	opts, ok := presets[*preset]
	if !ok {
		return usageError{fmt.Sprintf("unknown preset %q (want search, light, lucene or none)", *preset)}
	}
	for _, edit := range edits {
		edit(&opts)
	}
	in, err := openInput(e, fs)
	if err != nil {
		return err
	}
	defer in.Close()
	n := normalize.New(opts)
	if !*asJSON {
		w := bufio.NewWriter(e.stdout)
		if _, err := io.Copy(w, n.Reader(ctxReader{ctx, in})); err != nil {
			return err
		}
		return w.Flush()
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	sc := bufio.NewScanner(ctxReader{ctx, in})
	sc.Buffer(make([]byte, 0, 64*1024), 64<<20)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if err := enc.Encode(struct {
			Line       int    `json:"line"`
			Text       string `json:"text"`
			Normalized string `json:"normalized"`
		}{line, text, n.String(text)}); err != nil {
			return err
		}
	}
	return sc.Err()
}

var presets = map[string]normalize.Options{
	"search": normalize.Search.Options(),
	"light":  normalize.Light.Options(),
	"lucene": normalize.Lucene.Options(),
	"none":   {},
}

// boolFlag is a boolean flag that reports its value instead of storing it.
type boolFlag func(bool)

func (f boolFlag) String() string   { return "" }
func (f boolFlag) IsBoolFlag() bool { return true }
func (f boolFlag) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	f(v)
	return nil
}

// funcFlag is a flag that reports its value instead of storing it.
type funcFlag func(string) error

func (f funcFlag) String() string     { return "" }
func (f funcFlag) Set(s string) error { return f(s) }

// modeOpt declares a flag choosing one of the named modes of an option field.
func modeOpt[M any](fs *flag.FlagSet, edits *[]func(*normalize.Options), name, help string, modes map[string]M, field func(*normalize.Options) *M) {
	fs.Var(funcFlag(func(s string) error {
		m, ok := modes[s]
		if !ok {
			return fmt.Errorf("unknown value %q", s)
		}
		*edits = append(*edits, func(o *normalize.Options) { *field(o) = m })
		return nil
	}), name, help)
}

// ctxReader stops reading once ctx is cancelled, so Ctrl-C ends a long stream cleanly.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

func runVersion(_ context.Context, e env, args []string) error {
	fs := newFlagSet(e, "version", "", "Prints the module version and the build settings.")
	asJSON := fs.Bool("json", false, "print as one JSON object")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	version, goVersion := "(devel)", "unknown"
	settings := map[string]string{}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		goVersion = bi.GoVersion
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision", "vcs.time", "vcs.modified", "GOOS", "GOARCH":
				settings[s.Key] = s.Value
			}
		}
	}
	if *asJSON {
		return writeJSONLine(e.stdout, map[string]any{"version": version, "go": goVersion, "build": settings})
	}
	fmt.Fprintf(e.stdout, "tarjuman %s %s\n", version, goVersion)
	for _, k := range []string{"vcs.revision", "vcs.time", "vcs.modified", "GOOS", "GOARCH"} {
		if v, ok := settings[k]; ok {
			fmt.Fprintf(e.stdout, "  %s=%s\n", k, v)
		}
	}
	return nil
}
