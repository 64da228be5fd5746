// Package recorded keeps the answers Checkout.com's sandbox gave to the
// tool's probes as fixture files, one JSON file per case, under
// preflight/internal/checkout/testdata/answers.
//
// The live suite (package live, build tag "live") writes them when run with
// CKO_LIVE_RECORD=1; until then the directory holds hand-made files whose
// Source is SourceDocumented. Package checkout's replay test reads every
// file back through the same function that reads a real answer and checks
// that the evidence table still gives the row the file expects.
//
// A fixture keeps only what the evidence table reads, and nothing that
// could identify an account or a request: the status; the Content-Type and
// WWW-Authenticate headers, with every value not spelt like a code
// replaced; and the body, in which every JSON key and every value of the
// top-level error_type and error_codes spelt like a code (lower-case
// letters, digits and "_") is kept, every other string becomes
// Placeholder and every number 0. Scrub and ScrubHeaders do that; Check
// verifies that a file holds nothing else.
//
// Capture is the http.RoundTripper through which the live suite sees the
// bytes its probes' answers carried.
package recorded
