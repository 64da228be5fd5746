// Command sdkgen writes package discover's generated SDK tables (zz_sdk.go)
// from the Checkout.com reference data: sdk-methods/*.json and
// abc_operations.json. It is run by go generate from package discover:
//
//	go run ./internal/sdkgen -dir ../../../../shared/checkout-api -o zz_sdk.go
//
// The work is done by package gen, which discover's staleness test also
// calls, so the committed file can be checked against the inputs.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/discover/internal/sdkgen/gen"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run is main without the process: it returns the exit code.
func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("sdkgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", "", "reference data directory holding sdk-methods/ and abc_operations.json (required)")
	out := fs.String("o", "zz_sdk.go", "output file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *dir == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "sdkgen: -dir is required and no arguments are accepted; usage: sdkgen -dir DIR -o zz_sdk.go")
		return 2
	}
	in, err := gen.ReadInputs(os.DirFS(*dir))
	if err != nil {
		return fail(stderr, err)
	}
	src, err := gen.Generate(in)
	if err != nil {
		return fail(stderr, err)
	}
	if old, err := os.ReadFile(*out); err == nil && bytes.Equal(old, src) {
		return 0 // unchanged: keep the file's modification time
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		return fail(stderr, err)
	}
	return 0
}

func fail(w io.Writer, err error) int {
	fmt.Fprintf(w, "sdkgen: %v\n", err)
	return 1
}
