// Package engine runs a preflight: it plans a resolved specification
// (package plan), verifies every credential against Checkout.com (or the
// simulator) concurrently while it discovers the runner's egress address
// (packages verify and egress), and has the judge (package judge) turn
// what was learned into a report.Report.
//
// The engine is orchestration only: it owns the run's deadline, the order
// of the stages and the egress grace period. It never writes output, never
// reads the process environment and never words a finding: everything it
// needs comes in a spec.Run and Options, and everything it learns goes out
// in the report. Rendering and exit codes belong to package command.
package engine
