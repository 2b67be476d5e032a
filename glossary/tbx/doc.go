// Package tbx reads and writes TermBase eXchange (TBX) termbases faithfully, one concept entry at a time.
//
// # Specifications
//
// Reading covers TBX v3 (ISO 30042:2019) with the root <tbx> in any urn:iso:std:iso:30042 namespace
// (ed-1, ed-2...), in both styles of the TBX-Basic dialect:
//
//   - DCA, where data categories are type attributes: <termNote type="partOfSpeech">noun</termNote>;
//   - DCT, where they are namespaced elements: <min:partOfSpeech>noun</min:partOfSpeech>,
//     <basic:definition>...; any prefix and any namespace other than the core one is accepted, the
//     element's local name being the data category;
//
// and TBX v2 (ISO 30042:2008, <martif>) with <termEntry>, <langSet>, <tig> and <ntig>/<termGrp>. Writing
// produces TBX-Basic: v3 DCA by default (with the <?xml-model?> lines of the official TBX-Basic examples and
// type="TBX-Basic" style="dca"), v3 DCT (min and basic modules, as in the official examples) or v2 on request.
//
// # Model
//
// The codec keeps text exactly as read: no trimming, no Unicode normalization, no interpretation of
// statuses (StatusValue does that on request). The data categories a glossary needs are fields (subject,
// definition and its source, part of speech, administrative status, term type, context and its source,
// source, customer, project, notes); everything else (transactions, cross references, graphics,
// grammatical gender...) is kept as Descrips, with the members of its group, so that a round trip through
// Write and Read keeps it. Unknown elements that are not data categories (<back>, <refObjectSec>,
// <termCompList>, inline markup inside text) are skipped; inline markup keeps its text.
//
// # Errors
//
// Malformed input gives a *ParseError with line and byte column: XML syntax errors, a root that is not
// <tbx> or <martif>, an empty or missing <term>, a language section without xml:lang, groups nested more
// than 8 deep, and a duplicate id. TBX ids are XML ids, unique in a document, and a termbase with two
// concepts under one id is ambiguous, so a repeated id of an entry or term is an error (ErrDuplicateID;
// entries and terms share one id space, as XML ids do) unless Decoder.AllowDuplicateIDs is set, in which
// case both are kept. Read and Decoder.Next never return
// a partly built document or entry together with an error.
//
// A DOCTYPE is tolerated and ignored: no DTD or external entity is ever fetched, and no entity other than
// the five predefined ones and character references is expanded (an entity declared in an internal subset
// is an error where it is used), so expansion is never unbounded.
//
// # Concurrency
//
// A Decoder is not safe for concurrent use. Read, Write, StatusValue and BasicStatus are safe to call from
// several goroutines; a Document is plain data, safe to read concurrently.
//
// # Caveats
//
//   - Only the title and the source description paragraphs of the header are kept; Write produces a
//     minimal header.
//   - Inside a group whose head is a modeled field (a definition with its source, say), the other members
//     are kept as if they stood next to the group: a second source or a note loses its grouping.
//   - Write always declares TBX-Basic. It writes Descrips of categories TBX-Basic does not define as they
//     were read; in DCT style they, and categories read from an element other than TBX-Basic's, keep their
//     DCA form (<descrip type="...">), which a TBX-Basic schema validator will flag but no data is lost.
//   - Write puts a term's termNote Descrips before its other information, as TBX requires, so input that
//     had them after reads back in that order; it writes xml:lang="en" on the root when Document.Lang is
//     empty; a target attribute on <note> is not kept.
//   - TBX-Basic has no forbidden status: BasicStatus("forbidden") is "forbiddenTerm-admn-sts", which this
//     package reads back but validators flag.
//   - The duplicate id check keeps every id seen, so a Decoder's memory grows with the number of ids.
//   - Input must be UTF-8, UTF-16, or a declared ISO-8859-1, Windows-1252 or US-ASCII.
//   - Data category names are matched exactly, as TBX defines them: tools that export their own field
//     names (<descrip type="Definition">, "Part of Speech") get them in Descrips, not in the fields.
//   - Text size is not limited: a single huge element is held in memory whole.
package tbx
