package catalog

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// Names of the reference files inside the spec directory.
const (
	specFile       = "openapi-nas-2023-07.json"
	operationsFile = "operations.json"
	scopesFile     = "scopes.json"
)

// specDir returns the directory holding the reference files: the
// CHECKOUT_API_SPEC_DIR environment variable, or ../../../shared/checkout-api
// relative to this package.
func specDir() string {
	if dir := os.Getenv("CHECKOUT_API_SPEC_DIR"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "..", "shared", "checkout-api")
}

// readSpecFile reads one reference file, skipping the test when it is
// absent.
func readSpecFile(tb testing.TB, name string) []byte {
	tb.Helper()
	path := filepath.Join(specDir(), name)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skipf("reference file %q not found; set CHECKOUT_API_SPEC_DIR to a directory holding %s, %s and %s (Checkout.com's OpenAPI document as at https://api-reference.checkout.com/swagger.json) to run this test",
			path, specFile, operationsFile, scopesFile)
	}
	if err != nil {
		tb.Fatalf("reading reference file: %v", err)
	}
	return b
}
