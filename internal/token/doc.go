// Package token splits Arabic and English text into tokens with byte offsets and computes the matching
// keys that glossary term finding, term alignment and translation-memory concordance compare.
//
// # Tokens
//
// Tokenize and AppendTokens implement a Unicode-aware word segmentation for translation work, close in
// spirit to UAX #29 word boundaries but with the rules translators need: a Word is a run of letters
// (any script), combining marks and digits, kept whole across an internal hyphen or apostrophe
// (كوفيد-19, don't), across a period between Latin letters (U.S, example.com) and across tatweel,
// harakat and invisible controls inside the word (ZWNJ, ZWJ, LRM, RLM, ALM, soft hyphen, word joiner,
// BOM); a Number is a digit run of any script with internal
// . , : / ٫ ٬ (30/12/2021, 23:35, 1,000.5, ٣٠); a Placeholder is a printf, Qt, brace, ${…}, XML/HTML tag
// or character-reference code (%s, %1$d, %(name)s, {0}, {{name}}, <b>, </b>, <br/>, &amp;); everything
// else that is neither space nor word is Punct, one token per run (..., «», emoji sequences). All white
// space (including NBSP, thin and ideographic spaces) and ZWSP separate tokens and belong to none.
// Offsets are bytes into the input; tokens never overlap and always start and end on rune boundaries.
//
// # Keys
//
// Analyze implements the light Arabic clitic and inflection analysis of DESIGN.md §3 on words folded by
// normalize.Search: the proclitic chain (و|ف)?(ب|ك|ل)?(ال)? with the لل contraction; sound plural, dual
// and nisba endings (ات ون ين ان تان تين يه يون يين يات, reduced to the singular masculine); ة written
// ت before an enclitic; the enclitic pronouns ه ها هم هما هن ك كم كن نا (and ي after ات or ت). It
// returns every plausible reading, most likely first (AppendAnalyses into a reused buffer), and Key
// returns the first reading's stem. Function words and a list of names whose endings only look
// inflectional (بوتين, الكرملين, لبنان) are kept whole.
// It does no stemming to roots and no broken-plural analysis: مصالح stays مصالح.
// English words get EnglishStem: lower case and a light S-stemmer (guarantees → guarantee).
// IsStopWord recognizes Arabic and English function words by key.
//
// # Concurrency
//
// Every function is pure and safe for concurrent use; the package has no mutable state (its tables are
// built once at package initialization and only read). Tokenize is O(len(s)): every placeholder scan is
// bounded to 256 bytes. Analyze is O(len(w)) with a constant number of candidate readings.
//
// # Caveats
//
//   - A single-letter proclitic is only stripped when three letters remain, and such a reading ranks
//     below the whole word unless the whole word is implausible (وو…, وب…, وت…, وم…, وي…, ون…, باست…):
//     so Key("وبايدن") is بايدن but Key("وضمانات") is وضمان, with ضمان as a later reading. Match against all readings of a
//     text word, not only its Key. A proclitic before a function word or a known name goes first
//     (لهذا → هذا, للبنان → لبنان).
//   - A bare word ending in ين/ون/ان is not cut without evidence (بوتين, برلين, ضمان stay whole); a
//     definite one gets the cut only as a later reading (الرئيسين → رئيسين, then رئيس). Names the
//     package knows (الكرملين, البحرين, لبنان) are never cut.
//   - After normalize.Search the feminine ة and the pronoun ه are the same letter, so a reading that
//     strips ه (ترحيبه → ترحيب) also exists for مدرسه → مدرس; it always ranks below the whole word.
//   - ات is reduced to the bare stem (مفاوضات → مفاوض), which is also the key of the singular
//     masculine noun; a later reading restores ة (مفاوضه).
//   - Scripts written without spaces (Chinese, Japanese, Thai) come out as one Word per run: the
//     tokenizer is built for Arabic and English and does no dictionary segmentation.
//   - Keys are lower case, so IsStopWord cannot tell "US" from "us"; "us" is therefore not a stop word.
//   - Placeholders are recognized syntactically: "100%s" and "a<b and c>d" contain placeholders, ICU
//     MessageFormat plural/select bodies with nested braces are not one placeholder.
package token
