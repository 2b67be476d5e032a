//go:build race

package tmx_test

// raceEnabled shrinks the streaming test: the race detector slows decoding tenfold.
const raceEnabled = true
