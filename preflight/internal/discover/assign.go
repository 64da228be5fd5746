package discover

import "strings"

// assignments binds the targets of assignments whose value is known:
//
//	x = …  / const x = … / val x = … / x := … / a, err := … / $x = …
//	this.x = … / self.x = … / @x = … / @x ||= … / $this->x = …
//	const { payments, disputes: d } = cko          (JavaScript destructuring)
//	val api by lazy { … }                          (Kotlin)
//	const getCko = () => new Checkout(…)           (arrow function: binds "getCko()")
//
// and records Node exports (module.exports, exports.x, export …).
func (a *analyzer) assignments() {
	for i := 0; i < len(a.f.toks); i++ {
		a.cur = i
		switch {
		case a.f.lang.is("python") && a.is(i, "as") && a.isIdent(i+1):
			a.withAs(i)
		case a.is(i, "=") || a.is(i, ":=") || a.is(i, "||=") || a.is(i, "??="):
			a.assignment(i)
		case a.is(i, "by") && a.is(i+1, "lazy") && a.is(i+2, "{") && a.isIdent(i-1):
			v, _ := a.chain(i + 3)
			a.bindTarget(i-1, v)
		case a.f.lang.sdk == "ruby" && (a.is(i, "let") || a.is(i, "let!") || a.is(i, "subject")) && a.is(i+1, "(") && a.isString(i+2) && a.is(i+3, ")") && (a.is(i+4, "{") || a.is(i+4, "do")):
			// RSpec: let(:api) { CheckoutSdk.builder… }
			if v, _ := a.chain(i + 5); v.known() {
				name := string(a.f.toks[i+2].Value(a.f.src))
				a.cur = i
				a.bind(name, v)
				a.bind(name+"()", v)
			}
		case a.f.lang.jsLike() && a.is(i, "export"):
			a.jsExport(i)
		}
	}
}

// assignment handles the assignment operator at token i.
func (a *analyzer) assignment(i int) {
	rhs := i + 1
	if a.f.lang.jsLike() && a.is(rhs, "{") && a.is(i-1, "exports") && a.is(i-2, ".") && a.is(i-3, "module") {
		a.exportObject(rhs)
		return
	}
	fn := false
	if a.f.lang.jsLike() {
		if j, ok := a.arrowBody(rhs); ok {
			rhs, fn = j, true
		}
	}
	v, _ := a.chain(rhs)
	if !v.known() {
		if u, _, ok := a.urlExpr(rhs); ok && !fn {
			v = value{kind: kURL, url: u}
		} else {
			return
		}
	}
	if a.is(i-1, ")") {
		// Kotlin "fun api() = …": an expression-bodied function.
		if open := a.openerOf(i - 1); open > 0 && a.isIdent(open-1) {
			a.bind(a.text(open-1)+"()", v)
		}
		return
	}
	if fn {
		if a.isIdent(i - 1) {
			a.bind(a.text(i-1)+"()", v)
		}
		return
	}
	// Node's module.exports / exports.x targets.
	if a.f.lang.jsLike() {
		switch {
		case a.is(i-1, "exports") && a.is(i-2, ".") && a.is(i-3, "module"):
			a.exportDefault(rhs, v)
			return
		case a.isIdent(i-1) && a.is(i-2, ".") && a.is(i-3, "exports"):
			a.exports[a.text(i-1)] = v
		}
	}
	if a.is(i-1, "}") {
		a.destructure(a.openerOfBrace(i-1), i-1, v)
		return
	}
	a.bindTarget(i-1, v)
}

// withAs binds Python's "with EXPR as name" (and "async with").
func (a *analyzer) withAs(i int) {
	for k := i - 1; k >= 0 && a.f.toks[k].Line == a.f.toks[i].Line; k-- {
		if a.is(k, "with") {
			if v, end := a.chain(k + 1); v.known() && end == i {
				a.bind(a.text(i+1), v)
			}
			return
		}
	}
}

// bindTarget binds the assignment target that ends at token j.
func (a *analyzer) bindTarget(j int, v value) {
	if !a.isIdent(j) {
		return
	}
	name := a.text(j)
	switch {
	case a.isMemberOp(j - 1):
		// this.x, self.x, $this->x, obj.x: a field.
		a.bind("@"+strings.TrimPrefix(name, "$"), v)
		if recv := a.text(j - 2); recv != "this" && recv != "self" && recv != "$this" && a.isIdent(j-2) && !a.isMemberOp(j-3) {
			a.bind(recv+"."+name, v)
		}
	case a.f.lang.sdk == "ruby" && strings.HasPrefix(name, "@"):
		a.bind(name, v)
	case a.f.lang.sdk == "php" && strings.HasPrefix(name, "$"):
		a.bind(name, v)
	default:
		// "a, err := …": bind the first of the list.
		k := j
		for a.is(k-1, ",") && a.isIdent(k-2) {
			k -= 2
		}
		if k != j {
			name = a.text(k)
		}
		a.bind(name, v)
		if a.f.lang.jsLike() && (a.is(k-1, "private") || a.is(k-1, "public") || a.is(k-1, "protected") || a.is(k-1, "readonly") || a.is(k-1, "static")) {
			a.bind("@"+name, v) // a class field: this.name
		}
		if a.f.lang.is("php", "python") {
			a.bind("@"+name, v) // self::BASE_URL, self.BASE_URL
		}
		if a.f.lang.is("kotlin", "java", "csharp") {
			a.bind("@"+name, v)
			a.memberExport(k, name, v)
		}
	}
}

