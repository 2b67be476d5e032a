// Package align finds recurring terms in a sentence-aligned Arabic–English corpus and proposes their
// equivalents, with scores and evidence, as candidates for a bilingual glossary.
//
// # Method
//
// Align (and Terms, its short form) implements the pipeline of the project design (DESIGN.md §5):
//
//  1. Both sides are tokenized and every word gets an alignment key: for Arabic the stem left after
//     normalize.Search folding and clitic/inflection analysis, so بالضمانات and الضمانات are one word; for
//     English the lower-cased light S-stem, so Guarantees and guarantee are one word.
//  2. Monolingual candidates are the n-grams of 1 to 4 words, inside one punctuation-free stretch, that do
//     not start or end with a stop word, occur at least twice, and have a positive C-value (Frantzi,
//     Ananiadou and Mima 2000): a nested n-gram survives only if it also occurs outside its containers.
//  3. Words are aligned with IBM Model 1 followed by IBM Model 2 with fast_align's diagonal prior (Dyer,
//     Chahuneau and Smith 2013), trained by EM in both directions, and the two Viterbi alignments are
//     symmetrized with grow-diag-final-and (Koehn, Och and Marcu 2003).
//  4. In each segment, pairs of candidate occurrences consistent with the alignment are extracted (Och and
//     Ney 2004), tolerating links to stop words outside the pair (an Arabic word carries its conjunction,
//     preposition and article) and requiring the edge words of both spans to be aligned inside the pair.
//  5. Each pair gets Dunning's log-likelihood ratio and Dice's coefficient of segment co-occurrence and the
//     rendering shares PST and PTS; pairs seen in fewer than two segments or below the thresholds are
//     dropped. A pair is kept if each term is the other's best partner (mutual best), or if it is the
//     best partner of one term and either scores at least half as well as the best pair of the other term
//     or renders the first term in at least half of its segments, so that a rendering shared by two terms
//     is kept for both (قائمة for list and for menu). Word pairs seen only inside a longer chosen pair
//     (البيت ↔ White inside البيت الأبيض ↔ White House) are dropped.
//
// The only stop words a term may start with are the negations: Arabic غير, لا, لم and لن, which render
// English un-, in-, non- and not (غير صالح ↔ invalid, لا يمكن حفظ ↔ cannot save), and English no.
//
// Corpora with fewer than Options.MinSegments usable segments (100 by default) are too small for EM to
// say anything reliable; Align then scores candidate pairs on segment co-occurrence alone and says so in
// Result.Method.
//
// Each candidate reports the most frequent surface form of its terms (for Arabic a form without attached
// conjunction or preposition, preferring the definite one a glossary would list) and up to three
// occurrences as byte spans, so a tool can show the evidence in context.
//
// # Cost
//
// Time and memory grow about linearly with the corpus and with the product of the segment lengths: EM
// costs O(Σ m·n) per iteration over segments of m and n tokens, and segments longer than
// Options.MaxSegmentTokens are not aligned. On a 2-core machine 100,000 segments of about 18 tokens a side
// take about 4 s and 0.45 GB; of about 29 tokens a side, 28 s and 1.6 GB (see BENCHMARKS.md).
//
// # Concurrency
//
// Terms and Align are safe to call from several goroutines at once; each call works on its own data.
// A call collects EM counts on two goroutines of its own and returns only after they finish;
// Options.Progress is called synchronously from the calling goroutine. Result and Candidate are plain
// values.
//
// # Caveats
//
// The whole corpus is held in memory. Candidates are proposals, not verified translations: a pair whose
// terms always occur together in the same context (a name and its title, a term and a fixed verb) can be
// chosen even if it is not a term, and of two renderings of one term (الناتو and حلف شمال الأطلسي for
// NATO) the weaker is dropped unless it passes the relaxations above. Terms longer than four tokens,
// discontinuous terms and terms split by punctuation are not found. Arabic broken plurals are separate
// words for the aligner (سلاح and أسلحة). The package does not sentence-align: the input must already be
// aligned segment by segment.
package align
