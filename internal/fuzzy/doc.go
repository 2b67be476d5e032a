// Package fuzzy is an in-memory fuzzy index over normalized keys that answers CAT-style fuzzy-match queries:
// the keys closest to a query by token-level edit distance, scored as translation tools do.
//
// The score of a key against a query is the CAT match fraction score.Percent(n, m, d) over their n and m
// tokens (runs of letters, digits, marks and underscores, with inner apostrophes and hyphens; every other
// non-space rune alone) at token-level Levenshtein distance d; ties go to the smaller rune-level distance
// (score.CharDistance), then to the smaller id.
//
// Keys are indexed by character 3-grams of each token padded at both ends (grams never span two tokens;
// every other gram and the last are kept), repeated grams told apart by occurrence number, postings sorted
// []uint32. A key scoring at least s must
// share ⌈s·max(n, m)⌉ tokens with the query and have m within [s·n, n/s] tokens; a key holding a token holds
// the token's rarest gram. Search scans only the postings of the rarest tokens (prefix filter), counts
// shared tokens for the candidates in the others by merging or galloping search (count filter with length
// bounds), and rescores the survivors exactly in decreasing order of the bound shared/max(n, m), stopping
// when it falls below the last score kept. The argument is spelled out on Index.Search: results equal those
// of a brute-force scan with the same scorer, which the tests check on random data.
//
// Lookup cost grows with the postings of the query's rarer tokens, not with the number of keys: at 1M keys
// of real software strings a lookup takes about 1 ms of CPU (see BENCHMARKS.md).
//
// # Concurrency
//
// Index.Search is safe for concurrent use with other Searches (each call takes its working memory from a
// sync.Pool). Index.Add and Index.Remove are not: the caller must exclude every other call while they run (a
// sync.RWMutex, write-locked around Add and Remove and read-locked around Search, Len, Has and Key, is
// enough).
//
// # Caveats
//
// The index does no normalization: keys and queries must be folded the same way beforehand (tarjuman uses
// normalize.Search). Memory grows with the largest id, so ids should be dense. Adding ids in increasing
// order appends to postings; other orders and Remove insert or delete in place, O(posting length) per gram.
// Very low thresholds or queries made only of very common tokens make many keys qualify, and exact
// rescoring then costs time proportional to their number; Options.MaxRerank bounds that at the price of
// exactness. Keys sharing no token with the query score 0 and are never returned, however similar their
// letters: the score is about tokens, the character distance only breaks ties.
package fuzzy
