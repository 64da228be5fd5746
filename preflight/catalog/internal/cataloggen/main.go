// Command cataloggen writes package catalog's generated data (zz_catalog.go)
// from Checkout.com's OpenAPI document, operations.json and scopes.json. It
// is run by go generate from package catalog:
//
//	go run ./internal/cataloggen -spec SPEC.json [-ops operations.json] [-scopes scopes.json] -o zz_catalog.go
//
// The work is done by package gen, which catalog's staleness test also
// calls, so the committed file can be checked against the inputs.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog/internal/cataloggen/gen"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run is main without the process: it returns the exit code.
func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("cataloggen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	specPath := fs.String("spec", "", "OpenAPI 3 document in JSON (required)")
	opsPath := fs.String("ops", "", "operations.json (optional)")
	scopesPath := fs.String("scopes", "", "scopes.json (optional)")
	out := fs.String("o", "zz_catalog.go", "output file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *specPath == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "cataloggen: -spec is required and no arguments are accepted; usage: cataloggen -spec SPEC.json [-ops operations.json] [-scopes scopes.json] -o zz_catalog.go")
		return 2
	}
	var in gen.Inputs
	var err error
	if in.Spec, err = os.ReadFile(*specPath); err != nil {
		return fail(stderr, err)
	}
	if *opsPath != "" {
		if in.Operations, err = os.ReadFile(*opsPath); err != nil {
			return fail(stderr, err)
		}
	}
	if *scopesPath != "" {
		if in.Scopes, err = os.ReadFile(*scopesPath); err != nil {
			return fail(stderr, err)
		}
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
	fmt.Fprintf(w, "cataloggen: %v\n", err)
	return 1
}
