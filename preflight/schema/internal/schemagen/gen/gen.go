// Package gen writes a JSON Schema (draft 2020-12) for a tree of Go struct
// types from the types themselves: member names and which members may be
// absent from their json tags, descriptions from their doc comments,
// allowed values from the string constants that enumerate them, and
// whether an empty list is written as null or [] from the program's own
// renderer. It is the library behind the schemagen command and is called
// in-process by package schema's staleness test, so both produce the same
// bytes from the same types.
package gen

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Options say what to describe and how the program writes it.
type Options struct {
	// Root is the struct type of the whole document.
	Root reflect.Type
	// Sources are the Go files that declare Root and the types it uses
	// (file name → contents), read for doc comments and constants.
	Sources map[string][]byte
	// Render writes a value of Root as the program does; its output tells
	// which nil lists are written as null. Nil means encoding/json.
	Render func(v any) ([]byte, error)
	// ID, Title and Comment head the schema ($id, title, $comment);
	// Description follows Root's doc comment. Empty means left out.
	ID, Title, Comment, Description string
	// Enums maps a field, "Type.member" with the JSON member name, to the
	// prefix of the untyped string constants that list its values
	// ("Check.id" → "Check" for CheckConfig, CheckCredentialActive, …).
	// Named string types with constants of their own need no entry.
	Enums map[string]string
	// Consts maps a field, "Type.member", to the one value it always has.
	Consts map[string]any
}

type generator struct {
	o        Options
	docs     docs
	nullable map[string]bool
	defs     object
	used     map[string]bool // Enums and Consts entries that matched a field
}

// Generate returns the schema as indented JSON ending in a newline.
func Generate(o Options) ([]byte, error) {
	if o.Root == nil || !isStruct(o.Root) {
		return nil, fmt.Errorf("the root type must be a struct, not %v", o.Root)
	}
	d, err := readDocs(o.Sources)
	if err != nil {
		return nil, err
	}
	if o.Render == nil {
		o.Render = marshal
	}
	nullable, err := nullability(o.Root, o.Render)
	if err != nil {
		return nil, err
	}
	g := &generator{o: o, docs: d, nullable: nullable, used: map[string]bool{}}
	root, err := g.structSchema(o.Root)
	if err != nil {
		return nil, err
	}
	for k := range o.Enums {
		if !g.used["enum "+k] {
			return nil, fmt.Errorf("option Enums names %q, which is not a string field of the types", k)
		}
	}
	for k := range o.Consts {
		if !g.used["const "+k] {
			return nil, fmt.Errorf("option Consts names %q, which is not a field of the types", k)
		}
	}
	head := object{{"$schema", "https://json-schema.org/draft/2020-12/schema"}}
	for _, m := range []member{{"$id", o.ID}, {"$comment", o.Comment}, {"title", o.Title}} {
		if m.value != "" {
			head = append(head, m)
		}
	}
	desc := strings.TrimSpace(d.types[o.Root.Name()] + " " + o.Description)
	if desc != "" {
		head = append(head, member{"description", desc})
	}
	doc := append(head, root...)
	if len(g.defs) > 0 {
		doc = append(doc, member{"$defs", g.defs})
	}
	return encode(doc)
}

// structSchema describes struct type t: its members, which are required,
// and no others.
func (g *generator) structSchema(t reflect.Type) (object, error) {
	fs, err := fields(t)
	if err != nil {
		return nil, err
	}
	props := object{}
	required := []any{}
	for _, f := range fs {
		s, err := g.fieldSchema(t, f)
		if err != nil {
			return nil, err
		}
		props = append(props, member{f.name, s})
		if !f.omit {
			required = append(required, f.name)
		}
	}
	out := object{{"type", "object"}, {"properties", props}}
	if len(required) > 0 {
		out = append(out, member{"required", required})
	}
	return append(out, member{"additionalProperties", false}), nil
}

