// Command annotate finds glossary terms in Arabic text and prints each hit highlighted in its context
// with its English equivalents.
//
//	go run ./examples/annotate                      # the embedded seed article and seed glossary
//	go run ./examples/annotate -glossary my.tbx article.txt
//	echo "وبالضمانات الأمنية" | go run ./examples/annotate -
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"unicode/utf8"

	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/internal/sample"
	"golang.org/x/text/language"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "annotate:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("annotate", flag.ContinueOnError)
	fs.SetOutput(stdout)
	gpath := fs.String("glossary", "", "glossary `file` (.tbx, .tsv or .csv with a header row); default: the seed glossary")
	width := fs.Int("context", 24, "`runes` of context shown on each side of a hit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil // the usage was printed
		}
		return err
	}
	g, err := loadGlossary(*gpath)
	if err != nil {
		return err
	}
	text, err := loadText(fs.Arg(0), stdin)
	if err != nil {
		return err
	}
	m := g.Matcher(language.Arabic, language.English)
	matches := m.FindAll(text)
	for _, mt := range matches {
		if err := ctx.Err(); err != nil {
			return err
		}
		line := 1 + strings.Count(text[:mt.Start], "\n")
		warn := ""
		if !mt.Source.Status.Required() {
			warn = fmt.Sprintf("  [%s source term %q]", mt.Source.Status, mt.Source.Text)
		}
		fmt.Fprintf(stdout, "%d:%d-%d\t%s\n\t→ %s%s\n", line, mt.Start, mt.End, highlight(text, mt, *width), equivalents(mt.Targets), warn)
	}
	fmt.Fprintf(stdout, "%d hits of %d glossary entries\n", len(matches), g.Len())
	return nil
}

func loadGlossary(path string) (*glossary.Glossary, error) {
	if path == "" {
		return glossary.ReadCSV(bytes.NewReader(sample.File("glossary_seed.tsv")), glossary.HeadedTSV)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return glossary.Read(f)
}

func loadText(arg string, stdin io.Reader) (string, error) {
	var b []byte
	var err error
	switch arg {
	case "":
		return sample.SeedArabic(), nil
	case "-":
		b, err = io.ReadAll(stdin)
	default:
		b, err = os.ReadFile(arg)
	}
	if err == nil && !utf8.Valid(b) {
		err = errors.New("input is not UTF-8")
	}
	return string(b), err
}

// highlight shows the hit between ⟦ ⟧ with up to width runes of its line on each side.
func highlight(text string, mt glossary.Match, width int) string {
	before := text[:mt.Start]
	if i := strings.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	after := text[mt.End:]
	if i := strings.IndexByte(after, '\n'); i >= 0 {
		after = after[:i]
	}
	if r := []rune(before); len(r) > width {
		before = "…" + string(r[len(r)-width:])
	}
	if r := []rune(after); len(r) > width {
		after = string(r[:width]) + "…"
	}
	return before + "⟦" + mt.Text + "⟧" + after
}

func equivalents(ts []glossary.Term) string {
	if len(ts) == 0 {
		return "(no English term)"
	}
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.Text
		if t.Status != glossary.Unspecified {
			parts[i] += " (" + t.Status.String() + ")"
		}
	}
	return strings.Join(parts, "; ")
}
