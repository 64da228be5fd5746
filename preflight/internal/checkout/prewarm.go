package checkout

import (
	"context"
	"net/http"
	"net/url"
)

// Prewarm opens, in the background, a connection to the host of each of
// urls (TCP and TLS, the protocol negotiated through ALPN), so that the
// first request to it finds the connection ready instead of paying two
// round trips for it. Requests to a host made while its connection is
// being opened wait for it rather than dial their own. Call it as soon as
// the hosts are known and before anything else is sent to them: the API
// hosts while an OAuth token is being fetched, for example.
//
// Prewarm returns at once; ctx bounds the dials. It does nothing for a
// client that NewHTTPClient did not make, for http:// URLs, for hosts
// reached through an https:// or socks5:// proxy (net/http's), and for
// hosts the client has a connection to or is connecting to already; hosts
// behind a plain http:// proxy are prewarmed through its tunnel. Unparsable URLs are skipped. A failed dial is
// forgotten: the request that follows dials again and reports the error.
func Prewarm(ctx context.Context, hc *http.Client, urls ...string) {
	t := transportOf(hc)
	if t == nil {
		return
	}
	for _, raw := range urls {
		u, err := url.Parse(raw)
		if err != nil {
			continue
		}
		t.prewarm(ctx, &http.Request{Method: http.MethodGet, URL: u, Host: u.Host, Header: http.Header{}})
	}
}

// transportOf returns the transport of a client from NewHTTPClient, or nil.
func transportOf(hc *http.Client) *hostTransport {
	if hc == nil {
		return nil
	}
	rt := hc.Transport
	if ua, ok := rt.(*userAgentTransport); ok {
		rt = ua.next
	}
	t, _ := rt.(*hostTransport)
	return t
}

// prewarm opens a connection for r's host, when it has none, as the
// host's leader: requests that come meanwhile wait for it.
func (t *hostTransport) prewarm(ctx context.Context, r *http.Request) {
	key, ok := t.gateKey(r.WithContext(ctx))
	if !ok {
		return
	}
	t.mu.Lock()
	h := t.host(key)
	if h.lead != nil || h.proto != protoUnknown {
		t.mu.Unlock()
		return
	}
	lead := &leader{done: make(chan struct{}), spare: true}
	h.lead = lead
	t.mu.Unlock()
	go func() {
		dctx, cancel := context.WithTimeout(ctx, t.dialer.tcp.Timeout+t.dialer.handshakeTimeout)
		defer cancel()
		_ = t.open(dctx, key, h, lead, false) // a failed dial is forgotten; the next request dials again
	}()
}
