package simulator

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Fault makes matching requests fail instead of getting their normal
// answer. Faults apply after Options.Latency and before anything else
// (authentication included). The zero Fault answers every API request 500.
type Fault struct {
	// Route selects the requests the fault affects:
	//   - "" (empty): every API request (not the token endpoint or echo);
	//   - "*": every request;
	//   - "token" (RouteToken): the token endpoint;
	//   - "echo" (RouteEcho): the three IP echo endpoints;
	//   - "METHOD /template", as catalog.Operation.String writes it (e.g.
	//     "POST /payments/{id}/refunds"): API requests matching that
	//     operation (the method is case-insensitive);
	//   - "/prefix": every request whose path starts with it ("/payments"
	//     also matches "/payments/pay_x" and "/payments-links").
	// Anything else makes AddFault panic.
	Route string

	// Authorization, when set, narrows the fault to requests whose
	// Authorization header is exactly this value, e.g. "Bearer sk_sbox_…":
	// a probe's control request, sent with a credential that cannot
	// exist, is then left alone. Empty matches any request.
	Authorization string

	// Status is the status answered. Zero means 200 when Body is set, else
	// 500. With CloseMidResponse, zero means the connection closes inside
	// the header block (the client's Do fails); non-zero means the status
	// and headers are sent and the body is cut short (reading it fails).
	Status int

	// RetryAfter is sent verbatim as the Retry-After header (e.g. "1",
	// "100000" or an HTTP date); empty sends none.
	RetryAfter string

	// Times is how many requests the fault affects, after which it is gone;
	// zero or negative means every matching request until Reset.
	Times int

	// Hang holds the request unanswered until the client gives up (its
	// context is done) or the server closes; the connection is then
	// dropped. Status, Body and RetryAfter are ignored.
	Hang bool

	// CloseMidResponse hijacks the connection, writes part of a response
	// (see Status) and closes it.
	CloseMidResponse bool

	// Body replaces the answer's body, e.g. "<html>" to answer non-JSON;
	// its Content-Type is sniffed. Empty means an empty body (with
	// CloseMidResponse and a Status, a JSON {"request_id"} cut short).
	Body string
}

// fault is an added Fault and its matcher; left counts down when Times > 0.
type fault struct {
	Fault
	match faultMatcher
	left  int
}

// faultMatcher is a parsed Fault.Route.
type faultMatcher struct {
	every  bool       // "*"
	kind   targetKind // "", "token", "echo"; when route and prefix are empty
	route  string     // "METHOD /template", method upper-cased
	prefix string     // "/prefix"
}

func parseFaultRoute(route string) (faultMatcher, error) {
	switch route {
	case "":
		return faultMatcher{kind: forAPI}, nil
	case "*":
		return faultMatcher{every: true}, nil
	case RouteToken:
		return faultMatcher{kind: forToken}, nil
	case RouteEcho:
		return faultMatcher{kind: forEcho}, nil
	}
	if strings.HasPrefix(route, "/") {
		return faultMatcher{prefix: route}, nil
	}
	method, path, ok := strings.Cut(route, " ")
	if ok && method != "" && strings.HasPrefix(path, "/") && !strings.Contains(path, " ") {
		return faultMatcher{route: strings.ToUpper(method) + " " + path}, nil
	}
	return faultMatcher{}, fmt.Errorf("fault route %q is not a matcher: use \"\", \"*\", %q, %q, \"METHOD /template\" or a \"/path-prefix\"", route, RouteToken, RouteEcho)
}

func (m faultMatcher) matches(t target, path string) bool {
	switch {
	case m.every:
		return true
	case m.prefix != "":
		return strings.HasPrefix(path, m.prefix)
	case m.route != "":
		return t.kind == forAPI && t.route == m.route
	}
	return t.kind == m.kind
}

// takeFault returns the first fault matching the request, counting it
// against the fault's Times.
func (s *Server) takeFault(t target, r *http.Request) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if !f.match.matches(t, r.URL.Path) || f.Authorization != "" && r.Header.Get("Authorization") != f.Authorization {
			continue
		}
		if f.Times > 0 {
			if f.left--; f.left == 0 {
				s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
			}
		}
		return f.Fault, true
	}
	return Fault{}, false
}

// serveFault answers r as f says and completes its record.
func (s *Server) serveFault(w http.ResponseWriter, r *http.Request, f Fault, sl slot, rec Request) {
	switch {
	case f.Hang:
		s.wait(r.Context(), nil)
		panic(http.ErrAbortHandler) // recorded with Status 0: never answered
	case f.CloseMidResponse:
		rec.Status = f.Status
		s.complete(sl, rec)
		s.closeMidResponse(w, f, rec.RequestID)
		return
	}
	resp := response{status: f.Status, body: []byte(f.Body)}
	if resp.status == 0 {
		resp.status = http.StatusInternalServerError
		if f.Body != "" {
			resp.status = http.StatusOK
		}
	}
	if f.Body != "" {
		resp.contentType = http.DetectContentType(resp.body)
	}
	if f.RetryAfter != "" {
		resp.header = http.Header{"Retry-After": {f.RetryAfter}}
	}
	rec.Status = resp.status
	s.complete(sl, rec)
	resp.write(w, r)
}

// closeMidResponse hijacks the connection, writes part of an answer and
// closes it: with f.Status zero, a status line and a header cut short;
// otherwise the full head with a Content-Length the body never reaches.
func (s *Server) closeMidResponse(w http.ResponseWriter, f Fault, requestID string) {
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler) // not hijackable (HTTP/2): just drop it
	}
	defer conn.Close()
	if f.Status == 0 {
		fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\n%s: %s\r\nContent-Le", requestIDHeader, requestID)
		buf.Flush() //nolint:errcheck // the connection is closed next anyway
		return
	}
	body := f.Body
	if body == "" {
		body = `{"request_id":"` + requestID + `"}`
	}
	fmt.Fprintf(buf, "HTTP/1.1 %d %s\r\n%s: %s\r\nContent-Type: %s\r\nContent-Length: %s\r\n",
		f.Status, http.StatusText(f.Status), requestIDHeader, requestID,
		http.DetectContentType([]byte(body)), strconv.Itoa(len(body)+1))
	if f.RetryAfter != "" {
		fmt.Fprintf(buf, "Retry-After: %s\r\n", f.RetryAfter)
	}
	fmt.Fprintf(buf, "\r\n%s", body[:len(body)/2])
	buf.Flush() //nolint:errcheck // the connection is closed next anyway
}
