package discover

import (
	"path"
	"strings"
)

// jvmImports reads Java and Kotlin "package" and "import" lines.
func (a *analyzer) jvmImports(im *imports) {
	for i := 0; i < len(a.f.toks); i++ {
		switch {
		case a.is(i, "package") && (i == 0 || a.is(i-1, ";") || a.f.toks[i-1].Line < a.f.toks[i].Line):
			parts, _ := a.qualName(i + 1)
			im.packages = append(im.packages, strings.Join(parts, "."))
		case a.is(i, "import") && (i == 0 || a.f.toks[i-1].Line < a.f.toks[i].Line || a.is(i-1, ";")):
			j := i + 1
			if a.is(j, "static") {
				continue
			}
			parts, ends := a.qualName(j)
			end := ends[len(ends)-1]
			fqn := strings.Join(parts, ".")
			switch {
			case a.is(end, ".") && a.is(end+1, "*"):
				im.packages = append(im.packages, fqn)
			case a.is(end, "as") && a.isIdent(end+1):
				im.types[a.text(end+1)] = fqn
			default:
				im.types[parts[len(parts)-1]] = fqn
			}
		}
	}
}

// csharpImports reads C# using directives and namespace declarations.
func (a *analyzer) csharpImports(im *imports) {
	for i := 0; i < len(a.f.toks); i++ {
		switch {
		case a.is(i, "namespace"):
			parts, _ := a.qualName(i + 1)
			for k := range parts {
				im.packages = append(im.packages, strings.Join(parts[:k+1], "."))
			}
		case a.is(i, "using") && !a.is(i+1, "(") && !a.is(i+1, "var") && !a.is(i+1, "static"):
			parts, ends := a.qualName(i + 1)
			end := ends[len(ends)-1]
			if a.is(end, "=") {
				target, _ := a.qualName(end + 1)
				im.types[parts[0]] = strings.Join(target, ".")
				continue
			}
			if a.is(end, ";") {
				im.packages = append(im.packages, strings.Join(parts, "."))
			}
		}
	}
}

// csharpGlobalUsings returns the namespaces of "global using" directives.
func (a *analyzer) csharpGlobalUsings() []string {
	var out []string
	for i := 0; i+1 < len(a.f.toks); i++ {
		if a.is(i, "global") && a.is(i+1, "using") && !a.is(i+2, "static") {
			parts, ends := a.qualName(i + 2)
			if a.is(ends[len(ends)-1], ";") {
				out = append(out, strings.Join(parts, "."))
			}
		}
	}
	return out
}

// phpImports reads PHP "use" imports (plain, aliased and grouped) and the
// namespace declaration.
func (a *analyzer) phpImports(im *imports) {
	for i := 0; i < len(a.f.toks); i++ {
		if a.is(i, "namespace") {
			parts, _ := a.qualName(i + 1)
			im.packages = append(im.packages, strings.Join(parts, `\`))
			continue
		}
		if !a.is(i, "use") || a.is(i+1, "function") || a.is(i+1, "const") || a.is(i+1, "(") {
			continue
		}
		// Only top-level imports: "use" at the start of a statement and
		// followed by a qualified name.
		if i > 0 && !a.is(i-1, ";") && !a.is(i-1, "{") && !a.is(i-1, "}") && !a.is(i-1, "<?php") {
			continue
		}
		j := i + 1
		for j < len(a.f.toks) && !a.is(j, ";") {
			parts, ends := a.qualName(j)
			end := ends[len(ends)-1]
			prefix := strings.Join(parts, `\`)
			switch {
			case a.is(end, `\`) && a.is(end+1, "{"):
				close := a.skipGroup(end + 1)
				for k := end + 2; k < close-1; {
					sub, subEnds := a.qualName(k)
					e := subEnds[len(subEnds)-1]
					fqn := prefix + `\` + strings.Join(sub, `\`)
					if a.is(e, "as") && a.isIdent(e+1) {
						im.types[a.text(e+1)] = fqn
						e += 2
					} else {
						im.types[sub[len(sub)-1]] = fqn
					}
					k = e + 1
				}
				end = close
			case a.is(end, "as") && a.isIdent(end+1):
				im.types[a.text(end+1)] = prefix
				end += 2
			default:
				im.types[parts[len(parts)-1]] = prefix
			}
			j = end
			if a.is(j, ",") {
				j++
				continue
			}
			break
		}
		i = j
	}
}

// goImports reads Go import declarations.
func (a *analyzer) goImports(im *imports) {
	add := func(alias string, p string) {
		if alias == "" {
			alias = goPackageName(p)
		}
		if alias == "_" || alias == "." {
			return
		}
		im.goPaths[alias] = p
		if p == goModule {
			im.names[alias] = value{kind: kFactory, sdk: "go", platform: "nas"}
		} else if !strings.HasPrefix(p, goModule) {
			im.names[alias] = value{kind: kModule, module: "go:" + p}
		}
	}
	spec := func(j int) int {
		alias := ""
		if a.isIdent(j) || a.is(j, ".") {
			alias = a.text(j)
			j++
		}
		if p, ok := a.stringAt(j); ok {
			add(alias, p)
		}
		return j + 1
	}
	for i := 0; i < len(a.f.toks); i++ {
		if !a.is(i, "import") {
			continue
		}
		if a.is(i+1, "(") {
			end := a.skipGroup(i + 1)
			for j := i + 2; j < end-1; {
				j = spec(j)
				if a.is(j, ";") {
					j++
				}
			}
			i = end - 1
			continue
		}
		spec(i + 1)
	}
}

// goPackageName guesses the package name of an import path: its last
// element, skipping a major version suffix; the SDK's root package is
// "checkout".
func goPackageName(p string) string {
	if p == goModule {
		return "checkout"
	}
	base := path.Base(p)
	if len(base) >= 2 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" {
		base = path.Base(path.Dir(p))
	}
	return strings.NewReplacer("-", "_", ".", "_").Replace(base)
}