// fieldSchema describes one member of struct type t.
func (g *generator) fieldSchema(t reflect.Type, f field) (object, error) {
	k := key(t, f)
	s, err := g.typeSchema(f.typ)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", k, err)
	}
	if prefix, ok := g.o.Enums[k]; ok {
		if f.typ.Kind() != reflect.String {
			return nil, fmt.Errorf("%s: Enums applies to string fields, not %v", k, f.typ)
		}
		consts := g.docs.withPrefix(prefix)
		if len(consts) == 0 {
			return nil, fmt.Errorf("%s: no untyped string constants start with %q", k, prefix)
		}
		s = s.with("enum", values(consts))
		g.used["enum "+k] = true
	}
	if v, ok := g.o.Consts[k]; ok {
		s = s.with("const", v)
		g.used["const "+k] = true
	}
	if f.omitEmpty {
		switch f.typ.Kind() {
		case reflect.String:
			s = s.with("minLength", 1)
		case reflect.Slice:
			s = s.with("minItems", 1)
		case reflect.Map:
			s = s.with("minProperties", 1)
		}
	}
	if nilable(f.typ) && !f.omit && g.nullable[k] {
		if ref := s.get("$ref"); ref != nil {
			s = object{{"anyOf", []any{s, object{{"type", "null"}}}}}
		} else {
			s = s.with("type", []any{s.get("type"), "null"})
		}
	}
	desc := g.docs.fields[t.Name()+"."+f.goName]
	if prefix, ok := g.o.Enums[k]; ok {
		desc = strings.TrimSpace(desc + " " + meanings(g.docs.withPrefix(prefix)))
	}
	if desc != "" {
		s = append(object{{"description", desc}}, s...)
	}
	return s, nil
}

// typeSchema describes a Go type, without nullability.
func (g *generator) typeSchema(t reflect.Type) (object, error) {
	switch {
	case t == timeType:
		return object{{"type", "string"}, {"format", "date-time"}}, nil
	case isStruct(t):
		return g.ref(t, func() (object, error) { return g.structSchema(t) })
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.typeSchema(t.Elem())
	case reflect.String:
		if consts := g.docs.typed[t.Name()]; t.PkgPath() != "" && len(consts) > 0 {
			return g.ref(t, func() (object, error) {
				return object{{"type", "string"}, {"enum", values(consts)}}, nil
			})
		}
		return object{{"type", "string"}}, nil
	case reflect.Bool:
		return object{{"type", "boolean"}}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return object{{"type", "integer"}}, nil
	case reflect.Float32, reflect.Float64:
		return object{{"type", "number"}}, nil
	case reflect.Slice:
		items, err := g.typeSchema(t.Elem())
		if err != nil {
			return nil, err
		}
		return object{{"type", "array"}, {"items", items}}, nil
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			return nil, fmt.Errorf("maps need string keys, not %v", t.Key())
		}
		v, err := g.typeSchema(t.Elem())
		if err != nil {
			return nil, err
		}
		return object{{"type", "object"}, {"additionalProperties", v}}, nil
	}
	return nil, fmt.Errorf("no JSON Schema for Go type %v; teach the generator", t)
}

// ref returns a reference to the definition of named type t, making it
// with build the first time. The definition leads with t's doc comment.
func (g *generator) ref(t reflect.Type, build func() (object, error)) (object, error) {
	name := t.Name()
	if name == "" {
		return nil, fmt.Errorf("anonymous %v types are not supported; name the type", t.Kind())
	}
	if g.defs.get(name) == nil {
		g.defs = append(g.defs, member{name, object{}}) // reserve the place, in first-use order
		def, err := build()
		if err != nil {
			return nil, err
		}
		desc := g.docs.types[name]
		if consts := g.docs.typed[name]; t.Kind() == reflect.String && len(consts) > 0 {
			desc = strings.TrimSpace(desc + " " + meanings(consts))
		}
		if desc != "" {
			def = append(object{{"description", desc}}, def...)
		}
		g.defs = g.defs.with(name, def)
	}
	return object{{"$ref", "#/$defs/" + name}}, nil
}

// values lists the constants' values, in source order, once each.
func values(consts []constant) []any {
	var out []any
	for _, c := range consts {
		if !slices.Contains(out, any(c.value)) {
			out = append(out, c.value)
		}
	}
	return out
}

// meanings says what the constants that have a comment mean, as
// `"pass": every check passed; "fail": …`; "" when none has one.
func meanings(consts []constant) string {
	var parts []string
	for _, c := range consts {
		if c.doc != "" {
			parts = append(parts, fmt.Sprintf("%q: %s", c.value, c.doc))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Values: " + strings.Join(parts, "; ") + "."
}
