package gen

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// docs is what the Go sources say about the types: doc comments, and the
// string constants that enumerate values.
type docs struct {
	types  map[string]string // type name → doc comment
	fields map[string]string // "Type.Field" (Go names) → doc comment
	// typed lists the constants of each named string type, in source order.
	typed map[string][]constant
	// untyped lists the untyped string constants, in source order.
	untyped []constant
}

// constant is one string constant and the comment beside or above it.
type constant struct {
	name, value, doc string
}

// readDocs parses the Go files in sources (file name → contents); test
// files are ignored.
func readDocs(sources map[string][]byte) (docs, error) {
	d := docs{types: map[string]string{}, fields: map[string]string{}, typed: map[string][]constant{}}
	fset := token.NewFileSet()
	names := make([]string, 0, len(sources))
	for name := range sources {
		if strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, sources[name], parser.ParseComments)
		if err != nil {
			return docs{}, fmt.Errorf("parsing %s: %w", name, err)
		}
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok {
				continue
			}
			switch g.Tok {
			case token.TYPE:
				for _, spec := range g.Specs {
					d.readType(g, spec.(*ast.TypeSpec))
				}
			case token.CONST:
				d.readConsts(g)
			}
		}
	}
	return d, nil
}

func (d *docs) readType(g *ast.GenDecl, ts *ast.TypeSpec) {
	doc := text(ts.Doc)
	if doc == "" && len(g.Specs) == 1 {
		doc = text(g.Doc)
	}
	d.types[ts.Name.Name] = doc
	st, ok := ts.Type.(*ast.StructType)
	if !ok {
		return
	}
	previous := ""
	for _, f := range st.Fields.List {
		doc := text(f.Doc)
		if doc == "" {
			doc = text(f.Comment)
		}
		for _, n := range f.Names {
			fieldDoc := doc
			// "IPv4 and IPv6 are …" above IPv4 also describes IPv6.
			if fieldDoc == "" && mentions(previous, n.Name) {
				fieldDoc = previous
			}
			d.fields[ts.Name.Name+"."+n.Name] = fieldDoc
			previous = fieldDoc
		}
	}
}

func (d *docs) readConsts(g *ast.GenDecl) {
	for _, spec := range g.Specs {
		vs := spec.(*ast.ValueSpec)
		doc := text(vs.Comment)
		if doc == "" {
			doc = text(vs.Doc)
		}
		for i, n := range vs.Names {
			if i >= len(vs.Values) {
				continue
			}
			lit, ok := vs.Values[i].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				continue
			}
			value, err := strconv.Unquote(lit.Value)
			if err != nil {
				continue
			}
			c := constant{name: n.Name, value: value, doc: doc}
			if id, ok := vs.Type.(*ast.Ident); ok {
				d.typed[id.Name] = append(d.typed[id.Name], c)
			} else if vs.Type == nil {
				d.untyped = append(d.untyped, c)
			}
		}
	}
}

// withPrefix returns the untyped string constants whose names start with
// prefix and an upper-case letter ("Check" matches CheckConfig, not
// Checked), in source order.
func (d docs) withPrefix(prefix string) []constant {
	return slices.DeleteFunc(slices.Clone(d.untyped), func(c constant) bool {
		rest, ok := strings.CutPrefix(c.name, prefix)
		return !ok || rest == "" || !('A' <= rest[0] && rest[0] <= 'Z')
	})
}

// text returns a comment group as one line of text.
func text(g *ast.CommentGroup) string {
	if g == nil {
		return ""
	}
	return strings.Join(strings.Fields(g.Text()), " ")
}

// mentions reports whether doc names the identifier as a word.
func mentions(doc, ident string) bool {
	return doc != "" && regexp.MustCompile(`\b`+regexp.QuoteMeta(ident)+`\b`).MatchString(doc)
}
