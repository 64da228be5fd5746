package catalog

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog/internal/cataloggen/gen"
)

// TestGeneratedIsFresh regenerates zz_catalog.go in-process from the
// reference files and fails when the committed file differs.
func TestGeneratedIsFresh(t *testing.T) {
	t.Parallel()
	in := gen.Inputs{
		Spec:       readSpecFile(t, specFile),
		Operations: readSpecFile(t, operationsFile),
		Scopes:     readSpecFile(t, scopesFile),
	}
	want, err := gen.Generate(in)
	if err != nil {
		t.Fatalf("generating from %s: %v", specDir(), err)
	}
	got, err := os.ReadFile("zz_catalog.go")
	if err != nil {
		t.Fatalf("reading the committed file: %v", err)
	}
	if !bytes.Equal(want, got) {
		diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(string(got), "\n"))
		t.Errorf("zz_catalog.go is stale against %s; run `go generate ./preflight/catalog/...` (-regenerated +committed):\n%s", specDir(), diff)
	}
}
