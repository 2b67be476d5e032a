// Package server is tarjuman's HTTP JSON API: translation-memory lookup, concordance, import and export,
// glossary annotation and checks, and compatibility endpoints that let existing translation tools use a
// tarjuman memory with nothing but a URL.
//
// Endpoints:
//
//	GET  /healthz
//	GET  /v1/tm/lookup?q=&src=ar&tgt=en&min=0.75&limit=5
//	POST /v1/tm/units                     Weblate translation-memory JSON
//	POST /v1/tm/import?format=tmx|tsv|json&src=&tgt=&lenient=true
//	GET  /v1/tm/export?format=tmx|tsv|json&src=&tgt=
//	GET  /v1/tm/concordance?q=&src=&tgt=&limit=
//	POST /v1/glossary/annotate            {"text","src","tgt"}
//	POST /v1/glossary/check               {"source","translation","src","tgt"}
//	GET  /tmserver/languages/             Weblate "tmserver" machinery
//	GET  /tmserver/{src}/{tgt}/unit/{text}
//	GET  /mymemory/get?q=&langpair=ar|en  MyMemory "get" API
//
// Offsets in JSON are Unicode code points and always come with the text they cover. Errors are
// {"error":{"code","message"}} with a 4xx status for client faults; "no match" is never an error (Weblate
// switches a service off for 30 minutes after a 429 or 503), it is an empty list.
//
// # Concurrency
//
// A Server is safe for concurrent use. Lookups running during an import see the memory as of a committed
// batch (tm.Memory guarantees it).
//
// # Authentication
//
// With Config.Token set, every endpoint but /healthz needs the token, sent as "Authorization: Bearer
// TOKEN", as the password of HTTP Basic authentication, or as a path prefix: /t/TOKEN/tmserver/ is the URL
// to give Weblate, whose tmserver setting takes only a URL. Tokens are compared in constant time.
//
// # Caveats
//
// The Server does not listen by itself: HTTPServer returns an http.Server with a header timeout, an idle
// timeout and a header size limit, and ServeHTTP sets read and write deadlines per request. Token
// authentication is only as private as the transport: off loopback, put it behind TLS. Exports are
// written to a temporary file before they are sent, so a slow client never holds the memory's lock.
package server
