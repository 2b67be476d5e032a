// Command align proposes glossary pairs from a sentence-aligned Arabic–English corpus and prints the best
// ones with their scores and one example each, the terms marked with ⟦ ⟧.
//
//	go run ./examples/align                 # the embedded political-news corpus
//	go run ./examples/align -n 50 corpus.tsv # lines of id<TAB>source<TAB>target, or source<TAB>target
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/glossary/align"
	"github.com/tarjuman/tarjuman/internal/sample"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "align:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("align", flag.ContinueOnError)
	fs.SetOutput(stdout)
	top := fs.Int("n", 15, "print the best `n` pairs")
	if err := fs.Parse(args); err != nil {
		return err
	}
	pairs, err := load(fs.Arg(0), stdin)
	if err != nil {
		return err
	}
	res, err := align.Align(ctx, func(yield func(glossary.Pair) bool) {
		for _, p := range pairs {
			if !yield(p) {
				return
			}
		}
	}, align.Options{})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d segments (%v→%v), %s: %d candidate pairs\n\n", res.Segments, res.Source, res.Target, res.Method, len(res.Candidates))
	for i, c := range res.Candidates[:min(*top, len(res.Candidates))] {
		fmt.Fprintf(stdout, "%2d. %s = %s\n    score %.2f  LLR %.1f  P(t|s) %.2f  P(s|t) %.2f  seen in %d segments\n",
			i+1, c.Source, c.Target, c.Score, c.LLR, c.PST, c.PTS, c.Count)
		if len(c.Examples) > 0 {
			ev := c.Examples[0]
			p := pairs[ev.Segment]
			fmt.Fprintf(stdout, "    #%d %s\n        %s\n", ev.Segment+1,
				mark(p.Source, ev.SourceStart, ev.SourceEnd), mark(p.Target, ev.TargetStart, ev.TargetEnd))
		}
	}
	return nil
}

func mark(s string, start, end int) string {
	return s[:start] + "⟦" + s[start:end] + "⟧" + s[end:]
}

// load reads tab-separated pairs from the named file, from stdin for "-", or the embedded news corpus.
func load(path string, stdin io.Reader) ([]glossary.Pair, error) {
	var r io.Reader
	switch path {
	case "":
		r = strings.NewReader(string(sample.File("news_parallel.tsv")))
	case "-":
		r = stdin
	default:
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	var pairs []glossary.Pair
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	for n := 1; sc.Scan(); n++ {
		cols := strings.Split(sc.Text(), "\t")
		switch len(cols) {
		case 2:
			pairs = append(pairs, glossary.Pair{Source: cols[0], Target: cols[1]})
		case 3:
			pairs = append(pairs, glossary.Pair{Source: cols[1], Target: cols[2]})
		default:
			return nil, fmt.Errorf("line %d: want 2 or 3 tab-separated columns, got %d", n, len(cols))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(pairs) == 0 {
		return nil, errors.New("no pairs")
	}
	return pairs, nil
}
