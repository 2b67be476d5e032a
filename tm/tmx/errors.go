package tmx

import (
	"errors"
	"fmt"
	"strings"
)

// Errors wrapped in a *ParseError; test for them with errors.Is.
var (
	ErrSyntax    = errors.New("tmx: malformed XML")
	ErrNotTMX    = errors.New("tmx: not a TMX document")
	ErrStructure = errors.New("tmx: element not allowed here")
	ErrDate      = errors.New("tmx: bad date")
	ErrNumber    = errors.New("tmx: bad number")
	ErrLang      = errors.New("tmx: bad language")
	ErrMissing   = errors.New("tmx: missing required content")
	ErrEntity    = errors.New("tmx: undefined entity (DTD entities are never expanded)")
	ErrDepth     = errors.New("tmx: elements nested too deeply")
	ErrTooLarge  = errors.New("tmx: translation unit too large")
	ErrEncoding  = errors.New("tmx: unsupported character encoding")
)

// ParseError is an error in TMX input, with the position where it was found.
// Line and Column are 1-based; Column counts bytes of the UTF-8 text (after
// transcoding from UTF-16 or a legacy encoding). TU is the tuid of the TU
// being read, if known. It is a plain value.
type ParseError struct {
	Line, Column int
	TU           string
	Err          error
}

func (e *ParseError) Error() string {
	msg := "error"
	if e.Err != nil {
		msg = strings.TrimPrefix(e.Err.Error(), "tmx: ")
	}
	if e.TU != "" {
		return fmt.Sprintf("tmx: line %d, column %d (tu %q): %s", e.Line, e.Column, e.TU, msg)
	}
	return fmt.Sprintf("tmx: line %d, column %d: %s", e.Line, e.Column, msg)
}

func (e *ParseError) Unwrap() error { return e.Err }
