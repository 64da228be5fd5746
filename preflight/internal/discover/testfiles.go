package discover

import (
	"path"
	"strings"
)

// isTestFile reports whether a slash path names a test file: by its
// directory (test/, tests/, spec/, specs/, __tests__/, __mocks__/,
// testdata/, src/test/, a .NET *.Tests or *.Test project) or by its name,
// per language:
//
//	JavaScript/TypeScript  *.test.js, *.spec.ts, … (any of .js .jsx .ts .tsx .mjs .cjs)
//	Python                 test_*.py, *_test.py, conftest.py
//	Ruby                   *_spec.rb, *_test.rb
//	Go                     *_test.go
//	Java/Kotlin            *Test.java, *Tests.java, *IT.java, *Spec.kt, …
//	C#                     *Test.cs, *Tests.cs
//	PHP                    *Test.php
func isTestFile(p string, lang language) bool {
	dir, base := path.Split(p)
	for _, seg := range strings.Split(strings.TrimSuffix(dir, "/"), "/") {
		switch strings.ToLower(seg) {
		case "test", "tests", "spec", "specs", "__tests__", "__mocks__", "testdata", "e2e", "cypress":
			return true
		}
		if lang.sdk == "dotnet" && (strings.HasSuffix(seg, ".Tests") || strings.HasSuffix(seg, ".Test") || strings.HasSuffix(seg, ".UnitTests") || strings.HasSuffix(seg, ".IntegrationTests")) {
			return true
		}
	}
	stem := strings.TrimSuffix(base, path.Ext(base))
	switch lang.sdk {
	case "node":
		return strings.HasSuffix(stem, ".test") || strings.HasSuffix(stem, ".spec")
	case "python":
		return strings.HasPrefix(stem, "test_") || strings.HasSuffix(stem, "_test") || stem == "conftest"
	case "ruby":
		return strings.HasSuffix(stem, "_spec") || strings.HasSuffix(stem, "_test")
	case "go":
		return strings.HasSuffix(stem, "_test")
	case "java":
		return hasAnySuffix(stem, "Test", "Tests", "IT", "Spec", "TestCase")
	case "dotnet":
		return hasAnySuffix(stem, "Test", "Tests")
	case "php":
		return strings.HasSuffix(stem, "Test")
	}
	return false
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}
