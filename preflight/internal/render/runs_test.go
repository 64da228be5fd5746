package render

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// engineRuns are the reports the engine's golden tests produce from real
// runs against the simulator (../engine/testdata/runs), so that what users
// see is pinned for reports the engine really writes, not only for the
// hand-made fixtures.
func engineRuns(tb testing.TB) []fixture {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("..", "engine", "testdata", "runs", "*.json"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no engine run reports found (%v)", err)
	}
	var out []fixture
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var r report.Report
		if err := json.Unmarshal(b, &r); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		out = append(out, fixture{name: "run-" + strings.TrimSuffix(filepath.Base(f), ".json"), report: r})
	}
	return out
}
