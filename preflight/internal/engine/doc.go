// Package engine runs a preflight: it validates the inputs, checks every
// credential against Checkout.com (or the simulator) concurrently while it
// discovers the runner's egress address, and returns a report.Report.
//
// The engine never writes output and never reads the process environment:
// everything it needs comes in Options, and everything it learns goes out
// in the report. Rendering and exit codes belong to package command.
package engine
