package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tarjuman/tarjuman/internal/golden"
	"github.com/tarjuman/tarjuman/internal/sample"
)

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name  string
		args  []string
		stdin string
	}{
		{"news", nil, ""},
		{"stdin_small_corpus", []string{"-n", "3", "-"}, firstLines(string(sample.File("news_parallel.tsv")), 40)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, run(context.Background(), tc.args, strings.NewReader(tc.stdin), &out))
			golden.Check(t, tc.name+".golden", out.Bytes())
		})
	}
}

// firstLines returns the first n lines of s.
func firstLines(s string, n int) string {
	lines := strings.SplitAfter(s, "\n")
	return strings.Join(lines[:min(n, len(lines))], "")
}

func TestErrors(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		args  []string
		stdin string
	}{
		{"missing_file", []string{"testdata/no-such-file.tsv"}, ""},
		{"empty_input", []string{"-"}, ""},
		{"one_column", []string{"-"}, "only one column\n"},
		{"bad_flag", []string{"-no-such-flag"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Error(t, run(ctx, tc.args, strings.NewReader(tc.stdin), &bytes.Buffer{}))
		})
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	assert.ErrorIs(t, run(cancelled, nil, nil, &bytes.Buffer{}), context.Canceled)
}
