package token

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAccelerator(t *testing.T) {
	for text, want := range map[string]string{
		"O_rientation":     "Orientation",
		"_Orientation":     "Orientation",
		"Save &As":         "Save As",
		"(&Default)":       "(Default)",
		"Insert Ta~ble":    "Insert Table",
		"ا_فصل اللسان":     "افصل اللسان",
		"Save && Exit":     "Save && Exit",
		"snake_case_name":  "snake_case_name",
		"Drag&Drop":        "Drag&Drop",
		"SIG_NING":         "SIGNING",
		"الِ_دِوال":        "الِدِوال",
		"Asia/Hong_Kong":   "Asia/Hong_Kong",
		"~/Documents":      "~/Documents",
		"Tom & Jerry":      "Tom & Jerry",
		"Save &amp; E_xit": "Save &amp; Exit",
		"&#x627; &Go":      "&#x627; Go",
		"":                 "",
		"_":                "_",
		"a_":               "a_",
		"_Detach Ta_b":     "_Detach Ta_b",
		"__init__":         "__init__",
		"Level_2 (_Extra)": "Level_2 (Extra)",
	} {
		assert.Equal(t, want, StripAccelerator(text), "%q", text)
	}
}
