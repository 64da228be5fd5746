package probe

import (
	"fmt"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// EmptyArray is the body of every POST, PUT and PATCH probe: a JSON array,
// which can never bind to a request object, so the API rejects the request
// before acting on it.
const EmptyArray = "[]"

// Probe is one harmless request for one catalog operation.
type Probe struct {
	// Method is the upper-case HTTP method, the operation's own.
	Method string
	// Host is the catalog host ("api", "files", …) the request goes to; the
	// client maps it to a base URL.
	Host string
	// Path is the concrete path: every {param} of the template replaced by
	// a non-existent identifier (see ID). It never contains '{' or '}'.
	Path string
	// Query is the raw query without '?', e.g. "limit=1" for some
	// collection GETs; empty for none.
	Query string
	// Body is the request body, []byte("[]") for POST, PUT and PATCH; nil
	// means no body.
	Body []byte
	// ContentType is the Content-Type of Body; empty when there is no body.
	ContentType string
	// Idempotent is true for GET, PUT and DELETE. When false (POST, PATCH)
	// the client sends a Cko-Idempotency-Key, generated once per probe and
	// reused unchanged across the probe's retries, so that a retried
	// request can never act twice.
	Idempotent bool
	// Shape is a one-line description of the request for audits, e.g.
	// "POST /payments; body [] (a JSON array, never a valid request object)".
	Shape string
	// Skip, when not empty, is why this operation must not be probed (the
	// token endpoints, for example); the other fields are then informative
	// only and the request must not be sent. Empty means send it.
	Skip string
}

// For returns the probe for op. It never fails: an operation that must not
// be probed comes back with Skip set.
func For(op catalog.Operation) Probe {
	method := strings.ToUpper(op.Method)
	path, params := concretePath(op.Path)
	p := Probe{
		Method:     method,
		Host:       op.Host,
		Path:       path,
		Idempotent: method != "POST" && method != "PATCH",
	}
	key := method + " " + op.Host + " " + op.Path
	if reason, ok := skipped()[key]; ok {
		p.Skip = reason
		p.Shape = fmt.Sprintf("%s %s; not probed: %s", method, path, reason)
		return p
	}
	switch method {
	case "GET", "HEAD":
		if params == 0 {
			p.Query = collectionQueries()[op.Host+" "+op.Path]
		}
	case "DELETE":
		if params == 0 {
			p.Skip = "a DELETE that addresses no resource id could delete something"
		}
	default: // POST, PUT, PATCH and anything unforeseen carry a body that cannot validate
		p.Body = []byte(EmptyArray)
		p.ContentType = "application/json"
	}
	p.Shape = shape(p, params, multipart()[key])
	return p
}

// concretePath replaces every {param} of template with ID and returns the
// path and the number of parameters replaced.
func concretePath(template string) (path string, params int) {
	segs := strings.Split(template, "/")
	prev := ""
	for i, seg := range segs {
		literal := !strings.ContainsAny(seg, "{}")
		if !literal {
			// Stray braces (a malformed template) must not reach the wire.
			strip := strings.NewReplacer("{", "", "}", "")
			var b strings.Builder
			rest := seg
			for {
				open := strings.IndexByte(rest, '{')
				if open < 0 {
					break
				}
				end := strings.IndexByte(rest[open+1:], '}')
				if end < 0 {
					break
				}
				end += open + 1
				b.WriteString(strip.Replace(rest[:open]))
				b.WriteString(ID(prev, rest[open+1:end]))
				params++
				rest = rest[end+1:]
			}
			b.WriteString(strip.Replace(rest))
			seg = b.String()
		}
		segs[i] = seg
		if literal {
			prev = seg
		} else {
			prev = ""
		}
	}
	return strings.Join(segs, "/"), params
}

// shape describes p in one line for audits.
func shape(p Probe, params int, isMultipart bool) string {
	target := p.Method + " " + p.Path
	if p.Query != "" {
		target += "?" + p.Query
	}
	var why []string
	if params > 0 {
		why = append(why, "non-existent id")
	}
	switch {
	case p.Body != nil && isMultipart:
		why = append(why, "body [] as application/json instead of a multipart upload (415 or 422 expected)")
	case p.Body != nil:
		why = append(why, "body [] (a JSON array, never a valid request object)")
	case p.Method == "DELETE":
		why = append(why, "no body")
	case p.Query != "":
		why = append(why, "read-only, at most one item")
	case params == 0:
		why = append(why, "read-only")
	}
	if !p.Idempotent {
		why = append(why, "fresh Cko-Idempotency-Key")
	}
	if p.Skip != "" {
		why = append(why, "not probed: "+p.Skip)
	}
	return target + "; " + strings.Join(why, ", ")
}
