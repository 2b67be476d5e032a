// Package glossary is a bilingual termbase that finds its terms in real Arabic and English text,
// checks translations against them, and reads and writes TBX and CSV/TSV glossaries.
//
// The model follows the concepts of TBX (ISO 30042:2019, TBX-Basic): an Entry is one concept with any
// number of Terms per language (synonyms, spelling variants, broken plurals), each with an
// administrative Status (preferred, admitted, deprecated, superseded, forbidden), a part of speech and
// a note.
//
// # Term finding
//
// A Matcher, compiled from a Glossary for a source and a target language, finds source terms in text.
// Matching is term-anchored: each term word is reduced once to a key (normalize.Search, then the
// clitic and inflection analysis of internal/token), each text word to the keys it can be read as, and
// adjacent text words are matched through a trie of term keys. So الضمانات الأمنية is found in
// بالضمانات الأمنية, للضمانات الأمنية, وضمانات أمنية, ضماناتنا الأمنية, in vocalized text, with tatweel,
// Persian yeh or a bare alef; but not in الضمانات والترتيبات الأمنية (not adjacent) nor across
// punctuation, and a shorter term never matches inside a longer word (بوت is not found in بوتين). English
// terms are found case-insensitively up to a plural or possessive s. The longest term wins where terms
// overlap. Spans are byte offsets into the original text covering whole words, clitics and trailing
// diacritics included, ready for highlighting; they come from normalize's offset map, so vocalization,
// tatweel and invisible controls in the text never shift them.
//
// FindAll is linear in the length of the text and independent of the number of terms; see BENCHMARKS.md
// for measured throughput with 100,000 entries.
//
// # Checking translations
//
// Check reports source terms none of whose accepted target terms occur in the translation, and target
// terms the glossary deprecates or forbids; the translation side uses the same matching, so clitics and
// inflection in an Arabic translation do not cause false alarms.
//
// # Formats
//
// ReadCSV and WriteCSV handle delimited files with a configurable CSVLayout and presets: OmegaT's
// tab-separated source/target/comment files, Google's two-column CSV, and a header-named layout
// (columns "ar", "en", "ar:variant", "en:deprecated", "note", "status"...), with "|" between synonyms.
// ReadTBX and WriteTBX convert to and from package glossary/tbx (TBX v2 and v3, TBX-Basic DCA and DCT).
//
// # Concurrency
//
// A Glossary is safe for concurrent use; its zero value is empty and ready. A Matcher is an immutable
// snapshot, safe for concurrent use; entries added after it was compiled are not seen by it. Matches,
// Entries and Issues returned are copies the caller owns.
//
// # Caveats
//
//   - Matching relies on internal/token's analysis: only affixes (clitics, the article, sound plural and
//     dual endings, nisba, feminine ending) are handled. Broken plurals (ضمانة/ضمانات is sound, but
//     مصلحة/مصالح is broken) must be listed as further terms of the entry.
//   - An Arabic term word matches any of its inflected forms, and the first word any proclitic; words
//     after the first take only the article (plus the proclitics the term itself has, as in
//     والتعاون), and agree in definiteness with the first word as they do in the term. A noun followed by
//     an indefinite adjective after a definite noun (الضمانات أمنية) is not matched.
//   - Definiteness from a possessive enclitic is assumed whenever the first word may carry one.
//   - A key's final ه is folded away (ضمانة, ضمانات and ضمانتان share the key ضمان), so two terms that
//     differ only by a final ة are one key.
//   - Punctuation inside a term (U.S.) must appear in the text; punctuation around a term is ignored.
//   - The dual in construct state (وزيرا الخارجية, nun dropped) and broken plurals are not recognized.
//   - CSV layouts carry term texts, statuses, languages, IDs, subject, definition and note; term notes
//     and parts of speech only where the layout has columns for them and all plain terms of a language
//     agree. TBX language-level definitions and notes are folded into the entry.
//   - A Matcher's memory grows with the number of term words; compiling one for 100,000 entries takes a
//     fraction of a second, so compile once and share it (Glossary caches them until the next Add).
package glossary
