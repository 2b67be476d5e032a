package align

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"golang.org/x/text/language"

	"github.com/tarjuman/tarjuman/glossary"
)

// Options configures Terms and Align. The zero value aligns with sensible defaults and detects which side
// is Arabic. Align only reads its Options, so one value may be shared by concurrent calls.
type Options struct {
	// Source and Target are the languages of Pair.Source and Pair.Target: one Arabic, one English. If both
	// are zero (language.Und) the Arabic side is detected from the text; if one is set, the other is the
	// other language.
	Source, Target language.Tag

	// MinCount is the minimum number of segments a pair must be seen in; below 2 means 2.
	MinCount int
	// MaxTokens is the longest term in tokens; 0 means 4 (the most allowed is 4).
	MaxTokens int
	// MinLLR is the minimum log-likelihood ratio of segment co-occurrence; 0 means 10.83 (p < 0.001 for
	// one degree of freedom); negative disables the filter.
	MinLLR float64
	// MinScore is the minimum Score; 0 means 0.2; negative disables the filter.
	MinScore float64

	// Model1Iterations and Model2Iterations are the EM iterations of IBM Model 1 and of the diagonal
	// IBM Model 2 run after it, in each direction; 0 means 2 and 4.
	Model1Iterations, Model2Iterations int
	// MinSegments is the corpus size, in usable segments, below which EM is not run and pairs are scored
	// on segment co-occurrence alone (Result.Method is Cooccurrence); 0 means 100.
	MinSegments int
	// MaxSegmentTokens is the longest segment, in tokens on either side, that is word-aligned and scored;
	// longer ones only count towards monolingual term frequency. 0 means 100; at most 1,000 (EM costs
	// grow with the product of the two lengths).
	MaxSegmentTokens int

	// Progress, if set, is called from the calling goroutine at the start and end of each stage and every
	// few thousand segments within one.
	Progress func(Progress)

	// Glossary, if set, is an existing termbase: candidates whose source term it lists with other
	// target-language terms get those terms in Candidate.Conflict.
	Glossary *glossary.Glossary
}

// Stage names a step of the pipeline for progress reports.
type Stage uint8

// Pipeline stages, in order.
const (
	StageRead       Stage = iota + 1 // tokenizing the corpus
	StageCandidates                  // counting monolingual term candidates
	StageModel1                      // IBM Model 1 EM iterations
	StageModel2                      // diagonal IBM Model 2 EM iterations
	StageExtract                     // symmetrized alignment and phrase pair extraction
	StageScore                       // association scores and mutual-best selection
)

func (s Stage) String() string {
	switch s {
	case StageRead:
		return "read"
	case StageCandidates:
		return "candidates"
	case StageModel1:
		return "model1"
	case StageModel2:
		return "model2"
	case StageExtract:
		return "extract"
	case StageScore:
		return "score"
	}
	return fmt.Sprintf("Stage(%d)", uint8(s))
}

// Progress reports how far a stage has got: Done of Total units (segments, or EM iterations of both
// directions for the model stages). Total is 0 while the corpus is still being read. It is a plain value.
type Progress struct {
	Stage       Stage
	Done, Total int
}

// Method says how the pairs of a Result were scored.
type Method uint8

const (
	// WordAlignment is the full pipeline: EM word alignment, symmetrization and phrase extraction.
	WordAlignment Method = iota
	// Cooccurrence is the fallback for corpora too small for EM (fewer than Options.MinSegments usable
	// segments): pairs are scored on segment co-occurrence alone, which is less precise.
	Cooccurrence
)

func (m Method) String() string {
	if m == Cooccurrence {
		return "co-occurrence"
	}
	return "word alignment"
}

// Candidate is a proposed glossary pair: a term of the source side and its equivalent on the target side.
// It is a plain value, safe to copy and share.
type Candidate struct {
	// Source and Target are the most frequent surface forms of the two terms (for Arabic, preferably a
	// form without prefixed conjunction or preposition, and with the article when the corpus has it).
	Source, Target string
	// Score in [0, 1) is the harmonic mean of PST and PTS computed with one extra unseen segment on each
	// side (Count/(SourceCount+1) and Count/(TargetCount+1)): how consistently each term is rendered by the
	// other, discounted when the evidence is thin. Candidates are ordered by it.
	Score float64
	// LLR is Dunning's log-likelihood ratio of the two terms' co-occurrence in segments; Dice is Dice's
	// coefficient of the same counts.
	LLR, Dice float64
	// PST is the share of the segments containing Source where it was rendered by Target; PTS the share of
	// the segments containing Target where it renders Source.
	PST, PTS float64
	// Count is the number of segments in which the pair was seen (aligned, or co-occurring in the fallback);
	// SourceCount and TargetCount the number of scored segments containing each term.
	Count, SourceCount, TargetCount int
	// Examples are up to 3 occurrences of the pair, in corpus order.
	Examples []Evidence
	// Conflict lists the target-language terms that Options.Glossary gives for Source when none of them is
	// Target; it is empty when there is no glossary, no entry for Source, or the entry agrees.
	Conflict []string
}

