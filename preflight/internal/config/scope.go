package config

import (
	"fmt"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// ParseScopes checks that each value is a well-formed OAuth scope name:
// lower-case letters, digits and "-", in parts joined by ":", such as
// "gateway" or "gateway:payment". It checks syntax only; whether the scope
// exists is for package catalog to say. It returns the well-formed values in
// order, and err joins an *Error for each malformed one (see Errors). The
// slice is nil when no value is well-formed.
func ParseScopes(values []Value) ([]Value, error) {
	var out []Value
	var errs listErrors
	for _, v := range values {
		if msg := checkScope(v.Text); msg != "" {
			errs.add(&Error{Pos: v.Pos, Message: msg, Title: "Invalid scope"}, v.Pos)
			continue
		}
		out = append(out, v)
	}
	return out, errs.join("malformed scopes")
}

// checkScope returns what is wrong with the scope name s, or "".
func checkScope(s string) string {
	if catalog.ValidScopeName(s) {
		return ""
	}
	const shape = `a scope is lower-case letters, digits and "-", in parts joined by ":", like "gateway:payment"`
	switch lower := strings.ToLower(s); {
	case s == "":
		return "scope is empty; " + shape
	case strings.ContainsAny(s, " \t"):
		return fmt.Sprintf("scope %s contains a space; separate scopes with commas or new lines (%s)", quote(s), shape)
	case catalog.ValidScopeName(lower):
		return fmt.Sprintf("scope %s is not valid: scope names are lower case; write %q", quote(s), lower)
	}
	return fmt.Sprintf("scope %s is not valid: %s", quote(s), shape)
}
