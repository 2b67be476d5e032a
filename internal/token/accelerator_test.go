package token

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStripAccelerators(t *testing.T) {
	for text, want := range map[string]string{
		"O_rientation":     "Orientation",
		"_Orientation":     "Orientation",
		"Save &As":         "Save As",
		"(&Default)":       "(Default)",
		"Insert Ta~ble":    "Insert Table",
		"ا_فصل اللسان":     "افصل اللسان",
		"الِ_دِوال":        "الِدِوال",
		"\u200f_ملف":       "\u200fملف",
		"HTTP_S proxy":     "HTTPS proxy",
		"SIG_NING":         "SIGNING",
		"Save && Exit":     "Save && Exit",
		"snake_case_name":  "snake_case_name",
		"_NET_WM_NAME":     "_NET_WM_NAME",
		"__init__":         "__init__",
		"~/Documents":      "~/Documents",
		"Tom & Jerry":      "Tom & Jerry",
		"Save &amp; E_xit": "Save &amp; Exit",
		"&#x627; &Go":      "&#x627; Go",
		"#الأمن_الغذائي":   "#الأمن_الغذائي",
		"@user_name":       "@user_name",
		"":                 "",
		"_":                "_",
		"a_":               "a_",
		"Level_2 (_Extra)": "Level_2 (Extra)",
		// Each chunk between spaces decides for itself: a word reads the same in every text.
		"_Detach Ta_b":               "Detach Tab",
		"_Edit config_file now":      "Edit configfile now",
		"R&D and M&A spending":       "RD and MA spending",
		"Enable Drag&Drop":           "Enable DragDrop",
		"enable drag&drop":           "enable dragdrop",
		"Set user_id and group_id":   "Set userid and groupid",
		"Auto-_hide":                 "Auto-hide",
		"Africa/Addis_Ababa (GMT+3)": "Africa/AddisAbaba (GMT+3)",
	} {
		got, marks := StripAccelerators(text)
		assert.Equal(t, want, got, "%q", text)
		assert.Len(t, marks, len(text)-len(got), "%q", text)
	}
}

func TestAcceleratorSpan(t *testing.T) {
	text := "_Edit config_file (&Now)"
	stripped, marks := StripAccelerators(text)
	assert.Equal(t, "Edit configfile (Now)", stripped)
	for _, tt := range []struct{ word, want string }{{"Edit", "Edit"}, {"configfile", "config_file"}, {"Now", "Now"}, {"(Now)", "(&Now)"}} {
		start := indexOf(stripped, tt.word)
		s, e := AcceleratorSpan(marks, start, start+len(tt.word))
		assert.Equal(t, tt.want, text[s:e], tt.word)
	}
}

func indexOf(s, sub string) int {
	for i := range len(s) - len(sub) + 1 {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