// Evidence locates one occurrence of a pair: Segment is the 0-based index of the pair in the input
// sequence; the spans are byte offsets into that pair's Source and Target strings (whole tokens, clitics
// included). It is a plain value.
type Evidence struct {
	Segment                int
	SourceStart, SourceEnd int
	TargetStart, TargetEnd int
}

// Result is the outcome of Align: the candidates and how they were obtained. It is not shared with
// anything else, so concurrent readers are safe as long as nobody modifies it.
type Result struct {
	Candidates []Candidate
	// Source and Target are the languages used (detected when Options left them zero).
	Source, Target language.Tag
	// Method is WordAlignment, or Cooccurrence when the corpus was too small for EM.
	Method Method
	// Segments is the number of pairs read; Scored the number with both sides non-empty and not longer
	// than Options.MaxSegmentTokens, which are the ones aligned and scored.
	Segments, Scored int
}

// Fallback reports whether the result comes from the co-occurrence fallback rather than word alignment.
func (r *Result) Fallback() bool { return r.Method == Cooccurrence }

// ErrLanguage is returned when Options name languages other than one Arabic and one English side.
var ErrLanguage = errors.New("align: need one Arabic and one English side")

// Terms finds recurring terms of a sentence-aligned Arabic–English corpus and their equivalents, best first.
// It is Align without the Result metadata: call Align to learn whether the co-occurrence fallback was used.
func Terms(ctx context.Context, pairs iter.Seq[glossary.Pair], o Options) ([]Candidate, error) {
	r, err := Align(ctx, pairs, o)
	if err != nil {
		return nil, err
	}
	return r.Candidates, nil
}

// Align runs the pipeline described in the package documentation over pairs and returns the candidate
// term pairs, best first, with the method used. It reads the whole sequence into memory first. The
// output depends only on the input and o: the same corpus gives the same candidates in the same order.
// It returns ctx.Err() (wrapped) if ctx is cancelled.
func Align(ctx context.Context, pairs iter.Seq[glossary.Pair], o Options) (*Result, error) {
	o = o.withDefaults()
	c, err := read(ctx, pairs, &o)
	if err != nil {
		return nil, err
	}
	res := &Result{Source: c.srcLang, Target: c.tgtLang, Segments: len(c.segs), Scored: c.scored}
	if err := c.findCandidates(ctx, &o); err != nil {
		return nil, err
	}
	var stats []pairStat
	if c.scored < o.MinSegments {
		res.Method = Cooccurrence
		stats, err = c.cooccurrence(ctx, &o)
	} else {
		res.Method = WordAlignment
		stats, err = c.wordAlign(ctx, &o)
	}
	if err != nil {
		return nil, err
	}
	res.Candidates, err = c.choose(ctx, stats, &o)
	if err != nil {
		return nil, err
	}
	if o.Glossary != nil {
		flagConflicts(res.Candidates, o.Glossary, c.srcLang, c.tgtLang)
	}
	return res, nil
}

func (o Options) withDefaults() Options {
	if o.MinCount < 2 {
		o.MinCount = 2
	}
	if o.MaxTokens <= 0 || o.MaxTokens > maxN {
		o.MaxTokens = maxN
	}
	if o.MinLLR == 0 {
		o.MinLLR = 10.83
	}
	if o.MinScore == 0 {
		o.MinScore = 0.2
	}
	if o.Model1Iterations <= 0 {
		o.Model1Iterations = 2
	}
	if o.Model2Iterations <= 0 {
		o.Model2Iterations = 4
	}
	if o.MinSegments <= 0 {
		o.MinSegments = 100
	}
	if o.MaxSegmentTokens <= 0 {
		o.MaxSegmentTokens = 100
	}
	o.MaxSegmentTokens = min(o.MaxSegmentTokens, 1000)
	return o
}

func (o *Options) report(s Stage, done, total int) {
	if o.Progress != nil {
		o.Progress(Progress{Stage: s, Done: done, Total: total})
	}
}

func cancelled(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("align: %w", err)
	}
	return nil
}
