package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"strings"

	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/glossary/align"
	"github.com/tarjuman/tarjuman/glossary/tbx"
	"github.com/tarjuman/tarjuman/tm/tmx"
	"golang.org/x/text/language"
)

// loadGlossary reads a glossary file in any format glossary.Read recognizes (TBX, TSV or CSV).
func loadGlossary(path string) (*glossary.Glossary, error) {
	if path == "" {
		return nil, usageError{"-glossary FILE is required"}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return glossary.Read(f)
}

func langFlags(fs *flag.FlagSet, defSrc, defTgt string) (src, tgt *string) {
	return fs.String("src", defSrc, "source language"), fs.String("tgt", defTgt, "target language")
}

// parseLangs reads -src and -tgt as BCP 47 tags, also in the "pt_BR" spelling of gettext and Weblate.
func parseLangs(src, tgt string) (language.Tag, language.Tag, error) {
	s, err := language.Parse(strings.ReplaceAll(src, "_", "-"))
	if err != nil {
		return language.Und, language.Und, usageError{fmt.Sprintf("-src: bad language %q", src)}
	}
	t, err := language.Parse(strings.ReplaceAll(tgt, "_", "-"))
	if err != nil {
		return language.Und, language.Und, usageError{fmt.Sprintf("-tgt: bad language %q", tgt)}
	}
	return s, t, nil
}

// glossaryJob is what annotate and check share: a glossary, a language pair and an input.
type glossaryJob struct {
	g        *glossary.Glossary
	src, tgt language.Tag
	in       io.ReadCloser
	asJSON   bool
}

// openGlossaryJob parses the flags annotate and check share (-glossary, -src, -tgt, -json) and opens the
// glossary and the input. The caller closes job.in.
func openGlossaryJob(e env, fs *flag.FlagSet, args []string, defSrc, defTgt, jsonHelp string) (glossaryJob, error) {
	gpath := fs.String("glossary", "", "glossary `file` (TBX, or TSV/CSV with a header row)")
	src, tgt := langFlags(fs, defSrc, defTgt)
	asJSON := fs.Bool("json", false, jsonHelp)
	if err := parse(fs, args); err != nil {
		return glossaryJob{}, err
	}
	job := glossaryJob{asJSON: *asJSON}
	var err error
	if job.src, job.tgt, err = parseLangs(*src, *tgt); err != nil {
		return job, err
	}
	if job.g, err = loadGlossary(*gpath); err != nil {
		return job, err
	}
	job.in, err = openInput(e, fs)
	return job, err
}

func runAnnotate(ctx context.Context, e env, args []string) error {
	fs := newFlagSet(e, "annotate", "[FILE|-]", "Finds the glossary's terms in text and prints each hit with its equivalents.")
	job, err := openGlossaryJob(e, fs, args, "ar", "en", "one JSON object per hit (offsets in code points)")
	if err != nil {
		return err
	}
	defer job.in.Close()
	m := job.g.Matcher(job.src, job.tgt)
	return eachLine(ctx, job.in, func(n int, line string) error {
		for _, h := range m.FindAll(line) {
			targets := make([]string, 0, len(h.Targets))
			for _, x := range h.Targets {
				targets = append(targets, x.Text)
			}
			if job.asJSON {
				if err := writeJSONLine(e.stdout, map[string]any{"line": n, "start": runeOffset(line, h.Start),
					"end": runeOffset(line, h.End), "text": h.Text, "term": h.Source.Text, "entry": h.Entry.ID, "targets": targets}); err != nil {
					return err
				}
				continue
			}
			fmt.Fprintf(e.stdout, "%d:%d-%d\t%s\t%s\t%s\n", n, runeOffset(line, h.Start), runeOffset(line, h.End), h.Text, h.Source.Text, strings.Join(targets, " | "))
		}
		return nil
	})
}

func runCheck(ctx context.Context, e env, args []string) error {
	fs := newFlagSet(e, "check", "[FILE|-]",
		"Checks a TSV of source<TAB>translation lines (or id<TAB>source<TAB>translation) against the glossary:\n"+
			"missing required terms and forbidden or deprecated terms. Exits 1 when it found issues.")
	job, err := openGlossaryJob(e, fs, args, "en", "ar", "one JSON object per issue")
	if err != nil {
		return err
	}
	defer job.in.Close()
	found := 0
	err = eachLine(ctx, job.in, func(n int, line string) error {
		f := strings.Split(line, "\t")
		id := fmt.Sprint(n)
		switch len(f) {
		case 2:
		case 3:
			id, f = f[0], f[1:]
		default:
			return fmt.Errorf("line %d: want 2 or 3 tab-separated fields, got %d", n, len(f))
		}
		for _, is := range job.g.Check(job.src, job.tgt, f[0], f[1]) {
			found++
			if job.asJSON {
				if err := writeJSONLine(e.stdout, map[string]any{"line": n, "id": id, "kind": is.Kind.String(), "message": is.Message, "term": is.Match.Text}); err != nil {
					return err
				}
				continue
			}
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\n", id, is.Kind, is.Message)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if found > 0 {
		return fmt.Errorf("%d terminology issue(s)", found)
	}
	return nil
}

func runAlign(ctx context.Context, e env, args []string) error {
	fs := newFlagSet(e, "align", "[FILE|-]",
		"Finds recurring terms and their equivalents in a parallel corpus: a TSV of source<TAB>target (or\n"+
			"id<TAB>source<TAB>target) lines, or a TMX file (by extension or content). Prints TSV, or TBX with -tbx.")
	src, tgt := langFlags(fs, "ar", "en")
	asTBX := fs.Bool("tbx", false, "write the candidates as a TBX-Basic glossary")
	asJSON := fs.Bool("json", false, "one JSON object per candidate")
	minCount := fs.Int("min-count", 2, "fewest segments a pair must be seen in")
	if err := parse(fs, args); err != nil {
		return err
	}
	s, t, err := parseLangs(*src, *tgt)
	if err != nil {
		return err
	}
	in, err := openInput(e, fs)
	if err != nil {
		return err
	}
	defer in.Close()
	bar := newProgress(e.stderr, in)
	pairs, errp := readPairs(bar.reader(), s, t)
	res, err := align.Align(ctx, pairs, align.Options{Source: s, Target: t, MinCount: *minCount,
		Progress: func(p align.Progress) { bar.update(p.Done) }})
	bar.done()
	if *errp != nil {
		return *errp
	}
	if err != nil {
		return err
	}
	switch {
	case *asTBX:
		g := new(glossary.Glossary)
		for _, en := range res.Entries() {
			if err := g.Add(en); err != nil {
				return err
			}
		}
		return g.WriteTBX(e.stdout, tbx.BasicV3)
	case *asJSON:
		for _, c := range res.Candidates {
			if err := writeJSONLine(e.stdout, c); err != nil {
				return err
			}
		}
	default:
		if res.Fallback() {
			fmt.Fprintln(e.stderr, "note: corpus too small for word alignment; scored on co-occurrence only")
		}
		fmt.Fprintln(e.stdout, "source\ttarget\tscore\tcount\tllr")
		for _, c := range res.Candidates {
			fmt.Fprintf(e.stdout, "%s\t%s\t%.3f\t%d\t%.1f\n", c.Source, c.Target, c.Score, c.Count, c.LLR)
		}
	}
	return nil
}

// readPairs streams sentence pairs from a TSV or TMX input; a read error is reported through the returned
// pointer once the sequence has been consumed.
func readPairs(in io.Reader, src, tgt language.Tag) (iter.Seq[glossary.Pair], *error) {
	var err error
	br := bufio.NewReaderSize(in, 64*1024)
	head, _ := br.Peek(512)
	trimmed := strings.TrimLeft(strings.TrimPrefix(string(head), "\uFEFF"), " \t\r\n")
	isXML := strings.HasPrefix(trimmed, "<") || (len(head) > 1 && (head[0] == 0xFF || head[0] == 0xFE))
	seq := func(yield func(glossary.Pair) bool) {
		if isXML {
			d := tmx.NewDecoder(br)
			for {
				tu, e := d.Next()
				if e == io.EOF {
					return
				}
				if e != nil {
					err = e
					return
				}
				a, b := tu.Variant(src), tu.Variant(tgt)
				if a == nil || b == nil {
					continue
				}
				if !yield(glossary.Pair{Source: a.Seg.String(), Target: b.Seg.String()}) {
					return
				}
			}
		}
		sc := bufio.NewScanner(br)
		sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
		for sc.Scan() {
			f := strings.Split(sc.Text(), "\t")
			if len(f) == 3 {
				f = f[1:]
			}
			if len(f) != 2 {
				continue
			}
			if !yield(glossary.Pair{Source: f[0], Target: f[1]}) {
				return
			}
		}
		err = sc.Err()
	}
	return seq, &err
}

// eachLine calls fn for every line of r (numbered from 1), stopping at the first error or cancellation.
func eachLine(ctx context.Context, r io.Reader, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for n := 1; sc.Scan(); n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	return sc.Err()
}

func runeOffset(s string, byteOff int) int { return len([]rune(s[:byteOff])) }
