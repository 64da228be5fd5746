package discover

import (
	"path"
	"strings"
)

// ignoreRule is one pattern line of a .gitignore file (or an exclusion),
// with the semantics git documents (gitignore(5)):
//
//   - blank lines and lines starting with "#" are ignored; "\#" and "\!"
//     escape a leading "#" or "!"; trailing spaces are dropped unless
//     escaped;
//   - "!" re-includes what an earlier pattern excluded (but nothing under
//     an excluded directory: the walk does not enter it);
//   - a trailing "/" matches directories only;
//   - a pattern with a "/" at the start or in the middle is relative to
//     the directory of its .gitignore; otherwise it matches a name at any
//     depth;
//   - "*", "?" and "[…]" (with "!" or "^" negation) match within one path
//     segment; "**/" matches any leading directories, "/**" everything
//     inside, "/**/" zero or more directories.
type ignoreRule struct {
	base    string   // directory of the .gitignore, "" for the root
	segs    []string // pattern segments; "**" matches any number
	negate  bool
	dirOnly bool
}

// parseIgnore parses the contents of a .gitignore file in directory base.
func parseIgnore(base, text string) []ignoreRule {
	var rules []ignoreRule
	for _, line := range strings.Split(text, "\n") {
		if r, ok := parseIgnoreLine(base, line); ok {
			rules = append(rules, r)
		}
	}
	return rules
}

func parseIgnoreLine(base, line string) (ignoreRule, bool) {
	line = strings.TrimSuffix(line, "\r")
	line = trimUnescapedSpace(line)
	if line == "" || line[0] == '#' {
		return ignoreRule{}, false
	}
	r := ignoreRule{base: base}
	switch {
	case line[0] == '!':
		r.negate = true
		line = line[1:]
	case strings.HasPrefix(line, `\!`) || strings.HasPrefix(line, `\#`):
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		r.dirOnly = true
		line = strings.TrimRight(line, "/")
	}
	if line == "" {
		return ignoreRule{}, false
	}
	anchored := strings.Contains(line, "/")
	line = strings.TrimPrefix(line, "/")
	for _, s := range strings.Split(line, "/") {
		if s == "" {
			continue
		}
		if strings.Contains(s, "**") && s != "**" {
			s = strings.ReplaceAll(s, "**", "*") // "a**b" is "a*b"
		}
		r.segs = append(r.segs, strings.ReplaceAll(s, "[!", "[^"))
	}
	if !anchored {
		r.segs = append([]string{"**"}, r.segs...)
	}
	return r, len(r.segs) > 0
}

// trimUnescapedSpace drops trailing spaces that are not escaped by "\".
func trimUnescapedSpace(s string) string {
	for strings.HasSuffix(s, " ") && !strings.HasSuffix(s, `\ `) {
		s = s[:len(s)-1]
	}
	if strings.HasSuffix(s, `\ `) {
		s = s[:len(s)-2] + " "
	}
	return s
}

// match reports whether the rule matches the slash path p (relative to
// the root) of a file or, when isDir, a directory.
func (r ignoreRule) match(p string, isDir bool) bool {
	if r.dirOnly && !isDir {
		return false
	}
	rel := p
	if r.base != "" {
		var ok bool
		if rel, ok = strings.CutPrefix(p, r.base+"/"); !ok {
			return false
		}
	}
	return matchSegs(r.segs, strings.Split(rel, "/"))
}

// matchSegs matches pattern segments against path segments; "**" matches
// zero or more segments, a trailing "**" one or more.
func matchSegs(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			if len(pat) == 1 {
				return len(segs) > 0
			}
			for k := 0; k <= len(segs); k++ {
				if matchSegs(pat[1:], segs[k:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, err := path.Match(pat[0], segs[0]); err != nil || !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}

// ignored reports whether the last rule of rules that matches p excludes
// it.
func ignored(rules []ignoreRule, p string, isDir bool) bool {
	out := false
	for _, r := range rules {
		if r.match(p, isDir) {
			out = !r.negate
		}
	}
	return out
}

// newExcluder compiles Options.Exclude patterns (gitignore syntax,
// relative to the root).
func newExcluder(patterns []string) ([]ignoreRule, error) {
	var rules []ignoreRule
	for _, p := range patterns {
		if _, err := path.Match(strings.ReplaceAll(strings.ReplaceAll(p, "**", "*"), "/", ""), ""); err != nil {
			return nil, errPattern("exclude", p, err)
		}
		if r, ok := parseIgnoreLine("", p); ok {
			rules = append(rules, r)
		}
	}
	return rules, nil
}
