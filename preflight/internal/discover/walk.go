package discover

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// candidate is a source file the walk selected.
type candidate struct {
	path string
	lang language
	test bool
}

// tree is what the walk found.
type tree struct {
	files   []candidate
	skipped map[string]int // by reason, for files not selected
}

// vendoredDirs are directories of third-party code, never scanned.
func vendoredDir(name string) bool {
	switch name {
	case "node_modules", "vendor", "bower_components", "jspm_packages", "site-packages", "dist-packages",
		".venv", "venv", "virtualenv", ".tox", ".bundle", "Pods", "Carthage", "third_party", "third-party", "packages", ".yarn", ".pnpm-store":
		return true
	}
	return false
}

// buildDir names directories of build output, never scanned.
func buildDir(name string) bool {
	switch name {
	case "dist", "build", "target", "obj", "bin", "out", ".next", ".nuxt", ".svelte-kit", "coverage", "__pycache__", ".gradle", ".terraform":
		return true
	}
	return false
}

// walk lists the source files under o.Paths, honouring .gitignore files,
// exclusions, vendored and build directories, and test files.
func walk(ctx context.Context, o Options, excl []ignoreRule) (tree, error) {
	t := tree{skipped: map[string]int{}}
	roots, err := expandPaths(o.FS, o.Paths)
	if err != nil {
		return tree{}, err
	}
	seen := map[string]bool{}
	// rules holds each directory's effective .gitignore rules (its own
	// after its ancestors').
	rules := map[string][]ignoreRule{}
	rulesFor := func(dir string) []ignoreRule { return ruleChain(o.FS, rules, dir) }
	for _, root := range roots {
		err := fs.WalkDir(o.FS, root, func(p string, d fs.DirEntry, err error) error {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			if err != nil {
				if p == root {
					return err
				}
				t.skipped[SkipUnreadable]++
				return nil
			}
			if d.IsDir() {
				if p == "." {
					rulesFor(p)
					return nil
				}
				name := d.Name()
				switch {
				case name == ".git" || name == ".hg" || name == ".svn":
					return fs.SkipDir
				case vendoredDir(name):
					t.skipped[SkipVendored]++
					return fs.SkipDir
				case buildDir(name):
					t.skipped[SkipBuild]++
					return fs.SkipDir
				case ignored(excl, p, true):
					t.skipped[SkipExcluded]++
					return fs.SkipDir
				case ignored(rulesFor(path.Dir(p)), p, true):
					t.skipped[SkipIgnored]++
					return fs.SkipDir
				}
				rulesFor(p)
				return nil
			}
			lang, ok := languageOf(p)
			if !ok || seen[p] || !regular(o.FS, p, d) {
				return nil
			}
			switch {
			case ignored(excl, p, false):
				t.skipped[SkipExcluded]++
				return nil
			case p != root && ignored(rulesFor(path.Dir(p)), p, false):
				t.skipped[SkipIgnored]++
				return nil
			}
			// Test files are told by their path below the walk root, so
			// that scanning testdata/app or tests/fixtures/app judges the
			// app's own layout.
			rel := p
			if root != "." {
				rel = strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
				if rel == "" {
					rel = path.Base(p)
				}
			}
			test := isTestFile(rel, lang)
			if test && !o.IncludeTests {
				t.skipped[SkipTest]++
				return nil
			}
			seen[p] = true
			t.files = append(t.files, candidate{path: p, lang: lang, test: test})
			return nil
		})
		if err != nil {
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return tree{}, err
			}
			return tree{}, fmt.Errorf("walking %q: %w", root, err)
		}
	}
	return t, nil
}

// ruleChain returns the effective rules of dir, computing its ancestors'
// first.
func ruleChain(fsys fs.FS, rules map[string][]ignoreRule, dir string) []ignoreRule {
	if r, ok := rules[dir]; ok {
		return r
	}
	var parent []ignoreRule
	if dir != "." {
		parent = ruleChain(fsys, rules, path.Dir(dir))
	}
	r := append(slices.Clip(parent), readIgnore(fsys, dir)...)
	rules[dir] = r
	return r
}

// readIgnore reads dir/.gitignore; a missing or unreadable file has no
// rules.
func readIgnore(fsys fs.FS, dir string) []ignoreRule {
	b, err := fs.ReadFile(fsys, path.Join(dir, ".gitignore"))
	if err != nil {
		return nil
	}
	base := dir
	if base == "." {
		base = ""
	}
	return parseIgnore(base, string(b))
}

// expandPaths turns Options.Paths into walk roots: "." when empty; each
// glob pattern expanded with fs.Glob; plain paths cleaned.
func expandPaths(fsys fs.FS, paths []string) ([]string, error) {
	if len(paths) == 0 {
		return []string{"."}, nil
	}
	var out []string
	for _, p := range paths {
		p = strings.TrimPrefix(path.Clean(strings.TrimPrefix(p, "./")), "/")
		if p == "" {
			p = "."
		}
		if !fs.ValidPath(p) {
			return nil, fmt.Errorf("path %q is outside the scanned root", p)
		}
		if strings.ContainsAny(p, "*?[") {
			matches, err := fs.Glob(fsys, p)
			if err != nil {
				return nil, errPattern("path", p, err)
			}
			out = append(out, matches...)
			continue
		}
		if _, err := fs.Stat(fsys, p); err != nil {
			return nil, fmt.Errorf("cannot scan %q: %w", p, err)
		}
		out = append(out, p)
	}
	return out, nil
}

// regular reports whether p is a regular file, or a symbolic link to one:
// opening anything else (a FIFO, a device) could block or never end.
func regular(fsys fs.FS, p string, d fs.DirEntry) bool {
	switch {
	case d.Type().IsRegular():
		return true
	case d.Type()&fs.ModeSymlink == 0:
		return false
	}
	info, err := fs.Stat(fsys, p)
	return err == nil && info.Mode().IsRegular()
}
