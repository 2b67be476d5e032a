// Package score provides the distance and association measures shared by the translation memory and the
// term aligner: token-level and character-level Levenshtein distance, the CAT match percentage, Dice's
// coefficient and Dunning's log-likelihood ratio.
//
// Levenshtein distance counts insertions, deletions and substitutions, each of cost 1 (no transpositions).
// CharDistance implements the bit-parallel algorithm of G. Myers, "A fast bit-vector algorithm for
// approximate string matching based on dynamic programming" (J. ACM 46(3), 1999), in the global-distance
// formulation of H. Hyyrö, "A bit-vector algorithm for computing Levenshtein and Damerau edit distances"
// (Nordic J. Computing 10, 2003), with 64-bit blocks for longer patterns. LLR is the G² statistic of
// T. Dunning, "Accurate methods for the statistics of surprise and coincidence" (Computational Linguistics
// 19(1), 1993).
//
// # Concurrency
//
// Every function is pure and safe for concurrent use.
//
// # Caveats
//
// CharDistance works on Unicode code points, not grapheme clusters: a letter with a combining mark is two
// runes, and invalid UTF-8 bytes each count as one U+FFFD rune. Nothing here normalizes text; callers
// compare keys already folded by package normalize. Percent is the usual CAT fuzzy-match fraction, not a
// similarity that satisfies the triangle inequality.
package score
