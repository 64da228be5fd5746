package schema

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/checkout-preflight/checkout-preflight/preflight/command"
	"github.com/checkout-preflight/checkout-preflight/preflight/schema/internal/schemagen/gen"
)

// TestReportSchemaIsFresh regenerates report.schema.json in-process from
// package report's types and fails when the committed file differs, so a
// field added to the report cannot leave the schema behind.
func TestReportSchemaIsFresh(t *testing.T) {
	t.Parallel()
	want, err := gen.Report(filepath.Join("..", "report"))
	if err != nil {
		t.Fatalf("generating the report schema: %v", err)
	}
	if got := Report(); !bytes.Equal(want, got) {
		diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(string(got), "\n"))
		t.Errorf("report.schema.json is stale against package report; run `go generate ./preflight/schema/...` (-regenerated +committed):\n%s", diff)
	}
}

func TestReportSchemaCompiles(t *testing.T) {
	t.Parallel()
	reportSchema(t)
	var head struct {
		ID string `json:"$id"`
	}
	if err := json.Unmarshal(Report(), &head); err != nil {
		t.Fatal(err)
	}
	if head.ID != ReportID || gen.ReportID != ReportID {
		t.Errorf("report.schema.json $id %q, generator's %q, want %q", head.ID, gen.ReportID, ReportID)
	}
}

// goldenReports returns every golden JSON report in the repository: the
// .json and .golden files that say "tool": "checkout-preflight".
func goldenReports(tb testing.TB) []string {
	tb.Helper()
	return repoFiles(tb, func(p string) bool {
		if !strings.HasSuffix(p, ".json") && !strings.HasSuffix(p, ".golden") || strings.HasPrefix(p, "preflight/schema/") {
			return false
		}
		return bytes.Contains(readRepoFile(tb, p), []byte(`"tool": "checkout-preflight"`))
	})
}

func TestGoldenReportsValidate(t *testing.T) {
	t.Parallel()
	files := goldenReports(t)
	if len(files) == 0 {
		t.Fatal(`found no golden report ("tool": "checkout-preflight"); is the search right?`)
	}
	s := reportSchema(t)
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(readRepoFile(t, name)))
			if err != nil {
				t.Fatalf("%s is not JSON: %v", name, err)
			}
			if err := s.Validate(v); err != nil {
				t.Errorf("%s does not match the report schema:\n%v", name, err)
			}
		})
	}
}

// TestSimulatedReportValidates validates a report the program writes end
// to end: `checkout-preflight simulate --format json`, whose four services
// pass, fail, are revoked and lack a scope, with egress discovered.
func TestSimulatedReportValidates(t *testing.T) {
	t.Parallel()
	var stdout, stderr bytes.Buffer
	c := &command.Command{Stdout: &stdout, Stderr: &stderr, Version: "v0.0.0-schema"}
	if code := c.Main(context.Background(), []string{"simulate", "--format", "json"}); code != command.ExitOK {
		t.Fatalf("simulate --format json exited %d: %s", code, stderr.String())
	}
	v, err := jsonschema.UnmarshalJSON(&stdout)
	if err != nil {
		t.Fatalf("simulate --format json printed no JSON: %v", err)
	}
	if err := reportSchema(t).Validate(v); err != nil {
		t.Errorf("the simulated report does not match the report schema:\n%v", err)
	}
}

// TestReportSchemaRejects changes one thing in a golden report at a time
// and checks that the schema notices.
func TestReportSchemaRejects(t *testing.T) {
	t.Parallel()
	golden := readRepoFile(t, "preflight/internal/render/testdata/egress-not-allowed.json.golden")
	tests := []struct {
		name   string
		change func(r map[string]any)
	}{
		{"an unknown member", func(r map[string]any) { r["extra"] = true }},
		{"a missing member", func(r map[string]any) { delete(r, "result") }},
		{"another schema version", func(r map[string]any) { r["version"] = 2 }},
		{"another tool", func(r map[string]any) { r["tool"] = "other" }},
		{"an unknown result", func(r map[string]any) { r["result"] = "ok" }},
		{"checks written as null", func(r map[string]any) { r["checks"] = nil }},
		{"an unknown check id", func(r map[string]any) { check(r)["id"] = "egress.nope" }},
		{"an unknown check status", func(r map[string]any) { check(r)["status"] = "passed" }},
		{"an empty remedy written", func(r map[string]any) { check(r)["remedy"] = "" }},
		{"a position with a text line", func(r map[string]any) { check(r)["position"] = map[string]any{"line": "3"} }},
		{"egress sources written as null", func(r map[string]any) { r["egress"].(map[string]any)["sources"] = nil }},
		{"allowed as a string", func(r map[string]any) { r["egress"].(map[string]any)["allowed"] = "no" }},
		{"a start that is no time", func(r map[string]any) { r["started_at"] = "yesterday" }},
	}
	s := reportSchema(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var r map[string]any
			if err := json.Unmarshal(golden, &r); err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(jsonValue(t, r)); err != nil {
				t.Fatalf("the golden report itself is invalid: %v", err)
			}
			tt.change(r)
			if err := s.Validate(jsonValue(t, r)); err == nil {
				t.Errorf("the schema accepts a report with %s", tt.name)
			}
		})
	}
}

// check returns the report's first check.
func check(r map[string]any) map[string]any { return r["checks"].([]any)[0].(map[string]any) }

// jsonValue round-trips v through JSON into the values the validator reads.
func jsonValue(tb testing.TB, v any) any {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		tb.Fatal(err)
	}
	return out
}
