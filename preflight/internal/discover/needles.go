package discover

import (
	"bytes"
	"path"
	"slices"
	"strings"
)

// secondaryNeedles returns, per SDK, what makes a file that failed the
// "cko" test worth analysing after all: the names of modules that export
// an SDK value or a Checkout.com URL (matched against the file's
// imports), and byte strings to look for (Ruby constants and module
// names, the callees of parameters that receive a client, SDK client
// interfaces for C# projects with global usings).
func (s *scan) secondaryNeedles() (modules map[string]map[string]bool, needles map[string][][]byte) {
	modules = map[string]map[string]bool{}
	needles = map[string][][]byte{}
	addModule := func(sdk, n string) {
		if modules[sdk] == nil {
			modules[sdk] = map[string]bool{}
		}
		modules[sdk][n] = true
	}
	seen := map[string]bool{}
	addNeedle := func(sdk, n string) {
		if len(n) >= 3 && !containsCko([]byte(n)) && !seen[sdk+" "+n] {
			seen[sdk+" "+n] = true
			needles[sdk] = append(needles[sdk], []byte(n))
		}
	}
	for key, ex := range s.w.exports {
		if !exportsSomething(ex) {
			continue
		}
		if dir, ok := cutGo(key); ok {
			addModule("go", path.Base(dir))
			continue
		}
		lang, _ := languageOf(key)
		stem := path.Base(key)
		stem = stem[:len(stem)-len(path.Ext(stem))]
		if stem == "index" || stem == "__init__" {
			stem = path.Base(path.Dir(key))
		}
		addModule(lang.sdk, stem)
	}
	for name, v := range s.w.globals {
		sdk, n, ok := cutColon(name)
		if ok && sdk == "ruby" && exportsSomething(map[string]value{"": v}) {
			first, _, _ := cutDot(n)
			first, _, _ = strings.Cut(first, "#")
			addNeedle(sdk, first)
		}
	}
	for key := range s.w.params {
		if sdk, k, ok := cutColon(key); ok {
			callee, _, _ := strings.Cut(k, "#")
			addNeedle(sdk, callee)
		}
	}
	// Classes that take the API object as a parameter named as the SDK
	// documentation names it (def initialize(api)).
	for sdk, used := range s.w.sdkUsed {
		if used && (sdk == "ruby" || sdk == "python" || sdk == "node" || sdk == "php") {
			addNeedle(sdk, "api.")
			addNeedle(sdk, "api->")
		}
	}
	// C# files that rely on global usings name SDK clients without
	// saying "cko" (IPaymentsClient).
	for _, u := range s.w.usings {
		if strings.HasPrefix(u, "Checkout") {
			addNeedle("dotnet", "Client")
		}
	}
	for _, ns := range needles {
		slices.SortFunc(ns, bytes.Compare)
	}
	return modules, needles
}

// exportsSomething reports whether a module's exports hold an SDK value,
// an HTTP client or a URL.
func exportsSomething(ex map[string]value) bool {
	for _, v := range ex {
		if v.isSDK() || v.kind == kHTTP || v.kind == kURL {
			return true
		}
	}
	return false
}

// importsAny reports whether a file's import names meet the modules.
func importsAny(names []string, modules map[string]bool) bool {
	for _, n := range names {
		if modules[n] {
			return true
		}
	}
	return false
}
