package gen

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/doc.schema.json")

// docOptions generates the test document's schema with render.
func docOptions(tb testing.TB, render func(any) ([]byte, error)) Options {
	tb.Helper()
	src, err := os.ReadFile("types_test.go")
	if err != nil {
		tb.Fatal(err)
	}
	return Options{
		Root:    reflect.TypeFor[Doc](),
		Sources: map[string][]byte{"types.go": src},
		Render:  render,
		ID:      "https://example.com/doc.schema.json", Title: "doc", Comment: "generated", Description: "More words.",
		Enums:  map[string]string{"Doc.kind": "Kind"},
		Consts: map[string]any{"Doc.version": 3},
	}
}

// TestGenerateGolden pins the whole output for the test document, with
// encoding/json as the renderer. Run with -update to rewrite it.
func TestGenerateGolden(t *testing.T) {
	t.Parallel()
	got, err := Generate(docOptions(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "doc.schema.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("schema mismatch (-want +got):\n%s", diff)
	}
}

// TestGenerateShapes reads the parts of the test schema that the golden
// file shows, so that a wrong golden file cannot pass review unnoticed.
func TestGenerateShapes(t *testing.T) {
	t.Parallel()
	b, err := Generate(docOptions(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Required   []string
		Properties map[string]map[string]any
		Defs       map[string]map[string]any `json:"$defs"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	type shape struct {
		Type, Enum, Const, MinLength, MinItems, AnyOf, Description any
	}
	got := map[string]shape{}
	for name, p := range s.Properties {
		got[name] = shape{p["type"], p["enum"], p["const"], p["minLength"], p["minItems"], p["anyOf"] != nil, p["description"]}
	}
	want := map[string]shape{
		"version": {Type: "integer", Const: 3.0, AnyOf: false, Description: "Version is always 3."},
		"level":   {AnyOf: false, Description: "Level is how bad it is."},
		"kind": {Type: "string", Enum: []any{"plain", "fancy"}, AnyOf: false,
			Description: `Kind is one of the Kind* constants. Values: "plain": an ordinary one.`},
		"note":   {Type: "string", MinLength: 1.0, AnyOf: false, Description: "Note is optional; never empty when written."},
		"tags":   {Type: []any{"array", "null"}, AnyOf: false, Description: "Tags is null when nil."},
		"items":  {Type: []any{"array", "null"}, AnyOf: false, Description: "Items lists the items."},
		"extra":  {Type: "array", MinItems: 1.0, AnyOf: false, Description: "Extra, when written, has an item."},
		"parent": {AnyOf: true, Description: "Parent is null when nil."},
		"child":  {AnyOf: false, Description: "Child is left out when nil."},
		"ok":     {Type: []any{"boolean", "null"}, AnyOf: false, Description: "Ok is null when unknown."},
		"at":     {Type: "string", AnyOf: false, Description: "At is when."},
		"ratio":  {Type: "number", AnyOf: false, Description: "Ratio and Count are numbers."},
		"count":  {Type: "integer", AnyOf: false, Description: "Ratio and Count are numbers."},
		"labels": {Type: "object", AnyOf: false, Description: "Labels maps names to values."},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("properties mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"version", "level", "kind", "tags", "items", "parent", "ok", "at", "ratio"}, s.Required); diff != "" {
		t.Errorf("required mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]any{"type": "string", "enum": []any{"low", "high"},
		"description": `Level says how bad. Values: "low": nothing to do; "high": act now.`}, s.Defs["Level"]); diff != "" {
		t.Errorf("$defs.Level mismatch (-want +got):\n%s", diff)
	}
}

// TestGenerateAsRendered checks that what the renderer writes for nil
// decides nullability: here it writes items and tags as [].
func TestGenerateAsRendered(t *testing.T) {
	t.Parallel()
	render := func(v any) ([]byte, error) {
		d := v.(Doc)
		if d.Items == nil {
			d.Items = []Item{}
		}
		if d.Tags == nil {
			d.Tags = []string{}
		}
		return json.Marshal(d)
	}
	b, err := Generate(docOptions(t, render))
	if err != nil {
		t.Fatal(err)
	}
	var s struct{ Properties map[string]map[string]any }
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"items", "tags"} {
		if got := s.Properties[name]["type"]; got != "array" {
			t.Errorf("%s: type %v, want array (the renderer never writes null)", name, got)
		}
	}
	if got := s.Properties["parent"]["anyOf"]; got == nil {
		t.Error("parent: no longer nullable, although the renderer writes nil as null")
	}
}

type (
	withAny      struct{ V any }
	withEmbedded struct{ Item }
	withIntMap   struct{ M map[int]string }
	withString   struct {
		N int `json:"n,string"`
	}
)

func TestGenerateErrors(t *testing.T) {
	t.Parallel()
	base := docOptions(t, nil)
	tests := []struct {
		name    string
		options func(o Options) Options
		want    string
	}{
		{"root not a struct", func(o Options) Options { o.Root = reflect.TypeFor[string](); return o }, "the root type must be a struct"},
		{"an interface field", func(o Options) Options { o.Root = reflect.TypeFor[withAny](); o.Enums, o.Consts = nil, nil; return o }, "no JSON Schema for Go type interface {}"},
		{"an embedded field", func(o Options) Options {
			o.Root = reflect.TypeFor[withEmbedded]()
			o.Enums, o.Consts = nil, nil
			return o
		}, "embedded fields are not supported"},
		{"a map with int keys", func(o Options) Options {
			o.Root = reflect.TypeFor[withIntMap]()
			o.Enums, o.Consts = nil, nil
			return o
		}, "maps need string keys"},
		{"the string option", func(o Options) Options {
			o.Root = reflect.TypeFor[withString]()
			o.Enums, o.Consts = nil, nil
			return o
		}, "the ,string option is not supported"},
		{"an enum for no field", func(o Options) Options { o.Enums = map[string]string{"Doc.nope": "Kind"}; return o }, `option Enums names "Doc.nope"`},
		{"an enum without constants", func(o Options) Options { o.Enums = map[string]string{"Doc.kind": "Nope"}; return o }, `no untyped string constants start with "Nope"`},
		{"an enum on a number", func(o Options) Options { o.Enums = map[string]string{"Doc.version": "Kind"}; return o }, "Enums applies to string fields"},
		{"a const for no field", func(o Options) Options { o.Consts = map[string]any{"Doc.nope": 1}; return o }, `option Consts names "Doc.nope"`},
		{"a renderer that drops a member", func(o Options) Options {
			o.Render = func(v any) ([]byte, error) {
				b, _ := json.Marshal(v)
				return bytes.Replace(b, []byte(`"tags":null,`), nil, 1), nil
			}
			return o
		}, "Doc.tags: a nil value was left out"},
		{"a renderer that writes no JSON", func(o Options) Options {
			o.Render = func(any) ([]byte, error) { return []byte("nope"), nil }
			return o
		}, "is not JSON"},
		{"sources that are not Go", func(o Options) Options { o.Sources = map[string][]byte{"x.go": []byte("nope")}; return o }, "parsing x.go"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Generate(tt.options(base))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Generate error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}
