package config

import (
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// at returns a position in file f.
func at(f string, line, col int) report.Position {
	return report.Position{File: f, Line: line, Column: col}
}

// messages returns the rendered errors inside err, one per *Error.
func messages(tb testing.TB, err error) []string {
	tb.Helper()
	var out []string
	for _, e := range Errors(err) {
		out = append(out, e.Error())
	}
	return out
}
