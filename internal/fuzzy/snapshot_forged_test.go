package fuzzy

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"testing"
)

// TestReadIndexForgedNoPanic: ReadIndex promises that a snapshot which passes its checks (checksum fixed up)
// can only give wrong results, never a panic: restore randomly mutated snapshots and use them.
func TestReadIndexForgedNoPanic(t *testing.T) {
	c := newCorpus(7, 50)
	ix := New()
	for id := range 120 {
		ix.Add(uint32(id), c.key())
	}
	ix.Add(130, " ")
	good := snapshotOf(t, ix)
	rng := rand.New(rand.NewPCG(1, 2))
	tab := crc32.MakeTable(crc32.Castagnoli)
	accepted := 0
	for i := range 20000 {
		b := bytes.Clone(good)
		for range 1 + rng.IntN(3) {
			b[rng.IntN(len(b)-4)] ^= byte(1 << rng.IntN(8))
		}
		binary.LittleEndian.PutUint32(b[len(b)-4:], crc32.Checksum(b[:len(b)-4], tab))
		got, err := ReadIndex(bytes.NewReader(b), int64(len(b)), Options{})
		if err != nil {
			continue
		}
		accepted++
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("mutation %d: panic %v", i, r)
				}
			}()
			for range 5 {
				got.Search(c.key(), 0.3, 10)
			}
			got.Search("", 0.3, 10)
			for id := range uint32(140) {
				if rng.IntN(4) == 0 {
					got.Remove(id)
				} else if rng.IntN(4) == 0 {
					got.Add(id, c.key())
				}
			}
			got.Search(c.key(), 0.3, 10)
			var w bytes.Buffer
			if _, err := got.WriteTo(&w); err != nil {
				panic(fmt.Sprint(err))
			}
		}()
	}
	t.Logf("%d mutations accepted", accepted)
}
