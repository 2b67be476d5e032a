// Command quickstart is the front door of tarjuman: in one run on the built-in sample article it shows
// every capability working together: normalization, glossary hits in running Arabic, term alignment from a
// parallel corpus, and translation-memory lookups.
//
//	go run ./examples/quickstart
package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"iter"
	"os"
	"os/signal"
	"slices"
	"strings"

	"github.com/tarjuman/tarjuman/glossary"
	"github.com/tarjuman/tarjuman/glossary/align"
	"github.com/tarjuman/tarjuman/internal/sample"
	"github.com/tarjuman/tarjuman/normalize"
	"github.com/tarjuman/tarjuman/tm"
	"golang.org/x/text/language"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, _ []string, _ io.Reader, w io.Writer) error {
	article := sample.SeedArabic()
	steps := []struct {
		title string
		run   func(context.Context, io.Writer, string) error
	}{
		{"1. normalize: one key for every spelling", showNormalize},
		{"2. glossary: terms found in the article despite clitics and inflection", showGlossary},
		{"3. align: recurring terms learned from a parallel corpus", showAlign},
		{"4. tm: fuzzy lookups in a translation memory of the article", showTM},
	}
	for i, s := range steps {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "== %s\n", s.title)
		if err := s.run(ctx, w, article); err != nil {
			return fmt.Errorf("%s: %w", s.title, err)
		}
	}
	return nil
}

func showNormalize(_ context.Context, w io.Writer, _ string) error {
	// The same phrase as a reader may meet it: vocalized, stretched with tatweel, with hamza dropped.
	for _, s := range []string{"الضمانات الأمنية", "بِالضَّمَانَاتِ الأَمْنِيَّةِ", "الضمـــانات الامنيه", "مسؤول / مسئول", "٣٠/١٢/٢٠٢١"} {
		fmt.Fprintf(w, "%-30s search=%s  lucene=%s\n", s, normalize.Search.String(s), normalize.Lucene.String(s))
	}
	// Offsets map every normalized position back to the original, so a hit found on the key can be
	// highlighted where the reader sees it, diacritics included.
	orig := "قال: بِالضَّمَانَاتِ الأَمْنِيَّةِ."
	key, om := normalize.Search.StringWithOffsets(orig)
	i := strings.Index(key, "الضمانات")
	start, end := om.OrigSpan(i, i+len("الضمانات"))
	fmt.Fprintf(w, "key %q: %q found at key[%d:%d] = original[%d:%d] %q\n", key, "الضمانات", i, i+len("الضمانات"), start, end, orig[start:end])
	return nil
}

func showGlossary(_ context.Context, w io.Writer, article string) error {
	g, err := glossary.ReadCSV(bytes.NewReader(sample.File("glossary_seed.tsv")), glossary.HeadedTSV)
	if err != nil {
		return err
	}
	matches := g.Matcher(language.Arabic, language.English).FindAll(article)
	// Group the hits by concept: how often each was found and in which surface forms.
	type group struct {
		en    string
		n     int
		forms []string
	}
	var order []string
	groups := map[string]*group{}
	for _, m := range matches {
		gr := groups[m.Entry.ID]
		if gr == nil {
			gr = &group{}
			if len(m.Targets) > 0 {
				gr.en = m.Targets[0].Text
			}
			groups[m.Entry.ID] = gr
			order = append(order, m.Entry.ID)
		}
		gr.n++
		if !slices.Contains(gr.forms, m.Text) {
			gr.forms = append(gr.forms, m.Text)
		}
	}
	slices.SortStableFunc(order, func(a, b string) int { return len(groups[b].forms) - len(groups[a].forms) })
	fmt.Fprintf(w, "%d hits of %d terms in the %d-byte article; the terms found in the most forms:\n", len(matches), len(order), len(article))
	for _, id := range order[:min(8, len(order))] {
		gr := groups[id]
		fmt.Fprintf(w, "  %-34s ×%-2d as %s\n", gr.en, gr.n, strings.Join(gr.forms, " · "))
	}
	// QA: a translation that renders the term differently is flagged; clitics on the target side are fine.
	src := "Russia demands security guarantees."
	for _, tr := range []string{"تطالب روسيا بالضمانات الأمنية.", "تطالب روسيا بالتطمينات الأمنية."} {
		issues := g.Check(language.English, language.Arabic, src, tr)
		fmt.Fprintf(w, "check %q: %d issue(s)", tr, len(issues))
		for _, is := range issues {
			fmt.Fprintf(w, "; %s", is.Message)
		}
		fmt.Fprintln(w)
	}
	return nil
}

func showAlign(ctx context.Context, w io.Writer, _ string) error {
	segs := sample.ParseTSV(sample.File("news_parallel.tsv"))
	pairs := func(yield func(glossary.Pair) bool) {
		for _, s := range segs {
			if !yield(glossary.Pair{Source: s.Arabic, Target: s.English}) {
				return
			}
		}
	}
	res, err := align.Align(ctx, iter.Seq[glossary.Pair](pairs), align.Options{Source: language.Arabic, Target: language.English})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d candidate pairs from %d segment pairs; the top 12:\n", len(res.Candidates), res.Segments)
	for _, c := range res.Candidates[:min(12, len(res.Candidates))] {
		fmt.Fprintf(w, "  %.2f  %-26s = %-22s seen in %d segments\n", c.Score, c.Source, c.Target, c.Count)
	}
	return nil
}

func showTM(ctx context.Context, w io.Writer, _ string) error {
	mem := tm.NewMemory(nil)
	defer mem.Close()
	stats, err := mem.Import(ctx, bytes.NewReader(sample.File("seed_parallel.tmx")), tm.ImportOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "imported %d units from TMX\n", stats.Added)
	arEn := tm.LangPair{Source: language.Arabic, Target: language.English}
	queries := []struct {
		text string
		pair tm.LangPair
	}{
		{"الكرملين: بوتين أكد لبايدن أن روسيا تريد النتيجة من مفاوضات الضمانات الأمنية", arEn},
		{"الكرملين: بوتين أكَّدَ لبايدن أن روسيا تريد النتيجة من مفاوضات الضمانات الأمنيّة", arEn},
		{"الكرملين: بوتين اكد لبايدن ان روسيا تريد النتائج من مفاوضات الضمانات الامنية", arEn},
		{"The Russian side warned that imposing sanctions on Moscow would have serious consequences.", arEn.Reverse()},
	}
	for _, q := range queries {
		ms, err := mem.Lookup(ctx, tm.Query{Text: q.text, Pair: q.pair, Limit: 1})
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "query %s: %s\n", q.pair, q.text)
		if len(ms) == 0 {
			fmt.Fprintln(w, "  no match")
			continue
		}
		m := ms[0]
		fmt.Fprintf(w, "  %d%% %s → %s\n", m.Percent, m.Kind, m.Suggestion)
	}
	hits, err := mem.Concordance(ctx, "الضمانات الأمنية", tm.ConcordanceOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "concordance %q: %d hits\n", "الضمانات الأمنية", len(hits))
	for _, h := range hits[:min(3, len(hits))] {
		fmt.Fprintf(w, "  …%s[%s]%s…\n", h.Left, h.Match, h.Right)
	}
	return nil
}
