package catalog

import (
	"slices"
	"strconv"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// Match is the result of Catalog.Match: the operation a declared endpoint
// refers to.
type Match struct {
	// Operation is the matched catalog operation.
	Operation Operation
	// Method is the method as matched, upper-case.
	Method string
	// Path is the path as given, without scheme, host, query string,
	// fragment or trailing slash, e.g. "/payments/pay_abc/refunds".
	Path string
	// Params maps each parameter name of Operation.Path to the segment given
	// in its place: a concrete id ("pay_abc") or a template ("{paymentId}").
	// It is empty, never nil, for a path without parameters.
	Params map[string]string
}

// pattern is an operation's path template split into segments.
type pattern struct {
	segs  []string // literal text, or the parameter name when param is true
	param []bool
}

func compile(path string) pattern {
	var p pattern
	for _, s := range splitPath(path) {
		if name, ok := paramName(s); ok {
			p.segs, p.param = append(p.segs, name), append(p.param, true)
			continue
		}
		p.segs, p.param = append(p.segs, s), append(p.param, false)
	}
	return p
}

// splitPath returns the non-empty segments of a path.
func splitPath(path string) []string {
	return slices.DeleteFunc(strings.Split(path, "/"), func(s string) bool { return s == "" })
}

// paramName reports whether seg is a template parameter "{name}" and
// returns name.
func paramName(seg string) (string, bool) {
	if len(seg) >= 2 && seg[0] == '{' && seg[len(seg)-1] == '}' {
		return seg[1 : len(seg)-1], true
	}
	return "", false
}

// matches reports whether the given segments fit the pattern. A literal
// segment must be equal (ignoring case); a parameter takes any concrete
// segment or any template parameter. A template parameter given never
// matches a literal.
func (p pattern) matches(segs []string) bool {
	if len(segs) != len(p.segs) {
		return false
	}
	for i, s := range segs {
		if p.param[i] {
			continue
		}
		if _, isParam := paramName(s); isParam || !strings.EqualFold(s, p.segs[i]) {
			return false
		}
	}
	return true
}

// moreSpecific reports whether p beats q for a path both match: at the first
// position where one has a literal and the other a parameter, the literal
// wins.
func (p pattern) moreSpecific(q pattern) bool {
	for i := range min(len(p.param), len(q.param)) {
		if p.param[i] != q.param[i] {
			return !p.param[i]
		}
	}
	return false
}

func (p pattern) sameShape(q pattern) bool { return slices.Equal(p.param, q.param) }

// shapeKey is the key under which Catalog.byShape lists p: its number of
// segments and its first segment in lower case, or "{}" when that is a
// parameter.
func (p pattern) shapeKey() string {
	if len(p.segs) == 0 {
		return "0"
	}
	if p.param[0] {
		return shapeKey(len(p.segs), "{}")
	}
	return shapeKey(len(p.segs), p.segs[0])
}

// shapeKey joins a segment count and a first segment (lower-cased).
func shapeKey(n int, first string) string { return strconv.Itoa(n) + "/" + strings.ToLower(first) }

// candidates returns, in catalog order, the indexes of the patterns that
// may match segs: those of its length whose first segment is segs[0]
// (ignoring case) or a parameter. Every pattern that matches segs is
// among them.
func (c *Catalog) candidates(segs []string) []int {
	if len(segs) == 0 {
		return c.byShape["0"]
	}
	if _, isParam := paramName(segs[0]); isParam {
		return c.byShape[shapeKey(len(segs), "{}")] // a parameter given never matches a literal
	}
	lit, par := c.byShape[shapeKey(len(segs), segs[0])], c.byShape[shapeKey(len(segs), "{}")]
	if len(par) == 0 {
		return lit
	}
	out := append(slices.Clone(lit), par...)
	slices.Sort(out)
	return out
}

// request is a normalised Match input.
type request struct {
	method string
	host   string // first label of a known host; empty when none was given
	path   string
	segs   []string
}

// parseRequest normalises method and target. target may be a path template,
// a concrete path or a full URL; query string, fragment and trailing slash
// are dropped. hosts is the set of hosts the catalog knows.
func parseRequest(method, target string, hosts map[string]bool) request {
	r := request{method: strings.ToUpper(strings.TrimSpace(method))}
	t := strings.TrimSpace(target)
	if i := strings.IndexAny(t, "?#"); i >= 0 {
		t = t[:i]
	}
	if rest, ok := cutScheme(t); ok {
		hostport, path, _ := strings.Cut(rest, "/")
		r.host = hostLabel(hostport, hosts)
		t = "/" + path
	}
	r.segs = splitPath(t)
	r.path = "/" + strings.Join(r.segs, "/")
	return r
}

func cutScheme(t string) (string, bool) {
	for _, scheme := range []string{"https://", "http://"} {
		if len(t) >= len(scheme) && strings.EqualFold(t[:len(scheme)], scheme) {
			return t[len(scheme):], true
		}
	}
	return "", false
}

// hostLabel picks the catalog host named by a URL's host: the first
// dot-separated label that is a known host, so that
// "files.sandbox.checkout.com" gives "files" and
// "{prefix}.api.checkout.com" gives "api". Hosts outside checkout.com (for
// example a loopback simulator) and bare "checkout.com" give "", meaning no
// preference. Any other checkout.com host gives its first label, which then
// matches nothing.
func hostLabel(hostport string, hosts map[string]bool) string {
	if at := strings.LastIndexByte(hostport, '@'); at >= 0 {
		hostport = hostport[at+1:]
	}
	name := strings.ToLower(hostport)
	if i := strings.LastIndexByte(name, ':'); i >= 0 && !strings.Contains(name[i:], "]") {
		name = name[:i]
	}
	name = strings.TrimSuffix(name, ".")
	if !transport.IsCheckoutHost(name) {
		return ""
	}
	labels := strings.Split(strings.TrimSuffix(name, "checkout.com"), ".")
	for _, l := range labels {
		if hosts[l] {
			return l
		}
	}
	return labels[0] // a checkout.com host the catalog does not know
}
