package tmkey

import (
	"testing"
	"unicode/utf8"

	"github.com/tarjuman/tarjuman/internal/token"
)

// FuzzTokensText: Tokens never panics and returns ordered tokens within the text; Text of a token
// is its text, or for a Word spanning accelerator markers its text without them; Key and
// IndexKey never panic.
func FuzzTokensText(f *testing.F) {
	for _, s := range []string{"", "O_rientation", "Save &As", "ا_فصل", "الِ_دِوال", "snake_case_name", "&amp;_x",
		"%d_files", "{0}_Open", "x\ue000_y", "\ue001_a", "a_\ue002", "Auto-_hide", "e.g._Open", "\xff_a", "a_\xff", "#الأمن_الغذائي"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, marks := token.StripAccelerators(s)
		prev := 0
		for _, tk := range Tokens(s) {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("token %+v out of order or bounds in %q", tk, s)
			}
			txt := Text(s, tk)
			raw := s[tk.Start:tk.End]
			want := raw
			if tk.Kind == token.Word {
				for i := len(marks) - 1; i >= 0; i-- {
					if m := marks[i]; m >= tk.Start && m < tk.End {
						want = want[:m-tk.Start] + want[m-tk.Start+1:]
					}
				}
			}
			if txt != want {
				t.Fatalf("Text(%q) = %q for token %q (markers at %v)", s, txt, raw, marks)
			}
			prev = tk.End
		}
		_ = IndexKey(s)
		if k := Key(s); utf8.ValidString(s) && !utf8.ValidString(k) {
			t.Fatalf("Key(%q) = %q is not valid UTF-8", s, k)
		}
	})
}
