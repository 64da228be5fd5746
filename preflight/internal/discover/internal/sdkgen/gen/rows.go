package gen

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// row is the part of an sdk-methods row the generator reads.
type row struct {
	Kind       string  `json:"kind"`
	Version    string  `json:"version"`
	Platform   *string `json:"platform"`
	Accessor   string  `json:"accessor"`
	Method     string  `json:"method"`
	HTTPMethod string  `json:"http_method"`
	Path       string  `json:"path"`
	Host       string  `json:"host"`
	Class      string  `json:"class"`
	ClassFQN   string  `json:"class_fqn"`
	Package    string  `json:"package"`
	Condition  *string `json:"condition"`
	Deprecated bool    `json:"deprecated"`
	Returns    string  `json:"returns"`
	Source     string  `json:"source"`
}

func readRows(data []byte) ([]row, error) {
	var rows []row
	if err := json.Unmarshal(data, &rows); err != nil {
		return nil, err
	}
	return rows, nil
}

// convert groups an SDK's method rows by (accessor, platform, method) and
// reads its entry points' root types.
//
// Rows that apply only in the sandbox (a "condition" naming it: Klarna and
// Node SEPA use "-external" paths there) are left out, so a call reports the
// production endpoint. Where a method name has deprecated and current
// overloads that reach different endpoints, only the current ones are kept.
func convert(sdk string, rows []row) (methods []Method, roots []Root, version string, err error) {
	type key struct{ accessor, platform, name string }
	type group struct {
		m          Method
		current    []Endpoint
		deprecated []Endpoint
	}
	groups := map[key]*group{}
	var order []key
	for i, r := range rows {
		if version == "" {
			version = r.Version
		}
		switch r.Kind {
		case "method":
		case "entrypoint":
			if root, ok := rootOf(sdk, r); ok {
				roots = append(roots, root)
			}
			continue
		default:
			continue
		}
		if r.Condition != nil && strings.Contains(strings.ToLower(*r.Condition), "sandbox") {
			continue
		}
		if r.Platform == nil || r.Accessor == "" || r.Method == "" || r.HTTPMethod == "" || !strings.HasPrefix(r.Path, "/") || r.Host == "" {
			return nil, nil, "", fmt.Errorf("method row %d (%s %s) lacks platform, accessor, method, http_method, path or host", i, r.Accessor, r.Method)
		}
		k := key{normalAccessor(sdk, r.Accessor), *r.Platform, r.Method}
		g, ok := groups[k]
		if !ok {
			g = &group{m: Method{SDK: sdk, Accessor: k.accessor, Name: k.name, Platform: k.platform, Type: typeOf(sdk, r)}}
			groups[k] = g
			order = append(order, k)
		}
		ep := Endpoint{Method: strings.ToUpper(r.HTTPMethod), Path: r.Path, Host: r.Host}
		if r.Deprecated {
			g.deprecated = appendNew(g.deprecated, ep)
		} else {
			g.current = appendNew(g.current, ep)
		}
	}
	for _, k := range order {
		g := groups[k]
		g.m.Endpoints = g.current
		if len(g.m.Endpoints) == 0 {
			g.m.Endpoints = g.deprecated
		}
		methods = append(methods, g.m)
	}
	return methods, roots, version, nil
}

// appendNew appends ep unless an endpoint of the same method, path shape and
// host is already there.
func appendNew(eps []Endpoint, ep Endpoint) []Endpoint {
	if slices.ContainsFunc(eps, func(e Endpoint) bool {
		return e.Method == ep.Method && e.Host == ep.Host && generic(e.Path) == generic(ep.Path)
	}) {
		return eps
	}
	return append(eps, ep)
}

// generic replaces every {name} segment of path with {}.
func generic(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
			segs[i] = "{}"
		}
	}
	return strings.Join(segs, "/")
}

// normalAccessor drops the root receiver and a trailing "()" from an
// accessor: "cko.issuing.cards" → "issuing.cards",
// "$api->getPaymentsClient()" → "getPaymentsClient",
// "api.PaymentsClient()" → "PaymentsClient".
func normalAccessor(sdk, a string) string {
	a = trimPrefixes(a, "cko.", "$api->", "api.")
	return strings.TrimSuffix(a, "()")
}

// typeOf is the fully qualified type a typed declaration of the client
// names, in the SDK language's own spelling; "" for Node, whose callers do
// not declare client types.
func typeOf(sdk string, r row) string {
	switch sdk {
	case "java", "php", "ruby":
		return r.ClassFQN
	case "dotnet":
		// Callers hold the interface: Checkout.Payments.IPaymentsClient.
		if i := strings.LastIndexByte(r.ClassFQN, '.'); i >= 0 {
			return r.ClassFQN[:i+1] + "I" + r.ClassFQN[i+1:]
		}
		return ""
	case "python":
		// The class's module, from its source file:
		// "checkout_sdk/payments/payments_client.py:12" →
		// "checkout_sdk.payments.payments_client.PaymentsClient".
		file, _, _ := strings.Cut(r.Source, ":")
		mod, ok := strings.CutSuffix(file, ".py")
		if !ok || r.Class == "" {
			return ""
		}
		return strings.ReplaceAll(mod, "/", ".") + "." + r.Class
	case "go":
		_, name, ok := strings.Cut(r.Class, ".")
		if !ok || r.Package == "" {
			return ""
		}
		return r.Package + "." + name
	}
	return ""
}

// rootOf reads the root API type an entry point returns, e.g.
// "com.checkout.CheckoutApi", "Checkout.Previous.ICheckoutApi",
// "github.com/checkout/checkout-sdk-go/v2/nas.Api".
func rootOf(sdk string, r row) (Root, bool) {
	if r.Platform == nil || r.Returns == "" {
		return Root{}, false
	}
	ret := r.Returns
	if _, impl, ok := strings.Cut(ret, "(implements "); ok {
		ret = strings.TrimSuffix(strings.TrimSpace(impl), ")")
	}
	if sdk == "go" {
		// "*nas.Api (github.com/checkout/checkout-sdk-go/v2/nas)"
		typ, pkg, ok := strings.Cut(ret, " (")
		if !ok {
			return Root{}, false
		}
		_, name, _ := strings.Cut(strings.TrimPrefix(typ, "*"), ".")
		ret = strings.TrimSuffix(pkg, ")") + "." + name
	}
	ret = strings.TrimSpace(ret)
	if strings.ContainsAny(ret, " ()") {
		return Root{}, false
	}
	return Root{SDK: sdk, Platform: *r.Platform, Type: ret}, true
}

// abcRow is the part of an abc_operations.json row the generator reads.
type abcRow struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	Host   string `json:"host"`
}

// readABC reads the previous platform's operations. A path whose first
// segment lists alternatives ("/klarna-external|klarna/...": sandbox and
// production spellings) yields one endpoint per alternative.
func readABC(data []byte) ([]Endpoint, error) {
	var rows []abcRow
	if err := json.Unmarshal(data, &rows); err != nil {
		return nil, err
	}
	var out []Endpoint
	for i, r := range rows {
		if r.Method == "" || !strings.HasPrefix(r.Path, "/") || r.Host == "" {
			return nil, fmt.Errorf("row %d lacks method, path or host", i)
		}
		first, rest, _ := strings.Cut(r.Path[1:], "/")
		for _, alt := range strings.Split(first, "|") {
			p := "/" + alt
			if rest != "" {
				p += "/" + rest
			}
			out = append(out, Endpoint{Method: strings.ToUpper(r.Method), Path: p, Host: r.Host})
		}
	}
	return out, nil
}
