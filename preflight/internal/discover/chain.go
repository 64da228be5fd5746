package discover

import "strings"

// chain evaluates the expression chain that starts at token i — a primary
// expression followed by member accesses, calls and indexing — records
// the SDK calls it makes when a.emit is set, and returns its value and the
// index of the first token after it.
func (a *analyzer) chain(i int) (value, int) {
	defer func(old int) { a.cur = old }(a.cur)
	a.cur = i
	start := i
	v, qual, i := a.primary(i)
	first := true
	for i < len(a.f.toks) {
		switch {
		case a.isMemberOp(i):
			if a.is(i, "&") {
				i++ // Ruby "&."
			}
			n := i + 1
			if !a.isIdent(n) {
				return v, i
			}
			name := a.text(n)
			call := a.is(n+1, "(")
			nv := a.member(v, name, n, call, start, first, qual)
			if !v.known() && qual != "" {
				qual += "." + name
			} else {
				qual = ""
			}
			v, i, first = nv, n+1, false
		case a.is(i, "("):
			i = a.skipGroup(i)
		case a.is(i, "!!") || a.is(i, "!") && a.isMemberOp(i+1):
			i++ // Kotlin and TypeScript non-null assertions
		case a.is(i, "["):
			i = a.skipGroup(i)
			v, qual = value{}, ""
		default:
			return v, i
		}
	}
	return v, i
}

// primary evaluates the primary expression at token i and returns its
// value, its name when it is a plain (possibly qualified) name whose value
// is unknown, and the index after it.
func (a *analyzer) primary(i int) (value, string, int) {
	if i >= len(a.f.toks) {
		return value{}, "", i
	}
	switch a.text(i) {
	case "await", "yield":
		if a.f.lang.jsLike() || a.f.lang.is("python", "csharp") {
			return a.primary(i + 1)
		}
	case "new":
		if !a.f.lang.is("python", "go", "ruby") {
			return a.newExpr(i)
		}
	case "(":
		v, j := a.chain(i + 1)
		if a.is(j, ")") {
			return v, "", j + 1
		}
		return value{}, "", a.skipGroup(i)
	case "this", "self", "$this", "cls", "static":
		if a.isMemberOp(i+1) && a.isIdent(i+2) {
			name := strings.TrimPrefix(a.text(i+2), "$")
			if v, ok := a.lookup("@" + name); ok {
				return v, "", i + 3
			}
			if a.is(i+3, "(") {
				if v, ok := a.lookup(name + "()"); ok {
					return v, "", i + 3
				}
			}
			return value{}, "", i + 3
		}
		return value{}, "", i + 1
	}
	if !a.isIdent(i) {
		return value{}, "", i + 1
	}
	if a.f.lang.jsLike() {
		if v, j, ok := a.requireValue(i); ok {
			return v, "", j
		}
	}
	parts, ends := a.qualName(i)
	for k := len(parts); k >= 1; k-- {
		name := strings.Join(parts[:k], ".")
		next := ends[k-1]
		if a.is(next, "(") {
			if v, ok := a.lookup(name + "()"); ok {
				return v, "", next
			}
		}
		if v, ok := a.resolveName(name); ok {
			return v, "", next
		}
	}
	if len(parts) == 1 && a.is(ends[0], "(") {
		if hv, ok := a.baseClient(parts[0], ends[0]); ok {
			return hv, "", ends[0]
		}
	}
	return value{}, parts[0], ends[0]
}

