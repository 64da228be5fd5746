package gen

import (
	"encoding/json"
	"fmt"
	"reflect"
)

// nullability renders values of root with render, the way the program
// writes them, and reports for every nilable field that is always written
// (no omitempty or omitzero), by key, whether its nil value came out as
// null (true) or as an empty list (false). A renderer may turn nil lists
// into [] so that consumers can iterate without a check; the schema says
// so only when the renderer does it.
//
// Each rendering fills every struct the root reaches, so that the fields
// of every type are seen, and leaves every other nilable field nil; a
// field that holds structs is left nil in a rendering of its own.
func nullability(root reflect.Type, render func(any) ([]byte, error)) (map[string]bool, error) {
	holders, err := structHolders(root, map[reflect.Type]bool{})
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, skip := range append([]string{""}, holders...) {
		v, err := fill(root, skip, 0)
		if err != nil {
			return nil, err
		}
		b, err := render(v.Interface())
		if err != nil {
			return nil, fmt.Errorf("rendering a %s: %w", root.Name(), err)
		}
		var doc any
		if err := json.Unmarshal(b, &doc); err != nil {
			return nil, fmt.Errorf("the rendered %s is not JSON: %w", root.Name(), err)
		}
		if err := observe(root, doc, skip, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// structHolders returns the keys of the always-written fields that hold
// structs, reachable from t.
func structHolders(t reflect.Type, seen map[reflect.Type]bool) ([]string, error) {
	if seen[t] {
		return nil, nil
	}
	seen[t] = true
	fs, err := fields(t)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range fs {
		e := elem(f.typ)
		if e == nil && isStruct(f.typ) {
			e = f.typ
		}
		if e == nil {
			continue
		}
		if nilable(f.typ) && !f.omit {
			out = append(out, key(t, f))
		}
		more, err := structHolders(e, seen)
		if err != nil {
			return nil, err
		}
		out = append(out, more...)
	}
	return out, nil
}

// fill returns a value of t whose struct-holding fields hold one filled
// struct each, except the field named skip, and whose other nilable
// fields are nil.
func fill(t reflect.Type, skip string, depth int) (reflect.Value, error) {
	if depth > 32 {
		return reflect.Value{}, fmt.Errorf("%s: the types nest too deep (a recursive type?)", t.Name())
	}
	v := reflect.New(t).Elem()
	fs, err := fields(t)
	if err != nil {
		return reflect.Value{}, err
	}
	for _, f := range fs {
		if key(t, f) == skip {
			continue
		}
		fv, err := fillField(f.typ, skip, depth+1)
		if err != nil {
			return reflect.Value{}, err
		}
		if fv.IsValid() {
			v.Field(f.index).Set(fv)
		}
	}
	return v, nil
}

// fillField returns a filled value of a field type that holds structs, or
// the invalid Value to leave the field zero.
func fillField(t reflect.Type, skip string, depth int) (reflect.Value, error) {
	switch {
	case isStruct(t):
		return fill(t, skip, depth)
	case t.Kind() == reflect.Pointer && elem(t) != nil:
		inner, err := fillField(t.Elem(), skip, depth)
		if err != nil || !inner.IsValid() {
			return inner, err
		}
		p := reflect.New(t.Elem())
		p.Elem().Set(inner)
		return p, nil
	case t.Kind() == reflect.Slice && elem(t) != nil:
		inner, err := fillField(t.Elem(), skip, depth)
		if err != nil || !inner.IsValid() {
			return inner, err
		}
		s := reflect.MakeSlice(t, 1, 1)
		s.Index(0).Set(inner)
		return s, nil
	}
	return reflect.Value{}, nil
}

// observe walks doc, a rendering of a t made by fill with skip, and
// records in out how each nil field came out. A field seen both as null
// and as [] is an error: each type has one description.
func observe(t reflect.Type, doc any, skip string, out map[string]bool) error {
	m, ok := doc.(map[string]any)
	if !ok {
		return fmt.Errorf("%s was rendered as %T, not an object", t.Name(), doc)
	}
	fs, err := fields(t)
	if err != nil {
		return err
	}
	for _, f := range fs {
		k := key(t, f)
		val, present := m[f.name]
		holder := elem(f.typ) != nil
		if nilable(f.typ) && !f.omit && (!holder || k == skip) {
			if !present {
				return fmt.Errorf("%s: a nil value was left out of the rendered JSON although the field has no omitempty", k)
			}
			null := val == nil
			if before, ok := out[k]; ok && before != null {
				return fmt.Errorf("%s: nil is rendered as null in one place and [] in another; the schema gives a type one shape", k)
			}
			out[k] = null
		}
		e := elem(f.typ)
		if e == nil && isStruct(f.typ) {
			e = f.typ
		}
		if e == nil || val == nil {
			continue
		}
		items := []any{val}
		if list, ok := val.([]any); ok {
			items = list
		}
		for _, item := range items {
			if err := observe(e, item, skip, out); err != nil {
				return err
			}
		}
	}
	return nil
}
