// Package normalize folds Arabic-script (and Latin, Greek, Cyrillic) text to canonical keys and clean
// display forms in one table-driven pass, with byte-offset maps back to the original.
//
// # Spec
//
// The folds are defined on Unicode code points (see Options): the Arabic subset of NFC for hamza and madda
// (U+0653–0655 on ا و ي ە ہ ے), the NFKC mappings of the Arabic presentation forms (U+FB50–FDFF,
// U+FE70–FEFF, U+1EE00–1EEFF), deletion of the marks U+064B–065F, U+0670, U+0610–061A, U+06D6–06ED,
// U+08CA–08FF, letter folds (alef, hamza carriers, teh marbuta, alef maksura, Persian and Urdu letters),
// digit and punctuation mapping, deletion of invisible format characters, and Unicode simple case folding
// (CaseFolding.txt, statuses C and S) for Latin, Greek and Cyrillic. The Lucene preset is exactly Lucene's
// ArabicNormalizer.
//
// New compiles Options into per-rune action tables (keep, delete, replace by a short string) plus a
// one-unit hold for the runes whose output depends on the next kept rune (composition with a following
// hamza or madda mark; ئ before و under HamzaCarriers). All entry points (String, Bytes, Append,
// StringWithOffsets, Transformer, Reader) share that pass and give identical output for any split of the
// input. Time is linear in the input; text that is already normalized is scanned without allocating.
//
// Invariants, checked by fuzz tests for random Options: N(N(x)) == N(x); the output is valid UTF-8 (each
// byte of ill-formed input becomes U+FFFD); runes outside the folds pass through unchanged; offset maps are
// monotone, in bounds and on rune boundaries; streaming output equals String's.
//
// # Concurrency
//
// A Normalizer and an OffsetMap are immutable and safe for concurrent use. The presets Search, Light and
// Lucene are ready to share. A Transformer (and a Reader) holds per-stream state: use one per stream.
//
// # Caveats
//
//   - ComposeHamza composes a letter and a mark that are adjacent (or separated only by runes another
//     option deletes); unlike full NFC it does not reorder combining marks first, so ا + U+0654 + U+0655
//     composes the first mark only.
//   - PresentationForms expands the long word ligatures (ﷺ, ﷻ) to their several words, beyond the usual
//     limit of four runes per replacement; ﷽ has no decomposition and stays.
//   - HamzaUniform writes ؤ and ئ as ء; hamza on alef (أ إ) is governed by Alef only.
//   - Under HamzaCarriers, ئ becomes و when the next kept rune is و (مسئول, شئون meet مسؤول, شؤون). A mark
//     that is kept (Tashkeel off) between them blocks the rule, as it blocks composition.
//   - OffsetMap offsets are bytes, not runes or UTF-16 units; convert at the boundary (an HTTP API in code
//     points, for example).
//   - FoldCase is simple (one-to-one) folding: ß stays ß, and dotted capital İ stays İ.
//   - The package does not segment words, remove clitics or stem: see internal/token for that.
package normalize
