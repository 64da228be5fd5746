package discover

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestIgnoreRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		base, pattern, path string
		dir, want           bool
	}{
		{"", "*.log", "a/b/x.log", false, true},
		{"", "/build", "build", true, true},
		{"", "/build", "src/build", true, false},
		{"", "build/", "src/build", true, true},
		{"", "build/", "src/build", false, false},
		{"", "doc/*.txt", "doc/a.txt", false, true},
		{"", "doc/*.txt", "doc/x/a.txt", false, false},
		{"", "**/foo", "a/b/foo", false, true},
		{"", "a/**/b", "a/b", false, true},
		{"", "a/**/b", "a/x/y/b", false, true},
		{"", "a/**", "a/x/y", false, true},
		{"", "a/**", "a", true, false},
		{"", `\#x`, "#x", false, true},
		{"", "[!a]bc", "xbc", false, true},
		{"", "[!a]bc", "abc", false, false},
		{"sub", "/x.js", "sub/x.js", false, true},
		{"sub", "/x.js", "x.js", false, false},
		{"sub", "x.js", "sub/deep/x.js", false, true},
		{"", "trailing  ", "trailing", false, true},
	}
	for _, tt := range tests {
		r, ok := parseIgnoreLine(tt.base, tt.pattern)
		if !ok {
			t.Errorf("parseIgnoreLine(%q) rejected the pattern", tt.pattern)
			continue
		}
		if got := r.match(tt.path, tt.dir); got != tt.want {
			t.Errorf("pattern %q (in %q) on %q (dir %v) = %v, want %v", tt.pattern, tt.base, tt.path, tt.dir, got, tt.want)
		}
	}
	if _, ok := parseIgnoreLine("", "# comment"); ok {
		t.Error("a comment line was parsed as a pattern")
	}
	rules := parseIgnore("", "*.js\n!keep.js\n")
	if ignored(rules, "keep.js", false) || !ignored(rules, "drop.js", false) {
		t.Error("negation does not re-include a file")
	}
}

// TestIgnoreAgainstGit compares the matcher with git check-ignore, when
// git is installed.
func TestIgnoreAgainstGit(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	gitignore := "*.log\n/build/\nsrc/**/gen/\n!important.log\ndocs/*.md\n[Tt]emp*\n"
	files := []string{"a.log", "important.log", "build/x.js", "sub/build/x.js", "src/a/b/gen/x.js", "src/gen/x.js", "docs/a.md", "docs/x/a.md", "Temp1.js", "temp/x.js", "keep.js"}
	if err := os.WriteFile(filepath.Join(dir, ".gitignore"), []byte(gitignore), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := exec.Command("git", "-C", dir, "init", "-q").CombinedOutput(); err != nil {
		t.Skipf("git init: %v %s", err, out)
	}
	rules := parseIgnore("", gitignore)
	for _, f := range files {
		err := exec.Command("git", "-C", dir, "check-ignore", "-q", f).Run()
		gitSays := err == nil
		// The walk never enters an ignored directory; mirror that.
		ours := false
		segs := strings.Split(f, "/")
		for i := range segs {
			p := strings.Join(segs[:i+1], "/")
			if ignored(rules, p, i < len(segs)-1) {
				ours = true
				break
			}
		}
		if ours != gitSays {
			t.Errorf("%s: ignored = %v, git check-ignore says %v", f, ours, gitSays)
		}
	}
}
