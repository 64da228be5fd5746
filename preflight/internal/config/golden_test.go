package config

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/errors/*.out from the current messages")

// TestErrorMessages pins, for each testdata/errors/NAME.yml, the exact
// messages users read, one per line, in NAME.out. Run with -update to
// rewrite the .out files, then review the diff.
func TestErrorMessages(t *testing.T) {
	t.Parallel()
	inputs, err := filepath.Glob(filepath.Join("testdata", "errors", "*.yml"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".yml")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Parse(filepath.Base(in), data)
			if err == nil {
				t.Fatalf("Parse(%s) succeeded; every golden input must have errors", in)
			}
			if f != nil {
				t.Errorf("Parse(%s) returned a file with errors", in)
			}
			got := strings.Join(messages(t, err), "\n") + "\n"
			out := strings.TrimSuffix(in, ".yml") + ".out"
			if *update {
				if err := os.WriteFile(out, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("%v (run go test -run TestErrorMessages -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("messages for %s mismatch (-want +got):\n%s", in, diff)
			}
		})
	}
}
