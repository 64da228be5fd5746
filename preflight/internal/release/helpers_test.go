package release

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"go.yaml.in/yaml/v3"
)

// repoRoot is the repository's root, relative to this package.
const repoRoot = "../../.."

// readRepoFile returns the contents of the repository file name (a
// slash-separated path from the root).
func readRepoFile(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(name)))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// decodeRepoYAML decodes the repository's YAML file name into v.
func decodeRepoYAML(tb testing.TB, name string, v any) {
	tb.Helper()
	if err := yaml.Unmarshal(readRepoFile(tb, name), v); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
}

// script returns the path of the release script name in .github/scripts,
// and the bash that runs it; the test is skipped where there is no bash.
func script(tb testing.TB, name string) (bash, path string) {
	tb.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		tb.Skipf("no bash on PATH to run .github/scripts/%s: %v", name, err)
	}
	path, err = filepath.Abs(filepath.Join(repoRoot, ".github", "scripts", name))
	if err != nil {
		tb.Fatal(err)
	}
	return bash, path
}
