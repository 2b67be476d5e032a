// Package tmx reads and writes translation memories in TMX (Translation Memory
// eXchange), streaming one translation unit at a time and keeping inline codes
// as structure.
//
// # Spec
//
// The Decoder reads TMX 1.1 to 1.4b (LISA OSCAR, 2005): the TMX 1.1 lang and
// the 1.4 xml:lang attributes, srclang="*all*", tuid, creation/change dates and
// ids, lastusagedate, usagecount, prop, note, ude and the inline elements bpt,
// ept, it, ph, hi, sub and ut, which become a Seg: a slice of text runs and
// elements with their attributes and children, never a flattened string. Input
// may be UTF-8 (with or without byte order mark), UTF-16 LE or BE (by byte
// order mark, or by a leading "<" without one), us-ascii with character
// references, or a legacy encoding named in the XML declaration (ISO-8859-1,
// -6, -15, windows-1252, windows-1256). The Encoder writes TMX 1.4b in UTF-8,
// and decoding what it wrote gives back the same TUs.
//
// Dates use the TMX form YYYYMMDDThhmmssZ; anything else is an error.
// Seg.String gives the text a conforming importer extracts (codes dropped,
// hi kept); Seg.Encode and DecodeSeg turn a segment into match text with one
// private use placeholder rune per code and back, so a translation memory can
// match on text and restore the codes.
//
// # Safety
//
// A DOCTYPE is skipped: no DTD or external entity is ever fetched and no
// entity declared in a DTD is expanded, so a reference to one (as in "billion
// laughs") is an ErrEntity error at its first use. Element nesting is bounded
// by Decoder.MaxDepth and the input of one translation unit by
// Decoder.MaxTUSize, so memory stays bounded on files of any size. Errors in
// input are *ParseError values with line and column; the package never
// panics on input.
//
// # Performance
//
// The Decoder runs on its own XML tokenizer, which accepts exactly what
// encoding/xml accepts in Strict mode (a fuzz test compares the two token by
// token) but reads from its own buffer and interns TMX names: a plain
// two-variant TU costs about 9 allocations and 2–3 µs, a TU with codes and
// metadata about 29 allocations, and Next is linear in the size of the TU
// (see BENCHMARKS.md). The Encoder writes a TU without allocating.
//
// # Concurrency
//
// Decoder and Encoder are stateful streams and not safe for concurrent use.
// TU, Header and Seg are plain values: safe to read from several goroutines.
//
// # Caveats
//
// The Decoder does not validate against the TMX DTD: it checks what a
// translation memory depends on (structure of tu, tuv and seg, inline nesting,
// dates, usage counts, the shape of language tags) and keeps unknown
// attributes in Ext fields; attributes of the tmx root other than version, of
// seg and of prop, note and map beyond the TMX ones are dropped. Whether a
// language tag names a known language is left to the caller (TMs contain tags
// such as "ar-AR"). Comments and processing instructions are dropped; text
// split by a comment is joined. After malformed XML decoding cannot resume,
// even in Lenient mode. The Encoder always writes version="1.4" and fills the
// header attributes TMX requires when they are empty. Column numbers count
// bytes of the UTF-8 text.
package tmx
