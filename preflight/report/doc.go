// Package report holds the result of a preflight run as plain data: the
// checks that were made, what was learned about each credential and each
// declared endpoint, and the runner's egress address.
//
// The engine fills a Report; renderers (text, Markdown, annotations,
// outputs) only read it. Its JSON form is the tool's machine contract: field
// names and check ids never change once released, and SchemaVersion is
// raised when a field changes meaning.
package report
