package discover

import "strings"

// declarations binds the names that typed declarations give an SDK type:
// fields, parameters (constructor injection), locals and properties,
// and functions whose declared result is an SDK type.
//
//	Java, C#      PaymentsClient client / ICheckoutApi api / CheckoutApi api() {
//	PHP           CheckoutApi $api / function api(): CheckoutApi
//	Go            api *nas.Api / func New() (*nas.Api, error)
//	TypeScript, Kotlin, Python
//	              cko: Checkout / api: CheckoutApi / def api() -> CheckoutApi
func (a *analyzer) declarations() {
	names := a.ix.typeNames[a.f.lang.sdk]
	for i := 0; i < len(a.f.toks); i++ {
		if !a.isIdent(i) || a.isMemberOp(i-1) || a.is(i-1, `\`) {
			continue
		}
		// Cheap test first: the name's last part must be an SDK type's
		// name or a local alias of one.
		last := i
		for (a.is(last+1, ".") || a.is(last+1, `\`) || a.is(last+1, "::")) && a.isIdent(last+2) {
			last += 2
		}
		lt := a.f.toks[last]
		if !names[string(a.f.src[lt.Start:lt.End])] && !a.aliasOfType(last) {
			i = last
			continue
		}
		parts, ends := a.qualName(i)
		typ := strings.Join(parts, ".")
		v, ok := a.resolveType(typ)
		if !ok {
			continue
		}
		after := ends[len(ends)-1]
		a.cur = i
		a.declare(i, after, v)
		i = after - 1
	}
}

// aliasOfType reports whether the identifier at k is a local name an
// import gave an SDK type (import { Checkout as Cko }, use … as Api).
func (a *analyzer) aliasOfType(k int) bool {
	t := a.f.toks[k]
	_, ok := a.imp.types[string(a.f.src[t.Start:t.End])]
	return ok
}

// declare binds what the type at tokens [i, after) declares.
func (a *analyzer) declare(i, after int, v value) {
	switch a.f.lang.sdk {
	case "java", "dotnet":
		if a.f.lang.name == "kotlin" {
			a.declareColon(i, v)
			return
		}
		j := after
		if a.is(j, "?") {
			j++
		}
		if a.is(j, "<") { // a generic type's arguments
			return
		}
		// A holder of the type: Lazy<ICheckoutApi> _api, Optional<CheckoutApi> api.
		if a.is(i-1, "<") {
			for a.is(j, ">") || a.is(j, ">>") || a.is(j, "?") {
				j++
			}
		}
		if a.isIdent(j) {
			a.declareName(a.text(j), j, v)
		}
	case "php":
		if a.isIdent(after) && strings.HasPrefix(a.text(after), "$") {
			name := a.text(after)
			a.bind(name, v)
			a.bind("@"+strings.TrimPrefix(name, "$"), v)
			return
		}
		a.declareReturn(i, v)
	case "go":
		j := i - 1
		if a.is(j, "*") {
			j--
		}
		switch {
		case a.is(j, ")") || a.is(j, "("):
			a.declareReturn(i, v)
		case a.isIdent(j) && !a.is(j, "return") && !a.is(j, "func"):
			a.bind(a.text(j), v)
			a.bind("@"+a.text(j), v)
			// "a, b *nas.Api"
			for k := j - 1; a.is(k, ",") && a.isIdent(k-1); k -= 2 {
				a.bind(a.text(k-1), v)
				a.bind("@"+a.text(k-1), v)
			}
		}
	default:
		a.declareColon(i, v)
	}
}

// declareName binds a declared name, or the function it names when a
// parameter list follows.
func (a *analyzer) declareName(name string, at int, v value) {
	if a.is(at+1, "(") {
		a.bind(name+"()", v)
		a.memberExport(at, name+"()", v)
		return
	}
	a.bind(name, v)
	a.bind("@"+name, v)
	a.memberExport(at, name, v)
}

// memberExport records, for Java, Kotlin, C# and PHP, a class member declared
// at token at as "Class.name" for the rest of the project (static
// members, Kotlin objects: Holder.Api, Checkout.api, Factory.get()).
func (a *analyzer) memberExport(at int, key string, v value) {
	if a.f.lang.sdk != "java" && a.f.lang.sdk != "dotnet" && a.f.lang.sdk != "php" || !v.known() {
		return
	}
	if owner := a.ownerOf(at); owner != "" {
		a.exports[owner+"."+key] = v
	}
}

// ownerOf returns the name of the class, object, interface or record
// declared nearest before token at (a companion object's class).
func (a *analyzer) ownerOf(at int) string {
	for k := at - 1; k >= 0; k-- {
		switch a.text(k) {
		case "class", "object", "interface", "record", "struct":
			if a.is(k, "object") && a.is(k-1, "companion") {
				continue
			}
			if a.isIdent(k+1) && !a.is(k-1, ".") && !a.is(k-1, "::") {
				return a.text(k + 1)
			}
		}
	}
	return ""
}

// declareColon handles "name: Type" (TypeScript, Kotlin, Python) and
// "…) : Type" / "…) -> Type" results.
func (a *analyzer) declareColon(i int, v value) {
	j := i - 1
	// Step back over a type wrapper: Optional[T], T | None, T?.
	for k := 0; k < 4 && (a.is(j, "[") || a.is(j, "|") || a.is(j, "<") || a.is(j, "Optional") || a.is(j, "typing") || a.is(j, ".")); k++ {
		j--
	}
	switch {
	case a.is(j, ":") && a.isIdent(j-1):
		a.bind(a.text(j-1), v)
		a.bind("@"+a.text(j-1), v)
		a.memberExport(j-1, a.text(j-1), v)
	case a.is(j, ":") && a.is(j-1, "?") && a.isIdent(j-2): // TypeScript optional property
		a.bind(a.text(j-2), v)
		a.bind("@"+a.text(j-2), v)
	case (a.is(j, ":") || a.is(j, "->")) && a.is(j-1, ")"):
		a.declareReturn(j, v)
	}
}

// declareReturn binds the function whose result type is at or after
// token i: the name before the parameter list that ends before it.
func (a *analyzer) declareReturn(i int, v value) {
	// Find the ")" that closes the parameters (for Go results in
	// parentheses, "(*nas.Api, error)", the one before them).
	j := i - 1
	for j >= 0 && !a.is(j, ")") {
		if a.is(j, "{") || a.is(j, "}") || a.is(j, ";") || i-j > 4 {
			return
		}
		j--
	}
	open := a.openerOf(j)
	if open > 0 && a.isIdent(open-1) {
		name := a.text(open - 1)
		a.bind(name+"()", v)
		a.memberExport(open-1, name+"()", v)
		if a.f.lang.is("ruby", "python") {
			a.bind("@"+name, v)
		}
	}
}

// openerOf returns the index of the "(" that the ")" at j closes, or -1.
func (a *analyzer) openerOf(j int) int {
	depth := 0
	for k := j; k >= 0; k-- {
		switch {
		case a.is(k, ")"):
			depth++
		case a.is(k, "("):
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}
