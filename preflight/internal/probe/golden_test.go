package probe

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/probes.golden")

// TestGolden pins every probe of the default catalog so that reviewers can
// audit any change to what is sent. Regenerate with
//
//	go test ./preflight/internal/probe -run TestGolden -update
func TestGolden(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("# Every probe of the default catalog. Regenerate: go test ./preflight/internal/probe -run TestGolden -update\n")
	b.WriteString("# operation (host METHOD template)\n#   request line, body, idempotency key\n#   shape\n")
	for _, op := range defaultOperations(t) {
		p := For(op)
		fmt.Fprintf(&b, "\n%s\n", opName(op))
		if p.Skip != "" {
			fmt.Fprintf(&b, "  SKIP %s\n", p.Skip)
			continue
		}
		target := p.Path
		if p.Query != "" {
			target += "?" + p.Query
		}
		body := "no body"
		if p.Body != nil {
			body = fmt.Sprintf("body %s (%s)", p.Body, p.ContentType)
		}
		key := ""
		if !p.Idempotent {
			key = ", Cko-Idempotency-Key"
		}
		fmt.Fprintf(&b, "  %s %s, %s%s\n  %s\n", p.Method, target, body, key, p.Shape)
	}
	got := b.String()
	file := filepath.Join("testdata", "probes.golden")
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("probes changed (-want +got); review, then run with -update:\n%s", diff)
	}
}
