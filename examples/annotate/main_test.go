package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tarjuman/tarjuman/internal/golden"
)

func TestGolden(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
	}{
		{"seed", nil, ""},
		{"stdin", []string{"-context", "8", "-"}, "قال الكرملين إن مفاوضات الضمانات الأمنية\nتتعلق بالضمانات الأمنية لروسيا.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, run(context.Background(), tt.args, strings.NewReader(tt.stdin), &out))
			golden.Check(t, tt.name+".golden", out.Bytes())
		})
	}
}

func TestErrors(t *testing.T) {
	ctx := context.Background()
	assert.Error(t, run(ctx, []string{"-glossary", "testdata/no-such-file.tbx"}, nil, &bytes.Buffer{}))
	assert.Error(t, run(ctx, []string{"-"}, strings.NewReader("\xff\xfe"), &bytes.Buffer{}))
	assert.Error(t, run(ctx, []string{"-no-such-flag"}, nil, &bytes.Buffer{}))
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	assert.ErrorIs(t, run(cancelled, nil, nil, &bytes.Buffer{}), context.Canceled)
}
