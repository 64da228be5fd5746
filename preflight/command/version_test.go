package command

import (
	"bytes"
	"runtime/debug"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestResolveVersion(t *testing.T) {
	t.Parallel()
	module := func(v string) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) {
			return &debug.BuildInfo{Main: debug.Module{Path: "github.com/checkout-preflight/checkout-preflight", Version: v}}, true
		}
	}
	none := func() (*debug.BuildInfo, bool) { return nil, false }
	tests := []struct {
		name      string
		stamped   string
		buildInfo func() (*debug.BuildInfo, bool)
		want      string
	}{
		{"release binary: the stamp wins over the module version", "v1.2.3", module("v1.2.2"), "v1.2.3"},
		{"snapshot stamp", "v1.2.4-snapshot.abc1234", module("(devel)"), "v1.2.4-snapshot.abc1234"},
		{"go install …@v1.2.3", "", module("v1.2.3"), "v1.2.3"},
		{"go install …@latest of a pre-release", "", module("v1.3.0-rc.1"), "v1.3.0-rc.1"},
		{"build from a checkout with VCS stamping", "", module("v1.2.4-0.20261201224619-5e613c3a1b2c+dirty"), "v1.2.4-0.20261201224619-5e613c3a1b2c+dirty"},
		{"go build without VCS information", "", module("(devel)"), "dev"},
		{"empty module version", "", module(""), "dev"},
		{"no build information", "", none, "dev"},
		{"no build information, stamped", "v1.0.0", none, "v1.0.0"},
		{"nil build information", "", func() (*debug.BuildInfo, bool) { return nil, true }, "dev"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, resolveVersion(tt.stamped, tt.buildInfo)); diff != "" {
				t.Errorf("resolveVersion(%q) mismatch (-want +got):\n%s", tt.stamped, diff)
			}
		})
	}
}

func TestVersionCommand(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
	}{
		{"plain", []string{"version"}, ExitOK, "checkout-preflight v1.2.3\n"},
		{"help", []string{"version", "--help"}, ExitOK, usageVersion},
		{"stray argument", []string{"version", "extra"}, ExitUsage, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			c := &Command{Stdout: &stdout, Stderr: &stderr, Version: "v1.2.3"}
			if code := c.Main(t.Context(), tt.args); code != tt.wantCode {
				t.Errorf("exit code = %d, want %d; stderr: %s", code, tt.wantCode, stderr.String())
			}
			if diff := cmp.Diff(tt.wantStdout, stdout.String()); diff != "" {
				t.Errorf("stdout mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
