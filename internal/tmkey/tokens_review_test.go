package tmkey

import (
	"testing"
	"unicode/utf8"

	"github.com/tarjuman/tarjuman/internal/token"
)

// FuzzReviewTokensText: Tokens never panics and returns ordered tokens within the text; Text of a token
// is its text, or for a Word spanning the text's accelerator marker its text without it; Key and
// IndexKey never panic.
func FuzzReviewTokensText(f *testing.F) {
	for _, s := range []string{"", "O_rientation", "Save &As", "ا_فصل", "الِ_دِوال", "snake_case_name", "&amp;_x",
		"%d_files", "{0}_Open", "x\ue000_y", "\ue001_a", "a_\ue002", "Auto-_hide", "e.g._Open", "\xff_a", "a_\xff", "#الأمن_الغذائي"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		at := token.Accelerator(s)
		prev := 0
		for _, tk := range Tokens(s) {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("token %+v out of order or bounds in %q", tk, s)
			}
			txt := Text(s, tk)
			spans := at >= tk.Start && at < tk.End
			raw := s[tk.Start:tk.End]
			if txt != raw && !(spans && tk.Kind == token.Word && txt == s[tk.Start:at]+s[at+1:tk.End]) {
				t.Fatalf("Text(%q) = %q for token %q (marker at %d)", s, txt, raw, at)
			}
			prev = tk.End
		}
		_ = IndexKey(s)
		if k := Key(s); utf8.ValidString(s) && !utf8.ValidString(k) {
			t.Fatalf("Key(%q) = %q is not valid UTF-8", s, k)
		}
	})
}
