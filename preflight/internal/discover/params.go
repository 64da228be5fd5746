package discover

import (
	"strconv"
	"strings"
)

// params follows SDK values passed as arguments, for the languages whose
// parameters are untyped (JavaScript, Python, Ruby, PHP): a call
// "Vault.new(api)", "Vault(api)", "new Vault(cko)" or
// "open_disputes(cko.disputes)" anywhere in the project binds the
// parameter in that position (or of that keyword) of the function, or of
// the class's constructor, with that name. Typed languages need no
// such help: the parameter's type says it.
func (a *analyzer) params() {
	if !a.f.lang.jsLike() && !a.f.lang.is("python", "ruby", "php") {
		return
	}
	for i := 1; i < len(a.f.toks); i++ {
		if !a.is(i, "(") || !a.isIdent(i-1) {
			continue
		}
		if a.isDefinition(i - 1) {
			a.bindParams(i)
			continue
		}
		callee := a.calleeName(i - 1)
		if callee == "" {
			continue
		}
		end := a.skipGroup(i)
		for k, arg := range a.arguments(i, end) {
			key := strconv.Itoa(k)
			start := arg
			if a.isIdent(arg) && (a.is(arg+1, "=") || a.is(arg+1, ":")) && a.f.lang.is("python", "ruby") {
				key, start = a.text(arg), arg+2
			}
			if v, _ := a.chain(start); v.isSDK() {
				a.hints[callee+"#"+key] = v
			}
		}
	}
}

// calleeName returns the name a call at identifier token n is keyed by:
// the class for "X.new(" and "new X(", else the function's own name.
func (a *analyzer) calleeName(n int) string {
	name := a.text(n)
	switch {
	case name == "new" && a.is(n-1, ".") && a.isIdent(n-2):
		return a.text(n - 2)
	case a.is(n-1, "new"):
		return name
	}
	switch name {
	case "if", "for", "while", "switch", "return", "function", "catch", "elif", "and", "or", "not", "print":
		return ""
	}
	return name
}

// arguments returns the first token of each top-level argument of the
// call whose "(" is at open and whose group ends before end.
func (a *analyzer) arguments(open, end int) []int {
	var out []int
	depth := 0
	start := open + 1
	for j := open + 1; j < end-1; j++ {
		switch {
		case a.is(j, "(") || a.is(j, "[") || a.is(j, "{"):
			depth++
		case a.is(j, ")") || a.is(j, "]") || a.is(j, "}"):
			depth--
		case a.is(j, ",") && depth == 0:
			if j > start {
				out = append(out, start)
			}
			start = j + 1
		}
	}
	if end-1 > start {
		out = append(out, start)
	}
	return out
}

// isDefinition reports whether the identifier at n names a function
// being defined (its parameter list follows).
func (a *analyzer) isDefinition(n int) bool {
	switch {
	case a.is(n-1, "def") || a.is(n-1, "function") || a.is(n-1, "fun"):
		return true
	case a.is(n-1, ".") && a.is(n-2, "self") && a.is(n-3, "def"):
		return true
	case a.f.lang.jsLike() && (a.text(n) == "constructor" || a.is(a.skipGroup(n+1), "{") && !a.is(n-1, ".") && a.atStatementStart(n)):
		return true
	}
	return false
}

// bindParams binds the parameters of the function whose "(" is at open
// to the values calls pass them.
func (a *analyzer) bindParams(open int) {
	name := a.text(open - 1)
	if name == "constructor" || name == "__init__" || name == "initialize" || name == "__construct" {
		name = a.enclosingClass(open)
		if name == "" {
			return
		}
	}
	end := a.skipGroup(open)
	a.cur = open
	pos := 0
	for _, arg := range a.arguments(open, end) {
		p, property := a.paramName(arg)
		if p == "" {
			continue
		}
		if pos == 0 && (p == "self" || p == "cls") && a.f.lang.name == "python" {
			continue
		}
		v, ok := a.w.param(a.f.lang.sdk, name+"#"+strconv.Itoa(pos))
		if !ok {
			v, ok = a.w.param(a.f.lang.sdk, name+"#"+strings.TrimPrefix(p, "$"))
		}
		if !ok && a.f.lang.name == "python" {
			v, ok = a.w.fixture(p) // a pytest fixture of that name
		}
		if !ok {
			v, ok = a.conventionalParam(p)
		}
		pos++
		if !ok {
			continue
		}
		a.bind(p, v)
		if property {
			a.bind("@"+strings.TrimPrefix(p, "$"), v)
		}
	}
}

// conventionalParam guesses, in a project that uses the language's SDK,
// that an untyped parameter named the way the SDK's documentation names
// the API object (api, cko, checkout_api, …) holds it: "def
// initialize(api)" of a class whose callers the scan cannot see. Calls
// through it are reported only when both the accessor and the method are
// the SDK's (api.customers then customers.create), with low confidence.
func (a *analyzer) conventionalParam(name string) (value, bool) {
	if a.w == nil || !a.w.sdkUsed[a.f.lang.sdk] {
		return value{}, false
	}
	switch strings.TrimPrefix(name, "$") {
	case "api", "cko", "checkout_api", "checkoutApi", "cko_api", "ckoApi", "checkout_client", "checkoutClient", "cko_client", "ckoClient":
		return value{kind: kRoot, sdk: a.f.lang.sdk, platform: "nas", guessed: true}, true
	}
	return value{}, false
}

// paramName returns the name a parameter declaration starting at token j
// binds, and whether it also declares a property (TypeScript "private
// cko", PHP promoted "private $api").
func (a *analyzer) paramName(j int) (string, bool) {
	property := false
	for a.is(j, "private") || a.is(j, "public") || a.is(j, "protected") || a.is(j, "readonly") {
		property = true
		j++
	}
	if a.f.lang.sdk == "php" {
		for k := j; k < j+4 && k < len(a.f.toks); k++ {
			if t := a.text(k); strings.HasPrefix(t, "$") {
				return t, property
			}
		}
		return "", false
	}
	if a.is(j, "*") || a.is(j, "**") || a.is(j, "&") || a.is(j, "...") {
		return "", false
	}
	if a.isIdent(j) {
		return a.text(j), property
	}
	return "", false
}

// enclosingClass returns the name of the nearest class declared before
// token i.
func (a *analyzer) enclosingClass(i int) string {
	for k := i - 1; k >= 0; k-- {
		if a.is(k, "class") && a.isIdent(k+1) {
			return a.text(k + 1)
		}
	}
	return ""
}
