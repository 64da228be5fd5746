package simulator

import "net/http"

// Paths of the IP echo endpoints, in the manner of api.ipify.org.
const (
	echoPath     = "/ip"      // text/plain: the IPv4 address and a newline
	echoJSONPath = "/ip.json" // application/json: {"ip":"…"}
	echoIPv6Path = "/ip6"     // text/plain: the IPv6 address, or 503
)

// serveEcho answers the IP echo endpoints (GET or HEAD; other methods 405).
// The IPv6 echo answers 503 with an empty body when Options.EgressIPv6 is
// empty, as an echo service reached over IPv4 only would fail.
func (s *Server) serveEcho(r *http.Request) response {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return response{status: http.StatusMethodNotAllowed, header: http.Header{"Allow": {"GET, HEAD"}}}
	}
	text := func(ip string) response {
		return response{status: http.StatusOK, body: []byte(ip + "\n"), contentType: "text/plain; charset=utf-8"}
	}
	switch r.URL.Path {
	case echoJSONPath, echoJSONPath + "/":
		return jsonResponse(http.StatusOK, map[string]string{"ip": s.opts.EgressIPv4})
	case echoIPv6Path, echoIPv6Path + "/":
		if s.opts.EgressIPv6 == "" {
			return response{status: http.StatusServiceUnavailable}
		}
		return text(s.opts.EgressIPv6)
	}
	return text(s.opts.EgressIPv4)
}
