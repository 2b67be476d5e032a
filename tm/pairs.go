package tm

import (
	"context"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Pairs returns the translation directions the memory can answer, by base language ("ar>en" and, for
// the same units, "en>ar"), sorted. Servers use it to tell clients which languages they cover.
func (m *Memory) Pairs(ctx context.Context) ([]LangPair, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	if m.closed {
		return nil, ErrClosed
	}
	seen := make(map[string]bool)
	for dir, ix := range m.dirs {
		if ix.Len() == 0 {
			continue
		}
		src, tgt, _ := strings.Cut(dir, ">")
		seen[src+">"+tgt] = true
		seen[tgt+">"+src] = true
	}
	dirs := make([]string, 0, len(seen))
	for d := range seen {
		dirs = append(dirs, d)
	}
	slices.Sort(dirs)
	out := make([]LangPair, 0, len(dirs))
	for _, d := range dirs {
		src, tgt, _ := strings.Cut(d, ">")
		out = append(out, LangPair{Source: language.Make(src), Target: language.Make(tgt)})
	}
	return out, nil
}