// arrowBody returns the start of an arrow function's expression body
// when tokens from i are "(…) =>", "async (…) =>" or "x =>" followed by
// an expression (not a block).
func (a *analyzer) arrowBody(i int) (int, bool) {
	if a.is(i, "async") {
		i++
	}
	switch {
	case a.is(i, "("):
		i = a.skipGroup(i)
	case a.isIdent(i):
		i++
	default:
		return 0, false
	}
	if a.is(i, ":") { // TypeScript result type
		for j := i + 1; j < i+6 && j < len(a.f.toks); j++ {
			if a.is(j, "=>") {
				i = j
				break
			}
		}
	}
	if !a.is(i, "=>") || a.is(i+1, "{") {
		return 0, false
	}
	return i + 1, true
}

// openerOfBrace returns the index of the "{" that the "}" at j closes.
func (a *analyzer) openerOfBrace(j int) int {
	depth := 0
	for k := j; k >= 0; k-- {
		switch {
		case a.is(k, "}"):
			depth++
		case a.is(k, "{"):
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

// destructure binds the names of the object pattern between the braces
// at open and close: { a, b: c, d = 1 } = v.
func (a *analyzer) destructure(open, close int, v value) {
	if open < 0 {
		return
	}
	for k := open + 1; k < close; k++ {
		if !a.isIdent(k) || a.is(k-1, ":") && a.isIdent(k-2) {
			continue
		}
		prop := a.text(k)
		local := prop
		if a.is(k+1, ":") && a.isIdent(k+2) {
			local = a.text(k + 2)
		}
		pv := a.member(v, prop, -1, false, -1, false, "")
		if !pv.known() && v.kind == kModule {
			if fv, ok := a.w.export(v.module, prop+"()"); ok {
				a.bind(local+"()", fv)
			}
		}
		a.bind(local, pv)
	}
}

// exportDefault records module.exports = v.
func (a *analyzer) exportDefault(rhs int, v value) {
	a.exports["default"] = v
}

// exportObject records module.exports = { a, b: expr, c() {…} }: each
// property by name.
func (a *analyzer) exportObject(open int) {
	end := a.skipGroup(open)
	for k := open + 1; k < end-1; k++ {
		if !a.isIdent(k) || !(a.is(k-1, "{") || a.is(k-1, ",")) {
			continue
		}
		name := a.text(k)
		switch {
		case a.is(k+1, ":"):
			if v, next := a.chain(k + 2); v.known() {
				a.exports[name] = v
				k = next - 1
			}
		case a.is(k+1, ",") || a.is(k+1, "}"):
			if v, ok := a.lookup(name); ok {
				a.exports[name] = v
			}
			if v, ok := a.lookup(name + "()"); ok {
				a.exports[name+"()"] = v
			}
		}
	}
}

// jsExport records ES module exports at token i ("export").
func (a *analyzer) jsExport(i int) {
	j := i + 1
	switch {
	case a.is(j, "default"):
		if v, _ := a.chain(j + 1); v.known() {
			a.exports["default"] = v
		}
	case a.is(j, "const") || a.is(j, "let") || a.is(j, "var"):
		// Bound by the assignment; exported after the passes (see
		// collectExports), by name.
		if a.isIdent(j + 1) {
			a.exportNames = append(a.exportNames, a.text(j+1))
		}
		if a.is(j+1, "{") { // export const { payments, events } = cko
			end := a.skipGroup(j + 1)
			for k := j + 2; k < end-1; k++ {
				if a.isIdent(k) && (a.is(k+1, ",") || a.is(k+1, "}")) {
					a.exportNames = append(a.exportNames, a.text(k))
				}
			}
		}
	case a.is(j, "function") || a.is(j, "async") && a.is(j+1, "function"):
		if a.is(j, "async") {
			j++
		}
		if a.isIdent(j + 1) {
			a.exportNames = append(a.exportNames, a.text(j+1)+"()")
		}
	case a.is(j, "{"):
		end := a.skipGroup(j)
		for k := j + 1; k < end-1; k++ {
			if !a.isIdent(k) {
				continue
			}
			local, exported := a.text(k), a.text(k)
			if a.is(k+1, "as") && a.isIdent(k+2) {
				exported = a.text(k + 2)
				k += 2
			}
			a.exportAliases = append(a.exportAliases, [2]string{local, exported})
		}
	}
}
