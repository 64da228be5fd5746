package probe

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// specOperation is one operation of the OpenAPI document, located the way
// the catalog generator locates it.
type specOperation struct {
	method string // upper-case
	host   string // first label of the server's host name; "api" without servers
	// template is the server URL's path followed by the document's path:
	// "/files/{file_id}" for GET / on the files host.
	template string
	docPath  string // the document's own path key, e.g. "/"
	item     *openapi3.PathItem
	op       *openapi3.Operation
}

func (s specOperation) String() string {
	return fmt.Sprintf("%s %s %s (document path %q)", s.method, s.host, s.template, s.docPath)
}

// specOperations returns every operation of doc, each with its host and full
// path template. The servers are the operation's, else the path item's,
// else the document's.
func specOperations(tb testing.TB, doc *openapi3.T) []specOperation {
	tb.Helper()
	var out []specOperation
	for docPath, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			servers := doc.Servers
			if len(item.Servers) > 0 {
				servers = item.Servers
			}
			if op.Servers != nil && len(*op.Servers) > 0 {
				servers = *op.Servers
			}
			host, template, err := locateSpec(docPath, servers)
			if err != nil {
				tb.Fatalf("%s %s: %v", method, docPath, err)
			}
			out = append(out, specOperation{method: strings.ToUpper(method), host: host, template: template, docPath: docPath, item: item, op: op})
		}
	}
	if len(out) == 0 {
		tb.Fatal("the OpenAPI document has no operations")
	}
	return out
}

// locateSpec returns the host label and full path template that servers
// give docPath; every server must agree on both.
func locateSpec(docPath string, servers openapi3.Servers) (host, template string, err error) {
	if len(servers) == 0 {
		return "api", docPath, nil
	}
	for i, s := range servers {
		u, err := url.Parse(s.URL)
		if err != nil || u.Hostname() == "" {
			return "", "", fmt.Errorf("server URL %q is not absolute", s.URL)
		}
		h, _, _ := strings.Cut(strings.ToLower(u.Hostname()), ".")
		p := strings.TrimSuffix(u.Path, "/")
		if docPath != "/" || p == "" {
			p += docPath
		}
		if i == 0 {
			host, template = h, p
		} else if h != host || p != template {
			return "", "", fmt.Errorf("servers disagree: %q is not host %q with path %q", s.URL, host, template)
		}
	}
	return host, template, nil
}

var templateParam = regexp.MustCompile(`\{[^/}]*\}`)

// shapeOf identifies an operation regardless of parameter names, as the
// catalog matches them: "GET api /payments/{}".
func shapeOf(method, host, template string) string {
	return strings.ToUpper(method) + " " + host + " " + templateParam.ReplaceAllString(template, "{}")
}

// checkedProbe is the probe of a catalog operation together with the
// document's operation of the same method, host and path shape.
type checkedProbe struct {
	op    catalog.Operation
	probe Probe
	spec  specOperation
}

// name is how tests and exception tables name the pair: the catalog's
// "METHOD host template".
func (c checkedProbe) name() string { return c.op.Method + " " + c.op.Host + " " + c.op.Path }

// matchProbes pairs every catalog operation that the document holds with
// its probe, matched on the probe's method and host and the template's
// shape. It fails unless every document operation is matched exactly once
// and every catalog operation marked current finds its document operation.
func matchProbes(tb testing.TB, doc *openapi3.T) []checkedProbe {
	tb.Helper()
	specs := map[string]specOperation{}
	for _, s := range specOperations(tb, doc) {
		key := shapeOf(s.method, s.host, s.template)
		if prev, dup := specs[key]; dup {
			tb.Fatalf("two document operations have the shape %q: %s and %s", key, prev, s)
		}
		specs[key] = s
	}
	var out []checkedProbe
	seen := map[string]string{}
	for _, op := range defaultOperations(tb) {
		p := For(op)
		key := shapeOf(p.Method, p.Host, op.Path)
		s, ok := specs[key]
		if !ok {
			if op.Status == catalog.StatusCurrent {
				tb.Errorf("catalog operation %s is marked %q but the document has no operation of shape %q", op, op.Status, key)
			}
			continue
		}
		if prev, dup := seen[key]; dup {
			tb.Errorf("catalog operations %s and %s both match document operation %s", prev, op, s)
		}
		seen[key] = op.String()
		out = append(out, checkedProbe{op: op, probe: p, spec: s})
	}
	var unmatched []string
	for key, s := range specs {
		if _, ok := seen[key]; !ok {
			unmatched = append(unmatched, s.String())
		}
	}
	slices.Sort(unmatched)
	if len(unmatched) > 0 {
		tb.Errorf("document operations no catalog operation matches:\n%s", strings.Join(unmatched, "\n"))
	}
	slices.SortFunc(out, func(a, b checkedProbe) int { return strings.Compare(a.name(), b.name()) })
	return out
}

// pathValues maps each {name} of the document's template to the segment
// the probe sends in its place; it fails when the segments do not line up.
func pathValues(tb testing.TB, c checkedProbe) map[string]string {
	tb.Helper()
	ts, ps := strings.Split(c.spec.template, "/"), strings.Split(c.probe.Path, "/")
	if len(ts) != len(ps) {
		tb.Fatalf("probe path %q has %d segments, document template %q has %d", c.probe.Path, len(ps), c.spec.template, len(ts))
	}
	values := map[string]string{}
	for i, seg := range ts {
		if !templateParam.MatchString(seg) {
			continue
		}
		if !strings.HasPrefix(seg, "{") || !strings.HasSuffix(seg, "}") {
			tb.Fatalf("document template %q has a parameter inside segment %q; only whole segments are supported", c.spec.template, seg)
		}
		values[strings.Trim(seg, "{}")] = ps[i]
	}
	return values
}

// parameters returns the parameters that apply to the operation: the
// operation's own, and the path item's that it does not override.
func (s specOperation) parameters() openapi3.Parameters {
	params := slices.Clone(s.op.Parameters)
	for _, ref := range s.item.Parameters {
		if p := ref.Value; p != nil && params.GetByInAndName(p.In, p.Name) == nil {
			params = append(params, ref)
		}
	}
	return params
}
