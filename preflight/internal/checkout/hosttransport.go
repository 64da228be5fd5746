package checkout

import (
	"crypto/tls"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync"
)

// Protocols a host is known to speak, as negotiated through ALPN.
const (
	protoUnknown = ""
	protoH2      = "h2"
	protoHTTP1   = "http/1.1"
)

// hostTransport is the RoundTripper of NewHTTPClient. Requests through a proxy
// go to proxied, an ordinary net/http Transport; every other request goes
// to direct, whose TLS connections this type dials itself (see dialTLS).
//
// Before the first connection to an https host reveals its protocol,
// concurrent requests to it do not each dial, as net/http does: the first
// request (the leader) goes alone, and the others wait until it has a
// connection. If that connection speaks h2, net/http has put it in its
// HTTP/2 pool by then and every waiting request is multiplexed on it: one
// connection per host. If it speaks http/1.1, the waiting requests then
// dial in parallel, and from then on requests to the host never wait.
type hostTransport struct {
	direct  *http.Transport
	proxied *http.Transport // nil when the environment names no proxy
	proxy   func(*http.Request) (*url.URL, error)
	dialer  dialer

	mu    sync.Mutex
	hosts map[string]*hostState // by gateKey
}

// hostState is what the transport knows of one https host.
type hostState struct {
	proto string
	// lead is closed when the leader (a request, or a Prewarm dial) has a
	// connection or gave up; nil when no leader is under way.
	lead chan struct{}
	// warm holds connections Prewarm opened that net/http has not taken
	// yet (dialTLS hands them out first).
	warm []warmConn
	// streams budgets the requests to an h2 host (streamRoundTrip).
	streams streams
}

// gateKey returns the "host:port" of an https request to be sent directly
// (no proxy), in the form net/http passes to DialTLSContext, and whether
// the request is one.
func (t *hostTransport) gateKey(r *http.Request) (string, bool) {
	if r.URL == nil || r.URL.Scheme != "https" || t.viaProxy(r) {
		return "", false
	}
	host := r.URL.Hostname()
	if host == "" || strings.ContainsFunc(host, func(c rune) bool { return c >= 0x80 }) {
		return "", false // leave internationalised names to net/http alone
	}
	port := r.URL.Port()
	if port == "" {
		port = "443"
	}
	return net.JoinHostPort(strings.ToLower(host), port), true
}

// viaProxy reports whether r is sent through a proxy.
func (t *hostTransport) viaProxy(r *http.Request) bool {
	if t.proxy == nil {
		return false
	}
	u, err := t.proxy(r)
	return err != nil || u != nil
}

// host returns the state of key, creating it. t.mu must be held.
func (t *hostTransport) host(key string) *hostState {
	if t.hosts == nil {
		t.hosts = map[string]*hostState{}
	}
	h := t.hosts[key]
	if h == nil {
		h = &hostState{}
		t.hosts[key] = h
	}
	return h
}

func (t *hostTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if t.viaProxy(r) {
		return t.proxied.RoundTrip(r)
	}
	key, ok := t.gateKey(r)
	if !ok {
		return t.direct.RoundTrip(r)
	}
	for {
		t.mu.Lock()
		h := t.host(key)
		switch {
		case h.lead != nil:
			lead := h.lead
			t.mu.Unlock()
			select {
			case <-lead:
				continue
			case <-r.Context().Done():
				return nil, r.Context().Err()
			}
		case h.proto == protoUnknown, h.proto == protoH2 && len(h.warm) > 0:
			// Nobody knows the protocol yet, or a warm h2 connection
			// waits to be handed to net/http: this request goes alone.
			h.lead = make(chan struct{})
			t.mu.Unlock()
			return t.leadRoundTrip(r, h)
		case h.proto == protoH2:
			t.mu.Unlock()
			return t.streamRoundTrip(r, h)
		default:
			t.mu.Unlock()
			return t.direct.RoundTrip(r)
		}
	}
}

// leadRoundTrip sends r, the first request to its host, and releases the
// requests waiting behind it as soon as r has a connection (net/http's
// GotConn), learning the host's protocol from that connection, or when r
// ends without one.
func (t *hostTransport) leadRoundTrip(r *http.Request, h *hostState) (*http.Response, error) {
	var (
		once sync.Once
		onH2 bool // r counts among h's h2 streams (streamRoundTrip)
	)
	release := func(c net.Conn) {
		once.Do(func() {
			t.mu.Lock()
			if c != nil {
				h.proto = negotiated(c)
			}
			if onH2 = h.proto == protoH2; onH2 {
				h.streams.inflight++
				if c != nil {
					t.sawConn(&h.streams, c)
				}
			}
			close(h.lead)
			h.lead = nil
			t.mu.Unlock()
		})
	}
	trace := &httptrace.ClientTrace{GotConn: func(info httptrace.GotConnInfo) { release(info.Conn) }}
	resp, err := t.direct.RoundTrip(r.WithContext(httptrace.WithClientTrace(r.Context(), trace)))
	release(nil)
	if onH2 {
		return t.finishStream(&h.streams, resp, err)
	}
	return resp, err
}

// negotiated is the protocol of c: h2 when ALPN chose it, else http/1.1.
func negotiated(c net.Conn) string {
	if tc, ok := c.(*tls.Conn); ok && tc.ConnectionState().NegotiatedProtocol == protoH2 {
		return protoH2
	}
	return protoHTTP1
}

// CloseIdleConnections closes the idle connections of both transports and
// every warm connection not taken yet, and forgets what it learnt of the
// hosts, so that a closed client starts cold.
func (t *hostTransport) CloseIdleConnections() {
	t.mu.Lock()
	hosts := t.hosts
	t.hosts = nil
	t.mu.Unlock()
	for _, h := range hosts {
		for _, w := range h.warm {
			w.conn.Close()
		}
	}
	t.direct.CloseIdleConnections()
	if t.proxied != nil {
		t.proxied.CloseIdleConnections()
	}
}