// qualName reads a name qualified by ".", "::" or "\" from token i: its
// parts and, for each, the index after it.
func (a *analyzer) qualName(i int) (parts []string, ends []int) {
	if a.is(i, `\`) {
		i++
	}
	for a.isIdent(i) && len(parts) < 8 {
		parts = append(parts, a.text(i))
		ends = append(ends, i+1)
		if !(a.is(i+1, ".") || a.is(i+1, "::") || a.is(i+1, `\`)) || !a.isIdent(i+2) {
			break
		}
		i += 2
	}
	if len(parts) == 0 {
		return []string{a.text(i)}, []int{i + 1}
	}
	return parts, ends
}

// resolveName returns the value of a (possibly qualified, "."-joined)
// name: a binding, an import, or the SDK's builder class.
func (a *analyzer) resolveName(name string) (value, bool) {
	if v, ok := a.lookup(name); ok {
		return v, true
	}
	if a.isFactory(name) {
		return value{kind: kFactory, sdk: a.f.lang.sdk, platform: "nas"}, true
	}
	return value{}, false
}

// isFactory reports whether name is the SDK's CheckoutSdk class in this
// file: written fully qualified, or imported from the SDK (a class of the
// same name from elsewhere is not it). Ruby's CheckoutSdk is a global
// constant; Python's and Node's entry points are bound by their imports.
func (a *analyzer) isFactory(name string) bool {
	fromSDK := func(fqn string) bool { return a.imp.types["CheckoutSdk"] == fqn }
	switch a.f.lang.sdk {
	case "ruby":
		return name == "CheckoutSdk"
	case "java":
		return name == "com.checkout.CheckoutSdk" ||
			name == "CheckoutSdk" && (fromSDK("com.checkout.CheckoutSdk") || a.imp.types["CheckoutSdk"] == "" && a.inPackages("com.checkout"))
	case "dotnet":
		return name == "Checkout.CheckoutSdk" ||
			name == "CheckoutSdk" && (fromSDK("Checkout.CheckoutSdk") || a.imp.types["CheckoutSdk"] == "" && a.inPackages("Checkout"))
	case "php":
		return name == "Checkout.CheckoutSdk" || name == "CheckoutSdk" && fromSDK(`Checkout\CheckoutSdk`)
	}
	return false
}

// inPackages reports whether a namespace is imported whole (Java
// wildcard import, C# using, including the project's global usings).
func (a *analyzer) inPackages(ns string) bool {
	for _, p := range a.imp.packages {
		if p == ns {
			return true
		}
	}
	if a.f.lang.sdk == "dotnet" {
		for _, p := range a.w.globalUsings() {
			if p == ns {
				return true
			}
		}
	}
	return false
}

// newExpr evaluates "new Name(args)".
func (a *analyzer) newExpr(i int) (value, string, int) {
	parts, ends := a.qualName(i + 1)
	j := ends[len(parts)-1]
	v, _ := a.resolveName(strings.Join(parts, "."))
	args := -1
	if a.is(j, "(") {
		args = j
		j = a.skipGroup(j)
	}
	switch v.kind {
	case kCtor:
		root := value{kind: kRoot, sdk: "node", platform: "both", indirect: v.indirect}
		if args >= 0 && a.hasKey(args, j, "client") {
			root.oauth = true
			a.tokenRequest(i, root, "new Checkout(…, { client })")
		}
		return root, "", j
	}
	if hv, ok := a.newHTTPClient(parts[len(parts)-1], i, args, j); ok {
		return hv, "", j
	}
	return value{}, "", j
}

// hasKey reports whether the tokens between from and to hold an object
// key named key ("key:" or "key =>" or "'key':").
func (a *analyzer) hasKey(from, to int, key string) bool {
	for k := from; k < to-1 && k < len(a.f.toks)-1; k++ {
		t := a.f.toks[k]
		name := a.text(k)
		if t.Kind.IsString() {
			name = string(t.Value(a.f.src))
		}
		if name == key && (a.is(k+1, ":") || a.is(k+1, "=>")) {
			return true
		}
	}
	return false
}

// member evaluates the access of name (token n) on v. call says whether
// a "(" follows; start is the chain's first token; first says whether
// this is the chain's first member access; qual is the chain's name so
// far when its value is unknown.
func (a *analyzer) member(v value, name string, n int, call bool, start int, first bool, qual string) value {
	switch v.kind {
	case kCtor:
		if name == "Checkout" || name == "default" {
			return v
		}
	case kFactory:
		if strings.EqualFold(name, "builder") {
			return value{kind: kBuilder, sdk: v.sdk, platform: "nas", indirect: v.indirect}
		}
	case kBuilder:
		switch strings.ToLower(name) {
		case "previous":
			v.platform = "abc"
		case "oauth":
			v.oauth = true
		case "build":
			root := value{kind: kRoot, sdk: v.sdk, platform: v.platform, oauth: v.oauth, indirect: v.indirect}
			if v.oauth {
				a.tokenRequest(start, root, builderSymbol(v.sdk))
			}
			return root
		}
		return v
	case kRoot:
		if a.ix.isAccessor(v.sdk, name) {
			return value{kind: kClient, sdk: v.sdk, platform: v.platform, accessor: name, indirect: v.indirect, guessed: v.guessed}
		}
		if unwraps(name) {
			return v
		}
	case kClient:
		if acc := v.accessor + "." + name; a.ix.isAccessor(v.sdk, acc) {
			v.accessor = acc
			return v
		}
		// A method called, or (Python) passed as a function:
		// run_in_executor(None, issuing.create_card, …).
		ref := a.f.lang.is("python") && (a.is(n+1, ",") || a.is(n+1, ")"))
		if call || ref || a.f.lang.sdk == "ruby" {
			if eps, p := a.ix.method(v.sdk, v.accessor, v.platform, name); eps != nil {
				a.sdkCall(v, p, name, n, eps)
				return value{}
			}
		}
		if unwraps(name) {
			return v
		}
		return value{}
	case kModule:
		if call {
			if ev, ok := a.w.export(v.module, name+"()"); ok {
				return ev
			}
		}
		if ev, ok := a.w.export(v.module, name); ok {
			return ev
		}
	case kHTTP:
		return a.httpMember(v, name, n, call)
	case kNone:
		if call && n >= 0 {
			if hv, ok := a.baseClient(name, n+1); ok {
				return hv
			}
		}
		if qual != "" {
			q := qual + "." + name
			if call {
				if ev, ok := a.lookup(q + "()"); ok {
					return ev
				}
			}
			if ev, ok := a.lookup(q); ok {
				return ev
			}
		}
		// A field of a receiver named anything: h.svc.cko in Go,
		// outer.client in Java, Kotlin and C#.
		if a.f.lang.sdk == "go" || first && a.f.lang.is("java", "kotlin", "csharp") {
			if fv, ok := a.lookup("@" + name); ok {
				return fv
			}
		}
	}
	return value{}
}
