//go:build !race

package tmx_test

const raceEnabled = false
