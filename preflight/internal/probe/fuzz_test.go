package probe

import (
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// FuzzFor checks that no template, however malformed, yields a path with a
// brace or a body-carrying method without the body [].
func FuzzFor(f *testing.F) {
	for _, s := range []string{"/payments/{id}", "/a/{b}/{c}", "/{", "/}", "/{}{}", "/x/{a}{b}/y", "/{{x}}", "", "/é/{ü}"} {
		f.Add("POST", s)
		f.Add("GET", s)
	}
	f.Fuzz(func(t *testing.T, method, path string) {
		p := For(catalog.Operation{Method: method, Host: "api", Path: path})
		if strings.ContainsAny(p.Path, "{}") {
			t.Fatalf("For(%q %q).Path = %q has a brace", method, path, p.Path)
		}
		switch p.Method {
		case "GET", "HEAD", "DELETE":
			if p.Body != nil {
				t.Fatalf("%s has body %q", p.Method, p.Body)
			}
		default:
			if p.Skip == "" && string(p.Body) != EmptyArray {
				t.Fatalf("%s has body %q, want []", p.Method, p.Body)
			}
		}
	})
}
