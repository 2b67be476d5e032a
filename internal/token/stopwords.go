package token

import "strings"

// IsStopWord reports whether key (a key as returned by Key, or a normalized word) is a function word:
// an Arabic preposition, conjunction, particle, pronoun, demonstrative or relative (في من على إلى
// عن مع أن إن ما لا هذا التي الذي ... in normalize.Search spelling, alone or after و/ف), or an English
// article, preposition, pronoun, auxiliary or conjunction. It is safe for concurrent use.
func IsStopWord(key string) bool {
	if stopArabic[key] || stopEnglish[key] {
		return true
	}
	for _, c := range [...]string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(key, c); ok && stopArabic[rest] {
			return true
		}
	}
	return false
}

// stopArabic holds Arabic function words in normalize.Search spelling. Analyze leaves them whole.
var stopArabic = setOf(
	// prepositions and particles
	"في", "من", "الي", "علي", "عن", "مع", "ان", "انما", "ما", "لا", "لم", "لن", "قد", "لقد", "ثم", "او", "ام",
	"بل", "لكن", "لكنه", "لكنها", "حتي", "اذا", "اذ", "كما", "كي", "لكي", "لو", "لولا", "الا", "اما", "اي",
	"ايضا", "فقط", "مثل", "دون", "غير", "سوي", "بين", "عند", "عندما", "حيث", "بعد", "قبل", "منذ", "خلال",
	"حول", "ضد", "نحو", "لدي", "امام", "وراء", "تحت", "فوق", "عبر", "لدى", "كل", "بعض", "هل", "ليس", "يا",
	"قط", "ذات", "بان", "لان", "كان", "كانت", "كانا", "يكون", "تكون", "كانوا", "سوف", "هناك", "هنا", "ثمه",
	"ضمن", "وفق", "وفقا", "حسب", "جراء", "اثر", "عقب", "ازاء", "تجاه", "لاسيما", "سواء", "كلا", "كلتا",
	// demonstratives and relatives
	"هذا", "هذه", "ذلك", "تلك", "هولاء", "اولايك", "هاذا", "ذا", "التي", "الذي", "الذين", "اللذين",
	"اللذان", "اللتان", "اللتين", "اللواتي", "اللاتي", "كذلك", "لذلك", "بذلك", "هكذا",
	// pronouns, and prepositions carrying them
	"هو", "هي", "هم", "هن", "هما", "انا", "نحن", "انت", "انتم", "انتما", "انتن",
	"له", "لها", "لهم", "لهما", "لنا", "لك", "لكم", "به", "بها", "بهم", "بهما", "فيه", "فيها", "فيهم",
	"منه", "منها", "منهم", "عنه", "عنها", "عنهم", "عليه", "عليها", "عليهم", "اليه", "اليها", "اليهم",
	"معه", "معها", "معهم", "انه", "انها", "انهم", "انهما", "لديه", "لديها", "لديهم", "بينهم", "بينهما",
	"منهما", "عنهما", "عليهما", "بينها", "عنده", "عندها", "عندهم", "منا", "عنا", "علينا", "الينا", "فينا",
	"بنا", "معنا", "منكم", "عليكم", "اليكم", "فيكم", "بكم", "معكم", "لهن", "لكن", "انكم", "اننا", "انني",
)

// stopEnglish holds English function words in lower case (their EnglishStem is themselves). "us" is
// left out: keys are lower case, and in the news it is the US far more often than the pronoun.
var stopEnglish = setOf(
	"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by", "with",
	"without", "into", "onto", "over", "under", "about", "after", "before", "between", "during", "through",
	"against", "among", "as", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did",
	"has", "have", "had", "having", "will", "would", "shall", "should", "can", "could", "may", "might",
	"must", "not", "no", "it", "its", "this", "that", "these", "those", "there", "here", "he", "she",
	"they", "we", "you", "i", "me", "him", "her", "them", "our", "your", "their", "his", "my",
	"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "all", "any", "each", "both",
	"few", "more", "most", "other", "some", "such", "only", "own", "same", "so", "than", "too", "very",
	"also", "just", "then", "once", "per", "via", "upon", "within", "whether", "while", "if", "because",
	"until", "up", "down", "out", "off", "again", "further", "s", "t", "said", "says",
)

// invariant holds words whose endings look inflectional but are part of the stem: proper names and
// common nouns ending in ين ون ان (بوتين is not بوت + ين, الكرملين is not كرمل + ين).
var invariant = setOf(
	"الله",
	"بوتين", "كرملين", "برلين", "بكين", "لينين", "ستالين", "فلسطين", "بحرين", "فلبين", "ياسين", "حسين",
	"امين", "بنيامين", "صين", "يمين", "دين", "حين", "طين", "تين", "سنين", "ثمين", "روتين", "بروتين",
	"لاتين", "كولين", "جوبلين", "دبلن", "ميدان",
	"لبنان", "ايران", "عمان", "يابان", "سودان", "باكستان", "افغانستان", "اذربيجان", "كازاخستان",
	"اوزبكستان", "طاجيكستان", "تركمانستان", "قيرغيزستان", "هندوستان", "كردستان", "طهران", "عثمان",
	"سلمان", "رمضان", "شعبان", "اردوغان", "انسان", "مكان", "زمان", "بيان", "ضمان", "برلمان", "عنوان",
	"حيوان", "امان", "ايمان", "لسان", "اعلان", "امكان", "سلطان", "شيطان", "بستان", "طيران", "عدوان",
	"بركان", "دخان", "قران", "فنان", "ديوان", "اذان", "نيسان",
	"قانون", "كانون", "زيتون", "صابون", "مضمون", "طاعون", "فرعون", "ليمون", "هارون", "مليون", "شارون",
	"تلفزيون", "صالون",
	// names in the news whose endings look inflectional
	"يونان", "تايوان", "فاتيكان", "طالبان", "ماكرون", "بنتاغون", "كلينتون", "جونسون", "نيلسون",
	"عدنان", "عمران", "حمدان", "مروان", "رضوان", "سفيان", "غسان", "زيدان", "شيرين", "نسرين", "بنزين",
	"فيتامين", "كاتيوشا", "بلينكن",
)
