package catalog

import (
	"fmt"
	"strings"
)

// NoMatchError is returned by Catalog.Match when no operation fits.
type NoMatchError struct {
	// Method is the method given, upper-cased; empty when none was given.
	Method string
	// Path is the path given, verbatim.
	Path string
	// Template is the catalog path template the path matched when the path
	// is known but not with Method; empty when the path itself is unknown.
	Template string
	// Methods lists the methods Template supports, in conventional order;
	// nil when the path itself is unknown.
	Methods []string
	// Suggestions are the closest known operations, best first, at most
	// five; nil when none is close.
	Suggestions []Operation
}

// Error says what did not match and what would, e.g.
//
//	no Checkout.com endpoint matches "GET /paymnts"; closest known: GET /payments/{id}, POST /payments
func (e *NoMatchError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "no Checkout.com endpoint matches %q", strings.TrimSpace(e.Method+" "+e.Path))
	switch {
	case e.Method == "":
		b.WriteString("; the method is missing: write it before the path, e.g. \"GET /payments/{id}\"")
	case len(e.Methods) == 1:
		fmt.Fprintf(&b, "; %s supports only %s", e.Template, e.Methods[0])
	case len(e.Methods) > 1:
		fmt.Fprintf(&b, "; %s supports %s: use one of those methods", e.Template, strings.Join(e.Methods, ", "))
	}
	if len(e.Suggestions) > 0 {
		names := make([]string, len(e.Suggestions))
		for i, op := range e.Suggestions {
			names[i] = op.String()
		}
		fmt.Fprintf(&b, "; closest known: %s", strings.Join(names, ", "))
	}
	return b.String()
}
