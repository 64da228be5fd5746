package discover

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// collectExports fills a.exports with what other files may import:
//
//	Node    module.exports, exports.x, export const/function/default/{…}
//	Python  every module-level name
//	Ruby    constants, globals and module methods (project-wide)
//	Go      package-level names, fields and functions (to the package's
//	        other files; other packages use the exported ones)
//	Java, Kotlin, C#  class members, as "Class.member" (see bindMember)
func (a *analyzer) collectExports() {
	switch a.f.lang.sdk {
	case "node":
		for _, name := range a.exportNames {
			if v, ok := a.lastValue(name); ok {
				a.exports[name] = v
			}
		}
		for _, p := range a.exportAliases {
			if v, ok := a.lookup(p[0]); ok {
				a.exports[p[1]] = v
			}
			if v, ok := a.lookup(p[0] + "()"); ok {
				a.exports[p[1]+"()"] = v
			}
		}
	case "python":
		for name := range a.env {
			v, _ := a.lastValue(name)
			if !strings.HasPrefix(name, "@") && !strings.Contains(name, ".") {
				a.exports[name] = v
			}
		}
	case "ruby":
		for name := range a.env {
			v, _ := a.lastValue(name)
			if r, _ := utf8.DecodeRuneInString(name); unicode.IsUpper(r) || r == '$' {
				a.exports[name] = v
			}
		}
	case "go":
		// The files of a package share their names; other packages see
		// the exported ones (the importer spells them pkg.Name).
		for name := range a.env {
			v, _ := a.lastValue(name)
			if !strings.Contains(name, ".") {
				a.exports[name] = v
			}
		}
	}
}

// moduleKey is the key under which a file's exports are recorded: its
// path, or "go:" and its directory for Go.
func moduleKey(f *srcFile) string {
	if f.lang.sdk == "go" {
		return "go:" + path.Dir(f.path)
	}
	return f.path
}

// addExports merges one file's exports into w.
func (w *world) addExports(f *srcFile, ex map[string]value) {
	if len(ex) == 0 {
		return
	}
	if f.lang.sdk == "ruby" || f.lang.sdk == "java" || f.lang.sdk == "dotnet" || f.lang.sdk == "php" {
		for k, v := range ex {
			w.globals[f.lang.sdk+":"+k] = v
		}
		return
	}
	key := moduleKey(f)
	m := w.exports[key]
	if m == nil {
		m = map[string]value{}
		w.exports[key] = m
	}
	for k, v := range ex {
		m[k] = v
	}
}
