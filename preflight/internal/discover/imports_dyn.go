package discover

import "strings"

// atStatementStart reports whether token i begins a statement: it is the
// first token, follows ";" or "}", or starts a line.
func (a *analyzer) atStatementStart(i int) bool {
	return i == 0 || a.is(i-1, ";") || a.is(i-1, "}") || a.f.toks[i-1].Line < a.f.toks[i].Line
}

// jsImports reads ES module imports. CommonJS require calls are
// evaluated where they appear (see requireValue).
func (a *analyzer) jsImports(im *imports) {
	for i := 0; i < len(a.f.toks); i++ {
		if !a.is(i, "import") || !a.atStatementStart(i) || a.is(i+1, "(") {
			continue
		}
		j := i + 1
		if a.is(j, "type") && !a.is(j+1, "from") {
			j++
		}
		var defName, nsName string
		named := map[string]string{} // local → exported
		if a.isIdent(j) && !a.is(j, "from") {
			defName = a.text(j)
			j++
			if a.is(j, ",") {
				j++
			}
		}
		if a.is(j, "*") && a.is(j+1, "as") && a.isIdent(j+2) {
			nsName = a.text(j + 2)
			j += 3
		}
		if a.is(j, "{") {
			end := a.skipGroup(j)
			for k := j + 1; k < end-1; k++ {
				if a.is(k, "type") && a.isIdent(k+1) && !a.is(k+1, "as") {
					continue
				}
				if !a.isIdent(k) && !a.isString(k) {
					continue
				}
				exported := a.identOrString(k)
				local := exported
				if a.is(k+1, "as") && a.isIdent(k+2) {
					local = a.text(k + 2)
					k += 2
				}
				named[local] = exported
			}
			j = end
		}
		if !a.is(j, "from") {
			continue
		}
		spec, ok := a.stringAt(j + 1)
		if !ok {
			continue
		}
		mod := a.moduleValue(spec)
		if !mod.known() {
			continue
		}
		if defName != "" {
			im.names[defName] = a.member(mod, "default", -1, false, -1, false, "")
			if mod.kind == kCtor {
				im.names[defName] = mod
				im.types[defName] = nodePackage + ".default"
			}
		}
		if nsName != "" {
			im.names[nsName] = mod
		}
		for local, exported := range named {
			im.names[local] = a.member(mod, exported, -1, false, -1, false, "")
			if mod.kind == kModule {
				if ev, ok := a.w.export(mod.module, exported+"()"); ok {
					im.names[local+"()"] = ev
				}
			}
			if mod.kind == kCtor {
				im.types[local] = nodePackage + "." + exported
			}
		}
	}
}

// identOrString returns an identifier's text or a string's contents.
func (a *analyzer) identOrString(i int) string {
	if s, ok := a.stringAt(i); ok {
		return s
	}
	return a.text(i)
}

// moduleValue is what importing spec yields: the SDK constructor for
// checkout-sdk-node, a user module whose exports are known, or nothing.
func (a *analyzer) moduleValue(spec string) value {
	if spec == nodePackage || strings.HasPrefix(spec, nodePackage+"/") {
		return value{kind: kCtor, sdk: "node", platform: "both"}
	}
	if file, ok := a.w.resolveNode(a.f.path, spec); ok {
		return value{kind: kModule, module: file, indirect: true}
	}
	return value{}
}

// requireValue evaluates require("spec") at token i (the "require"
// identifier): a module's default export when it has one, else the
// module.
func (a *analyzer) requireValue(i int) (value, int, bool) {
	if !a.is(i, "require") || !a.is(i+1, "(") {
		return value{}, i, false
	}
	spec, ok := a.stringAt(i + 2)
	if !ok || !a.is(i+3, ")") {
		return value{}, i, false
	}
	mod := a.moduleValue(spec)
	if mod.kind == kModule {
		if v, ok := a.w.export(mod.module, "default"); ok {
			return v, i + 4, true
		}
	}
	return mod, i + 4, true
}

// pythonImports reads "import" and "from … import" statements.
func (a *analyzer) pythonImports(im *imports) {
	for i := 0; i < len(a.f.toks); i++ {
		if !a.atStatementStart(i) {
			continue
		}
		switch {
		case a.is(i, "import"):
			j := i + 1
			for {
				parts, ends := a.qualName(j)
				mod := strings.Join(parts, ".")
				j = ends[len(ends)-1]
				local := mod
				if a.is(j, "as") && a.isIdent(j+1) {
					local = a.text(j + 1)
					j += 2
				}
				if v := a.pythonModule(mod, 0); v.known() {
					im.names[local] = v
				}
				if !a.is(j, ",") {
					break
				}
				j++
			}
		case a.is(i, "from"):
			j := i + 1
			level := 0
			for a.is(j, ".") || a.is(j, "...") {
				level += len(a.text(j))
				j++
			}
			mod := ""
			if a.isIdent(j) && !a.is(j, "import") {
				parts, ends := a.qualName(j)
				mod = strings.Join(parts, ".")
				j = ends[len(ends)-1]
			}
			if !a.is(j, "import") {
				continue
			}
			j++
			end := a.statementEnd(j)
			if a.is(j, "(") {
				end = a.skipGroup(j)
			}
			for k := j; k < end; k++ {
				if !a.isIdent(k) || a.is(k, "as") {
					continue
				}
				name, local := a.text(k), a.text(k)
				if a.is(k+1, "as") && a.isIdent(k+2) {
					local = a.text(k + 2)
					k += 2
				}
				a.pythonFromImport(im, mod, level, name, local)
			}
		}
	}
}

// pythonModule is the value of importing a module: the SDK package, a
// module of the scanned tree, or nothing.
func (a *analyzer) pythonModule(mod string, level int) value {
	if level == 0 && (mod == "checkout_sdk" || strings.HasPrefix(mod, "checkout_sdk.")) {
		return value{kind: kModule, module: "sdk:python"}
	}
	if file, ok := a.w.resolvePython(a.f.path, mod, level); ok {
		return value{kind: kModule, module: file, indirect: true}
	}
	return value{}
}

// pythonFromImport binds one name of "from mod import name as local".
func (a *analyzer) pythonFromImport(im *imports, mod string, level int, name, local string) {
	if level == 0 && (mod == "checkout_sdk" || strings.HasPrefix(mod, "checkout_sdk.")) {
		if name == "CheckoutSdk" {
			im.names[local] = value{kind: kFactory, sdk: "python", platform: "nas"}
			return
		}
		im.types[local] = mod + "." + name
		return
	}
	m := a.pythonModule(mod, level)
	if m.kind != kModule {
		return
	}
	if v, ok := a.w.export(m.module, name); ok {
		im.names[local] = v
	}
	if v, ok := a.w.export(m.module, name+"()"); ok {
		im.names[local+"()"] = v
	}
	sub := name
	if mod != "" {
		sub = mod + "." + name
	}
	if v := a.pythonModule(sub, level); v.kind == kModule && v.module != m.module {
		if _, bound := im.names[local]; !bound {
			im.names[local] = v
		}
	}
}
