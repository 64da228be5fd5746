// Command schemagen writes package schema's generated report schema
// (report.schema.json) from the types of package report. It is run by go
// generate from package schema:
//
//	go run ./internal/schemagen -report ../report -o report.schema.json
//
// The work is done by package gen, which schema's staleness test also
// calls, so the committed file can be checked against the types.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/checkout-preflight/checkout-preflight/preflight/schema/internal/schemagen/gen"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run is main without the process: it returns the exit code.
func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("schemagen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	reportDir := fs.String("report", "", "directory of package report's Go files (required)")
	out := fs.String("o", "report.schema.json", "output file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *reportDir == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "schemagen: -report is required and no arguments are accepted; usage: schemagen -report DIR -o report.schema.json")
		return 2
	}
	b, err := gen.Report(*reportDir)
	if err != nil {
		fmt.Fprintf(stderr, "schemagen: %v\n", err)
		return 1
	}
	if old, err := os.ReadFile(*out); err == nil && bytes.Equal(old, b) {
		return 0 // unchanged: keep the file's modification time
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintf(stderr, "schemagen: %v\n", err)
		return 1
	}
	return 0
}
