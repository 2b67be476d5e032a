package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tarjuman/tarjuman/internal/golden"
)

func TestGolden(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), nil, nil, &out))
	golden.Check(t, "golden.txt", out.Bytes())
}
