package spec

import (
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// Inputs are the settings given as CLI flags or action inputs, by setting
// name (see config.Settings). A scalar setting has one Value; a list
// setting one Value per item. A setting that is absent, or whose values
// are all empty, was not given. Secret values are kept untrimmed.
type Inputs map[string][]config.Value

// Set records a scalar setting; an empty (or all-blank) text is not
// recorded unless the setting is secret, whose raw value is kept.
func (in Inputs) Set(name, text string, pos report.Position) {
	s, _ := config.LookupSetting(name)
	if !s.Secret {
		text = strings.TrimSpace(text)
	}
	if strings.TrimSpace(text) == "" {
		return
	}
	in[name] = []config.Value{{Text: text, Pos: pos}}
}

// Text returns the value of a scalar setting; "" when not given.
func (in Inputs) Text(name string) string {
	if v := in[name]; len(v) > 0 {
		return v[0].Text
	}
	return ""
}

// value returns a scalar setting's Value; the zero Value when not given.
func (in Inputs) value(name string) config.Value {
	if v := in[name]; len(v) > 0 {
		return v[0]
	}
	return config.Value{}
}

// Given reports whether the setting was given.
func (in Inputs) Given(name string) bool { return len(in[name]) > 0 }
