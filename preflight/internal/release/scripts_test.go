package release

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

// result is what running a script gave.
type result struct {
	Code   int
	Stdout string
	// Stderr is checked to contain the wanted text, not compared whole.
	Stderr string
}

// runScript runs .github/scripts/name with args in dir.
func runScript(tb testing.TB, dir, name string, args ...string) result {
	tb.Helper()
	bash, path := script(tb, name)
	cmd := exec.Command(bash, append([]string{path}, args...)...)
	cmd.Dir = dir
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		tb.Fatalf("running %s: %v", name, err)
	}
	return result{Code: cmd.ProcessState.ExitCode(), Stdout: stdout.String(), Stderr: stderr.String()}
}

// checkResult compares got with want, where want.Stderr need only be
// contained in got.Stderr.
func checkResult(tb testing.TB, want, got result) {
	tb.Helper()
	if !strings.Contains(got.Stderr, want.Stderr) {
		tb.Errorf("stderr %q does not contain %q", got.Stderr, want.Stderr)
	}
	got.Stderr = want.Stderr
	if diff := cmp.Diff(want, got); diff != "" {
		tb.Errorf("result mismatch (-want +got):\n%s", diff)
	}
}

func TestPinActionImage(t *testing.T) {
	t.Parallel()
	digest := "sha256:" + strings.Repeat("0123456789abcdef", 4)
	pinned := "runs:\n  using: docker\n  image: 'docker://ghcr.io/checkout-preflight/checkout-preflight@" + digest + "'\n"
	tests := []struct {
		name     string
		action   string // the action.yml to pin; empty means the repository's
		ref      string
		want     result
		wantFile string // empty means unchanged
	}{
		{name: "the repository's action.yml", ref: "ghcr.io/checkout-preflight/checkout-preflight@" + digest},
		{name: "the wanted line, byte for byte", action: "runs:\n  using: docker\n  image: Dockerfile\n",
			ref: "ghcr.io/checkout-preflight/checkout-preflight@" + digest, wantFile: pinned},
		{name: "a tag is not a digest", ref: "ghcr.io/checkout-preflight/checkout-preflight:v1.2.3",
			want: result{Code: 2, Stderr: "is not an image reference by digest"}},
		{name: "a short digest", ref: "ghcr.io/checkout-preflight/checkout-preflight@sha256:0123",
			want: result{Code: 2, Stderr: "is not an image reference by digest"}},
		{name: "an injected line", ref: "ghcr.io/x/y@" + digest + "\n  env: {}",
			want: result{Code: 2, Stderr: "is not an image reference by digest"}},
		{name: "already pinned", action: pinned, ref: "ghcr.io/checkout-preflight/checkout-preflight@" + digest,
			want: result{Code: 1, Stderr: `has 0 lines "  image: Dockerfile", want exactly 1`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			before := tt.action
			if before == "" {
				before = string(readRepoFile(t, "action.yml"))
			}
			file := filepath.Join(t.TempDir(), "action.yml")
			if err := os.WriteFile(file, []byte(before), 0o644); err != nil {
				t.Fatal(err)
			}
			checkResult(t, tt.want, runScript(t, ".", "pin-action-image", tt.ref, file))
			after := string(readFile(t, file))
			if tt.want.Code != 0 {
				if after != before {
					t.Errorf("a refused pin changed the file:\n%s", after)
				}
				return
			}
			if tt.wantFile != "" && after != tt.wantFile {
				t.Errorf("pinned file = %q, want %q", after, tt.wantFile)
			}
			var action struct {
				Name string
				Runs struct{ Using, Image string }
			}
			if err := yaml.Unmarshal([]byte(after), &action); err != nil {
				t.Fatalf("the pinned action.yml is not YAML: %v", err)
			}
			if want := "docker://" + tt.ref; action.Runs.Using != "docker" || action.Runs.Image != want {
				t.Errorf("runs = %+v, want using docker, image %q", action.Runs, want)
			}
			if diff := cmp.Diff(strings.Count(before, "\n"), strings.Count(after, "\n")); diff != "" {
				t.Errorf("pinning changed the number of lines: %s", diff)
			}
		})
	}
}

func TestReleaseNotes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	changelog := `# Changelog

Intro that mentions ## [1.2.0] in passing.

## [Unreleased]

### Added

- next thing

## [1.2.0] - 2026-12-01

### Fixed

- a bug

## [1.1.0] - 2026-11-01

## [1.0.0] - 2026-10-01

- first

[Unreleased]: https://example.com/compare/v1.2.0...main
[1.2.0]: https://example.com/releases/tag/v1.2.0
`
	if err := os.WriteFile(filepath.Join(dir, "CHANGELOG.md"), []byte(changelog), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		version string
		want    result
	}{
		{"v1.2.0", result{Stdout: "### Fixed\n\n- a bug\n"}},
		{"v1.0.0", result{Stdout: "- first\n"}},
		{"v1.3.0-rc.1", result{Stdout: "### Added\n\n- next thing\n"}},
		{"v1.1.0", result{Code: 1, Stderr: "the CHANGELOG.md section for v1.1.0 is empty"}},
		{"v1.3.0", result{Code: 1, Stderr: `CHANGELOG.md has no "## [1.3.0] - YYYY-MM-DD" section; rename "## [Unreleased]" to it`}},
		{"v1.2", result{Code: 1, Stderr: `no "## [1.2] - YYYY-MM-DD" section`}},
	}
	for _, tt := range tests {
		t.Run(tt.version, func(t *testing.T) {
			t.Parallel()
			checkResult(t, tt.want, runScript(t, dir, "release-notes", tt.version))
		})
	}
}

// TestReleaseNotesOfThisChangelog checks that the repository's own
// CHANGELOG.md has notes for a pre-release of the next version.
func TestReleaseNotesOfThisChangelog(t *testing.T) {
	t.Parallel()
	got := runScript(t, repoRoot, "release-notes", "v9.9.9-rc.1")
	if got.Code != 0 || !strings.Contains(got.Stdout, "### ") {
		t.Errorf("release-notes v9.9.9-rc.1 = %+v, want the [Unreleased] section", got)
	}
}
