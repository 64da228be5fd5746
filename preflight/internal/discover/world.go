package discover

import (
	"path"
	"strings"
)

// world is what files know of one another: which files exist, and what
// each exports. A nil *world knows nothing.
type world struct {
	// files holds the slash path of every source file in the scan.
	files map[string]bool
	// exports maps a module (a file's path; "go:" + a directory for a Go
	// package) to the values it exports by name ("fn()" for a function's
	// result; "default" for a Node default export).
	exports map[string]map[string]value
	// globals holds names visible project-wide, by "sdk:name": Ruby
	// constants and module methods ("Mod.fn()"), and the members of Java,
	// Kotlin and C# classes and objects ("Holder.Api", "Factory.get()").
	globals map[string]value
	// usings are C# "global using" namespaces, which apply project-wide.
	usings []string
	// sdkUsed says, per SDK, whether some file builds or declares one of
	// its objects.
	sdkUsed map[string]bool
	// params are the known values that calls pass to functions and
	// constructors, by "sdk:callee#position" and "sdk:callee#keyword".
	params map[string]value
}

func newWorld(files map[string]bool) *world {
	return &world{files: files, exports: map[string]map[string]value{}, globals: map[string]value{}, params: map[string]value{}, sdkUsed: map[string]bool{}}
}

// export returns the value a module exports under name, marked indirect.
func (w *world) export(module, name string) (value, bool) {
	if module == "sdk:python" {
		if name == "CheckoutSdk" {
			return value{kind: kFactory, sdk: "python", platform: "nas"}, true
		}
		return value{kind: kModule, module: module}, name == "checkout_sdk"
	}
	if w == nil {
		return value{}, false
	}
	if p, ok := strings.CutPrefix(module, "go:"); ok {
		for dir, ex := range w.exports {
			d, isGo := strings.CutPrefix(dir, "go:")
			if isGo && (p == d || strings.HasSuffix(p, "/"+d)) {
				if v, ok := ex[name]; ok {
					v.indirect = true
					return v, true
				}
			}
		}
		return value{}, false
	}
	v, ok := w.exports[module][name]
	v.indirect = true
	return v, ok
}

// global returns a project-wide name: a Ruby constant or module method,
// a Java, Kotlin or C# class member ("Holder.Api"), or any name of the Go
// package a file belongs to (pass "go:" + its directory as sdk… see
// goPackage).
func (w *world) global(sdk, name string) (value, bool) {
	if w == nil || len(w.globals) == 0 {
		return value{}, false
	}
	switch sdk {
	case "ruby":
		if r := name[0]; !(r >= 'A' && r <= 'Z' || r == '$') {
			return value{}, false
		}
	case "java", "dotnet", "php":
		if !strings.Contains(name, ".") {
			return value{}, false
		}
	default:
		return value{}, false
	}
	// "Billing::API" finds API defined inside module Billing, and
	// "Marketplace::Cko.api()" finds Cko.api().
	if strings.Contains(name, "::") {
		name = strings.ReplaceAll(name, "::", ".")
	}
	for {
		if v, ok := w.globals[sdk+":"+name]; ok {
			v.indirect = true
			return v, true
		}
		_, rest, ok := strings.Cut(name, ".")
		if !ok {
			return value{}, false
		}
		name = rest
	}
}

// fixture returns the value a pytest fixture of that name (a function in
// a conftest.py) returns.
func (w *world) fixture(name string) (value, bool) {
	if w == nil {
		return value{}, false
	}
	for key, ex := range w.exports {
		if key == "conftest.py" || strings.HasSuffix(key, "/conftest.py") {
			if v, ok := ex[name+"()"]; ok {
				v.indirect = true
				return v, true
			}
		}
	}
	return value{}, false
}

// param returns the value that calls elsewhere pass to parameter key
// ("Vault#0", "open_disputes#payments") of a function or class in sdk's
// language.
func (w *world) param(sdk, key string) (value, bool) {
	if w == nil {
		return value{}, false
	}
	v, ok := w.params[sdk+":"+key]
	v.indirect = true
	return v, ok
}

func (w *world) globalUsings() []string {
	if w == nil {
		return nil
	}
	return w.usings
}

// nodeExtensions are tried, in order, for an import without one.
func nodeExtensions() []string {
	return []string{"", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", "/index.ts", "/index.tsx", "/index.js", "/index.mjs", "/index.cjs"}
}

// resolveNode finds the file a Node import specifier names: relative to
// the importer, or, for a path alias ("@/lib/cko", "~/lib/cko",
// "src/lib/cko"), any file whose path ends with the rest. Package names
// resolve to nothing.
func (w *world) resolveNode(importer, spec string) (string, bool) {
	if w == nil || spec == "" {
		return "", false
	}
	if strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") {
		base := path.Join(path.Dir(importer), spec)
		for _, ext := range nodeExtensions() {
			if w.files[base+ext] {
				return base + ext, true
			}
		}
		// TypeScript imports name the compiled ".js" file.
		if trimmed := strings.TrimSuffix(base, ".js"); trimmed != base {
			for _, ext := range []string{".ts", ".tsx"} {
				if w.files[trimmed+ext] {
					return trimmed + ext, true
				}
			}
		}
		return "", false
	}
	rest := ""
	for _, p := range []string{"@/", "~/", "#/", "src/", "@app/", "@src/", "@lib/"} {
		if r, ok := strings.CutPrefix(spec, p); ok {
			rest = r
			if p == "@lib/" {
				rest = "lib/" + r
			}
			break
		}
	}
	if rest == "" {
		return "", false
	}
	return w.bySuffix(rest, nodeExtensions()[1:])
}

// resolvePython finds the file of a module: "a.b" relative to the
// importer's package for level > 0 (one dot is its own package), else
// anywhere in the tree ("a/b.py" or "a/b/__init__.py").
func (w *world) resolvePython(importer, mod string, level int) (string, bool) {
	if w == nil {
		return "", false
	}
	rel := strings.ReplaceAll(mod, ".", "/")
	if level > 0 {
		dir := path.Dir(importer)
		for range level - 1 {
			dir = path.Dir(dir)
		}
		base := path.Join(dir, rel)
		for _, ext := range []string{".py", "/__init__.py"} {
			if w.files[base+ext] {
				return base + ext, true
			}
		}
		return "", false
	}
	if rel == "" {
		return "", false
	}
	return w.bySuffix(rel, []string{".py", "/__init__.py"})
}

// bySuffix returns the file, with one of exts appended to rel, whose path
// is rel or ends with "/"+rel; the shortest such path wins.
func (w *world) bySuffix(rel string, exts []string) (string, bool) {
	best := ""
	for f := range w.files {
		for _, ext := range exts {
			want := rel + ext
			if (f == want || strings.HasSuffix(f, "/"+want)) && (best == "" || len(f) < len(best) || len(f) == len(best) && f < best) {
				best = f
			}
		}
	}
	return best, best != ""
}
