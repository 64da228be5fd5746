package checkout

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// Protocols a host is known to speak, as negotiated through ALPN.
const (
	protoUnknown = ""
	protoH2      = "h2"
	protoHTTP1   = "http/1.1"
)

// hostTransport is the RoundTripper of NewHTTPClient. Requests through an
// https:// or socks5:// proxy, and plain http:// requests through any
// proxy, go to proxied, an ordinary net/http Transport; every other
// request goes to direct, whose TLS connections this type dials itself
// (see dialTLS), directly or through a CONNECT tunnel of its own across a
// plain http:// proxy (tunnel.go).
//
// The first request to an https host (or Prewarm) opens its first
// connection, and the host's protocol is learnt from it. To one of
// Checkout.com's hosts, which all speak h2, the requests that come
// meanwhile wait for that connection instead of dialling their own, as
// net/http would, once per waiting request; to any other host (an api-url
// override, an echo service), whose protocol cannot be known in advance,
// each dials its own, so that an http/1.1-only server is not made slower.
// Once the protocol is known: an h2 host's requests are sent on the
// transport's own pool of h2 connections (h2pool.go), every connection
// dialled so far included, as many at once as the server's stream limit
// allows, then one more connection is opened, by one request, while the
// others wait for it; an http/1.1 host's connections are left for net/http
// to take, and its requests never wait.
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
	// knownH2 is set for Checkout.com's hosts (transport.IsCheckoutHost):
	// requests wait for the host's first connection rather than dial their
	// own while its protocol is not known yet.
	knownH2 bool
	// lead is the opening of the host's first connection under way (by a
	// request, or by Prewarm); nil when there is none.
	lead *leader
	// warm holds http/1.1 connections Prewarm or a leader opened that
	// net/http has not taken yet (dialTLS hands them out first).
	warm []warmConn
	// pool holds the h2 connections of an h2 host.
	pool h2pool
}

// leader is the opening of a host's first connection: done is closed when
// it has ended, with err, when it failed, set first. The requests that
// waited for a request's opening fail with its error: they would each have
// met it in turn. Prewarm's error is not theirs (its context is not
// theirs): they open the connection again.
type leader struct {
	done chan struct{}
	err  error
	// spare is set while Prewarm's opening has no request to use it: the
	// first request that comes takes it (waits for it) rather than dial
	// beside it, so that it is not wasted on an http/1.1 host. Guarded by
	// the transport's mu.
	spare bool
}

// gateKey returns the "host:port" of an https request the transport dials
// for itself (directly or through its own tunnel), in the form net/http
// passes to DialTLSContext, and whether the request is one.
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

// viaProxy reports whether r is sent by net/http through a proxy (or the
// proxy setting fails for it): every proxied request but an https one
// through a plain http:// proxy, which the transport tunnels itself.
func (t *hostTransport) viaProxy(r *http.Request) bool {
	if t.proxy == nil {
		return false
	}
	u, err := t.proxy(r)
	if err != nil {
		return true
	}
	return u != nil && !(r.URL != nil && r.URL.Scheme == "https" && u.Scheme == "http")
}

// host returns the state of key ("host:port", from gateKey), creating it.
// t.mu must be held.
func (t *hostTransport) host(key string) *hostState {
	if t.hosts == nil {
		t.hosts = map[string]*hostState{}
	}
	h := t.hosts[key]
	if h == nil {
		name, _, _ := net.SplitHostPort(key)
		h = &hostState{knownH2: transport.IsCheckoutHost(name)}
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
		case h.proto == protoH2:
			t.mu.Unlock()
			return t.h2RoundTrip(r, key, h)
		case h.proto == protoHTTP1:
			t.mu.Unlock()
			return t.direct.RoundTrip(r)
		case h.lead != nil && h.lead.spare:
			// Prewarm is opening a connection nobody uses yet: this
			// request takes it, whatever the host speaks.
			h.lead.spare = false
			lead := h.lead
			t.mu.Unlock()
			select {
			case <-lead.done:
			case <-r.Context().Done():
				return nil, r.Context().Err()
			}
		case h.lead != nil && !h.knownH2:
			// The first connection is being opened, and this host may
			// not speak h2: open another one beside it rather than wait.
			t.mu.Unlock()
			if err := t.connect(r.Context(), key, h); err != nil {
				return nil, err
			}
		case h.lead != nil:
			lead := h.lead
			t.mu.Unlock()
			select {
			case <-lead.done:
				if lead.err != nil {
					return nil, lead.err
				}
			case <-r.Context().Done():
				return nil, r.Context().Err()
			}
		default:
			// Nobody knows the protocol yet: this request opens the
			// host's first connection, then goes on as the others.
			lead := &leader{done: make(chan struct{})}
			h.lead = lead
			t.mu.Unlock()
			if err := t.open(r.Context(), key, h, lead, true); err != nil {
				return nil, err
			}
		}
	}
}

// open dials key's first connection as h's leader (lead is h.lead; see
// connect). The requests waiting on lead are released however it ends,
// with its error if it failed (lead.err, set here unless shareErr is false
// or the error is ctx's own end); the next request to come leads again.
func (t *hostTransport) open(ctx context.Context, key string, h *hostState, lead *leader, shareErr bool) error {
	err := t.connect(ctx, key, h)
	t.mu.Lock()
	defer t.mu.Unlock()
	if shareErr && ctx.Err() == nil {
		lead.err = err // the host's fault, not the leader's own deadline
	}
	close(lead.done)
	h.lead = nil
	return err
}

// connect dials a connection to key and gives it to h, which learns the
// host's protocol from it: an h2 connection joins the host's pool, an
// http/1.1 one waits in h.warm for net/http to take. It is closed instead
// when CloseIdleConnections has forgotten h meanwhile.
func (t *hostTransport) connect(ctx context.Context, key string, h *hostState) error {
	conn, err := t.dialer.dial(ctx, "tcp", key)
	if err != nil {
		return err
	}
	var cc *http.ClientConn
	if negotiated(conn) == protoH2 {
		if cc, err = t.wrap(ctx, key, conn); err != nil {
			return err
		}
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	switch {
	case t.hosts[key] != h:
		if cc != nil {
			cc.Close()
		} else {
			conn.Close()
		}
	case cc != nil:
		h.proto = protoH2
		t.addToPool(h, cc)
	default:
		h.proto = protoHTTP1
		h.warm = append(h.warm, warmConn{conn: conn, opened: time.Now()})
	}
	return nil
}

// negotiated is the protocol of c: h2 when ALPN chose it, else http/1.1.
func negotiated(c net.Conn) string {
	if tc, ok := c.(*tls.Conn); ok && tc.ConnectionState().NegotiatedProtocol == protoH2 {
		return protoH2
	}
	return protoHTTP1
}

// CloseIdleConnections closes the idle connections of both transports,
// every warm connection not taken yet and the h2 pools' connections (those
// still in use too: it is called once a run is over), and forgets what it
// learnt of the hosts, so that a closed client starts cold.
func (t *hostTransport) CloseIdleConnections() {
	t.mu.Lock()
	hosts := t.hosts
	t.hosts = nil
	t.mu.Unlock()
	for _, h := range hosts {
		for _, w := range h.warm {
			w.conn.Close()
		}
		for _, cc := range h.pool.conns {
			cc.Close()
		}
	}
	t.direct.CloseIdleConnections()
	if t.proxied != nil {
		t.proxied.CloseIdleConnections()
	}
}
