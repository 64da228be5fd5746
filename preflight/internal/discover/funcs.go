package discover

import (
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/discover/internal/lex"
)

// providers binds functions whose result is known, so that calling them
// yields it: "fn()" for getCko(), get_api(), checkoutApi() and, where the
// language calls such functions without parentheses or as properties
// (Ruby methods, Python properties, JavaScript getters), "@fn" too.
//
// A function's result is the value of its first "return" whose value is
// known, or, in Ruby, of a statement of its body (its implicit result).
func (a *analyzer) providers() {
	for r := 0; r < len(a.f.toks); r++ {
		if !a.is(r, "return") {
			continue
		}
		v, _ := a.chain(r + 1)
		if !v.known() {
			continue
		}
		a.cur = r
		if name, getter := a.enclosingFunction(r); name != "" {
			a.bind(name+"()", v)
			if getter || a.f.lang.is("python", "ruby") {
				a.bind("@"+name, v)
			}
		}
	}
	if a.f.lang.sdk == "ruby" {
		a.rubyIncludes()
		a.rubyProviders()
	}
}

// enclosingFunction returns the name of the function whose body holds
// token r, and whether it is a getter or property; "" when it cannot tell.
func (a *analyzer) enclosingFunction(r int) (string, bool) {
	if a.f.lang.is("python", "ruby") {
		col := a.f.toks[r].Col
		for k := r - 1; k >= 0; k-- {
			if a.is(k, "def") && a.f.toks[k].Col < col {
				return a.defName(k), a.f.lang.name == "python" && a.is(k-1, "property")
			}
		}
		return "", false
	}
	depth := 0
	for k := r - 1; k >= 0; k-- {
		switch {
		case a.is(k, "}"):
			depth++
		case a.is(k, "{"):
			if depth > 0 {
				depth--
				continue
			}
			if name, getter, ok := a.functionBefore(k); ok {
				return name, getter
			}
		}
	}
	return "", false
}

// functionBefore reports whether the "{" at k opens a function body, and
// the function's name.
func (a *analyzer) functionBefore(k int) (string, bool, bool) {
	j := k - 1
	// Skip a result type, "throws …", or Go results: back to the ")"
	// that closes the parameters.
	for n := 0; j >= 0 && !a.is(j, ")") && n < 8; n++ {
		if a.is(j, "{") || a.is(j, "}") || a.is(j, ";") || a.is(j, "=") {
			return "", false, false
		}
		j--
	}
	if !a.is(j, ")") {
		return "", false, false
	}
	open := a.openerOf(j)
	if a.f.lang.sdk == "go" && open > 0 && a.is(open-1, ")") {
		open = a.openerOf(open - 1) // the results were parenthesised
	}
	if open <= 0 {
		return "", false, false
	}
	n := open - 1
	if a.is(n, "=>") || a.is(n, "function") {
		n-- // "function (…)" or an arrow assigned to a name
	}
	if a.is(n, "=") || a.is(n, ":") {
		n-- // const f = function (…) / f: function (…)
	}
	if a.is(n, "async") {
		n--
	}
	if !a.isIdent(n) {
		return "", false, false
	}
	switch a.text(n) {
	case "if", "for", "while", "switch", "catch", "function", "foreach", "using", "lock", "synchronized", "when", "fixed":
		return "", false, true
	}
	return a.text(n), a.is(n-1, "get"), true
}

// defName returns the method name of a Python or Ruby "def" at k
// ("def self.name" and "def obj.name" give "name").
func (a *analyzer) defName(k int) string {
	j := k + 1
	if a.isIdent(j) && a.is(j+1, ".") && a.isIdent(j+2) {
		j += 2
	}
	if a.isIdent(j) {
		return a.text(j)
	}
	return ""
}

// rubyProviders binds Ruby methods from the statements of their bodies
// (Ruby returns the last one's value): "def api; @api ||= CheckoutSdk…".
// A module method ("def self.client" inside "module Checkout") is also
// bound project-wide as "Checkout.client()".
func (a *analyzer) rubyProviders() {
	for k := 0; k < len(a.f.toks); k++ {
		if !a.is(k, "def") {
			continue
		}
		name := a.defName(k)
		if name == "" {
			continue
		}
		col, line := a.f.toks[k].Col, a.f.toks[k].Line
		var v value
		for j := k + 1; j < len(a.f.toks); j++ {
			t := a.f.toks[j]
			if t.Col <= col && t.Line > line {
				break // "end" or the next definition
			}
			if t.Line > line && (j == 0 || a.f.toks[j-1].Line < t.Line) && t.Kind == lex.Ident {
				if sv, _ := a.chain(j); sv.known() {
					v = sv
				}
			}
		}
		if !v.known() {
			continue
		}
		a.cur = k
		a.bind(name+"()", v)
		a.bind("@"+name, v)
		a.bind(name, v)
		owner := a.rubyOwner(k)
		switch {
		case owner == "":
		case a.is(k+1, "self"):
			a.exports[owner+"."+name+"()"] = v
			a.exports[owner+"."+name] = v
		default:
			// An instance method of a module, for the classes that
			// include it.
			a.exports[owner+"#"+name] = v
		}
	}
}

// rubyIncludes binds, for each "include Mod" (or extend), the methods of
// Mod that other files showed to return an SDK value.
func (a *analyzer) rubyIncludes() {
	if a.w == nil {
		return
	}
	for k := 0; k+1 < len(a.f.toks); k++ {
		if !a.is(k, "include") && !a.is(k, "extend") {
			continue
		}
		parts, _ := a.qualName(k + 1)
		mod := parts[len(parts)-1]
		a.cur = k
		prefix := "ruby:" + mod + "#"
		for key, v := range a.w.globals {
			if name, ok := strings.CutPrefix(key, prefix); ok {
				v.indirect = true
				a.bind(name, v)
				a.bind(name+"()", v)
				a.bind("@"+name, v)
			}
		}
	}
}

// rubyOwner returns the name of the innermost module or class declared
// before token k at a smaller indentation.
func (a *analyzer) rubyOwner(k int) string {
	col := a.f.toks[k].Col
	for j := k - 1; j >= 0; j-- {
		if (a.is(j, "module") || a.is(j, "class")) && a.f.toks[j].Col < col && a.isIdent(j+1) {
			parts, _ := a.qualName(j + 1)
			return parts[len(parts)-1]
		}
	}
	return ""
}
