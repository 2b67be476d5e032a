package normalize

// Options selects the folds a Normalizer applies. The zero value changes nothing at all; each field turns on
// one independent fold, and New combines them into a single pass. The order in which they take effect is
// fixed: ComposeHamza first, then PresentationForms expands ligatures and contextual forms to letters, then
// every other fold applies to those letters. Options is plain data: copy and compare it freely.
type Options struct {
	// ComposeHamza composes ا و ي ە ہ ے followed directly by U+0653 (madda), U+0654 (hamza above) or
	// U+0655 (hamza below) into the precomposed letter (آ أ إ ؤ ئ ۀ ۂ ۓ), the Arabic subset of NFC.
	// Runes deleted by other folds between the letter and the mark do not block the composition.
	ComposeHamza bool
	// PresentationForms maps Arabic Presentation Forms-A (U+FB50–FDFF), -B (U+FE70–FEFF) and Arabic
	// Mathematical Alphabetic Symbols (U+1EE00–1EEFF) to their letters by NFKC; lam-alef ligatures become
	// two letters, and spacing vowel forms become the bare mark, never a space or tatweel plus a mark.
	PresentationForms bool
	// Tashkeel deletes U+064B–065F: tanwin, harakat, shadda, sukun and the extended marks.
	Tashkeel bool
	// DaggerAlef decides what happens to the superscript (dagger) alef U+0670.
	DaggerAlef DaggerMode
	// QuranicMarks deletes the Quranic annotation marks U+0610–061A, the marks in U+06D6–06ED and
	// U+08CA–08FF, and the end-of-ayah and section signs ۝ ۞ ۩ (and U+08E2).
	QuranicMarks bool
	// Tatweel deletes the kashida U+0640.
	Tatweel bool
	// Alef folds أ إ آ ٱ ٲ ٳ ٵ to bare alef ا.
	Alef bool
	// Hamza decides what happens to hamza on waw and yeh carriers (ؤ ئ). Hamza on alef is Alef's business.
	Hamza HamzaMode
	// TehMarbuta folds ة ۃ to ه.
	TehMarbuta bool
	// AlefMaksura folds ى to ي (never to ا: that would make على and علا one word).
	AlefMaksura bool
	// PersianLetters folds ی ې ے to ي, ک ڪ to ك and ۀ ہ ھ ۂ to ه; پ چ ژ گ ڤ ە stay.
	PersianLetters bool
	// Digits maps Arabic-Indic ٠–٩ and Extended Arabic-Indic ۰–۹ digits to 0–9, and ٫ ٬ ٪ to . , %.
	Digits bool
	// Punctuation maps ، ؛ ؟ ۔ to , ; ? . (off in Search: the tokenizer treats both alike).
	Punctuation bool
	// Controls deletes the invisible format characters that do not separate words: LRM, RLM, ALM, the
	// embeddings and overrides LRE–RLO, the isolates LRI–PDI, ZWSP, WJ, SHY, ZWJ and the BOM anywhere.
	Controls bool
	// ZWNJ decides what happens to the zero-width non-joiner U+200C.
	ZWNJ ZWNJMode
	// FoldCase applies Unicode simple case folding to Latin, Greek and Cyrillic letters.
	FoldCase bool
	// LuceneCompat narrows Tashkeel to U+064B–0652, Alef to أ إ آ and TehMarbuta to ة, the exact sets of
	// Lucene's ArabicNormalizer (and bleve's port of it). The Lucene preset sets it.
	LuceneCompat bool
}

// DaggerMode is what a Normalizer does with the dagger alef U+0670.
type DaggerMode uint8

const (
	// DaggerKeep leaves U+0670 alone.
	DaggerKeep DaggerMode = iota
	// DaggerStrip deletes U+0670, like the other vowel marks (هٰذا → هذا).
	DaggerStrip
	// DaggerToAlef writes U+0670 as a full alef (هٰذا → هاذا), the spelling of some learner texts.
	DaggerToAlef
)

// HamzaMode is what a Normalizer does with hamza on a waw or yeh carrier.
type HamzaMode uint8

const (
	// HamzaKeep leaves ؤ and ئ alone.
	HamzaKeep HamzaMode = iota
	// HamzaCarriers drops the hamza and keeps the carrier: ؤ → و, ئ → ي. A ئ whose next letter is و
	// (مسئول, شئون: the Egyptian and Levantine spelling of مسؤول, شؤون) folds to و, so both spellings of
	// such words meet at one key (مسوول).
	HamzaCarriers
	// HamzaUniform writes every carrier hamza as the bare hamza: ؤ ئ → ء, so مسؤول and مسئول meet at مسءول.
	HamzaUniform
)

// ZWNJMode is what a Normalizer does with the zero-width non-joiner U+200C.
type ZWNJMode uint8

const (
	// ZWNJKeep leaves U+200C alone.
	ZWNJKeep ZWNJMode = iota
	// ZWNJDelete deletes U+200C, joining the two halves of a word (Persian می‌خواهم → میخواهم).
	ZWNJDelete
	// ZWNJSpace replaces U+200C by a space, splitting the word.
	ZWNJSpace
)
