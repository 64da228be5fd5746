package release

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// gitRepo makes a git repository in a new directory with one commit that
// holds changelog as CHANGELOG.md and carries tags; it skips the test
// where there is no git.
func gitRepo(tb testing.TB, changelog string, tags ...string) string {
	tb.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		tb.Skipf("no git on PATH: %v", err)
	}
	dir := tb.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "CHANGELOG.md"), []byte(changelog), 0o644); err != nil {
		tb.Fatal(err)
	}
	steps := [][]string{{"init", "-q"}, {"add", "CHANGELOG.md"}, {"commit", "-q", "-m", "changelog"}}
	for _, tag := range tags {
		steps = append(steps, []string{"tag", tag})
	}
	for _, args := range steps {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			tb.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dir
}

func TestReleasePlan(t *testing.T) {
	t.Parallel()
	const changelog = "# Changelog\n\n## [Unreleased]\n\n- next\n\n" +
		"## [2.1.0] - 2026-12-01\n\n- b\n\n## [1.3.0] - 2026-12-01\n\n- c\n\n## [1.1.1] - 2026-12-01\n\n- d\n\n## [1.0.0] - 2026-01-01\n\n- e\n\n## [2.0.0] - 2026-11-01\n\n- f\n"
	plan := func(version, number, major, prerelease, latest, moveMajor string) result {
		return result{Stdout: "version=" + version + "\nnumber=" + number + "\nmajor=" + major +
			"\nprerelease=" + prerelease + "\nlatest=" + latest + "\nmove-major=" + moveMajor + "\n"}
	}
	const main = "refs/heads/main"
	tests := []struct {
		name         string
		tags         []string
		version, ref string
		want         result
	}{
		{"the first release", nil, "v1.0.0", main, plan("v1.0.0", "1.0.0", "v1", "false", "true", "true")},
		{"the next minor", []string{"v1.0.0", "v1.1.0", "v1"}, "v1.3.0", main, plan("v1.3.0", "1.3.0", "v1", "false", "true", "true")},
		{"a new major", []string{"v1.0.0", "v1", "v1.3.0-rc.1"}, "v2.0.0", main, plan("v2.0.0", "2.0.0", "v2", "false", "true", "true")},
		{"a minor of the older major moves only its major", []string{"v1.0.0", "v2.0.0"}, "v1.3.0", main, plan("v1.3.0", "1.3.0", "v1", "false", "false", "true")},
		{"a patch below the newest of its major moves nothing", []string{"v1.0.0", "v1.1.0", "v1.2.0"}, "v1.1.1", main, plan("v1.1.1", "1.1.1", "v1", "false", "false", "false")},
		{"versions sort as numbers, not text", []string{"v2.0.0", "v2.10.0"}, "v2.1.0", main, plan("v2.1.0", "2.1.0", "v2", "false", "false", "false")},
		{"a pre-release moves nothing", []string{"v1.0.0"}, "v2.0.0-rc.1", main, plan("v2.0.0-rc.1", "2.0.0-rc.1", "v2", "true", "false", "false")},
		{"not from main", nil, "v1.0.0", "refs/heads/feature", result{Code: 1, Stderr: `releases are made from main, but this run is on "refs/heads/feature"`}},
		{"from a tag", nil, "v1.0.0", "refs/tags/v1.0.0", result{Code: 1, Stderr: "releases are made from main"}},
		{"a version released before", []string{"v1.0.0"}, "v1.0.0", main, result{Code: 1, Stderr: "tag v1.0.0 exists already"}},
		{"no v", nil, "1.0.0", main, result{Code: 1, Stderr: `version "1.0.0" is not vMAJOR.MINOR.PATCH`}},
		{"two parts", nil, "v1.0", main, result{Code: 1, Stderr: `version "v1.0" is not vMAJOR.MINOR.PATCH`}},
		{"a leading zero", nil, "v1.01.0", main, result{Code: 1, Stderr: "is not vMAJOR.MINOR.PATCH"}},
		{"build metadata", nil, "v1.0.0+build.1", main, result{Code: 1, Stderr: "is not vMAJOR.MINOR.PATCH"}},
		{"a shell word", nil, "v1.0.0;rm", main, result{Code: 1, Stderr: "is not vMAJOR.MINOR.PATCH"}},
		{"the major tag itself", nil, "v1", main, result{Code: 1, Stderr: "is not vMAJOR.MINOR.PATCH"}},
		{"no release notes", nil, "v1.2.0", main, result{Code: 1, Stderr: `CHANGELOG.md has no "## [1.2.0] - YYYY-MM-DD" section`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := gitRepo(t, changelog, tt.tags...)
			checkResult(t, tt.want, runScript(t, dir, "release-plan", tt.version, tt.ref))
		})
	}
}
