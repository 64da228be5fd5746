package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// object is a JSON object whose members keep the order they were added
// in, so that the generated file reads like the Go types it describes.
type object []member

type member struct {
	key   string
	value any
}

// with returns o with key set to value, replacing an existing member in
// place or appending a new one.
func (o object) with(key string, value any) object {
	for i, m := range o {
		if m.key == key {
			out := append(object(nil), o...)
			out[i].value = value
			return out
		}
	}
	return append(append(object(nil), o...), member{key, value})
}

// get returns the value of key, or nil.
func (o object) get(key string) any {
	for _, m := range o {
		if m.key == key {
			return m.value
		}
	}
	return nil
}

// encode writes v as indented JSON followed by a newline: objects one
// member a line, arrays of scalars on one line, no HTML escaping.
func encode(v any) ([]byte, error) {
	var b bytes.Buffer
	if err := write(&b, v, ""); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

func write(b *bytes.Buffer, v any, indent string) error {
	switch v := v.(type) {
	case object:
		if len(v) == 0 {
			b.WriteString("{}")
			return nil
		}
		b.WriteString("{\n")
		for i, m := range v {
			b.WriteString(indent + "  ")
			if err := scalar(b, m.key); err != nil {
				return err
			}
			b.WriteString(": ")
			if err := write(b, m.value, indent+"  "); err != nil {
				return fmt.Errorf("%s: %w", m.key, err)
			}
			if i < len(v)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	case []any:
		nested := false
		for _, e := range v {
			if _, ok := e.(object); ok {
				nested = true
			}
		}
		b.WriteByte('[')
		for i, e := range v {
			if nested {
				b.WriteString("\n" + indent + "  ")
			} else if i > 0 {
				b.WriteByte(' ')
			}
			if err := write(b, e, indent+"  "); err != nil {
				return err
			}
			if i < len(v)-1 {
				b.WriteByte(',')
			}
		}
		if nested {
			b.WriteString("\n" + indent)
		}
		b.WriteByte(']')
	default:
		return scalar(b, v)
	}
	return nil
}

// scalar writes a string, number, boolean or null without HTML escaping.
func scalar(b *bytes.Buffer, v any) error {
	switch v.(type) {
	case nil, string, bool, int, int64, float64:
	default:
		return fmt.Errorf("cannot write %T in a schema", v)
	}
	var s strings.Builder
	enc := json.NewEncoder(&s)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.WriteString(strings.TrimSuffix(s.String(), "\n"))
	return nil
}
