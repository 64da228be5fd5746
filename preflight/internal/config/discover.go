package config

import (
	"fmt"
	"path"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// MaxDiscoverPaths is the most entries a discover list may hold.
const MaxDiscoverPaths = 100

// CodePaths is where a run reads Checkout.com calls from: the discover
// setting. The zero value is off.
type CodePaths struct {
	// On is true when any path was given.
	On bool
	// Paths are files, directories or fs.Glob patterns, slash-separated,
	// relative to the workspace and cleaned ("src/api", "services/*/src");
	// empty with On means the whole workspace (".").
	Paths []string
	// Exclude are the "!" entries without their "!", matched like
	// .gitignore lines ("legacy/", "*.generated.ts"); empty excludes
	// nothing beyond the built-in rules (vendored code, tests, .gitignore).
	Exclude []string
	// Pos is where the first entry was written; zero when it was not in a
	// file.
	Pos report.Position
}

// Key identifies the paths a scan reads: two CodePaths with the same
// Key find the same calls.
func (d CodePaths) Key() string {
	return strings.Join(d.Paths, "\x00") + "\x01" + strings.Join(d.Exclude, "\x00")
}

// ParseDiscover reads a discover list: each entry is a path or glob under
// the workspace, "." for all of it, or "!glob" for paths to leave out. An
// entry that leaves the workspace (absolute, or through "..") or is not a
// valid glob is an *Error at its position; err joins them (see Errors).
func ParseDiscover(values []Value) (CodePaths, error) {
	var d CodePaths
	var errs listErrors
	if len(values) > MaxDiscoverPaths {
		return CodePaths{}, errorAt(values[0].Pos, fmt.Sprintf(
			"discover holds %d entries, more than %d; use directories or globs such as \"services/*/src\"", len(values), MaxDiscoverPaths))
	}
	for _, v := range values {
		text := strings.TrimSpace(v.Text)
		if text == "" {
			continue
		}
		if !d.On {
			d.On, d.Pos = true, v.Pos
		}
		exclude := strings.HasPrefix(text, "!")
		clean, msg := cleanDiscoverPath(strings.TrimPrefix(text, "!"))
		switch {
		case msg != "":
			errs.add(discoverError(v.Pos, fmt.Sprintf("discover entry %s %s", quote(text), msg)), v.Pos)
		case exclude && clean == ".":
			errs.add(discoverError(v.Pos, fmt.Sprintf(`discover entry %s leaves out the whole workspace; remove it, or remove discover to turn discovery off`, quote(text))), v.Pos)
		case exclude:
			if strings.HasSuffix(text, "/") {
				clean += "/" // a directory-only rule, as in .gitignore
			}
			d.Exclude = append(d.Exclude, clean)
		case clean != ".":
			d.Paths = append(d.Paths, clean)
		}
	}
	return d, errs.join("malformed discover entries")
}

// cleanDiscoverPath returns p cleaned and relative to the workspace, or
// what is wrong with it.
func cleanDiscoverPath(p string) (string, string) {
	p = strings.TrimSpace(p)
	switch {
	case p == "":
		return "", `is empty after "!"; write the path to leave out, like "!legacy/"`
	case strings.Contains(p, `\`):
		return "", fmt.Sprintf("uses \\; write paths with /, like %q", strings.ReplaceAll(p, `\`, "/"))
	case strings.HasPrefix(p, "/") || len(p) > 1 && p[1] == ':':
		return "", `is an absolute path; write it relative to the workspace, like "src" or "."`
	}
	clean := path.Clean(p)
	if clean == ".." || strings.HasPrefix(clean, "../") {
		return "", "leaves the workspace; only code under the workspace is read"
	}
	if _, err := path.Match(clean, ""); err != nil {
		return "", `is not a valid glob: check its "[" and "]"`
	}
	return clean, ""
}

func discoverError(pos report.Position, msg string) *Error {
	return &Error{Pos: pos, Message: msg, Title: "Invalid discover entry"}
}
