package discover

import (
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/discover/internal/lex"
)

// imports is what a file's import, using, use and require statements
// bring into scope.
type imports struct {
	// names maps a local name to the value an import binds to it: the SDK
	// constructor or builder class, a user module, a value another file
	// exports ("fn()" for a function whose result is known).
	names map[string]value
	// types maps a local type name to the fully qualified name it stands
	// for (Java, Kotlin, PHP, Python and TypeScript imports, C# aliases).
	types map[string]string
	// packages are the namespaces whose types are in scope unqualified:
	// Java and Kotlin wildcard imports, C# using directives (with the
	// project's global usings) and enclosing namespaces.
	packages []string
	// goPaths maps a Go import's local name to its path.
	goPaths map[string]string
}

const (
	nodePackage = "checkout-sdk-node"
	goModule    = "github.com/checkout/checkout-sdk-go/v2"
)

// readImports reads the file's imports.
func (a *analyzer) readImports() imports {
	im := imports{names: map[string]value{}, types: map[string]string{}, goPaths: map[string]string{}}
	switch a.f.lang.sdk {
	case "node":
		a.jsImports(&im)
	case "python":
		a.pythonImports(&im)
	case "java":
		a.jvmImports(&im)
	case "dotnet":
		a.csharpImports(&im)
	case "php":
		a.phpImports(&im)
	case "go":
		a.goImports(&im)
	}
	return im
}

// resolveType returns the value a declaration of the (possibly
// qualified, "."-joined) type name holds, when it is an SDK type.
func (a *analyzer) resolveType(name string) (value, bool) {
	sdk := a.f.lang.sdk
	try := func(fqn string) (value, bool) {
		v, ok := a.ix.types[fqn]
		return v, ok
	}
	switch sdk {
	case "node":
		if fqn := a.imp.types[name]; fqn == nodePackage+".Checkout" || fqn == nodePackage+".default" {
			return value{kind: kRoot, sdk: "node", platform: "both"}, true
		}
		return value{}, false
	case "go":
		alias, typ, ok := strings.Cut(name, ".")
		if !ok {
			return value{}, false
		}
		if p, ok := a.imp.goPaths[alias]; ok {
			return try(p + "." + typ)
		}
		return value{}, false
	case "php":
		name = strings.ReplaceAll(strings.TrimPrefix(name, `\`), ".", `\`)
		first, rest, _ := strings.Cut(name, `\`)
		if fqn, ok := a.imp.types[first]; ok {
			if rest != "" {
				return try(fqn + `\` + rest)
			}
			return try(fqn)
		}
		return try(name)
	case "ruby":
		return try(strings.ReplaceAll(name, ".", "::"))
	}
	first, rest, _ := strings.Cut(name, ".")
	if fqn, ok := a.imp.types[first]; ok {
		if rest != "" {
			return try(fqn + "." + rest)
		}
		return try(fqn)
	}
	if v, ok := try(name); ok {
		return v, true
	}
	for _, p := range a.imp.packages {
		if v, ok := try(p + "." + name); ok {
			return v, true
		}
	}
	if sdk == "dotnet" {
		for _, p := range a.w.globalUsings() {
			if v, ok := try(p + "." + name); ok {
				return v, true
			}
		}
	}
	return value{}, false
}

// statementEnd returns the index of the first ";" at or after i, or of
// the first token on a later line than token i when the language ends
// statements at line ends; at most the end of the tokens.
func (a *analyzer) statementEnd(i int) int {
	line := 0
	if i < len(a.f.toks) {
		line = a.f.toks[i].Line
	}
	for j := i; j < len(a.f.toks); j++ {
		if a.is(j, ";") {
			return j
		}
		if (a.f.lang.is("python", "kotlin", "go", "ruby", "javascript", "typescript")) && a.f.toks[j].Line > line && !a.is(j-1, ",") && !a.is(j-1, "(") && !a.is(j-1, "{") && !a.is(j, ")") && !a.is(j, "}") && !a.is(j, ",") {
			return j
		}
	}
	return len(a.f.toks)
}

// isString reports whether token i is a whole string literal.
func (a *analyzer) isString(i int) bool {
	return i >= 0 && i < len(a.f.toks) && a.f.toks[i].Kind == lex.String
}

// stringAt returns the contents of a whole string literal at token i.
func (a *analyzer) stringAt(i int) (string, bool) {
	if i < 0 || i >= len(a.f.toks) || a.f.toks[i].Kind != lex.String {
		return "", false
	}
	return string(a.f.toks[i].Value(a.f.src)), true
}
