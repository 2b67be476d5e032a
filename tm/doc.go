// Package tm is a translation memory: units of source text and translation, stored in an embedded
// bbolt file (Open) or in RAM (NewMemory), looked up by CAT-style fuzzy matching that understands
// Arabic spelling variation, searched by concordance, and exchanged as TMX 1.4b, TSV or Weblate's
// memory JSON.
//
// # Matching
//
// Every unit is indexed in both directions: an Arabic–English unit answers ar→en and en→ar
// queries. Text is compared on its normalize.Search key, so a query that differs from a stored
// source only in diacritics (harakat, shadda, tanwin), hamza and alef forms, tatweel, teh marbuta,
// digit script, case or spacing is a Normalized match (99%), not a poor fuzzy one; so is one that
// differs in a keyboard-accelerator marker of software strings (GTK "O_rientation", Qt "&Save",
// LibreOffice "Ta~ble": in each word, the one marker before a letter, which the key leaves out;
// see token.AcceleratorMarks). Fuzzy matches
// are scored like CAT tools: the percentage of words kept, 100·(max(|a|,|b|) − LD)/max(|a|,|b|)
// with LD the word-level Levenshtein distance over the normalized words, numbers, placeholders
// and inline codes (punctuation is not a word: a text that differs only there scores 98 with a
// punctuation penalty), minus explicit Penalties; ties go to the smaller character distance.
// Candidates come from an in-memory character 3-gram index per direction (internal/fuzzy) over
// exactly these words, whose filters keep every unit that can reach the threshold, so the results
// have the percentages of a scan of every unit with the same scorer (Query.Exhaustive runs that scan;
// when more units tie on a percentage than a lookup fetches, which of them are listed may differ).
//
// A Match carries what a translator's editor needs: the kind (ICE 101, Exact 100, Normalized 99,
// Fuzzy), the differing words with byte offsets into the query and the stored source for
// highlighting, and a suggested target in which numbers and placeholders that differ are replaced
// by the query's (Adjusted).
//
// # Store
//
// A store file has four bbolt buckets, all keyed by unit id so that writes append: units (id →
// record), keys (id → languages and scoring words: all that Open reads to rebuild the index, so it
// neither normalizes again nor touches the full records), exact (id → duplicate hash, loaded into
// the in-memory hash → ids map) and meta (schema version, normalizer fingerprint; a changed
// normalizer makes Open recompute the keys; a random store id). Beside a store of 50,000 units or
// more, Close saves the in-memory index to "<path>.idx" when it changed; Open restores it from there
// (1M units: 0.6 s and no build garbage, instead of a 2–3 s rebuild) when the file matches the store's
// id, unit sequence, last unit and normalizer, and rebuilds otherwise: the file is a checksummed cache,
// safe to delete, never needed (Options.NoIndexFile turns it off). Each Add and each Import batch is one bbolt transaction: once it has
// returned, the units survive a crash of the process (bbolt fsyncs on commit unless
// Options.NoSync), and a crash never leaves a half-written batch or a corrupt file.
//
// # Concurrency
//
// A Memory is safe for concurrent use. Lookup, Concordance, Export and Len run in parallel with
// each other and with one writer (Add, Import; writers are serialized); a reader sees every unit of
// a committed batch or none. Only one process may open a store file for writing at a time.
// ImportOptions.Progress is called from a goroutine of Import, one call at a time. Every other
// exported type (Unit, Query, Match, Hit, the options and stats) is a plain value: safe to read
// from many goroutines, not to change while others read it.
//
// # Caveats
//
// The whole index lives in memory (1M units: about 430 MB). Without a matching index file (a small
// store, a process that died before Close, a read-only user of a stale file) Open rebuilds it from
// the stored scoring words, which are kept with each unit so that nothing is normalized again unless
// the normalizer changed. Units are keyed by base language: en-US and en-GB units answer the
// same queries (a Penalty marks the region mismatch), and a unit cannot pair two variants of one
// language. Concordance tests every unit's in-memory keys (under 50 ms at 1M units) and reads only
// those that pass. TSV export keeps only the texts; TMX
// keeps everything, but per-variant notes become unit notes and per-variant dates fold into the
// unit's. Duplicate detection compares texts exactly: the same translation spelled with and
// without harakat is kept twice.
package tm
