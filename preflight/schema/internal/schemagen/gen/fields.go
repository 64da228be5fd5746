package gen

import (
	"fmt"
	"reflect"
	"strings"
	"time"
)

// field is one struct field as encoding/json writes it.
type field struct {
	index  int
	goName string
	// name is the JSON member name.
	name string
	// omit is true for omitempty and omitzero: the member may be absent.
	omit bool
	// omitEmpty is true for omitempty: when present, a string or list is
	// not empty.
	omitEmpty bool
	typ       reflect.Type
}

// key names the field in Options and in errors: "Type.member".
func key(t reflect.Type, f field) string { return t.Name() + "." + f.name }

// fields returns the fields of struct type t that encoding/json writes, in
// declaration order. Embedded fields are refused: their members would
// belong to another type's description.
func fields(t reflect.Type) ([]field, error) {
	var out []field
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		if sf.Anonymous {
			return nil, fmt.Errorf("%s.%s: embedded fields are not supported; name the field", t.Name(), sf.Name)
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = sf.Name
		}
		f := field{index: i, goName: sf.Name, name: name, typ: sf.Type}
		for _, o := range strings.Split(opts, ",") {
			switch o {
			case "omitempty":
				f.omit, f.omitEmpty = true, true
			case "omitzero":
				f.omit = true
			case "string":
				return nil, fmt.Errorf("%s.%s: the ,string option is not supported", t.Name(), sf.Name)
			}
		}
		out = append(out, f)
	}
	return out, nil
}

var timeType = reflect.TypeFor[time.Time]()

// isStruct reports whether t is a struct described by its own definition
// (time.Time is written as a string).
func isStruct(t reflect.Type) bool { return t.Kind() == reflect.Struct && t != timeType }

// nilable reports whether the zero value of t is written as null or [] —
// a pointer, a slice or a map.
func nilable(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		return true
	}
	return false
}

// elem returns the struct type a nilable t holds (*S, []S, []*S), or nil.
func elem(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if isStruct(t) {
		return t
	}
	return nil
}
