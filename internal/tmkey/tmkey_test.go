package tmkey

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIndexKey(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"punctuation_does_not_count", "Open the file, then save.", "open the file then save"},
		{"placeholders_and_numbers_are_words", "Deleted %d of %s files", "deleted d of s files"},
		{"date_is_one_word", "Due 30/12/2021", "due 30122021"},
		{"arabic_folded", "الضَّمانات الأمنيّة", "الضمانات الامنيه"},
		{"inline_code_is_a_word", "Press \ue000Save\ue001 now", "press _ save _ now"},
		{"symbols_only_word", "100 %%", "100 _"},
		{"empty", " ,. ", ""},
		{"gtk_accelerator_inside_a_word", "O_rientation", "orientation"},
		{"qt_accelerator_inside_a_word", "Re&move the file", "remove the file"},
		{"libreoffice_accelerator_inside_a_word", "Insert Ta~ble", "insert table"},
		{"arabic_accelerator", "ا_فصل اللسان", "افصل اللسان"},
		{"leading_accelerator", "_Detach Tab", "detach tab"},
		{"an_accelerator_per_word", "_Detach Ta_b", "detach tab"},
		{"identifier_with_leading_underscore", "_NET_WM_NAME", "net wm name"},
		{"identifier_is_not_an_accelerator", "snake_case_name", "snake case name"},
		{"ampersand_between_words", "Tom & Jerry", "tom jerry"},
		{"accelerator_before_a_digit", "Level_2", "level 2"},
		{"ampersand_inside_a_word", "Drag&Drop files", "dragdrop files"},
		{"same_word_in_any_case", "DRAG&DROP FILES", "dragdrop files"},
		{"underscore_inside_a_word", "Asia/Hong_Kong", "asia hongkong"},
		{"hashtag_is_not_an_accelerator", "#الأمن_الغذائي", "الامن الغذايي"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, IndexKey(tt.text))
			assert.Equal(t, Split(tt.want), Words(Key(tt.text)))
		})
	}
}
