// Package hostile is the catalogue of hostile inputs that tarjuman's readers are tested against: entity
// bombs, external references, absurd nesting, giant segments, broken encodings, giant lines and files
// streamed on the fly. It holds tests only; each one states the documented result (a clear error or a
// bounded, well-defined outcome) and checks that memory and time stay bounded and that a translation
// memory holds exactly what it held before a rejected file.
//
// The 1 GB stream tests run only when TARJUMAN_HOSTILE_BIG=1 (scripts/hostile-big.sh sets it); CI runs
// every other case. RELIABILITY.md lists the catalogue with its figures.
package hostile
