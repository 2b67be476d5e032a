// Package fuzzy is an in-memory fuzzy index over normalized keys that answers CAT-style fuzzy-match queries:
// the keys closest to a query by token-level edit distance, scored as translation tools do.
//
// The score of a key against a query is the CAT match fraction score.Percent(n, m, d) over their n and m
// tokens at token-level Levenshtein distance d; ties go to the smaller rune-level distance, then to the
// smaller id. Tokens are runs of letters, digits and combining marks (with internal apostrophes and
// hyphens); every punctuation mark or symbol is a token of its own; white space only separates.
//
// Candidates come from a character 3-gram inverted index (each token padded at both ends, postings sorted
// []uint32) with a count filter and a length filter derived from the threshold, and a prefix filter that
// scans only the rarest postings and probes the frequent ones for the surviving candidates. Candidates are
// rescored exactly in decreasing order of an upper bound on their score. The filters are proved safe in
// Index.Search: results equal those of a brute-force scan with the same scorer.
//
// # Concurrency
//
// Index.Search is safe for concurrent use with other Searches. Index.Add and Index.Remove are not: the caller
// must exclude every other call while they run (a sync.RWMutex, write-locked around Add and Remove and
// read-locked around Search, is enough). Len, Has and Key are reads, like Search.
//
// # Caveats
//
// The index does no normalization: keys and queries must be folded the same way beforehand (tarjuman uses
// normalize.Search). Memory grows with the largest id, so ids should be dense. Very low thresholds
// (minScore near 0) or queries made only of very common tokens make many keys qualify, and exact rescoring
// then costs time proportional to their number; Options.MaxRerank bounds that at the price of exactness.
// Remove costs O(posting length) per gram of the removed key.
package fuzzy
