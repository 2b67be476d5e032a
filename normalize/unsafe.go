package normalize

import "unsafe"

// unsafeBytes views s as a byte slice without copying. The slice must never be written: every use in this
// package only reads it (input strings, and replacement strings copied into dst).
func unsafeBytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// unsafeString views b as a string without copying; b must never be written afterwards.
func unsafeString(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}
