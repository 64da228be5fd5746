// Package render turns a report.Report into what people and machines read:
// terminal text ([Text]), the GitHub job summary ([Markdown]), the JSON
// report ([JSON]) and ranked workflow annotations ([Annotations]).
//
// Each renderer puts causes first: it reads Report.Causes (grouped once,
// by report.Causes) and never groups checks itself.
//
// Every function here is a pure function of a report and its options; the
// only I/O is writing to the io.Writer a caller passes. Deciding whether to
// use colour, where the summary goes and how annotations are written as
// workflow commands belongs to the caller.
//
// Data values (credential names, endpoint lines, allowlist entries,
// messages) are never trusted: the job summary escapes Markdown and HTML in
// each of them, and terminal text replaces control characters so a value
// cannot move the cursor or change colours. Icons and verdict wording live
// in wording.go so every renderer says the same thing.
package render
