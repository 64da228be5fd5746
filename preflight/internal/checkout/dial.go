package checkout

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/url"
	"time"
)

// warmConn is a TLS connection opened ahead of the requests (Prewarm).
type warmConn struct {
	conn   *tls.Conn
	opened time.Time
}

// warmMaxAge is how long a warm connection is offered; an older one is
// closed (servers close idle connections, typically after a minute).
const warmMaxAge = 30 * time.Second

// dialer opens the TLS connections of direct requests.
type dialer struct {
	tcp              *net.Dialer
	roots            *rootPool
	handshakeTimeout time.Duration
	// dialContext replaces tcp.DialContext when set (ClientOptions).
	dialContext func(ctx context.Context, network, addr string) (net.Conn, error)
	// proxy is the environment's proxy function (nil: none); dial tunnels
	// through the plain http:// proxies it names (tunnel.go).
	proxy func(*http.Request) (*url.URL, error)
}

// dialTCP opens a TCP connection to addr.
func (d dialer) dialTCP(ctx context.Context, network, addr string) (net.Conn, error) {
	if d.dialContext != nil {
		return d.dialContext(ctx, network, addr)
	}
	return d.tcp.DialContext(ctx, network, addr)
}

// dialTLS is the direct transport's DialTLSContext: the connection wrap
// hands over for an h2 pool, else a warm connection to addr when Prewarm
// or a first connection left one, else a new one.
func (t *hostTransport) dialTLS(ctx context.Context, network, addr string) (net.Conn, error) {
	if c := handedOver(ctx); c != nil {
		return c, nil
	}
	if c := t.takeWarm(addr); c != nil {
		return c, nil
	}
	return t.dialer.dial(ctx, network, addr)
}

// takeWarm returns a warm connection to addr and forgets it, or nil.
func (t *hostTransport) takeWarm(addr string) *tls.Conn {
	t.mu.Lock()
	defer t.mu.Unlock()
	h := t.hosts[addr]
	if h == nil {
		return nil
	}
	for len(h.warm) > 0 {
		w := h.warm[0]
		h.warm = h.warm[1:]
		if time.Since(w.opened) < warmMaxAge {
			return w.conn
		}
		w.conn.Close()
	}
	return nil
}

// dial opens a TCP connection to addr, or a tunnel to it through the
// environment's http:// proxy, then (the roots being loaded meanwhile) a
// TLS session offering h2 and http/1.1, verified against the client's
// roots for addr's host. Errors are those of net and crypto/tls, as
// net/http's own dialing returns them.
func (d dialer) dial(ctx context.Context, network, addr string) (*tls.Conn, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	var raw net.Conn
	if proxy := d.tunnelProxy(addr); proxy != nil {
		raw, err = d.tunnel(ctx, proxy, addr)
	} else {
		raw, err = d.dialTCP(ctx, network, addr)
	}
	if err != nil {
		return nil, err
	}
	hctx, cancel := context.WithTimeout(ctx, d.handshakeTimeout)
	defer cancel()
	roots, err := d.roots.wait(hctx)
	if err != nil {
		raw.Close()
		return nil, err
	}
	conn := tls.Client(raw, &tls.Config{
		ServerName: host,
		RootCAs:    roots,
		NextProtos: []string{protoH2, protoHTTP1},
		MinVersion: tls.VersionTLS12,
	})
	if err := conn.HandshakeContext(hctx); err != nil {
		raw.Close()
		return nil, err
	}
	return conn, nil
}
