package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tarjuman/tarjuman/internal/golden"
)

// TestQuickstartGolden runs the whole front-door tour and compares it with the reviewed output, so a change
// in any capability's visible behaviour on the seed article shows up here.
func TestQuickstartGolden(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), nil, nil, &out))
	golden.Check(t, "quickstart.golden", out.Bytes())
}

func TestQuickstartShowsEveryCapability(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), nil, nil, &out))
	s := out.String()
	for _, want := range []string{
		"search=بالضمانات الامنيه",                         // diacritics folded
		"الضمانات الأمنية           = security guarantees", // aligned
		"99% normalized", // harakat added scores 99
		"بالضمانات الأمنية.\": 0 issue(s)", // clitic on the target side satisfies the term
	} {
		assert.Contains(t, s, want)
	}
}

func TestQuickstartCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out bytes.Buffer
	assert.Error(t, run(ctx, nil, nil, &out))
}
