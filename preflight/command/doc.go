// Package command is the checkout-preflight program as a testable value:
// Command holds every outside thing the program touches (standard streams,
// the environment, files, the clock, the HTTP client), and Main runs it
// with arguments and returns an exit code. cmd/checkout-preflight only
// wires the real process into it, so end-to-end tests drive exactly what
// users run.
package command
