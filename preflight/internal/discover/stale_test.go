package discover

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/discover/internal/sdkgen/gen"
	"github.com/google/go-cmp/cmp"
)

// specDir returns the reference data directory: $CHECKOUT_API_SPEC_DIR,
// or ../shared/checkout-api beside the repository.
func specDir() string {
	if dir := os.Getenv("CHECKOUT_API_SPEC_DIR"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "..", "..", "shared", "checkout-api")
}

// TestGeneratedIsFresh regenerates zz_sdk.go in-process from the
// reference data and fails when the committed file differs.
func TestGeneratedIsFresh(t *testing.T) {
	t.Parallel()
	in, err := gen.ReadInputs(os.DirFS(specDir()))
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("reference data not found in %s; set CHECKOUT_API_SPEC_DIR to a directory holding sdk-methods/*.json and abc_operations.json to run this test: %v", specDir(), err)
	}
	if err != nil {
		t.Fatal(err)
	}
	want, err := gen.Generate(in)
	if err != nil {
		t.Fatalf("generating from %s: %v", specDir(), err)
	}
	got, err := os.ReadFile("zz_sdk.go")
	if err != nil {
		t.Fatalf("reading the committed file: %v", err)
	}
	if !bytes.Equal(want, got) {
		diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(string(got), "\n"))
		t.Errorf("zz_sdk.go is stale against %s; run `go generate ./preflight/internal/discover/...` (-regenerated +committed):\n%s", specDir(), diff)
	}
}
